package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Exact entry counts on the real .bib files of the shared corpus (third-party, not in the repo;
 * skipped when absent). "stated" is the count in corpus/SOURCES.md, whose rule is: lines that start
 * at column 0 with '@', minus {@code @string}/{@code @preamble}/{@code @comment}. Where we read a
 * different number, the comment says why, entry by entry.
 */
class BibtexCorpusTest {

  /** What SOURCES.md states and what we read. */
  private record Count(int stated, int read) {
    static Count same(int n) {
      return new Count(n, n);
    }
  }

  private static final Map<String, Count> COUNTS =
      Map.ofEntries(
          Map.entry("acl-style-files/custom.bib", Count.same(7)),
          Map.entry("biblatex/biblatex-examples.bib", Count.same(92)),
          Map.entry("biblatex/examples/95-customlists.bib", Count.same(4)),
          Map.entry("cryptobib-export/abbrev0.bib", Count.same(0)), // 10,063 @string only
          Map.entry("cryptobib-export/abbrev3.bib", Count.same(0)),
          Map.entry("edinburgh-thesis-template/anthology.bib", Count.same(6)),
          Map.entry("glottolog/zurich.bib", Count.same(8744)),
          Map.entry("hott-book/references.bib", Count.same(132)),
          Map.entry("langsci-241/localbibliography.bib", Count.same(187)),
          // +107: indented entries ("   @incollection{frank2002ais,") are real entries; of the
          // 122 indented '@' lines the rest are 2 @comment and 13 fields commented out as
          // "@Note = {...}" inside entries (read, the field dropped, a problem each).
          // +2: entries that start after other text on their line (". @incollection{pinkerton78,"
          // at line 15213, "{@book{Emonds2000," at line 19286).
          Map.entry("langsci-bib-db/151.bib", new Count(7321, 7430)),
          Map.entry("langsci-bib-db/81.bib", Count.same(1971)),
          // +2: two indented entries, both real.
          Map.entry("langsci-bib-db/Main-Sep21.bib", new Count(1715, 1717)),
          // +3: three indented entries, all real.
          Map.entry("thammegowda-dissertation/anthology.bib", new Count(230, 233)),
          // e-hkmd-01 has a doubled comma; the extra comma is dropped and a problem reported.
          Map.entry("topp/topp.bib", Count.same(289)),
          Map.entry("zotero-better-bibtex/Author splitter failure.bib", Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/Better BibLaTeX import improvements #549.bib", Count.same(9)),
          // +1: the indented "@incollection {MR1870153," after the @preamble is a real entry.
          Map.entry(
              "zotero-better-bibtex/BibTeX import; preamble with def create problems #732.bib",
              new Count(0, 1)),
          Map.entry(
              "zotero-better-bibtex/Crossrefd incollection items are missing date on import"
                  + " #3514.bib",
              Count.same(6)),
          // +1: the tab-indented EndNote entry "@article{" has no key; it is read with a null key
          // and a problem.
          Map.entry("zotero-better-bibtex/Endnote should parse.bib", new Count(0, 1)),
          Map.entry(
              "zotero-better-bibtex/Import error with character '+' in BibTeX field name #2660.bib",
              Count.same(283)),
          Map.entry(
              "zotero-better-bibtex/Import fails to perform @String substitutions #154.bib",
              Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/Issues with round instead of curly braces do not import"
                  + " correctly #871.bib",
              Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/Maintain the JabRef group and subgroup structure when"
                  + " importing a BibTeX db #97.bib",
              Count.same(911)),
          Map.entry("zotero-better-bibtex/Math formatting lost on import #627.bib", Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/Problem when importing BibTeX entries with percent sign #95 or"
                  + " preamble #96.bib",
              Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/Problem when importing BibTeX entries with square brackets"
                  + " #94.bib",
              Count.same(1)),
          Map.entry("zotero-better-bibtex/Qiqqa.bib", Count.same(2)),
          // -1: Thiebaux:93 (line 6523) has "Thi\{'ebaux", an unbalanced brace for BibTeX, which
          // counts every brace; the entry runs to the next one and is reported, not read.
          Map.entry(
              "zotero-better-bibtex/Some bibtex entries quietly discarded on import from bib file"
                  + " #873.bib",
              new Count(988, 987)),
          Map.entry(
              "zotero-better-bibtex/Spaces lost when expanding string variables during import"
                  + " #1081.bib",
              Count.same(1)),
          Map.entry("zotero-better-bibtex/Unabbreviate on import #1436-3.bib", Count.same(7166)),
          Map.entry(
              "zotero-better-bibtex/eprinttype field dropped on import #959.bib", Count.same(1)),
          Map.entry(
              "zotero-better-bibtex/space after citekey creates confusion #716.bib", Count.same(2)),
          // 6 of these Mendeley entries have no key ("@article{,"): read with a null key.
          Map.entry("zotero-better-bibtex/web_page and other mendeley idiocy.bib", Count.same(512)),
          Map.entry(
              "zotero-better-bibtex/zbb (quietly) chokes on this .bib #664.bib", Count.same(1)));

  @TestFactory
  Stream<DynamicTest> readsTheExpectedNumberOfEntriesFromEveryCorpusBib() throws IOException {
    Path corpus = corpus();
    List<Path> bibs;
    try (Stream<Path> files = Files.walk(corpus)) {
      bibs = files.filter(p -> p.toString().endsWith(".bib")).sorted().toList();
    }
    return bibs.stream()
        .map(
            bib -> {
              String name = corpus.relativize(bib).toString().replace('\\', '/');
              return DynamicTest.dynamicTest(name, () -> checkCount(name, bib));
            });
  }

  private static void checkCount(String name, Path bib) throws IOException {
    Count count = COUNTS.get(name);
    assertTrue(count != null, name + " is new: add its count to COUNTS");
    CollectingSink r = read(bib);
    assertEquals(count.read(), r.papers.size(), name);
    for (Paper paper : r.papers) {
      assertTrue(paper.origin().line() > 0, name + ": " + paper.key() + " has no line");
    }
  }

  @Test
  void everyCountedFileIsInTheCorpus() {
    Path corpus = corpus();
    TreeMap<String, Count> missing = new TreeMap<>();
    COUNTS.forEach(
        (name, count) -> {
          if (!Files.exists(corpus.resolve(name))) {
            missing.put(name, count);
          }
        });
    assertEquals(Map.of(), missing);
  }

  @Test
  void unbalancedEscapedBraceIsReportedAtItsEntry() throws IOException {
    CollectingSink r =
        read(
            corpus()
                .resolve(
                    "zotero-better-bibtex/Some bibtex entries quietly discarded on import from bib"
                        + " file #873.bib"));
    assertTrue(
        r.problemLines()
            .contains(
                "6523: @TECHREPORT{Thiebaux:93} is not closed before line 6534 (a '{' without"
                    + " its '}', or the closing delimiter missing); skipped"),
        String.join("\n", r.problemLines()));
  }

  @Test
  void endNoteEntryWithoutKeyIsReadWithANullKey() throws IOException {
    CollectingSink r = read(corpus().resolve("zotero-better-bibtex/Endnote should parse.bib"));
    assertNull(r.papers.get(0).key());
    assertEquals("Alzheimer mechanisms and therapeutic strategies", r.papers.get(0).title());
    assertEquals(List.of("2: @article entry has no citation key"), r.problemLines());
  }

  @Test
  void controlCharacterInAFieldIsDropped() throws IOException {
    CollectingSink r = read(corpus().resolve("langsci-bib-db/151.bib"));
    assertTrue(
        r.papers.stream()
            .anyMatch(
                p ->
                    "From cyclic phonology to lexical phonology"
                        .equals(p.fields().get("shorttitle"))));
  }

  private static CollectingSink read(Path bib) throws IOException {
    CollectingSink r = new CollectingSink();
    try (InputStream in = Files.newInputStream(bib)) {
      new BibtexReader().read(bib.getFileName().toString(), in, r);
    }
    return r;
  }

  /** The shared corpus: property, then environment, then /work/shared; skipped when absent. */
  static Path corpus() {
    String property = System.getProperty("citeassist.shared");
    Path shared = null;
    if (property != null && Files.isDirectory(Path.of(property))) {
      shared = Path.of(property);
    } else if (System.getenv("CITEASSIST_SHARED") != null
        && Files.isDirectory(Path.of(System.getenv("CITEASSIST_SHARED")))) {
      shared = Path.of(System.getenv("CITEASSIST_SHARED"));
    } else if (Files.isDirectory(Path.of("/work/shared"))) {
      shared = Path.of("/work/shared");
    }
    Assumptions.assumeTrue(
        shared != null && Files.isDirectory(shared.resolve("corpus")), "shared corpus absent");
    return shared.resolve("corpus");
  }
}
