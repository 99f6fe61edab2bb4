package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyPapersReaderTest {

  private static final String PAGE_HEADER =
      """
      new

      Get trending papers in your email inbox!

      Subscribe

      Daily Papers

      byAK and the research community

      May 6

      """;

  @Test
  void skipsThePageHeaderAndReadsMetadataWhenPresent() throws IOException {
    CollectingSink sink =
        read(
            PAGE_HEADER
                + """
                Sparse Coding for LLMs

                We study sparse coding. It works.

                  • 3 authors
                ·
                Mar 24, 2019 2

                Kernel Methods Revisited

                Kernels are back. We show why.

                  • 1 author
                ·
                Feb 1

                Light Bridges

                Bridges are light. Really.
                """);

    assertEquals(List.of(), sink.problems);
    assertEquals(
        List.of(
            paper(13, "Sparse Coding for LLMs", "We study sparse coding. It works.")
                .authorCount(3)
                .month(3)
                .day(24)
                .year(2019)
                .upvotes(2)
                .build(),
            paper(21, "Kernel Methods Revisited", "Kernels are back. We show why.")
                .authorCount(1)
                .month(2)
                .day(1)
                .build(),
            paper(29, "Light Bridges", "Bridges are light. Really.").build()),
        sink.papers);
  }

  @Test
  void readsAPageWithoutHeader() throws IOException {
    CollectingSink sink = read("Light Bridges\n\nBridges are light. Really.\n\n  • 2 authors\n");

    assertEquals(List.of(), sink.problems);
    assertEquals(
        List.of(paper(1, "Light Bridges", "Bridges are light. Really.").authorCount(2).build()),
        sink.papers);
  }

  @Test
  void keepsATitleWhoseAbstractIsMissingAndReportsIt() throws IOException {
    CollectingSink sink =
        read(
            PAGE_HEADER
                + """
                Sparse Coding for LLMs

                Kernel Methods Revisited

                Kernels are back. We show why.
                """);

    assertEquals(
        List.of(new ReadProblem("test.txt", 13, "title with no abstract after it")), sink.problems);
    assertEquals(
        List.of(
            paper(13, "Sparse Coding for LLMs", null).build(),
            paper(15, "Kernel Methods Revisited", "Kernels are back. We show why.").build()),
        sink.papers);
  }

  @Test
  void reportsATruncatedLastRecord() throws IOException {
    CollectingSink sink = read(PAGE_HEADER + "Sparse Coding for LLMs\n");

    assertEquals(
        List.of(new ReadProblem("test.txt", 13, "title with no abstract after it")), sink.problems);
    assertEquals(List.of(paper(13, "Sparse Coding for LLMs", null).build()), sink.papers);
  }

  @Test
  void skipsAnAbstractWithNoTitleAndItsMetadata() throws IOException {
    CollectingSink sink =
        read(
            PAGE_HEADER
                + """
                Kernel Methods Revisited

                Kernels are back. We show why.

                An orphan abstract. Its title was lost.

                  • 4 authors
                ·
                Jun 7, 2023

                Light Bridges

                Bridges are light. Really.
                """);

    assertEquals(
        List.of(new ReadProblem("test.txt", 17, "abstract with no title line before it")),
        sink.problems);
    assertEquals(
        List.of("Kernel Methods Revisited", "Light Bridges"),
        sink.papers.stream().map(Paper::title).toList());
    assertEquals(null, sink.papers.get(1).authorCount());
  }

  @Test
  void reportsAnImpossibleDateAndKeepsThePaper() throws IOException {
    CollectingSink sink =
        read("Light Bridges\n\nBridges are light. Really.\n\n  • 2 authors\n·\nFeb 32, 2024\n");

    assertEquals(
        List.of(new ReadProblem("test.txt", 7, "no such date: Feb 32, 2024")), sink.problems);
    assertEquals(
        List.of(paper(1, "Light Bridges", "Bridges are light. Really.").authorCount(2).build()),
        sink.papers);
  }

  private static Paper.Builder paper(int line, String title, String abstractText) {
    return Paper.builder()
        .type("misc")
        .title(title)
        .abstractText(abstractText)
        .origin(new Origin("test.txt", line, SourceFormat.DAILY_PAPERS));
  }

  private static CollectingSink read(String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    new DailyPapersReader()
        .read("test.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
    return sink;
  }

  /** Found by CatalogueReadersFuzzTest#dailyPapers: the count ended the read with an exception. */
  @Test
  void keepsAPaperWhoseUpvoteCountIsTooLargeAndReportsIt() throws IOException {
    CollectingSink sink =
        read(
            "Light Bridges\n\nBridges are light. Really.\n\n  • 2 authors\n·\nFeb 3 99999999999\n");

    assertEquals(1, sink.papers.size());
    assertEquals("Light Bridges", sink.papers.get(0).title());
    assertEquals(null, sink.papers.get(0).upvotes());
    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt", 7, "the upvote count 99999999999 is too large; left empty")),
        sink.problems);
  }
}
