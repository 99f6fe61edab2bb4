package dev.citeassist.search;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns LaTeX-written text into plain text before analysis, so that {@code Zdeborov{\'a}}, {@code
 * Zdeborov\'{a}} and {@code Zdeborová} give the same tokens once folded: accent commands and braces
 * are dropped, special letters ({@code \o}, {@code \ss}, {@code \l}, ...) are spelled in ASCII,
 * other commands lose their backslash ({@code \ell} stays a word). Papers are already decoded by
 * the readers; this is for what users type and for leftovers.
 *
 * <p>Applied to every analysed string, when indexing ({@link PaperDocuments}) and when searching
 * ({@link Fields#words}), rather than as a char filter inside the analyzer: most strings hold no
 * markup and then go to the tokenizer as they are, without being copied through a reader.
 */
final class LatexText {

  private static final Pattern SPECIAL_LETTER =
      Pattern.compile("\\\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\\s*");
  private static final Map<String, String> SPELLING =
      Map.ofEntries(
          Map.entry("ss", "ss"),
          Map.entry("ae", "ae"),
          Map.entry("AE", "AE"),
          Map.entry("oe", "oe"),
          Map.entry("OE", "OE"),
          Map.entry("aa", "a"),
          Map.entry("AA", "A"),
          Map.entry("o", "o"),
          Map.entry("O", "O"),
          Map.entry("l", "l"),
          Map.entry("L", "L"),
          Map.entry("i", "i"),
          Map.entry("j", "j"));

  /** Symbol accents ({@code \'a}) and letter accents followed by a space or brace. */
  private static final Pattern ACCENT =
      Pattern.compile("\\\\['`^\"~=.]|\\\\[uvHcdbkrt](?=[\\s{])\\s*");

  private LatexText() {}

  /** The plain-text form of {@code text}; unchanged when it holds no LaTeX markup. */
  static String plain(String text) {
    if (text.indexOf('\\') < 0 && text.indexOf('{') < 0 && text.indexOf('~') < 0) {
      return text;
    }
    String s = SPECIAL_LETTER.matcher(text).replaceAll(m -> SPELLING.get(m.group(1)));
    s = ACCENT.matcher(s).replaceAll("");
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '{', '}' -> {}
        case '~' -> out.append(' ');
        case '\\' -> {
          // an unknown command or an escaped symbol (\& \%): keep the rest as text
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
