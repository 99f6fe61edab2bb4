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
 * <p>This is the one scanner of .bib structure: {@link BibtexReader} reads the chunks it cuts, and
 * {@link BibOutline} lists them with their offsets. Where an entry's key is ({@link #keySpan}) is
 * decided here too, for both.
 *
 * <p>One instance per read; not thread-safe.
 */
final class EntryScanner {

  /**
   * One top-level chunk. {@code text} runs from the {@code @} to the closing delimiter (or to the
   * cut when not closed), with its line breaks; {@code line} is the line of the {@code @}. When not
   * closed, {@code cutLine} is the line of the entry that interrupted it, or 0 at the end of the
   * source. {@code values} holds, in pairs, the offsets in {@code text} of the opening and closing
   * brace of each top-level braced value (outside quotes; a closed chunk's only). {@code start},
   * {@code open} and {@code end} are offsets in the source (see {@link SourceLines#offset}) of the
   * {@code @}, of the opening delimiter, and after the closing delimiter (when not closed: the end
   * of the chunk's last line). Without kept text ({@link EntryScanner#EntryScanner(Listener,
   * boolean)}) {@code text} is null and {@code values} are source offsets.
   */
  record Chunk(
      String type,
      int line,
      String text,
      boolean closed,
      int cutLine,
      int[] values,
      int start,
      int open,
      int end) {}

  interface Listener {
    void chunk(Chunk chunk);

    /**
     * An {@code @name} at the start of a line that is not followed by '{' or '('; {@code offset} is
     * where its {@code @} is in the source.
     */
    void notAnEntry(int line, int offset, String type);
  }

  private enum State {
    OUTSIDE,
    TYPE,
    AFTER_TYPE,
    BODY
  }

  private final Listener listener;
  private final boolean keepText;
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
  // Offsets in the source: of the current line, after the last line scanned, of the chunk's '@'
  // and of its opening delimiter.
  private int base;
  private int lineEnd;
  private int start;
  private int openAt;

  /** A scanner whose chunks keep their text, as reading them needs. */
  EntryScanner(Listener listener) {
    this(listener, true);
  }

  /** {@code keepText}: whether chunks carry their text (offsets only is cheaper). */
  EntryScanner(Listener listener, boolean keepText) {
    this.listener = listener;
    this.keepText = keepText;
  }

  void scan(SourceLines lines) throws IOException {
    while (lines.next()) {
      String line = lines.text();
      int from = lines.start();
      int to = lines.end();
      lineNo++;
      if (state != State.OUTSIDE && lineNo > startLine && startsEntry(line, from, to)) {
        interrupt(lineNo);
      }
      base = lines.offset() - from;
      scanLine(line, from, to);
      lineEnd = base + to;
      if (state != State.OUTSIDE && keepText) {
        chunk.append('\n');
      }
    }
    if (state != State.OUTSIDE) {
      interrupt(0);
    }
  }

  private void interrupt(int cutLine) {
    if (state == State.BODY) {
      String text = keepText ? chunk.toString() : null;
      listener.chunk(
          new Chunk(
              type.toString(),
              startLine,
              text,
              false,
              cutLine,
              new int[0],
              start,
              openAt,
              lineEnd));
    } else {
      notAnEntry();
    }
    state = State.OUTSIDE;
  }

  private void notAnEntry() {
    if (atLineStart) {
      listener.notAnEntry(startLine, start, type.toString());
    }
  }

  /** True for a line whose first non-blank text is {@code @name{} or {@code @name(}. */
  static boolean startsEntry(String line) {
    return startsEntry(line, 0, line.length());
  }

