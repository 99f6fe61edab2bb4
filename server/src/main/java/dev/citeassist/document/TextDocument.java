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
    return new TextDocument(uri, newVersion, changed);
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
