package dev.citeassist.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilter;

/**
 * Turns LaTeX-written text into plain text before tokenizing, so that {@code Zdeborov{\'a}}, {@code
 * Zdeborov\'{a}} and {@code Zdeborová} give the same tokens once folded: accent commands and braces
 * are dropped, special letters ({@code \o}, {@code \ss}, {@code \l}, ...) are spelled in ASCII,
 * other commands lose their backslash ({@code \ell} stays a word). Papers are already decoded by
 * the readers; this is for what users type and for leftovers.
 *
 * <p>Reads its whole input on the first read (fields are short). Offsets are not corrected: the
 * index stores none and highlights nothing.
 */
final class LatexCharFilter extends CharFilter {

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

  private Reader plain;

  LatexCharFilter(Reader input) {
    super(input);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (plain == null) {
      StringBuilder all = new StringBuilder();
      char[] chunk = new char[1024];
      for (int n; (n = input.read(chunk)) != -1; ) {
        all.append(chunk, 0, n);
      }
      plain = new StringReader(plain(all.toString()));
    }
    return plain.read(buffer, offset, length);
  }

  @Override
  protected int correct(int currentOffset) {
    return currentOffset;
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
