package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.paper.Paper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written entries pass the real tools: {@code bibtex} with the standard styles and {@code
 * biber} read every sample paper in one run each, with no error and no warning. Skipped when the
 * tools are not installed (Debian: texlive-bibtex-extra, biber, texlive-latex-base).
 */
class BibtexToolchainTest {

  @TempDir Path dir;

  @Test
  void bibtexPlainReadsEveryEntryWithoutWarning() throws Exception {
    assumeTrue(BibtexToolchain.onPath("bibtex"), "bibtex is not installed");
    BibtexToolchain.bibtex(WriterCases.all(), "plain", dir).assertClean("bibtex (plain)");
  }

  @Test
  void bibtexAlphaBuildsEveryLabelWithoutWarning() throws Exception {
    assumeTrue(BibtexToolchain.onPath("bibtex"), "bibtex is not installed");
    BibtexToolchain.bibtex(WriterCases.all(), "alpha", dir).assertClean("bibtex (alpha)");
  }

  @Test
  void biberReadsEveryEntryWithoutWarning() throws Exception {
    assumeTrue(BibtexToolchain.onPath("latex", "biber"), "latex or biber is not installed");
    BibtexToolchain.biber(WriterCases.all(), dir).assertClean("biber");
  }

  @Test
  void bibtexAndBiberAcceptArbitraryTexts() throws Exception {
    assumeTrue(BibtexToolchain.onPath("bibtex", "latex", "biber"), "the tools are not installed");
    List<Paper> papers = ArbitraryPapers.generate(20261123, 300);
    BibtexToolchain.bibtex(papers, "plain", dir).assertClean("bibtex (plain)");
    BibtexToolchain.bibtex(papers, "alpha", dir).assertClean("bibtex (alpha)");
    BibtexToolchain.biber(papers, dir).assertClean("biber");
  }

  /** Proves the log is read: an article without author or year is what plain warns about. */
  @Test
  void bibtexWarningsAreReported() throws Exception {
    assumeTrue(BibtexToolchain.onPath("bibtex"), "bibtex is not installed");
    Paper incomplete =
        Paper.builder().key("anon").type("article").title("T").venue("Journal").build();
    BibtexToolchain.Report report = BibtexToolchain.bibtex(List.of(incomplete), "plain", dir);
    assertEquals(
        List.of(
            "Warning--empty author in anon",
            "Warning--empty year in anon",
            "(There were 2 warnings)"),
        report.problems());
  }

  /** The data model wants a date on every entry: only the paper whose source gave none lacks it. */
  @Test
  void biberDataModelValidationFlagsOnlyThePaperWithoutYear() throws Exception {
    assumeTrue(BibtexToolchain.onPath("latex", "biber"), "latex or biber is not installed");
    BibtexToolchain.Report report =
        BibtexToolchain.biber(WriterCases.all(), dir, "--validate-datamodel");
    assertEquals(
        List.of(
            "WARN - Datamodel: Entry 'xu2025fundamental' (entries.bib): Missing mandatory field -"
                + " one of 'date, year' must be defined"),
        report.problems(),
        report.log());
  }
}
