package dev.citeassist.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Text values of the JSON sources as a {@code Paper} holds them: every run of whitespace (the arXiv
 * snapshot wraps titles and abstracts with a newline and two spaces) becomes one space, the ends
 * are stripped, and a blank value is absent (null). Stateless.
 */
final class JsonText {

  private JsonText() {}

  static String collapse(String raw) {
    if (raw == null) {
      return null;
    }
    int n = raw.length();
    StringBuilder out = null;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (isSpace(c)) {
        if (out == null) {
          // Fast path: text that is already clean is returned as it is, without copying.
          if (c == ' ' && i > 0 && i + 1 < n && !isSpace(raw.charAt(i + 1))) {
            continue;
          }
          out = new StringBuilder(n);
          out.append(raw, 0, i);
          pendingSpace = out.length() > 0;
          continue;
        }
        pendingSpace = out.length() > 0;
        continue;
      }
      if (out != null) {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    String result = out == null ? raw : out.toString();
    return result.isEmpty() ? null : result;
  }

  /** Jackson's message without the location it appends (the problem names the line itself). */
  static String parserMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int marker = message.indexOf(" (start marker at");
    return marker < 0 ? message : message.substring(0, marker);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
