package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry of the built-in catalogue, with the keys the catalogue gives it, written and run
 * through the real bibtex (plain and alpha styles) and biber in one batch each: no error, no
 * warning. Skipped when the tools are absent.
 */
class BuiltInCatalogueToolchainTest {

  private static List<Paper> papers;

  @TempDir Path dir;

  @BeforeAll
  static void readCatalogue() throws IOException {
    papers = Catalogue.builtIn();
  }

  @Test
  void theBuiltInCatalogueHasEveryPaperOnce() {
    assertEquals(188, papers.size());
  }

  @Test
  void bibtexReadsEveryEntryWithoutWarning() throws Exception {
    assumeTrue(BibtexToolchain.onPath("bibtex"), "bibtex is not installed");
    for (String style : List.of("plain", "alpha")) {
      Path styleDir = Files.createDirectories(dir.resolve(style));
      BibtexToolchain.bibtex(papers, style, styleDir).assertClean("bibtex (" + style + ")");
    }
  }

  @Test
  void biberReadsEveryEntryWithoutWarning() throws Exception {
    assumeTrue(BibtexToolchain.onPath("latex", "biber"), "latex or biber is not installed");
    BibtexToolchain.biber(papers, dir).assertClean("biber");
  }
}
