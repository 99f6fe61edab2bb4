package dev.citeassist.document;

import dev.citeassist.bibtex.BibOutline;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One version of a document's text, and the only place where offsets and LSP positions (0-based
 * line, UTF-16 column) are converted. Immutable; the line table and, for a {@code .bib}, its
 * outline are computed once, lazily, so the features asking about one version share them.
 */
public final class TextDocument {

  private final String uri;
  private final int version;
  private final String text;
  private volatile int[] lineStarts;
  private volatile BibOutline outline;

  public TextDocument(String uri, int version, String text) {
    this.uri = uri;
    this.version = version;
    this.text = text;
  }

  public String uri() {
    return uri;
  }

  public int version() {
    return version;
  }

  public String text() {
    return text;
  }

  /** The text after replacing {@code range} (the whole text when null) by {@code newText}. */
  public TextDocument apply(Range range, String newText, int newVersion) {
    if (range == null) {
      return new TextDocument(uri, newVersion, newText);
    }
    int start = offset(range.getStart());
    int end = Math.max(start, offset(range.getEnd()));
    String changed =
        new StringBuilder(text.length() - (end - start) + newText.length())
            .append(text, 0, start)
            .append(newText)
            .append(text, end, text.length())
            .toString();
    TextDocument next = new TextDocument(uri, newVersion, changed);
    // The next change's position is found with the new line starts: derived from these (a copy
    // of an int per line) instead of scanning the whole text again on each keystroke, which
    // took most of the protocol thread's time for a 100,000-entry .bib.
    next.lineStarts = shifted(lineStarts(), start, end, newText);
    return next;
  }

  /** The line starts after replacing {@code [start, end)} of the text by {@code inserted}. */
  private static int[] shifted(int[] old, int start, int end, String inserted) {
    // kept: starts at or before start; dropped: those whose line break was replaced
    int kept = upperBound(old, start);
    int after = upperBound(old, end);
    int added = 0;
    for (int i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) {
      added++;
    }
    int[] starts = new int[kept + added + old.length - after];
    System.arraycopy(old, 0, starts, 0, kept);
    int k = kept;
    for (int i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) {
      starts[k++] = start + i + 1;
    }
    int delta = inserted.length() - (end - start);
    for (int j = after; j < old.length; j++) {
      starts[k++] = old[j] + delta;
    }
    return starts;
  }

  /** The number of values in sorted {@code a} that are at most {@code value}. */
  private static int upperBound(int[] a, int value) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The offset of a position; columns past the line's end clamp to it, lines past the end too. */
  public int offset(Position position) {
    return offset(position.getLine(), position.getCharacter());
  }

  public int offset(int line, int character) {
    int[] starts = lineStarts();
    if (line < 0) {
      return 0;
    }
    if (line >= starts.length) {
      return text.length();
    }
    int start = starts[line];
    int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r' && line + 1 < starts.length) {
      end--;
    }
    return Math.min(start + Math.max(0, character), end);
  }

  public Position position(int offset) {
    int[] starts = lineStarts();
    int o = Math.max(0, Math.min(offset, text.length()));
    int line = Arrays.binarySearch(starts, o);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, o - starts[line]);
  }

  public Range range(int start, int end) {
    return new Range(position(start), position(end));
  }

  /** The outline of this text read as a {@code .bib} (offsets are this text's). */
  public BibOutline bibOutline() {
    BibOutline o = outline;
    if (o == null) {
      o = BibOutline.of(text);
      outline = o;
    }
    return o;
  }

  /** The 1-based line number of an offset. */
  public int lineNumber(int offset) {
    return position(offset).getLine() + 1;
  }

  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts == null) {
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          count++;
        }
      }
      starts = new int[count];
      int k = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts[k++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return starts;
  }
}
