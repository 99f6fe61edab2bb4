package dev.citeassist.formats;

import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a "Daily Papers" page (seeds 002, 003). The page starts with a header (lines up to "Daily
 * Papers", then "by…" and the page's own date), which is skipped; the page date is not any paper's
 * date. Then, per paper and separated by blank lines: the title, the abstract, and optionally "• N
 * authors", "·" and the paper's date ("Aug 19, 2023", year optional) with an optional upvote count
 * after it. Names are not given in this format, only their number.
 *
 * <p>Titles and abstracts are told apart by position, checked by shape: an abstract has sentences
 * (". " or a final period) or is long. A title followed by another title-like line lost its
 * abstract: it is kept with a null abstract and reported. An abstract-like line where a title is
 * expected is reported and skipped with its metadata. Stateless and thread-safe; streams the
 * source.
 */
public final class DailyPapersReader implements CatalogueReader {

  static final String PAGE_TITLE = "Daily Papers";
  private static final Pattern AUTHORS = Pattern.compile("•\\s*(\\d+)\\s+authors?");
  private static final Pattern DATE = Pattern.compile(ShownDate.REGEX + "(?:\\s+(\\d+))?");
  private static final String SEPARATOR = "·";
  // The page header is short; "Daily Papers" further down is a title, not the header.
  private static final int HEADER_LINES = 12;
  private static final int LONG_LINE = 300;

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    NumberedLines lines = new NumberedLines(sourceName, in, sink);
    Records records = new Records(sourceName, sink);
    for (NumberedLines.Line line : pageStart(lines)) {
      records.accept(line);
    }
    for (NumberedLines.Line line = lines.next(); line != null; line = lines.next()) {
      if (!line.isBlank()) {
        records.accept(line);
      }
    }
    records.finish();
  }

  /**
   * Reads the first non-blank lines and returns those after the page header (all of them when there
   * is no "Daily Papers" line among them).
   */
  private static List<NumberedLines.Line> pageStart(NumberedLines lines) throws IOException {
    List<NumberedLines.Line> head = new ArrayList<>();
    int headerEnd = -1;
    for (NumberedLines.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.isBlank()) {
        continue;
      }
      head.add(line);
      if (line.text().strip().equals(PAGE_TITLE)) {
        headerEnd = head.size();
        break;
      }
      if (head.size() == HEADER_LINES) {
        break;
      }
    }
    if (headerEnd < 0) {
      return head;
    }
    List<NumberedLines.Line> rest = new ArrayList<>();
    NumberedLines.Line line = nextNonBlank(lines);
    if (line != null && line.text().strip().startsWith("by")) {
      line = nextNonBlank(lines);
    }
    if (line != null && ShownDate.parse(line.text().strip()).isPresent()) {
      line = nextNonBlank(lines);
    }
    if (line != null) {
      rest.add(line);
    }
    return rest;
  }

  private static NumberedLines.Line nextNonBlank(NumberedLines lines) throws IOException {
    NumberedLines.Line line = lines.next();
    while (line != null && line.isBlank()) {
      line = lines.next();
    }
    return line;
  }

  static boolean looksLikeAbstract(String text) {
    return text.contains(". ") || text.endsWith(".") || text.length() > LONG_LINE;
  }

  /** The record state machine over non-blank lines after the page header. */
  private static final class Records {
    private final String source;
    private final PaperSink sink;
    private int titleLine;
    private String title;
    private String abstractText;
    private Integer authorCount;
    private boolean hasMetadata;
    private boolean skippingOrphan;

    Records(String source, PaperSink sink) {
      this.source = source;
      this.sink = sink;
    }

    void accept(NumberedLines.Line line) {
      String text = line.text().strip();
      Matcher authors = AUTHORS.matcher(text);
      Matcher date = DATE.matcher(text);
      if (authors.matches()) {
        if (metadataHasRecord(line)) {
          authorCount = count(authors.group(1), line, "author count");
          hasMetadata = true;
        }
      } else if (text.equals(SEPARATOR)) {
        if (metadataHasRecord(line)) {
          hasMetadata = true;
        }
      } else if (date.matches()) {
        if (metadataHasRecord(line)) {
          Optional<ShownDate> shown = ShownDate.from(date, 1);
          if (shown.isEmpty()) {
            sink.problem(new ReadProblem(source, line.number(), "no such date: " + text));
          }
          Integer upvotes =
              date.group(4) == null ? null : count(date.group(4), line, "upvote count");
          emit(shown.orElse(null), upvotes);
        }
      } else if (title != null && abstractText == null && !hasMetadata && looksLikeAbstract(text)) {
        abstractText = text;
      } else {
        if (title != null) {
          emit(null, null);
        }
        startTitle(line, text);
      }
    }

    /** A count as shown, or null and a problem when it is too large to be one. */
    private Integer count(String digits, NumberedLines.Line line, String what) {
      try {
        return Integer.valueOf(digits);
      } catch (NumberFormatException e) {
        sink.problem(
            new ReadProblem(
                source, line.number(), "the " + what + " " + digits + " is too large; left empty"));
        return null;
      }
    }

    private void startTitle(NumberedLines.Line line, String text) {
      if (looksLikeAbstract(text)) {
        sink.problem(
            new ReadProblem(source, line.number(), "abstract with no title line before it"));
        skippingOrphan = true;
        return;
      }
      skippingOrphan = false;
      title = text;
      titleLine = line.number();
    }

    /** True when metadata has a record to belong to; reports it once when it has none. */
    private boolean metadataHasRecord(NumberedLines.Line line) {
      if (title != null) {
        return true;
      }
      if (!skippingOrphan) {
        sink.problem(
            new ReadProblem(source, line.number(), "author count or date with no title before it"));
        skippingOrphan = true;
      }
      return false;
    }

    void finish() {
      if (title != null) {
        emit(null, null);
      }
    }

    private void emit(ShownDate date, Integer upvotes) {
      if (abstractText == null) {
        sink.problem(new ReadProblem(source, titleLine, "title with no abstract after it"));
      }
      sink.paper(
          Paper.builder()
              .type("misc")
              .title(title)
              .abstractText(abstractText)
              .authorCount(authorCount)
              .month(date == null ? null : date.month())
              .day(date == null ? null : date.day())
              .year(date == null ? null : date.year())
              .upvotes(upvotes)
              .origin(new Origin(source, titleLine, SourceFormat.DAILY_PAPERS))
              .build());
      title = null;
      abstractText = null;
      authorCount = null;
      hasMetadata = false;
    }
  }
}
