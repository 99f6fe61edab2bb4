package dev.citeassist.server;

/**
 * Text about a failure that fits on one line: what the client may see (error responses, {@code
 * window/logMessage}). Stack traces go to stderr only.
 */
final class OneLine {

  static final int MAX_CHARS = 300;

  private OneLine() {}

  /** The throwable's short class name and the first line of its message. */
  static String of(Throwable t) {
    String message = t.getMessage();
    String name = t.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + of(message);
  }

  /**
   * Why something failed, for a person: the first line of the innermost cause's message (Gson's and
   * Java's say where and what), or the short class name when there is no message.
   */
  static String reason(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : of(message);
  }

  /** The first line of a text, shortened to {@link #MAX_CHARS}. */
  static String of(String text) {
    String line = text.strip();
    int end = line.indexOf('\n');
    if (end >= 0) {
      line = line.substring(0, end).strip();
    }
    return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
  }
}
