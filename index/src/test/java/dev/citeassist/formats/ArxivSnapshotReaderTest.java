package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.bench.ArxivSnapshotGenerator;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivSnapshotReaderTest {

  private final ArxivSnapshotReader reader = new ArxivSnapshotReader();

  /** 50,000 generated records (about 88 MB), written once for the streaming tests. */
  @TempDir static Path dir;

  private static Path snapshot;

  @BeforeAll
  static void generateSnapshot() throws IOException {
    snapshot = dir.resolve("snapshot.jsonl");
    ArxivSnapshotGenerator.write(50_000, 7, snapshot);
  }

  @Test
  void datesAPaperByItsFirstSubmissionNotItsLastUpdate() {
    String line =
        """
        {"id":"1706.03762","title":"Attention","versions":[{"version":"v1","created":"Mon, 12 Jun 2017 17:57:34 GMT"},{"version":"v7","created":"Wed, 2 Aug 2023 00:41:18 GMT"}],"update_date":"2023-08-03"}
        """;

    Paper paper = JsonReads.read(reader, "s.jsonl", line).papers().get(0);

    assertEquals(List.of(2017, 6, 12), List.of(paper.year(), paper.month(), paper.day()));
  }

  @Test
  void putsASuffixAtTheEndOfTheGivenName() {
    String line =
        """
        {"id":"1","title":"T","authors_parsed":[["King","Martin Luther","Jr."],["Cher","",""]]}
        """;

    Paper paper = JsonReads.read(reader, "s.jsonl", line).papers().get(0);

    assertEquals(
        List.of(new Person("Martin Luther Jr.", "King"), new Person("", "Cher")), paper.authors());
  }

  @Test
  void decodesLatexAccentsButKeepsMath() {
    String line =
        """
        {"id":"1","title":"Poincar\\\\'e operators on $L^2(\\\\mathbb{R})$","authors_parsed":[["Bal\\\\'azs","C.",""]]}
        """;

    Paper paper = JsonReads.read(reader, "s.jsonl", line).papers().get(0);

    assertEquals("Poincaré operators on $L^2(\\mathbb{R})$", paper.title());
    assertEquals(List.of(new Person("C.", "Balázs")), paper.authors());
  }

  @Test
  void aJournalRefMakesAnArticleInThatVenue() {
    String lines =
        """
        {"id":"1","title":"Published","journal-ref":"Phys. Rev. D 76 (2007) 013009"}
        {"id":"2","title":"Preprint","journal-ref":null}
        """;

    List<Paper> papers = JsonReads.read(reader, "s.jsonl", lines).papers();

    assertEquals(List.of("article", "misc"), papers.stream().map(Paper::type).toList());
    assertEquals("Phys. Rev. D 76 (2007) 013009", papers.get(0).venue());
  }

  @Test
  void reportsAMalformedLineAndReadsTheNextOne() {
    String lines =
        """
        {"id":"1","title":"Before"}
        {"id":"2","title":"Bro
        {"id":"3","title":"After"}
        """;

    JsonReads read = JsonReads.read(reader, "s.jsonl", lines);

    assertEquals(List.of("Before", "After"), read.papers().stream().map(Paper::title).toList());
    assertEquals(List.of(1, 3), read.papers().stream().map(p -> p.origin().line()).toList());
    assertEquals(1, read.problems().size());
    assertEquals("s.jsonl", read.problems().get(0).source());
    assertEquals(2, read.problems().get(0).line());
  }

  @Test
  void readsWindowsLineBreaksAVeryLongLineAndALastLineWithoutABreak() {
    String longAbstract = "word ".repeat(40_000);
    String text =
        "\uFEFF{\"id\":\"1\",\"title\":\"First\"}\r\n"
            + "{\"id\":\"2\",\"title\":\"Long\",\"abstract\":\""
            + longAbstract
            + "\"}\r\n"
            + "\r\n"
            + "{\"id\":\"3\",\"title\":\"Last\"}";

    JsonReads read = JsonReads.read(reader, "s.jsonl", text);

    assertEquals(List.of(), read.problems());
    assertEquals(List.of("1", "2", "3"), read.papers().stream().map(Paper::arxivId).toList());
    assertEquals(List.of(1, 2, 4), read.papers().stream().map(p -> p.origin().line()).toList());
    assertEquals(longAbstract.strip(), read.papers().get(1).abstractText());
  }

  @Test
  void readsEveryRecordOfAFiftyThousandLineSnapshot() throws IOException {
    CountingSink sink = new CountingSink();

    try (InputStream in = Files.newInputStream(snapshot)) {
      reader.read("snapshot.jsonl", in, sink);
    }

    assertEquals(50_000, sink.papers);
    assertEquals(0, sink.problems);
    assertEquals(50_000, sink.ids.size());
    assertEquals(50_000, sink.lastLine);
  }

  @Test
  void deliversTheFirstPaperLongBeforeTheEndOfTheStream() throws IOException {
    long size = Files.size(snapshot);
    long[] readAtFirstPaper = {-1};

    try (Catalogue.CountingInputStream in =
        new Catalogue.CountingInputStream(Files.newInputStream(snapshot))) {
      reader.read(
          "snapshot.jsonl",
          in,
          new CountingSink() {
            @Override
            public void paper(Paper paper) {
              if (readAtFirstPaper[0] < 0) {
                readAtFirstPaper[0] = in.count();
              }
            }
          });
      assertEquals(size, in.count());
    }

    assertTrue(size > 50_000_000, "the generated snapshot has " + size + " bytes");
    assertTrue(
        readAtFirstPaper[0] > 0 && readAtFirstPaper[0] <= 1 << 20,
        "bytes read when the first paper arrived: " + readAtFirstPaper[0]);
  }

  private static class CountingSink implements PaperSink {
    int papers;
    int problems;
    int lastLine;
    final Set<String> ids = new HashSet<>();

    @Override
    public void paper(Paper paper) {
      papers++;
      ids.add(paper.arxivId());
      lastLine = paper.origin().line();
    }

    @Override
    public void problem(ReadProblem problem) {
      problems++;
    }
  }

  /**
   * Found by CatalogueReadersFuzzTest#arxivSnapshot: zero bytes made Jackson read a line as UTF-32
   * and its CharConversionException ended the whole read.
   */
  @Test
  void reportsALineThatLooksLikeUtf32AndReadsTheNextOne() {
    JsonReads read =
        JsonReads.read(
            reader,
            "s.jsonl",
            "{\"id\":\"1\",\"title\":\"Before\"}\n"
                + "\0\0\0an\", x\n"
                + "{\"id\":\"3\",\"title\":\"After\"}\n");

    assertEquals(List.of("Before", "After"), read.papers().stream().map(Paper::title).toList());
    assertEquals(1, read.problems().size());
    assertEquals(2, read.problems().get(0).line());
  }
}
