package dev.citeassist.search;

import dev.citeassist.tex.LatexCharacters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

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

  /** Letter commands ({@code \o}, {@code \ss}) and their ASCII spelling ({@code o}, {@code ss}). */
  private static final Map<String, String> SPELLING = spellings();

  private static final Pattern SPECIAL_LETTER =
      Pattern.compile("\\\\(" + String.join("|", SPELLING.keySet()) + ")(?![A-Za-z])\\s*");

  /** Symbol accents ({@code \'a}) and letter accents followed by a space or brace. */
  private static final Pattern ACCENT = accentPattern();

  private LatexText() {}

  private static Map<String, String> spellings() {
    Map<String, String> spelling = new HashMap<>();
    LatexCharacters.LETTERS.forEach(
        (command, letter) -> {
          char[] folded = new char[4 * letter.length()];
          int n =
              ASCIIFoldingFilter.foldToASCII(letter.toCharArray(), 0, folded, 0, letter.length());
          spelling.put(command, new String(folded, 0, n));
        });
    return Map.copyOf(spelling);
  }

  private static Pattern accentPattern() {
    List<String> symbols = new ArrayList<>();
    List<String> letters = new ArrayList<>();
    for (String command : LatexCharacters.ACCENTS.keySet()) {
      if (Character.isLetter(command.charAt(0))) {
        letters.add(command);
      } else {
        symbols.add(Pattern.quote(command));
      }
    }
    return Pattern.compile(
        "\\\\(?:"
            + String.join("|", symbols)
            + ")|\\\\(?:"
            + String.join("|", letters)
            + ")(?=[\\s{])\\s*");
  }

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
