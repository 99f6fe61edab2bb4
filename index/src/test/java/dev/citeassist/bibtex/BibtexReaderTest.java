package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BibtexReaderTest {

  /** A throwable's class name in a problem: the reader caught its own failure. */
  private static final Pattern INTERNAL_FAILURE =
      Pattern.compile("\\b(?:[a-z_]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

  /** What the reader makes of a {@code .bib} text. */
  static CollectingSink readBib(String text) {
    CollectingSink sink = new CollectingSink();
    new BibtexReader().read("test.bib", text, sink);
    return sink;
  }

  @Test
  void expandsStringMacrosAndConcatenation() {
    CollectingSink r =
        readBib(
            """
            @string{jmlr = "Journal of Machine Learning Research"}
            @String(pre = "Proc. of the ")
            @article{a, journal = jmlr, booktitle = pre # {Conf} # " 2020", month = jan}
            """);
    Paper a = r.paper("a");
    assertEquals("Journal of Machine Learning Research", a.venue());
    assertEquals("Proc. of the Conf 2020", a.fields().get("booktitle"));
    assertEquals(1, a.month());
    assertEquals(List.of(), r.problems);
  }

  @Test
  void childInheritsMissingFieldsAndBooktitleFromParentTitle() {
    CollectingSink r =
        readBib(
            """
            @inproceedings{child, author = {Doe, Jane}, title = {Paper}, crossref = {conf}}
            @proceedings{conf, title = {Proceedings of Conf}, year = 2021, publisher = {ACM}}
            """);
    Paper child = r.paper("child");
    assertEquals("Paper", child.title());
    assertEquals("Proceedings of Conf", child.venue());
    assertEquals(2021, child.year());
    assertEquals("ACM", child.fields().get("publisher"));
    assertEquals(List.of("conf", "child"), r.keys(), "a child waits for its parent");
  }

  @Test
  void readsParenthesisDelimitedEntries() {
    CollectingSink r =
        readBib(
            """
            @techreport(McDermott:72,
            author =\tMCDERMOTT # { and Gerald J. Sussman},
            title = "A (parenthesised) title",
            month = May
            )
            @string(MCDERMOTT = "McDermott, Drew V.")
            """);
    Paper p = r.paper("McDermott:72");
    assertEquals("techreport", p.type());
    assertEquals("A (parenthesised) title", p.title());
    assertEquals(5, p.month());
    assertEquals(1, r.problems.size(), "MCDERMOTT is used before its definition");
  }

  @Test
  void typesAndFieldNamesAreCaseInsensitive() {
    Paper p = readBib("@ARTICLE{K, TITLE = {T}, Journal = {J}, YeAr = 1999}").paper("K");
    assertEquals("article", p.type());
    assertEquals("T", p.title());
    assertEquals("J", p.venue());
    assertEquals(1999, p.year());
  }

  @Test
  void decodesAccentsInNamesAndTitles() {
    Paper p =
        readBib(
                """
                @article{acc,
                  author = {Zdeborov{\\'a}, Lenka and Dereli{\\'n}ski, Jan and \\l{}ukasz, Pawe\\l{}},
                  title = {{\\"U}ber {$O(n^2)$} --- {Caf\\'e}},
                }
                """)
            .paper("acc");
    assertEquals(
        List.of(
            new Person("Lenka", "Zdeborová"),
            new Person("Jan", "Dereliński"),
            new Person("Paweł", "łukasz")),
        p.authors());
    assertEquals("Über $O(n^2)$ — Café", p.title());
  }

  @Test
  void readsBiblatexDates() {
    CollectingSink r =
        readBib(
            """
            @online{d1, date = {2020-05-01}}
            @online{d2, date = {2020/2021}}
            @article{d3, year = {1999}, month = {oct}}
            """);
    Paper d1 = r.paper("d1");
    assertEquals(List.of(2020, 5, 1), List.of(d1.year(), d1.month(), d1.day()));
    assertEquals(2020, r.paper("d2").year());
    assertEquals("2020/2021", r.paper("d2").fields().get("date"));
    assertEquals(10, r.paper("d3").month());
  }

  @Test
  void mapsFieldsIntoThePaper() {
    Paper p =
        readBib(
                """
                @misc{vaswani2017,
                  title = {Attention Is All You Need},
                  author = {Vaswani, Ashish and others},
                  year = {2017},
                  eprint = {1706.03762v7},
                  archivePrefix = {arXiv},
                  primaryClass = {cs.CL},
                  doi = {https://doi.org/10.48550/arXiv.1706.03762},
                  url = {https://arxiv.org/abs/1706.03762},
                  abstract = {The dominant  sequence
                              transduction models},
                  keywords = {transformers},
                }
                """)
            .paper("vaswani2017");
    assertEquals("misc", p.type());
    assertTrue(p.etAl());
    assertEquals("1706.03762", p.arxivId());
    assertEquals("cs.CL", p.category());
    assertEquals("10.48550/arXiv.1706.03762", p.doi());
    assertEquals("https://arxiv.org/abs/1706.03762", p.url());
    assertEquals("The dominant sequence transduction models", p.abstractText());
    assertEquals(
        Map.of("keywords", "transformers", "eprint", "1706.03762v7", "archiveprefix", "arXiv"),
        p.fields());
    assertEquals(new Origin("test.bib", 1, SourceFormat.BIBTEX), p.origin());
  }

  @Test
  void brokenEntryInTheMiddleCostsOnlyItself() {
    CollectingSink r =
        readBib(
            """
            @article{before, title = {Before}}

            @article{broken,
              title = {Missing closing brace,
              year = 2020,
            }

            @article{after, title = {After}}
            @article{last, title = {Last}}
            """);
    assertEquals(List.of("before", "after", "last"), r.keys());
    assertEquals(
        List.of(
            "3: @article{broken} is not closed before line 8 (a '{' without its '}', or the"
                + " closing delimiter missing); skipped"),
        r.problemLines());
    assertEquals(8, r.paper("after").origin().line());
  }

  @Test
  void syntaxErrorIsReportedAtItsLine() {
    CollectingSink r =
        readBib(
            """
            @article{one, title = {One}}
            @article{two,
              title = {Two},
              year 2020,
            }
            @article{three, title = {Three}}
            """);
    assertEquals(List.of("one", "two", "three"), r.keys());
    assertEquals(1, r.problems.size());
    assertEquals(4, r.problems.get(0).line());
    assertNull(r.paper("two").year(), "the bad line is skipped");
  }

  @Test
  void entryWithoutKeyIsReadWithANullKeyAndAProblem() {
    CollectingSink r = readBib("@article{\n  title = {No key},\n}\n@misc{k, title = {K}}\n");
    assertEquals(2, r.papers.size());
    assertNull(r.papers.get(0).key());
    assertEquals(List.of("1: @article entry has no citation key"), r.problemLines());
  }

  @Test
  void keysWithCharactersJbibtexRefusesAreKept() {
    CollectingSink r =
        readBib("@misc{Kury\\l{}owicz:1964*, title = {T}}\n@misc{日本2020, title = {J}}");
    assertEquals(List.of("Kury\\l{}owicz:1964*", "日本2020"), r.keys());
    assertEquals(List.of(), r.problems);
  }

  @Test
  void skipsCommentsPreamblesAndStrayText() {
    CollectingSink r =
        readBib(
            """
            Some text with an e-mail, me@example.org, outside entries.
            @comment{jabref-meta: groups {x}}
            @Comment Tom Dean
            @preamble{ "\\newcommand{\\noopsort}[1]{}" }
            % @article{commented, title = {Not read}}
            @article{real, title = {Read}}
            """);
    assertEquals(List.of("real"), r.keys());
    assertEquals(List.of(), r.problems);
  }

  @Test
  void readsLatin1BytesWhenTheyAreNotUtf8() throws IOException {
    byte[] latin1 =
        "@article{m, author = {Müller, Jürgen}, title = {Café}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    CollectingSink r = new CollectingSink();
    new BibtexReader().read("latin1.bib", new ByteArrayInputStream(latin1), r);
    assertEquals(List.of(new Person("Jürgen", "Müller")), r.paper("m").authors());
    assertEquals("Café", r.paper("m").title());
  }

  @Test
  void readsUtf8BytesWithAByteOrderMark() throws IOException {
    byte[] bytes = "\uFEFF@article{u, title = {Zürich}}".getBytes(StandardCharsets.UTF_8);
    CollectingSink r = new CollectingSink();
    new BibtexReader().read("bom.bib", new ByteArrayInputStream(bytes), r);
    assertEquals("Zürich", r.paper("u").title());
    assertEquals(List.of(), r.problems);
  }

  @Test
  void countsLinesWithEveryKindOfLineEnd() throws IOException {
    for (String end : List.of("\n", "\r\n", "\r")) {
      String text =
          String.join(end, "% x", "@article{a,", "  title = {A}}", "@misc{b, title = {B}}", "");
      CollectingSink fromString = readBib(text);
      CollectingSink fromBytes = new CollectingSink();
      new BibtexReader()
          .read(
              "e.bib", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fromBytes);
      for (CollectingSink r : List.of(fromString, fromBytes)) {
        assertEquals(List.of("a", "b"), r.keys());
        assertEquals(2, r.paper("a").origin().line());
        assertEquals(4, r.paper("b").origin().line());
        assertEquals("A", r.paper("a").title());
      }
    }
  }

  @Test
  void crlfCutByTheReadBufferIsOneLineEnd() throws IOException {
    // the reader reads 64 KiB at a time: put the \r last in the first read, the \n first in the
    // next
    String text = "%" + "x".repeat(65534) + "\r\n@misc{k, title = {T}}\r\n";
    CollectingSink r = new CollectingSink();
    new BibtexReader()
        .read("crlf.bib", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), r);
    assertEquals(2, r.paper("k").origin().line());
  }

  @Test
  void entryCutByTheEndOfTheFileIsReported() {
    CollectingSink r = readBib("@misc{ok, title = {Ok}}\n@article{cut, title = {Never closed");
    assertEquals(List.of("ok"), r.keys());
    assertEquals(
        List.of(
            "2: @article{cut} is not closed before the end of the file (a '{' without its '}', or"
                + " the closing delimiter missing); skipped"),
        r.problemLines());
  }

  @Test
  void garbageCostsAProblemNeverTheReader() throws IOException {
    Random random = new Random(42);
    String alphabet = "@{}()\"=,#%\\ \n\tabc123$~-'`&_éł\u0000\u0007";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder("@article{k,");
      int length = random.nextInt(200);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String garbage = text.toString();
      CollectingSink r = readBib(garbage);
      // The entry the text opens is either kept or what is wrong with it is reported.
      assertTrue(
          r.keys().contains("k") || !r.problems.isEmpty(),
          () -> "entry k neither read nor reported in " + garbage + ": " + r.problemLines());
      assertOnlyInputProblems(r, garbage.split("\n", -1).length);

      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      CollectingSink fromBytes = new CollectingSink();
      new BibtexReader().read("bytes.bib", new ByteArrayInputStream(bytes), fromBytes);
      assertOnlyInputProblems(fromBytes, bytes.length + 1);
    }
  }

  /**
   * Every problem points into the input and says what is wrong with it: none is the reader's own
   * failure, which it reports with the exception (a Java class name) rather than stopping.
   */
  private static void assertOnlyInputProblems(CollectingSink r, int lines) {
    for (var p : r.problems) {
      assertTrue(p.line() >= 1 && p.line() <= lines, () -> "line out of the input: " + p);
      assertFalse(
          INTERNAL_FAILURE.matcher(p.message()).find(), () -> "the reader failed: " + p.message());
    }
  }

  @Test
  void emptyInputReadsNothing() {
    CollectingSink r = readBib("");
    assertTrue(r.papers.isEmpty());
    assertFalse(r.problems.iterator().hasNext());
  }
}
