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
