package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingReaderTest {

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void readsEveryFieldOfARecord() throws IOException {
    CollectingSink sink =
        read(
            """
            STJun 3, 2021Code
            Sparse Coding for LLMsAnna Schmidt, TianQi Hou, Émile Durand et al. · eth
            We study sparse coding. It works.
            """);

    assertEquals(List.of(), sink.problems);
    assertEquals(
        List.of(
            Paper.builder()
                .type("misc")
                .title("Sparse Coding for LLMs")
                .authors(
                    List.of(
                        new Person("Anna", "Schmidt"),
                        new Person("TianQi", "Hou"),
                        new Person("Émile", "Durand")))
                .etAl(true)
                .affiliation("eth")
                .category("ST")
                .year(2021)
                .month(6)
                .day(3)
                .code(true)
                .abstractText("We study sparse coding. It works.")
                .origin(new Origin("test.txt", 1, SourceFormat.LISTING))
                .build()),
        sink.papers);
  }

  @Test
  void leavesTheYearNullWhenTheHeaderHasNone() throws IOException {
    CollectingSink sink =
        read(
            """
            DBMar 26
            Query-aware Subspace SearchJiuqi Wei, Ruoyu Han
            An abstract. Second sentence.
            """);

    Paper paper = sink.papers.get(0);
    assertNull(paper.year());
    assertEquals(3, paper.month());
    assertEquals(26, paper.day());
    assertEquals(false, paper.code());
    assertEquals(false, paper.etAl());
    assertNull(paper.affiliation());
  }

  @Test
  void reportsAHeaderWithNoTitleLineAndReadsTheNextRecord() throws IOException {
    CollectingSink sink =
        read(
            """
            LGFeb 1
            MLMar 2, 2020
            Kernel MethodsJohn Smith
            An abstract. Second sentence.
            """);

    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt", 1, "category/date line with no title and authors line after it")),
        sink.problems);
    assertEquals(List.of("Kernel Methods"), titles(sink));
    assertEquals(2, sink.papers.get(0).origin().line());
  }

  @Test
  void reportsAHeaderFollowedByItsAbstractInsteadOfATitleLine() throws IOException {
    String longAbstract = "We prove a bound. ".repeat(40).strip();
    CollectingSink sink =
        read(
            "LGFeb 1, 2020\n" + longAbstract + "\nMLMar 2, 2020\nKernel MethodsJohn Smith\nAbs.\n");

    assertEquals(1, sink.problems.size());
    assertEquals(1, sink.problems.get(0).line());
    assertEquals(List.of("Kernel Methods"), titles(sink));
  }

  @Test
  void keepsATruncatedLastRecordWithoutAbstractAndReportsIt() throws IOException {
    CollectingSink sink =
        read(
            """
            MLMar 2, 2020
            Kernel MethodsJohn Smith
            An abstract.
            CVApr 1, 2019Code
            Adversarial PatchesYingwei Li, Song Bai""");

    assertEquals(
        List.of(new ReadProblem("test.txt", 4, "record has no abstract line")), sink.problems);
    assertEquals(List.of("Kernel Methods", "Adversarial Patches"), titles(sink));
    assertNull(sink.papers.get(1).abstractText());
  }

  @Test
  void reportsALastRecordCutAfterItsHeader() throws IOException {
    CollectingSink sink = read("MLMar 2, 2020\nKernel MethodsJohn Smith\nAn abstract.\nCVApr 1");

    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt", 4, "category/date line with no title and authors line after it")),
        sink.problems);
    assertEquals(List.of("Kernel Methods"), titles(sink));
  }

  @Test
  void keepsATitleLineWithNoAuthorsWholeAndReportsIt() throws IOException {
    CollectingSink sink =
        read(
            """
            LGFeb 1, 2020
            A Title With No Authors
            An abstract.
            MLMar 2, 2020
            Kernel MethodsJohn Smith
            An abstract.
            """);

    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt",
                2,
                "cannot tell for sure where the title ends and the author list begins; kept as"
                    + " title \"A Title With No Authors\" and authors []")),
        sink.problems);
    assertEquals(List.of("A Title With No Authors", "Kernel Methods"), titles(sink));
    assertEquals(List.of(), sink.papers.get(0).authors());
    assertEquals("An abstract.", sink.papers.get(0).abstractText());
  }

  @Test
  void keepsARecordWithAnAuthorThatIsNoNameWithTheBestSplitAndReportsIt() throws IOException {
    CollectingSink sink =
        read(
            """
            CVApr 9, 2024Code
            Robust Depth Estimation from Event CamerasPriya Nair, Wei Zhang (Alibaba) et al. · eth
            We estimate depth.
            """);

    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt",
                2,
                "cannot tell for sure where the title ends and the author list begins; kept as"
                    + " title \"Robust Depth Estimation from Event Cameras\" and authors"
                    + " [Priya Nair, Wei Zhang (Alibaba)]")),
        sink.problems);
    Paper paper = sink.papers.get(0);
    assertEquals("Robust Depth Estimation from Event Cameras", paper.title());
    assertEquals(new Person("Priya", "Nair"), paper.authors().get(0));
    assertEquals(true, paper.etAl());
    assertEquals("eth", paper.affiliation());
    assertEquals(2024, paper.year());
  }

  @Test
  void readsRunTogetherInitialsWithoutAProblem() throws IOException {
    CollectingSink sink =
        read(
            """
            NAJan 5, 2022
            Preconditioners for Saddle-Point SystemsS.V. Shanmugam, J.R.R. Tolkien, D.M.L. Bot
            We precondition.
            MLJan 6, 2022
            Planar Separators RevisitedM. Chrobak, H.Karlsson
            We separate.
            """);

    assertEquals(List.of(), sink.problems);
    assertEquals(
        List.of("Preconditioners for Saddle-Point Systems", "Planar Separators Revisited"),
        titles(sink));
    assertEquals(
        List.of(
            new Person("S.V.", "Shanmugam"),
            new Person("J.R.R.", "Tolkien"),
            new Person("D.M.L.", "Bot")),
        sink.papers.get(0).authors());
    assertEquals(
        List.of(new Person("M.", "Chrobak"), new Person("H.", "Karlsson")),
        sink.papers.get(1).authors());
  }

  @Test
  void reportsARecordThatLostItsHeaderInsteadOfMergingIt() throws IOException {
    CollectingSink sink =
        read(
            """
            MLMar 2, 2020
            Kernel MethodsJohn Smith
            An abstract.
            Lost HeadersAnna Schmidt
            Another abstract.
            CVApr 1, 2019
            Adversarial PatchesYingwei Li
            A third abstract.
            """);

    assertEquals(
        List.of(
            new ReadProblem(
                "test.txt", 4, "text after the abstract, before the next category/date line")),
        sink.problems);
    assertEquals(List.of("Kernel Methods", "Adversarial Patches"), titles(sink));
    assertEquals("An abstract.", sink.papers.get(0).abstractText());
  }

  @Test
  void reportsTextBeforeTheFirstHeaderOnce() throws IOException {
    CollectingSink sink =
        read(
            "Papers by Zhenyu Liao\nsorted by date\nMLMar 2, 2020\nKernel MethodsJohn Smith\nA.\n");

    assertEquals(
        List.of(new ReadProblem("test.txt", 1, "text before any category/date line")),
        sink.problems);
    assertEquals(List.of("Kernel Methods"), titles(sink));
  }

  @Test
  void cleansOddUnicodeAndCarriageReturns() throws IOException {
    CollectingSink sink =
        read(
            "\uFEFFMLMar 2, 2020\r\n"
                + "Kernel\u200B Methods\u00A0for GraphsJohn Smith,\u00A0Michał Dereziński\r\n"
                + "An abstract\u00A0with a no-break space.\r\n");

    assertEquals(List.of(), sink.problems);
    Paper paper = sink.papers.get(0);
    assertEquals("Kernel Methods for Graphs", paper.title());
    assertEquals(
        List.of("John Smith", "Michał Dereziński"),
        paper.authors().stream().map(Person::display).toList());
    assertEquals("An abstract with a no-break space.", paper.abstractText());
  }

  @Test
  void reportsBytesThatAreNotUtf8AndKeepsTheRecord() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("MLMar 2, 2020\nKernel MethodsJohn Smith\nAn abstract ".getBytes(UTF8));
    bytes.write(0xC3); // a UTF-8 lead byte with no continuation
    bytes.writeBytes(" here.\n".getBytes(UTF8));
    CollectingSink sink = new CollectingSink();
    new ListingReader().read("test.txt", new ByteArrayInputStream(bytes.toByteArray()), sink);

    assertEquals(
        List.of(new ReadProblem("test.txt", 3, "bytes that are not UTF-8 were read as U+FFFD")),
        sink.problems);
    assertEquals("An abstract \uFFFD here.", sink.papers.get(0).abstractText());
  }

  private static CollectingSink read(String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    new ListingReader().read("test.txt", new ByteArrayInputStream(text.getBytes(UTF8)), sink);
    return sink;
  }

  private static List<String> titles(CollectingSink sink) {
    return sink.papers.stream().map(Paper::title).toList();
  }
}
