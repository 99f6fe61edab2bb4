package dev.citeassist.tex;

import dev.citeassist.tex.LatexSyntax.Range;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a Unicode field value into the text between the braces of a BibTeX field.
 *
 * <p>What is already LaTeX stays as written: inline math ({@code $^2$}, {@code $O(n)$}) and control
 * sequences ({@code \emph}, {@code \&}, {@code \ }). Outside them the characters TeX treats
 * specially are escaped ({@code & % # _ $} get a backslash, {@code ~ ^} and a lone backslash become
 * text commands; a tilde right before a control word, {@code ~\cite}, is a tie and stays), and
 * braces that have no partner are written as {@code {\textbraceleft}}/{@code {\textbraceright}} so
 * that the value stays balanced for BibTeX, biber and LaTeX alike.
 *
 * <p>For {@link BibtexDialect#BIBLATEX} other characters are kept as Unicode (biber reads UTF-8).
 * For {@link BibtexDialect#BIBTEX} accented letters become BibTeX "special characters" ({@code
 * {\'e}}, {@code {\l}}), which BibTeX sorts, abbreviates and case-converts correctly; Greek letters
 * and common math symbols become math; typographic punctuation becomes text commands ({@code
 * {\textendash}}). Characters with no such form are kept as UTF-8, which BibTeX copies byte for
 * byte; in names, where BibTeX cuts strings to initials and labels, each is wrapped as {@code
 * {\relax X}} so that BibTeX treats it as one letter and never splits its bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class LatexEncoder {

  /** Combining marks and the LaTeX accent that draws them (all but the tie). */
  private static final Map<Character, String> ACCENTS = accents();

  /** Letters LaTeX writes with a command of their own (the bodies of special characters). */
  private static final Map<Integer, String> LETTERS = letters();

  /** Text symbols with a command in the LaTeX kernel (OT1 and T1 alike). */
  private static final Map<Integer, String> SYMBOLS =
      Map.ofEntries(
          Map.entry(0x2013, "{\\textendash}"),
          Map.entry(0x2014, "{\\textemdash}"),
          Map.entry(0x2018, "{\\textquoteleft}"),
          Map.entry(0x2019, "{\\textquoteright}"),
          Map.entry(0x201C, "{\\textquotedblleft}"),
          Map.entry(0x201D, "{\\textquotedblright}"),
          Map.entry(0x2026, "{\\ldots}"),
          Map.entry(0x00A0, "~"),
          Map.entry(0x00A7, "{\\S}"),
          Map.entry(0x00B6, "{\\P}"),
          Map.entry(0x00A9, "{\\textcopyright}"),
          Map.entry(0x00AE, "{\\textregistered}"),
          Map.entry(0x2122, "{\\texttrademark}"),
          Map.entry(0x2020, "{\\dag}"),
          Map.entry(0x2021, "{\\ddag}"),
          Map.entry(0x2022, "{\\textbullet}"),
          Map.entry(0x00A3, "{\\pounds}"),
          Map.entry(0x00BF, "{?`}"),
          Map.entry(0x00A1, "{!`}"));

  /** Greek letters and math symbols: the math-mode command, written as $\cmd$ in text. */
  private static final Map<Integer, String> MATH =
      Map.ofEntries(
          Map.entry((int) 'α', "\\alpha"),
          Map.entry((int) 'β', "\\beta"),
          Map.entry((int) 'γ', "\\gamma"),
          Map.entry((int) 'δ', "\\delta"),
          Map.entry((int) 'ε', "\\epsilon"),
          Map.entry((int) 'ζ', "\\zeta"),
          Map.entry((int) 'η', "\\eta"),
          Map.entry((int) 'θ', "\\theta"),
          Map.entry((int) 'ι', "\\iota"),
          Map.entry((int) 'κ', "\\kappa"),
          Map.entry((int) 'λ', "\\lambda"),
          Map.entry((int) 'μ', "\\mu"),
          Map.entry((int) 'ν', "\\nu"),
          Map.entry((int) 'ξ', "\\xi"),
          Map.entry((int) 'π', "\\pi"),
          Map.entry((int) 'ρ', "\\rho"),
          Map.entry((int) 'σ', "\\sigma"),
          Map.entry((int) 'ς', "\\varsigma"),
          Map.entry((int) 'τ', "\\tau"),
          Map.entry((int) 'υ', "\\upsilon"),
          Map.entry((int) 'φ', "\\phi"),
          Map.entry((int) 'χ', "\\chi"),
          Map.entry((int) 'ψ', "\\psi"),
          Map.entry((int) 'ω', "\\omega"),
          Map.entry((int) 'Γ', "\\Gamma"),
          Map.entry((int) 'Δ', "\\Delta"),
          Map.entry((int) 'Θ', "\\Theta"),
          Map.entry((int) 'Λ', "\\Lambda"),
          Map.entry((int) 'Ξ', "\\Xi"),
          Map.entry((int) 'Π', "\\Pi"),
          Map.entry((int) 'Σ', "\\Sigma"),
          Map.entry((int) 'Υ', "\\Upsilon"),
          Map.entry((int) 'Φ', "\\Phi"),
          Map.entry((int) 'Ψ', "\\Psi"),
          Map.entry((int) 'Ω', "\\Omega"),
          Map.entry((int) 'ℓ', "\\ell"),
          Map.entry((int) '∞', "\\infty"),
          Map.entry((int) '≈', "\\approx"),
          Map.entry((int) '≤', "\\leq"),
          Map.entry((int) '≥', "\\geq"),
          Map.entry((int) '≠', "\\neq"),
          Map.entry((int) '≪', "\\ll"),
          Map.entry((int) '≫', "\\gg"),
          Map.entry((int) '×', "\\times"),
          Map.entry((int) '÷', "\\div"),
          Map.entry((int) '±', "\\pm"),
          Map.entry((int) '∓', "\\mp"),
          Map.entry((int) '·', "\\cdot"),
          Map.entry((int) '∘', "\\circ"),
          Map.entry((int) '→', "\\rightarrow"),
          Map.entry((int) '←', "\\leftarrow"),
          Map.entry((int) '↔', "\\leftrightarrow"),
          Map.entry((int) '⇒', "\\Rightarrow"),
          Map.entry((int) '⇔', "\\Leftrightarrow"),
          Map.entry((int) '∈', "\\in"),
          Map.entry((int) '∉', "\\notin"),
          Map.entry((int) '⊂', "\\subset"),
          Map.entry((int) '⊆', "\\subseteq"),
          Map.entry((int) '∪', "\\cup"),
          Map.entry((int) '∩', "\\cap"),
          Map.entry((int) '∑', "\\sum"),
          Map.entry((int) '∏', "\\prod"),
          Map.entry((int) '∫', "\\int"),
          Map.entry((int) '∂', "\\partial"),
          Map.entry((int) '∇', "\\nabla"),
          Map.entry((int) '√', "\\surd"),
          Map.entry((int) '∼', "\\sim"),
          Map.entry((int) '≃', "\\simeq"),
          Map.entry((int) '≡', "\\equiv"),
          Map.entry((int) '∝', "\\propto"),
          Map.entry((int) '∀', "\\forall"),
          Map.entry((int) '∃', "\\exists"),
          Map.entry((int) '∅', "\\emptyset"),
          Map.entry((int) '⊗', "\\otimes"),
          Map.entry((int) '⊕', "\\oplus"),
          Map.entry((int) '−', "-"),
          Map.entry((int) '′', "\\prime"),
          Map.entry((int) '°', "^\\circ"));

  private LatexEncoder() {}

  /** A whole field value: whitespace normalized, no case protection. */
  public static String encode(String text, BibtexDialect dialect) {
    return encode(prepare(text), dialect, List.of(), false);
  }

  /** One part of a person's name (given or family). */
  public static String encodeNamePart(String text, BibtexDialect dialect) {
    return encode(prepare(text), dialect, List.of(), true);
  }

  /** What every text goes through before it is analysed: single spaces, composed characters. */
  public static String prepare(String text) {
    String composed = Normalizer.normalize(LatexSyntax.normalizeSpace(text), Normalizer.Form.NFC);
    // A combining mark with no letter before it would attach to a space or a delimiter. Once it
    // is gone, the spaces on either side of it are one (or none at an end).
    return LatexSyntax.normalizeSpace(ORPHAN_MARK.matcher(composed).replaceAll("$1"));
  }

  private static final Pattern ORPHAN_MARK = Pattern.compile("(^|\\s)\\p{Mn}+");

  /**
   * Encodes a {@link #prepare prepared} text, wrapping each of the {@code protect} ranges (sorted,
   * disjoint, on token boundaries of the text) in a pair of braces.
   */
  public static String encode(String s, BibtexDialect dialect, List<Range> protect, boolean name) {
    List<Range> math = LatexSyntax.math(s);
    BitSet unmatched = LatexSyntax.unmatchedBraces(s);
    StringBuilder out = new StringBuilder(s.length() + 16);
    int nextMath = 0;
    int nextProtect = 0;
    boolean open = false;
    int i = 0;
    while (i < s.length()) {
      if (!open && nextProtect < protect.size() && protect.get(nextProtect).start() <= i) {
        out.append('{');
        open = true;
      }
      int end;
      if (nextMath < math.size() && math.get(nextMath).start() == i) {
        end = math.get(nextMath++).end();
        appendMath(s, i, end, dialect, unmatched, out);
      } else {
        end = appendText(s, i, dialect, unmatched, name, out);
      }
      i = end;
      if (open && protect.get(nextProtect).end() <= i) {
        out.append('}');
        open = false;
        nextProtect++;
      }
    }
    if (open) {
      out.append('}');
    }
    return separateLineBreaks(out);
  }

  /**
   * Puts a space after a {@code \\} that a brace or the value's end follows. LaTeX reads {@code
   * \\\{} as a line break and a group, but JBibTeX (and so our own reader) takes any backslash
   * before a brace as an escaped brace and would lose count.
   */
  private static String separateLineBreaks(StringBuilder out) {
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) != '\\') {
        continue;
      }
      int j = i;
      while (j < out.length() && out.charAt(j) == '\\') {
        j++;
      }
      boolean even = (j - i) % 2 == 0;
      if (even && (j == out.length() || out.charAt(j) == '{' || out.charAt(j) == '}')) {
        out.insert(j, ' ');
      }
      i = j;
    }
    return out.toString();
  }

  /** Appends the text token at {@code i} and returns where the next one starts. */
  private static int appendText(
      String s, int i, BibtexDialect dialect, BitSet unmatched, boolean name, StringBuilder out) {
    char c = s.charAt(i);
    switch (c) {
      case '\\' -> {
        int length = LatexSyntax.controlSequence(s, i);
        if (length == 0) {
          out.append("{\\textbackslash}");
          return i + 1;
        }
        if (length == 2 && unmatched.get(i + 1)) {
          out.append(s.charAt(i + 1) == '{' ? "{\\textbraceleft}" : "{\\textbraceright}");
        } else {
          out.append(s, i, i + length);
        }
        return i + length;
      }
      case '{', '}' -> {
        if (unmatched.get(i)) {
          out.append(c == '{' ? "{\\textbraceleft}" : "{\\textbraceright}");
        } else {
          out.append(c);
        }
        return i + 1;
      }
      case '&', '%', '#', '_', '$' -> {
        out.append('\\').append(c);
        return i + 1;
      }
      case '~' -> {
        // Before a control word ("see~\cite{x}") a tilde is LaTeX's tie, not a character.
        boolean tie =
            i + 2 < s.length()
                && s.charAt(i + 1) == '\\'
                && LatexSyntax.isAsciiLetter(s.charAt(i + 2));
        out.append(tie ? "~" : "{\\textasciitilde}");
        return i + 1;
      }
      case '^' -> {
        out.append("{\\textasciicircum}");
        return i + 1;
      }
      default -> {
        int cp = s.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (cp < 0x80 || dialect == BibtexDialect.BIBLATEX) {
          out.appendCodePoint(cp);
        } else {
          String latex = textForm(cp);
          if (latex != null) {
            out.append(latex);
          } else if (name && Character.isLetter(cp)) {
            out.append("{\\relax ").appendCodePoint(cp).append('}');
          } else {
            out.appendCodePoint(cp);
          }
        }
        return next;
      }
    }
  }

  private static void appendMath(
      String s, int start, int end, BibtexDialect dialect, BitSet unmatched, StringBuilder out) {
    for (int i = start; i < end; ) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < end && unmatched.get(i + 1)) {
        out.append(s.charAt(i + 1) == '{' ? "{\\lbrace}" : "{\\rbrace}");
        i += 2;
      } else if ((c == '{' || c == '}') && unmatched.get(i)) {
        out.append(c == '{' ? "{\\lbrace}" : "{\\rbrace}");
        i++;
      } else if (c == '\\' && i + 1 < end) {
        out.append(s, i, i + 2);
        i += 2;
      } else {
        int cp = s.codePointAt(i);
        String command = dialect == BibtexDialect.BIBTEX ? MATH.get(cp) : null;
        if (command != null) {
          out.append('{').append(command).append('}');
        } else {
          out.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
    }
  }

  private static Map<Character, String> accents() {
    Map<Character, String> byMark = new HashMap<>();
    LatexCharacters.ACCENTS.forEach(
        (command, mark) -> {
          if (mark != LatexCharacters.TIE) {
            byMark.put(mark, command);
          }
        });
    return Map.copyOf(byMark);
  }

  private static Map<Integer, String> letters() {
    Map<Integer, String> byLetter = new HashMap<>();
    LatexCharacters.LETTERS.forEach(
        (command, letter) -> byLetter.put(letter.codePointAt(0), "\\" + command));
    return Map.copyOf(byLetter);
  }

  /** The LaTeX for a non-ASCII character in text, or null when LaTeX has none. */
  static String textForm(int cp) {
    String symbol = SYMBOLS.get(cp);
    if (symbol != null) {
      return symbol;
    }
    String math = MATH.get(cp);
    if (math != null) {
      // Braces keep BibTeX's case conversion off \Delta (it would make it \delta).
      return Character.isUpperCase(cp) ? "{$" + math + "$}" : "$" + math + "$";
    }
    String letter = LETTERS.get(cp);
    if (letter != null) {
      return "{" + letter + "}";
    }
    String accented = accented(cp);
    return accented == null ? null : "{" + accented + "}";
  }

  /**
   * {@code \'e} for é, {@code \v{c}} for č, {@code \'{\"u}} for ǘ: the letter decomposed into a
   * base and accents LaTeX knows, innermost accent first. Null when any part has no LaTeX form.
   */
  private static String accented(int cp) {
    String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
    int baseCp = decomposed.codePointAt(0);
    int marksStart = Character.charCount(baseCp);
    if (marksStart == decomposed.length()) {
      return null;
    }
    String body;
    if (baseCp == 'i' || baseCp == 'j') {
      body = "\\" + (char) baseCp;
    } else if (baseCp < 0x80 && Character.isLetter(baseCp)) {
      body = Character.toString(baseCp);
    } else if (LETTERS.containsKey(baseCp)) {
      body = LETTERS.get(baseCp);
    } else {
      return null;
    }
    boolean bare = body.length() == 1;
    for (int k = marksStart; k < decomposed.length(); k++) {
      String accent = ACCENTS.get(decomposed.charAt(k));
      if (accent == null) {
        return null;
      }
      boolean letterAccent = LatexSyntax.isAsciiLetter(accent.charAt(0));
      if (bare && !letterAccent) {
        body = "\\" + accent + body;
      } else if (!letterAccent && body.startsWith("\\") && body.length() == 2) {
        body = "\\" + accent + body;
      } else {
        body = "\\" + accent + "{" + body + "}";
      }
      bare = false;
    }
    return body;
  }
}
