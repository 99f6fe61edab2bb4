package dev.citeassist.formats;

import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the listing format (seeds 000, 001, 004). A record is three lines: a header ({@link
 * ListingHeader}: category, date, "Code" flag), the title glued to at most three authors with an
 * optional " et al." and " · affiliation" ({@link TitleAuthorSplitter}), and the abstract. Blank
 * lines are ignored.
 *
 * <p>No record with a title line is lost: when the title line cannot be split with confidence, the
 * record is kept with the most likely split ({@link TitleAuthorSplitter#guess}; the whole line as
 * the title when no author can be told) and a {@link ReadProblem} names the line and the guess. A
 * header with no title line is skipped and reported; a record with no abstract is kept (the
 * abstract null) and reported; text after the abstract (perhaps a record that lost its header) is
 * reported and skipped up to the next header. Stateless and thread-safe; streams the source.
 */
public final class ListingReader implements CatalogueReader {

  private static final Pattern ET_AL = Pattern.compile("\\s+et al\\.?$");
  private static final String AFFILIATION_MARK = " · ";
  // A title line is a title and at most a few names; a line this long is an abstract.
  private static final int LONGEST_TITLE_LINE = 600;

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    NumberedLines lines = new NumberedLines(sourceName, in, sink);
    Pending pending = null;
    boolean reportedStray = false;
    for (NumberedLines.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.isBlank()) {
        continue;
      }
      Optional<ListingHeader> header = ListingHeader.parse(line.text());
      if (header.isPresent()) {
        finish(sourceName, pending, sink);
        pending = new Pending(line.number(), header.get());
        reportedStray = false;
      } else if (pending == null) {
        if (!reportedStray) {
          sink.problem(
              new ReadProblem(sourceName, line.number(), "text before any category/date line"));
          reportedStray = true;
        }
      } else if (pending.titleLine == null) {
        pending.titleLine = line;
      } else if (pending.abstractText == null) {
        pending.abstractText = line.text().strip();
      } else if (!reportedStray) {
        // Joining it to the abstract would hide a record that lost its header.
        sink.problem(
            new ReadProblem(
                sourceName,
                line.number(),
                "text after the abstract, before the next category/date line"));
        reportedStray = true;
      }
    }
    finish(sourceName, pending, sink);
  }

  private static void finish(String source, Pending p, PaperSink sink) {
    if (p == null) {
      return;
    }
    if (p.titleLine == null || p.titleLine.text().length() > LONGEST_TITLE_LINE) {
      sink.problem(
          new ReadProblem(
              source, p.headerLine, "category/date line with no title and authors line after it"));
      return;
    }
    TitleLine titleLine = titleAndAuthors(p.titleLine.text().strip());
    if (titleLine.guessed()) {
      sink.problem(
          new ReadProblem(
              source,
              p.titleLine.number(),
              "cannot tell for sure where the title ends and the author list begins; kept as"
                  + " title \""
                  + titleLine.title()
                  + "\" and authors "
                  + titleLine.authorsShown()));
    }
    Paper.Builder paper = titleLine.paper();
    String abstractText = p.abstractText;
    if (abstractText == null) {
      sink.problem(new ReadProblem(source, p.headerLine, "record has no abstract line"));
    }
    ShownDate date = p.header.date();
    sink.paper(
        paper
            .type("misc")
            .category(p.header.category())
            .month(date.month())
            .day(date.day())
            .year(date.year())
            .code(p.header.code())
            .abstractText(abstractText)
            .origin(new Origin(source, p.headerLine, SourceFormat.LISTING))
            .build());
  }

  /**
   * A title line read: title, authors, et al. and affiliation; {@code guessed} when the split is
   * only the most likely one, {@code authorsShown} the names as the line shows them.
   */
  record TitleLine(Paper.Builder paper, String title, List<String> authorsShown, boolean guessed) {}

  /** Title, authors, et al. and affiliation of a title line, split with confidence or guessed. */
  static TitleLine titleAndAuthors(String text) {
    String affiliation = null;
    int mark = text.lastIndexOf(AFFILIATION_MARK);
    if (mark >= 0 && !text.substring(mark).contains(", ")) {
      affiliation = text.substring(mark + AFFILIATION_MARK.length()).strip();
      text = text.substring(0, mark).strip();
    }
    Matcher etAl = ET_AL.matcher(text);
    boolean cut = etAl.find();
    if (cut) {
      text = text.substring(0, etAl.start());
    }
    String shownAffiliation = affiliation == null || affiliation.isEmpty() ? null : affiliation;
    String glued = text;
    Optional<TitleAuthorSplitter.Split> sure = TitleAuthorSplitter.split(glued);
    TitleAuthorSplitter.Split split = sure.orElseGet(() -> TitleAuthorSplitter.guess(glued));
    Paper.Builder paper =
        Paper.builder()
            .title(split.title())
            .authors(split.authors().stream().map(ListingReader::person).toList())
            .etAl(cut)
            .affiliation(shownAffiliation);
    return new TitleLine(paper, split.title(), split.authors(), sure.isEmpty());
  }

  /** The person of a name as shown; initials glued to the family name are parted first. */
  private static Person person(String shown) {
    String[] words = shown.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      Matcher glued = NameShape.INITIALS_THEN_WORD.matcher(words[i]);
      if (glued.matches()) {
        words[i] = glued.group(1) + " " + glued.group(2);
      }
    }
    return Person.parse(String.join(" ", words));
  }

  /** A record being read: its header, then its title line, then its abstract. */
  private static final class Pending {
    final int headerLine;
    final ListingHeader header;
    NumberedLines.Line titleLine;
    String abstractText;

    Pending(int headerLine, ListingHeader header) {
      this.headerLine = headerLine;
      this.header = header;
    }
  }
}
