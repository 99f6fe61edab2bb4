package dev.citeassist.bibtex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a .bib source, without their line terminators ({@code \n}, {@code \r\n}, or a lone
 * {@code \r} as old Mac files have). Bytes are read as UTF-8; a line whose bytes are not valid
 * UTF-8 is read as Latin-1 instead, so a Latin-1 file (or one Latin-1 line in a UTF-8 file) reads
 * right. A leading byte order mark is dropped. Holds one line and a 64 KiB buffer at a time. Not
 * thread-safe; one instance per read.
 */
abstract class SourceLines {

  /** Moves to the next line; false at the end. */
  abstract boolean next() throws IOException;

  /**
   * The text that holds the current line, at {@code [start(), end())}: for a string source the
   * whole string (no copy per line), for bytes the line alone.
   */
  abstract String text();

  abstract int start();

  abstract int end();

  /**
   * Where the current line starts in the source: for a string, its offset in that string (UTF-16
   * units, byte order mark and {@code \r\n} counted as they are); for bytes, the number of
   * characters read before it, each line break counted as one.
   */
  abstract int offset();

  static SourceLines of(String text) {
    return new OfString(text);
  }

  static SourceLines of(InputStream in) {
    return new OfBytes(in);
  }

  private static final class OfString extends SourceLines {
    private final String text;
    private int pos;
    private int lineStart;
    private int lineEnd;
    // The next '\n' and '\r' at or after pos (text.length() when none): String.indexOf is much
    // faster than a loop over the chars, and each is searched again only once passed.
    private int nextLf = -1;
    private int nextCr = -1;

    OfString(String text) {
      this.text = text;
      this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    @Override
    String text() {
      return text;
    }

    @Override
    int start() {
      return lineStart;
    }

    @Override
    int end() {
      return lineEnd;
    }

    @Override
    int offset() {
      return lineStart;
    }

    @Override
    boolean next() {
      int n = text.length();
      if (pos >= n) {
        return false;
      }
      lineStart = pos;
      if (nextLf < pos) {
        nextLf = found(text.indexOf('\n', pos), n);
      }
      if (nextCr < pos) {
        nextCr = found(text.indexOf('\r', pos), n);
      }
      int end = Math.min(nextLf, nextCr);
      lineEnd = end;
      pos = end + (end + 1 < n && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
      return true;
    }

    private static int found(int index, int n) {
      return index < 0 ? n : index;
    }
  }

  private static final class OfBytes extends SourceLines {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private boolean eof;
    private boolean first = true;
    private boolean afterCr;
    private int lineStart;
    private int read;
    private String current;

    OfBytes(InputStream in) {
      this.in = in;
    }

    @Override
    String text() {
      return current;
    }

    @Override
    int start() {
      return 0;
    }

    @Override
    int end() {
      return current.length();
    }

    @Override
    int offset() {
      return lineStart;
    }

    @Override
    boolean next() throws IOException {
      current = nextLine();
      return current != null;
    }

    private String nextLine() throws IOException {
      int len = 0;
      boolean any = false;
      while (true) {
        if (pos == limit) {
          if (eof || !fill()) {
            if (!any) {
              return null;
            }
            break;
          }
        }
        if (afterCr) {
          afterCr = false;
          if (buf[pos] == '\n') {
            pos++; // the \n of a \r\n that the buffer cut in two
            continue;
          }
        }
        any = true;
        int nl = indexOfNewline(pos, limit);
        int end = nl < 0 ? limit : nl;
        int n = end - pos;
        if (len + n > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
        }
        System.arraycopy(buf, pos, line, len, n);
        len += n;
        if (nl >= 0) {
          if (buf[nl] == '\r') {
            if (nl + 1 < limit) {
              pos = buf[nl + 1] == '\n' ? nl + 2 : nl + 1;
            } else {
              pos = nl + 1;
              afterCr = true;
            }
          } else {
            pos = nl + 1;
          }
          break;
        }
        pos = limit;
      }
      int off = 0;
      if (first) {
        first = false;
        if (len >= 3
            && line[0] == (byte) 0xEF
            && line[1] == (byte) 0xBB
            && line[2] == (byte) 0xBF) {
          off = 3;
        }
      }
      String decoded = decode(line, off, len);
      lineStart = read;
      read += decoded.length() + 1;
      return decoded;
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    private int indexOfNewline(int from, int to) {
      for (int i = from; i < to; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          return i;
        }
      }
      return -1;
    }
  }

  static String decode(byte[] b, int off, int end) {
    boolean ascii = true;
    for (int i = off; i < end; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, off, end - off, StandardCharsets.ISO_8859_1);
    }
    return new String(
        b,
        off,
        end - off,
        isUtf8(b, off, end) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** Well-formed UTF-8: right lead bytes, continuation bytes, no overlong or surrogate forms. */
  static boolean isUtf8(byte[] b, int off, int end) {
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + n > end - 1) {
        return false;
      }
      int second = b[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}
