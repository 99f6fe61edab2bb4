package dev.citeassist.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.search.PaperIndex;

/**
 * Protocol tests need the index module's implementations; while a contract still throws {@link
 * UnsupportedOperationException} they are skipped, not passed.
 */
final class IndexAvailable {

  private IndexAvailable() {}

  static void assume() {
    boolean ok;
    try (PaperIndex index = PaperIndex.inMemory()) {
      new BibtexReader()
          .read(
              "probe.bib",
              "@misc{a, title={T}}",
              new dev.citeassist.paper.PaperSink() {
                @Override
                public void paper(dev.citeassist.paper.Paper paper) {}

                @Override
                public void problem(dev.citeassist.paper.ReadProblem problem) {}
              });
      Catalogue.builtIn();
      ok = true;
    } catch (UnsupportedOperationException | java.io.IOException e) {
      ok = false;
    }
    assumeTrue(ok, "the index module's search, BibTeX or catalogue implementation is missing");
  }
}
