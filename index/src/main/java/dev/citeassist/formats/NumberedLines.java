package dev.citeassist.formats;

import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The lines of a UTF-8 text source, numbered from 1 and cleaned the same way for every reader of
 * pasted web text: Unicode NFC, no-break and other fixed-width spaces become plain spaces,
 * invisible characters (zero-width space, byte-order mark, soft hyphen) are dropped, and trailing
 * blanks are trimmed. A line holding bytes that are not UTF-8 (read as U+FFFD) or control
 * characters is reported to the sink once, then returned as cleaned as possible, so that the reader
 * can go on. Streams line by line; not thread-safe, one instance per read.
 */
final class NumberedLines {

  /** One line and its 1-based number in the source. */
  record Line(int number, String text) {
    boolean isBlank() {
      return text.isBlank();
    }
  }

  private final String source;
  private final BufferedReader reader;
  private final PaperSink sink;
  private int number;

  NumberedLines(String source, InputStream in, PaperSink sink) {
    this.source = source;
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.sink = sink;
  }

  /** The next line, or null at the end of the source. */
  Line next() throws IOException {
    String raw = reader.readLine();
    if (raw == null) {
      return null;
    }
    number++;
    return new Line(number, clean(raw));
  }

  private String clean(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    boolean undecodable = false;
    boolean control = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\uFEFF', '\u200B', '\u00AD' -> {}
        case '\u00A0', '\u2007', '\u202F', '\t' -> out.append(' ');
        case '\uFFFD' -> {
          undecodable = true;
          out.append(c);
        }
        default -> {
          if (Character.isISOControl(c)) {
            control = true;
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    if (undecodable) {
      sink.problem(new ReadProblem(source, number, "bytes that are not UTF-8 were read as U+FFFD"));
    }
    if (control) {
      sink.problem(new ReadProblem(source, number, "control characters were read as spaces"));
    }
    return out.toString().stripTrailing();
  }
}