  /** True when {@code line[from, n)} is a line that starts an entry. */
  private static boolean startsEntry(String line, int from, int n) {
    int i = from;
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

  /** Scans the line {@code line[from, n)}; {@code base} + an index in it is a source offset. */
  private void scanLine(String line, int from, int n) {
    int i = from;
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
          start = base + at;
          atLineStart = isBlank(line, from, at);
          chunk.setLength(0);
          if (keepText) {
            chunk.append('@');
          }
          type.setLength(0);
          state = State.TYPE;
          i = at + 1;
        }
        case TYPE -> {
          char c = line.charAt(i);
          if (isTypeChar(c)) {
            type.append(c);
            append(c);
            i++;
          } else if (c == ' ' || c == '\t') {
            append(c);
            i++;
            if (!type.isEmpty()) {
              state = State.AFTER_TYPE;
            }
          } else if ((c == '{' || c == '(') && !type.isEmpty()) {
            open(c, base + i);
            i++;
          } else {
            notAnEntry();
            state = State.OUTSIDE;
          }
        }
        case AFTER_TYPE -> {
          char c = line.charAt(i);
          if (c == ' ' || c == '\t') {
            append(c);
            i++;
          } else if (c == '{' || c == '(') {
            open(c, base + i);
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

  private void append(char c) {
    if (keepText) {
      chunk.append(c);
    }
  }

  private static boolean isBlank(String line, int from, int end) {
    for (int i = from; i < end; i++) {
      if (!Character.isWhitespace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void open(char delimiter, int at) {
    openAt = at;
    append('{');
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
          valueStart = keepText ? chunk.length() + (i - segment) : base + i;
        }
        depth++;
      } else if (c == '}') {
        if (depth > 0) {
          depth--;
          if (depth == 0 && valueStart >= 0) {
            addValue(valueStart, keepText ? chunk.length() + (i - segment) : base + i);
            valueStart = -1;
          }
        } else if (close == '}') {
          if (keepText) {
            chunk.append(line, segment, i + 1);
          }
          finish(base + i + 1);
          return i + 1;
        }
      } else if (depth == 0) {
        if (c == '"') {
          inQuote = !inQuote;
        } else if (c == ')' && close == ')' && !inQuote) {
          if (keepText) {
            chunk.append(line, segment, i).append('}');
          }
          finish(base + i + 1);
          return i + 1;
        } else if (c == '%' && !inQuote) {
          break; // a comment between fields: JBibTeX skips it too
        }
      }
    }
    if (keepText) {
      chunk.append(line, segment, n);
    }
    return n;
  }

  private void addValue(int open, int closing) {
    if (valueCount + 2 > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[valueCount++] = open;
    values[valueCount++] = closing;
  }

  private void finish(int end) {
    state = State.OUTSIDE;
    listener.chunk(
        new Chunk(
            type.toString(),
            startLine,
            keepText ? chunk.toString() : null,
            true,
            0,
            Arrays.copyOf(values, valueCount),
            start,
            openAt,
            end));
  }

  /**
   * Where the key of the entry whose opening delimiter is at {@code open} is: {start, end}, or null
   * when the entry has no key (the text after the delimiter is a field assignment, or nothing a key
   * can be). A key runs to a ',', '=', '"', blank or the closing delimiter ('}' or ')', as the
   * opening one) outside braces (BibTeX allows braces in a key: {@code Kury\l{}owicz1973}), and
   * must be followed, after blanks, by ',' or the closing delimiter; or by {@code to}, the end of
   * the text to look at, when {@code toEndsKey} (an entry that is not closed: {@code @article{liao}
   * as typed so far).
   */
  static int[] keySpan(CharSequence text, int open, int to, boolean toEndsKey) {
    char close = text.charAt(open) == '(' ? ')' : '}';
    int i = open + 1;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int start = i;
    int depth = 0;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0
          && (c == ',' || c == '=' || c == '"' || c == close || Character.isWhitespace(c))) {
        break;
      }
      i++;
    }
    int end = i;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (end == start) {
      return null;
    }
    if (i >= to ? !toEndsKey : text.charAt(i) != ',' && text.charAt(i) != close) {
      return null;
    }
    return new int[] {start, end};
  }

  // The sentences of the structure problems, one place for the reader and the outline.

  /** An entry not closed; {@code key} may be null, {@code cutLine} 0 (the end of the file). */
  static String notClosed(String type, String key, int cutLine) {
    return "@"
        + type
        + (key == null ? "" : "{" + key + "}")
        + " is not closed before "
        + (cutLine > 0 ? "line " + cutLine : "the end of the file")
        + " (a '{' without its '}', or the closing delimiter missing); skipped";
  }

  static String notAnEntry(String type) {
    return "'@" + type + "' is not followed by '{' or '('; skipped";
  }

  static String noKey(String type) {
    return "@" + type + " entry has no citation key";
  }

  static String usedAgain(String key, int firstLine) {
    return "key '" + key + "' is used again (first at line " + firstLine + ")";
  }

  static boolean isTypeChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
  }
}
