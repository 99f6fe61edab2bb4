package dev.citeassist.formats;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Text values of the JSON sources as a {@code Paper} holds them: every run of whitespace (the arXiv
 * snapshot wraps titles and abstracts with a newline and two spaces) becomes one space, the ends
 * are stripped, a blank value is absent (null), and half a surrogate pair (which JSON escapes and
 * Jackson's UTF-8 decoder let through) becomes U+FFFD. Stateless.
 */
final class JsonText {

  private JsonText() {}

  static String collapse(String raw) {
    if (raw == null) {
      return null;
    }
    int n = raw.length();
    int i = 0;
    // Fast path: text that is already clean is returned as it is, without copying.
    while (i < n) {
      char c = raw.charAt(i);
      if (isSpace(c) && (c != ' ' || i == 0 || i + 1 == n || isSpace(raw.charAt(i + 1)))) {
        break;
      }
      i++;
    }
    if (i == n) {
      return n == 0 ? null : wellFormed(raw);
    }
    char[] chars = raw.toCharArray();
    int length = i;
    boolean pendingSpace = false;
    for (; i < n; i++) {
      char c = chars[i];
      if (isSpace(c)) {
        pendingSpace = length > 0;
      } else {
        if (pendingSpace) {
          chars[length++] = ' ';
          pendingSpace = false;
        }
        chars[length++] = c;
      }
    }
    return length == 0 ? null : wellFormed(new String(chars, 0, length));
  }

  /** {@link #collapse(String)} of {@code chars[offset, offset + length)}, which it leaves as is. */
  static String collapse(char[] chars, int offset, int length) {
    char[] out = new char[length];
    int n = 0;
    boolean pendingSpace = false;
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = chars[i];
      if (isSpace(c)) {
        pendingSpace = n > 0;
      } else {
        if (pendingSpace) {
          out[n++] = ' ';
          pendingSpace = false;
        }
        out[n++] = c;
      }
    }
    return n == 0 ? null : wellFormed(new String(out, 0, n));
  }

  /** Jackson's message without the location it appends (the problem names the line itself). */
  static String parserMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int marker = message.indexOf(" (start marker at");
    return wellFormed(marker < 0 ? message : message.substring(0, marker));
  }

  /**
   * The text with each unpaired surrogate replaced by U+FFFD: Jackson quotes the character it
   * choked on, which may be half of a pair (bytes it read as UTF-16 or UTF-32).
   */
  static String wellFormed(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c);
      if (Character.isHighSurrogate(c) && paired) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!paired && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(paired ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || (c <= ' ' || c >= '\u0080') && isOtherSpace(c);
  }

  private static boolean isOtherSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
