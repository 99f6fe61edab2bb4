package dev.citeassist.bibtex;

import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts a .bib source into top-level chunks, one per {@code @type{...}} or {@code @type(...)}, so
 * that each entry can be parsed on its own and a broken one costs only itself.
 *
 * <p>Outside entries everything is skipped, {@code %} comments included, as BibTeX skips it. Inside
 * an entry the scanner counts braces (a brace right after a backslash does not count, as in
 * JBibTeX), tracks quoted values at the entry's top level, and treats {@code %} between fields as
 * a comment. An entry ends at its matching delimiter; parentheses are rewritten as braces (same
 * length, so columns stay right). A line whose first non-blank text is {@code @name{} or {@code
 * @name(} always starts a new entry: the entry before it, not closed by then, is handed over as
 * not closed, so a missing brace never swallows the entries after it.
 *
 * <p>One instance per read; not thread-safe.
 */
final class EntryScanner {

  /**
   * One top-level chunk. {@code text} runs from the {@code @} to the closing delimiter (or to the
   * cut when not closed), with its line breaks; {@code line} is the line of the {@code @}. When not
   * closed, {@code cutLine} is the line of the entry that interrupted it, or 0 at the end of the
   * source. {@code values} holds, in pairs, the offsets in {@code text} of the opening and closing
   * brace of each top-level braced value.
   */
  record Chunk(String type, int line, String text, boolean closed, int cutLine, int[] values) {

    Chunk(String type, int line, String text, boolean closed, int cutLine) {
      this(type, line, text, closed, cutLine, new int[0]);
    }
  }

  interface Listener {
    void chunk(Chunk chunk);

    /** An {@code @name} at the start of a line that is not followed by '{' or '('. */
    void notAnEntry(int line, String type);
  }

  private enum State {
    OUTSIDE,
    TYPE,
    AFTER_TYPE,
    BODY
  }

  private final Listener listener;
  private final StringBuilder chunk = new StringBuilder(4096);
  private final StringBuilder type = new StringBuilder(16);
  private State state = State.OUTSIDE;
  private int lineNo;
  private int startLine;
  private boolean atLineStart;
  private char close;
  private int depth;
  private boolean inQuote;
  private int valueStart = -1;
  private int[] values = new int[64];
  private int valueCount;

  EntryScanner(Listener listener) {
    this.listener = listener;
  }

  void scan(SourceLines lines) throws IOException {
    String line;
    while ((line = lines.next()) != null) {
      lineNo++;
      if (state != State.OUTSIDE && lineNo > startLine && startsEntry(line)) {
        interrupt(lineNo);
      }
      scanLine(line);
      if (state != State.OUTSIDE) {
        chunk.append('\n');
      }
    }
    if (state != State.OUTSIDE) {
      interrupt(0);
    }
  }

  private void interrupt(int cutLine) {
    if (state == State.BODY) {
      listener.chunk(new Chunk(type.toString(), startLine, chunk.toString(), false, cutLine));
    } else {
      notAnEntry();
    }
    state = State.OUTSIDE;
  }

  private void notAnEntry() {
    if (atLineStart) {
      listener.notAnEntry(startLine, type.toString());
    }
  }

  /** True for a line whose first non-blank text is {@code @name{} or {@code @name(}. */
  static boolean startsEntry(String line) {
    int n = line.length();
    int i = 0;
    while (i < n && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i >= n || line.charAt(i) != '@') {
      return false;
    }
    i++;
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    int nameStart = i;
    while (i < n && isTypeChar(line.charAt(i))) {
      i++;
    }
    if (i == nameStart) {
      return false;
    }
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i < n && (line.charAt(i) == '{' || line.charAt(i) == '(');
  }

  private void scanLine(String line) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      switch (state) {
        case OUTSIDE -> {
          int at = -1;
          for (int j = i; j < n; j++) {
            char c = line.charAt(j);
            if (c == '@') {
              at = j;
              break;
            }
            if (c == '%') {
              break;
            }
          }
          if (at < 0) {
            return;
          }
          startLine = lineNo;
          atLineStart = line.substring(0, at).isBlank();
          chunk.setLength(0);
          chunk.append('@');
          type.setLength(0);
          state = State.TYPE;
          i = at + 1;
        }
        case TYPE -> {
          char c = line.charAt(i);
          if (isTypeChar(c)) {
            type.append(c);
            chunk.append(c);
            i++;
          } else if (c == ' ' || c == '\t') {
            chunk.append(c);
            i++;
            if (!type.isEmpty()) {
              state = State.AFTER_TYPE;
            }
          } else if ((c == '{' || c == '(') && !type.isEmpty()) {
            open(c);
            i++;
          } else {
            notAnEntry();
            state = State.OUTSIDE;
          }
        }
        case AFTER_TYPE -> {
          char c = line.charAt(i);
          if (c == ' ' || c == '\t') {
            chunk.append(c);
            i++;
          } else if (c == '{' || c == '(') {
            open(c);
            i++;
          } else {
            notAnEntry();
            state = State.OUTSIDE;
          }
        }
        case BODY -> i = body(line, i, n);
      }
    }
  }

  private void open(char delimiter) {
    chunk.append('{');
    close = delimiter == '{' ? '}' : ')';
    depth = 0;
    inQuote = false;
    valueStart = -1;
    valueCount = 0;
    state = State.BODY;
  }

  /** Scans entry text from {@code i}; returns where scanning goes on (n at the end of the line). */
  private int body(String line, int i, int n) {
    int segment = i;
    for (; i < n; i++) {
      char c = line.charAt(i);
      if (c == '{') {
        if (depth == 0 && !inQuote) {
          valueStart = chunk.length() + (i - segment);
        }
        depth++;
      } else if (c == '}') {
        if (depth > 0) {
          depth--;
          if (depth == 0 && valueStart >= 0) {
            addValue(valueStart, chunk.length() + (i - segment));
            valueStart = -1;
          }
        } else if (close == '}') {
          chunk.append(line, segment, i + 1);
          finish();
          return i + 1;
        }
      } else if (depth == 0) {
        if (c == '"') {
          inQuote = !inQuote;
        } else if (c == ')' && close == ')' && !inQuote) {
          chunk.append(line, segment, i).append('}');
          finish();
          return i + 1;
        } else if (c == '%' && !inQuote) {
          break; // a comment between fields: JBibTeX skips it too
        }
      }
    }
    chunk.append(line, segment, n);
    return n;
  }

  private void addValue(int open, int closing) {
    if (valueCount + 2 > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[valueCount++] = open;
    values[valueCount++] = closing;
  }

  private void finish() {
    state = State.OUTSIDE;
    listener.chunk(
        new Chunk(
            type.toString(),
            startLine,
            chunk.toString(),
            true,
            0,
            Arrays.copyOf(values, valueCount)));
  }

  static boolean isTypeChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
  }
}
