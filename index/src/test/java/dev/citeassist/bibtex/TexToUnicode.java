package dev.citeassist.bibtex;

import java.text.Normalizer;
import java.util.Map;

/**
 * Undoes, for the round-trip test, exactly the LaTeX the writer introduces: escapes, special
 * characters ({@code {\'e}}, {@code {\l}}, {@code {\relax X}}), text commands, single-symbol math
 * ({@code $\pi$}). LaTeX the paper already held ({@code \emph}, {@code $^2$}, {@code \ }) is left
 * as written, as are braces (titles compare without them). Written independently of the encoder's
 * tables so that the test does not check the encoder against itself.
 */
final class TexToUnicode {

  private static final Map<String, String> ACCENTS =
      Map.ofEntries(
          Map.entry("`", "\u0300"),
          Map.entry("'", "\u0301"),
          Map.entry("^", "\u0302"),
          Map.entry("~", "\u0303"),
          Map.entry("=", "\u0304"),
          Map.entry("u", "\u0306"),
          Map.entry(".", "\u0307"),
          Map.entry("\"", "\u0308"),
          Map.entry("r", "\u030A"),
          Map.entry("H", "\u030B"),
          Map.entry("v", "\u030C"),
          Map.entry("d", "\u0323"),
          Map.entry("c", "\u0327"),
          Map.entry("k", "\u0328"),
          Map.entry("b", "\u0331"));

  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("ss", "ß"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("textquoteleft", "‘"),
          Map.entry("textquoteright", "’"),
          Map.entry("textquotedblleft", "“"),
          Map.entry("textquotedblright", "”"),
          Map.entry("ldots", "…"),
          Map.entry("textasciitilde", "~"),
          Map.entry("textasciicircum", "^"),
          Map.entry("textbackslash", "\\"),
          Map.entry("textbraceleft", "{"),
          Map.entry("textbraceright", "}"),
          Map.entry("S", "§"),
          Map.entry("P", "¶"),
          Map.entry("textcopyright", "©"),
          Map.entry("textregistered", "®"),
          Map.entry("texttrademark", "™"),
          Map.entry("dag", "†"),
          Map.entry("ddag", "‡"),
          Map.entry("textbullet", "•"),
          Map.entry("pounds", "£"),
          Map.entry("relax", ""));

  private static final Map<String, String> MATH_SYMBOLS =
      Map.ofEntries(
          Map.entry("\\pi", "π"),
          Map.entry("\\alpha", "α"),
          Map.entry("\\beta", "β"),
          Map.entry("\\Delta", "Δ"),
          Map.entry("\\approx", "≈"),
          Map.entry("\\times", "×"),
          Map.entry("\\leq", "≤"),
          Map.entry("\\ell", "ℓ"));

  private TexToUnicode() {}

  static String decode(String tex) {
    StringBuilder out = new StringBuilder();
    decode(tex, 0, tex.length(), out);
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  /** Removes every brace, for titles, whose case-protecting braces are the writer's own. */
  static String withoutBraces(String s) {
    return s.replace("{", "").replace("}", "");
  }

  private static void decode(String s, int from, int to, StringBuilder out) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\\') {
        i = command(s, i, to, out);
      } else if (c == '$') {
        int close = s.indexOf('$', i + 1);
        String math = s.substring(i + 1, close);
        String symbol = MATH_SYMBOLS.get(math);
        out.append(symbol != null ? symbol : "$" + math + "$");
        i = close + 1;
      } else if (c == '{') {
        int close = matching(s, i);
        String inner = s.substring(i + 1, close);
        boolean special = inner.startsWith("\\") || MATH_SYMBOLS.containsKey(strip(inner, '$'));
        if (!special) {
          out.append('{');
        }
        decode(s, i + 1, close, out);
        if (!special) {
          out.append('}');
        }
        i = close + 1;
      } else if (c == '~') {
        boolean tie = i + 2 < to && s.charAt(i + 1) == '\\' && Character.isLetter(s.charAt(i + 2));
        out.append(tie ? '~' : '\u00A0');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
  }

  /** Decodes the command at {@code i}; returns where the text after it starts. */
  private static int command(String s, int i, int to, StringBuilder out) {
    char next = s.charAt(i + 1);
    if ("&%#_$".indexOf(next) >= 0) {
      out.append(next);
      return i + 2;
    }
    String name;
    int end;
    if (Character.isLetter(next)) {
      end = i + 1;
      while (end < to && Character.isLetter(s.charAt(end))) {
        end++;
      }
      name = s.substring(i + 1, end);
    } else {
      name = String.valueOf(next);
      end = i + 2;
    }
    String accent = ACCENTS.get(name);
    if (accent != null
        && end < to
        && (name.length() == 1 && !Character.isLetter(next) || s.charAt(end) == '{')) {
      StringBuilder base = new StringBuilder();
      int after;
      if (s.charAt(end) == '{') {
        int close = matching(s, end);
        decode(s, end + 1, close, base);
        after = close + 1;
      } else if (s.charAt(end) == '\\') {
        after = command(s, end, to, base);
      } else {
        base.append(s.charAt(end));
        after = end + 1;
      }
      String b = base.toString().replace("ı", "i").replace("ȷ", "j");
      out.append(b).append(accent);
      return after;
    }
    String word = WORDS.get(name);
    if (word != null) {
      out.append(word);
      if (name.equals("relax") && end < to && s.charAt(end) == ' ') {
        end++;
      }
      return end;
    }
    out.append(s, i, end);
    return end;
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced braces in " + s);
  }

  private static String strip(String s, char c) {
    return s.length() >= 2 && s.charAt(0) == c && s.charAt(s.length() - 1) == c
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
