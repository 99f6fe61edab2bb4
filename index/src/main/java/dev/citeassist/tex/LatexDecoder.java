package dev.citeassist.tex;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the LaTeX of a BibTeX field value into the Unicode text that is searched and shown.
 *
 * <p>Accents in every spelling ({@code {\"o}}, {@code \"{o}}, {@code \"o}, {@code \v s}, {@code
 * \'{\i}}) become precomposed letters; letter commands ({@code \l}, {@code \ss}, {@code \o}, {@code
 * \aa}, ...) and escapes ({@code \&}, {@code \%}, {@code \_}) their characters; {@code --} and
 * {@code ---} become an en and an em dash, TeX quotes typographic ones, {@code ~} a space. Braces
 * that only protect case are dropped, formatting commands ({@code \emph}, {@code \textbf}, {@code
 * {\sc ...}}) keep their text, unknown commands lose their name but keep their argument. Math
 * ({@code $...$}, {@code \(...\)}, {@code \ensuremath{...}}) is kept exactly as written. Runs of
 * white space (line breaks included) become one space; control characters are dropped.
 *
 * <p>Stateless and thread-safe; never throws for any input.
 */
public final class LatexDecoder {

  private LatexDecoder() {}

  /** Accent commands and the combining mark each one puts on its argument. */
  private static final Map<String, Character> ACCENTS = LatexCharacters.ACCENTS;

  /** What an accent command with an empty argument ({@code \'{}}) prints. */
  private static final Map<Character, String> SPACING_ACCENTS =
      Map.ofEntries(
          Map.entry('\u0301', "\u00B4"),
          Map.entry('\u0300', "`"),
          Map.entry('\u0302', "^"),
          Map.entry('\u0308', "\u00A8"),
          Map.entry('\u0303', "~"),
          Map.entry('\u0304', "\u00AF"),
          Map.entry('\u0307', "\u02D9"),
          Map.entry('\u0306', "\u02D8"),
          Map.entry('\u030C', "\u02C7"),
          Map.entry('\u030B', "\u02DD"),
          Map.entry('\u0327', "\u00B8"),
          Map.entry('\u0328', "\u02DB"),
          Map.entry('\u0323', "."),
          Map.entry('\u0331', "_"),
          Map.entry('\u030A', "\u02DA"),
          Map.entry('\u0361', ""));

  /**
   * Control words that stand for a character or a word, besides {@link LatexCharacters#LETTERS}.
   */
  private static final Map<String, String> OTHER_SYMBOLS =
      Map.ofEntries(
          Map.entry("SS", "SS"),
          Map.entry("dh", "ð"),
          Map.entry("DH", "Ð"),
          Map.entry("th", "þ"),
          Map.entry("TH", "Þ"),
          Map.entry("dj", "đ"),
          Map.entry("DJ", "Đ"),
          Map.entry("ng", "ŋ"),
          Map.entry("NG", "Ŋ"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("textquoteleft", "‘"),
          Map.entry("textquoteright", "’"),
          Map.entry("textquotedblleft", "“"),
          Map.entry("textquotedblright", "”"),
          Map.entry("textquotedbl", "\""),
          Map.entry("guillemotleft", "«"),
          Map.entry("guillemotright", "»"),
          Map.entry("og", "«"),
          Map.entry("fg", "»"),
          Map.entry("S", "§"),
          Map.entry("textsection", "§"),
          Map.entry("P", "¶"),
          Map.entry("textparagraph", "¶"),
          Map.entry("copyright", "©"),
          Map.entry("textcopyright", "©"),
          Map.entry("textregistered", "®"),
          Map.entry("texttrademark", "™"),
          Map.entry("pounds", "£"),
          Map.entry("textsterling", "£"),
          Map.entry("euro", "€"),
          Map.entry("texteuro", "€"),
          Map.entry("textdegree", "°"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("textellipsis", "…"),
          Map.entry("textbackslash", "\\"),
          Map.entry("textasciitilde", "~"),
          Map.entry("textasciicircum", "^"),
          Map.entry("textunderscore", "_"),
          Map.entry("textbar", "|"),
          Map.entry("textless", "<"),
          Map.entry("textgreater", ">"),
          Map.entry("textperiodcentered", "·"),
          Map.entry("textbullet", "•"),
          Map.entry("textdagger", "†"),
          Map.entry("dag", "†"),
          Map.entry("textexclamdown", "¡"),
          Map.entry("textquestiondown", "¿"),
          Map.entry("slash", "/"),
          Map.entry("hyphen", "-"),
          Map.entry("quad", " "),
          Map.entry("qquad", " "),
          Map.entry("space", " "),
          Map.entry("newline", " "),
          Map.entry("par", " "),
          Map.entry("LaTeX", "LaTeX"),
          Map.entry("LaTeXe", "LaTeX2e"),
          Map.entry("TeX", "TeX"),
          Map.entry("BibTeX", "BibTeX"),
          Map.entry("alpha", "α"),
          Map.entry("beta", "β"),
          Map.entry("gamma", "γ"),
          Map.entry("delta", "δ"),
          Map.entry("epsilon", "ε"),
          Map.entry("varepsilon", "ε"),
          Map.entry("zeta", "ζ"),
          Map.entry("eta", "η"),
          Map.entry("theta", "θ"),
          Map.entry("iota", "ι"),
          Map.entry("kappa", "κ"),
          Map.entry("lambda", "λ"),
          Map.entry("mu", "μ"),
          Map.entry("nu", "ν"),
          Map.entry("xi", "ξ"),
          Map.entry("pi", "π"),
          Map.entry("rho", "ρ"),
          Map.entry("sigma", "σ"),
          Map.entry("tau", "τ"),
          Map.entry("upsilon", "υ"),
          Map.entry("phi", "φ"),
          Map.entry("varphi", "φ"),
          Map.entry("chi", "χ"),
          Map.entry("psi", "ψ"),
          Map.entry("omega", "ω"),
          Map.entry("Gamma", "Γ"),
          Map.entry("Delta", "Δ"),
          Map.entry("Theta", "Θ"),
          Map.entry("Lambda", "Λ"),
          Map.entry("Xi", "Ξ"),
          Map.entry("Pi", "Π"),
          Map.entry("Sigma", "Σ"),
          Map.entry("Phi", "Φ"),
          Map.entry("Psi", "Ψ"),
          Map.entry("Omega", "Ω"));

  /** Control words that stand for a character or a word. */
  private static final Map<String, String> SYMBOLS = symbols();

  private static Map<String, String> symbols() {
    Map<String, String> all = new HashMap<>(OTHER_SYMBOLS);
    all.putAll(LatexCharacters.LETTERS);
    return Map.copyOf(all);
  }

  /** Commands whose (first) argument is dropped: sort helpers and link targets. */
  private static boolean dropsArgument(String name) {
    return switch (name) {
      case "noopsort", "noop", "SortNoop", "sortnoop", "NOOP", "href", "hyphenation", "label" ->
          true;
      default -> false;
    };
  }

  /** Commands whose argument is copied verbatim (no accent or dash handling). */
  private static boolean verbatimArgument(String name) {
    return switch (name) {
      case "url", "path", "doi", "nolinkurl" -> true;
      default -> false;
    };
  }

  /** Decodes a field value; null stays null. */
  public static String decode(String latex) {
    if (latex == null) {
      return null;
    }
    if (isPlain(latex)) {
      return latex;
    }
    StringBuilder out = new StringBuilder(latex.length());
    new Run(latex, out).decode(0, latex.length());
    return strip(out);
  }

  /**
   * Undoes only the escapes that BibTeX users put into verbatim fields ({@code url}, {@code doi},
   * {@code eprint}, {@code file}): {@code \_}, {@code \%}, {@code \&}, {@code \#}, {@code \~}, and
   * the braces around the whole value; white space is trimmed.
   */
  public static String decodeVerbatim(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    while (s.length() >= 2
        && s.charAt(0) == '{'
        && s.charAt(s.length() - 1) == '}'
        && matchingBrace(s, 0, s.length()) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).strip();
    }
    if (s.startsWith("\\url{") && s.endsWith("}")) {
      s = s.substring(5, s.length() - 1).strip();
    }
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "_%&#~$".indexOf(s.charAt(i + 1)) >= 0) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** True when nothing in the text needs decoding (the common case for keys, numbers, words). */
  private static boolean isPlain(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    char prev = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '{', '}', '$', '~', '`', '\t', '\n', '\r', '\f', '\u007f' -> {
          return false;
        }
        case '-', '\'', ' ' -> {
          if (prev == c) {
            return false;
          }
        }
        default -> {
          if (c < ' ') {
            return false;
          }
        }
      }
      prev = c;
    }
    return true;
  }

  private static String strip(StringBuilder out) {
    int start = 0;
    int end = out.length();
    while (start < end && out.charAt(start) == ' ') {
      start++;
    }
    while (end > start && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(start, end);
  }

  /** Index of the '}' that closes the '{' at {@code open}, or -1; escaped braces do not count. */
  static int matchingBrace(String s, int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** One decoding pass over a string, appending to {@code out}. */
  private static final class Run {
    private final String s;
    private final StringBuilder out;

    Run(String s, StringBuilder out) {
      this.s = s;
      this.out = out;
    }

    void decode(int from, int to) {
      int i = from;
      while (i < to) {
        int run = ordinaryRun(i, to);
        if (run > i) {
          out.append(s, i, run);
          i = run;
          continue;
        }
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> i = command(i, to);
          case '{', '}' -> i++; // a group's braces only protect case; its text stays
          case '$' -> i = math(i, to);
          case '~' -> {
            space();
            i++;
          }
          case '-' -> {
            if (i + 2 < to && s.charAt(i + 1) == '-' && s.charAt(i + 2) == '-') {
              out.append('—');
              i += 3;
            } else if (i + 1 < to && s.charAt(i + 1) == '-') {
              out.append('–');
              i += 2;
            } else {
              out.append('-');
              i++;
            }
          }
          case '`' -> {
            char before = i > from ? s.charAt(i - 1) : 0;
            int last = out.length() - 1;
            if ((before == '!' || before == '?') && last >= 0 && out.charAt(last) == before) {
              // TeX's ligatures !` and ?` (how the BibTeX writer spells ¡ and ¿)
              out.setCharAt(last, before == '!' ? '¡' : '¿');
              i++;
            } else if (i + 1 < to && s.charAt(i + 1) == '`') {
              out.append('“');
              i += 2;
            } else {
              out.append('‘');
              i++;
            }
          }
          case '\'' -> {
            if (i + 1 < to && s.charAt(i + 1) == '\'') {
              out.append('”');
              i += 2;
            } else {
              out.append('\'');
              i++;
            }
          }
          case ' ', '\t', '\n', '\r', '\f' -> {
            space();
            i++;
          }
          default -> {
            if (c >= ' ' && c != '\u007f') {
              out.append(c);
            }
            i++;
          }
        }
      }
    }

    /**
     * The end of the run of characters from {@code i} that are copied as they are: no command,
     * brace, math, tie, quote, dash pair, control character, and single spaces only between words
     * (so that runs of white space still collapse).
     */
    private int ordinaryRun(int i, int to) {
      int j = i;
      while (j < to) {
        char c = s.charAt(j);
        if (c < ' ') {
          break;
        }
        switch (c) {
          case '\\', '{', '}', '$', '~', '`', '\u007f' -> {
            return j;
          }
          case '-', '\'' -> {
            if (j + 1 < to && s.charAt(j + 1) == c) {
              return j;
            }
          }
          case ' ' -> {
            boolean after = j > i || (out.length() > 0 && out.charAt(out.length() - 1) != ' ');
            if (!after || j + 1 >= to || s.charAt(j + 1) <= ' ') {
              return j;
            }
          }
          default -> {}
        }
        j++;
      }
      return j;
    }

    private void space() {
      if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }

    /** Copies {@code $...$} or {@code $$...$$} as written; returns the index after it. */
    private int math(int i, int to) {
      boolean display = i + 1 < to && s.charAt(i + 1) == '$';
      int j = i + (display ? 2 : 1);
      while (j < to) {
        char c = s.charAt(j);
        if (c == '\\') {
          j += 2;
          continue;
        }
        if (c == '$') {
          if (!display) {
            out.append(s, i, j + 1);
            return j + 1;
          }
          if (j + 1 < to && s.charAt(j + 1) == '$') {
            out.append(s, i, j + 2);
            return j + 2;
          }
        }
        j++;
      }
      out.append('$'); // an unbalanced dollar is just a dollar sign
      return i + 1;
    }

    /** Handles the command starting at the backslash {@code i}; returns the index after it. */
    private int command(int i, int to) {
      if (i + 1 >= to) {
        return to;
      }
      char n = s.charAt(i + 1);
      if (!isLetter(n)) {
        String symbol = String.valueOf(n);
        Character accent = ACCENTS.get(symbol);
        if (accent != null) {
          return accent(accent, i + 2, to);
        }
        switch (n) {
          case '\\', ' ', ',', ';', ':', '\n', '\t', '\r' -> space();
          case '-', '/', '@', '!' -> {}
          case '(' -> {
            int close = s.indexOf("\\)", i + 2);
            if (close >= 0 && close + 2 <= to) {
              out.append(s, i, close + 2);
              return close + 2;
            }
          }
          default -> {
            // The character itself, whole when it is outside the BMP (two chars).
            int cp = s.codePointAt(i + 1);
            out.appendCodePoint(cp);
            return i + 1 + Character.charCount(cp);
          }
        }
        return i + 2;
      }
      int j = i + 1;
      while (j < to && isLetter(s.charAt(j))) {
        j++;
      }
      String name = s.substring(i + 1, j);
      int after = skipSpaces(j, to);
      Character accent = name.length() == 1 ? ACCENTS.get(name) : null;
      if (accent != null) {
        return accent(accent, after, to);
      }
      String symbol = SYMBOLS.get(name);
      if (symbol != null) {
        out.append(symbol);
        return after;
      }
      if (name.equals("ensuremath") && after < to && s.charAt(after) == '{') {
        int close = matchingBrace(s, after, to);
        if (close > 0) {
          out.append(s, i, close + 1);
          return close + 1;
        }
      }
      if (after < to && s.charAt(after) == '{') {
        if (dropsArgument(name)) {
          int close = matchingBrace(s, after, to);
          return close < 0 ? after : close + 1;
        }
        if (verbatimArgument(name)) {
          int close = matchingBrace(s, after, to);
          if (close > 0) {
            out.append(s, after + 1, close);
            return close + 1;
          }
        }
      }
      // An unknown command (\emph, \textbf, \sc, ...): its name goes, its argument stays.
      return after;
    }

    /** Puts the combining {@code mark} on the argument that starts at {@code p}. */
    private int accent(char mark, int p, int to) {
      p = skipSpaces(p, to);
      if (p < to && s.charAt(p) == '}' && p + 1 < to && Character.isLetter(s.charAt(p + 1))) {
        // "Sch{\"}afer", "B{\"}{u}ring": an accent shut in its group meant the letter after it
        p++;
      } else if (p < to
          && s.charAt(p) == '}'
          && p + 2 < to
          && s.charAt(p + 1) == '{'
          && Character.isLetter(s.charAt(p + 2))) {
        p++;
      }
      String arg;
      int next;
      if (p >= to) {
        arg = "";
        next = to;
      } else if (s.charAt(p) == '{') {
        int close = matchingBrace(s, p, to);
        int end = close < 0 ? to : close;
        StringBuilder inner = new StringBuilder();
        new Run(s, inner).decode(p + 1, end);
        arg = inner.toString().strip();
        next = close < 0 ? to : close + 1;
      } else if (s.charAt(p) == '\\') {
        StringBuilder inner = new StringBuilder();
        next = new Run(s, inner).command(p, to);
        arg = inner.toString();
      } else {
        int cp = s.codePointAt(p);
        arg = new String(Character.toChars(cp));
        next = p + Character.charCount(cp);
      }
      if (arg.isEmpty()) {
        out.append(SPACING_ACCENTS.getOrDefault(mark, ""));
        return next;
      }
      // The mark goes on the first code point: a letter outside the BMP is two chars, and a mark
      // between them would leave both unpaired.
      int first = arg.codePointAt(0);
      int base = first == 'ı' ? 'i' : first == 'ȷ' ? 'j' : first;
      String marked = new StringBuilder(3).appendCodePoint(base).append(mark).toString();
      out.append(Normalizer.normalize(marked, Normalizer.Form.NFC));
      out.append(arg, Character.charCount(first), arg.length());
      return next;
    }

    private int skipSpaces(int p, int to) {
      while (p < to && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\n')) {
        p++;
      }
      return p;
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }
}
