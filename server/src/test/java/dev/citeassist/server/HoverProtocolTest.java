package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoverProtocolTest {

  @TempDir static Path cache;
  @TempDir Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private static final String PROJECT =
      """
      %! main.tex
      \\documentclass{article}
      \\begin{document}
      \\citep[see][]{liao2018random, nokey, ziyin2024remove|}
      \\bibliography{refs}
      \\end{document}
      %! refs.bib
      @article{liao2018random,
        title = {A Random Matrix Approach to Neural Networks},
        author = {Liao, Zhenyu and Couillet, Romain},
        year = {2018},
        abstract = {This article studies the Gram random matrix model.}
      }
      """;

  private static String value(Hover h) {
    return h.getContents().getRight().getValue();
  }

  @Test
  void hoverOnProjectKeyShowsEntryAndWhereItIsDefined() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT);
      Position on = new Position(2, 20);
      Hover hover = poll(h, on);
      assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
      assertTrue(value(hover).startsWith("**A Random Matrix Approach to Neural Networks**"));
      assertTrue(value(hover).contains("This article studies the Gram random matrix model."));
      assertTrue(
          value(hover).endsWith("`liao2018random` refs.bib:1\n\ncited 1× — main.tex:3"),
          value(hover));
      assertEquals(new Position(2, 14), hover.getRange().getStart());
      assertEquals(new Position(2, 28), hover.getRange().getEnd());
    }
  }

  private static Hover poll(LspHarness h, Position on) throws Exception {
    return poll(() -> h.hover(on));
  }

  /** The hover once the entry is read (the project's .bib is indexed in the background). */
  private static Hover poll(java.util.concurrent.Callable<Hover> hover) throws Exception {
    return Poll.until(
        Poll.TIMEOUT,
        "a hover that finds the entry",
        hover,
        x -> x != null && !value(x).startsWith("No entry"));
  }

  @Test
  void unknownKeyGetsShortNoEntry() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT);
      assertEquals("No entry for `nokey`", value(h.hover(new Position(2, 32))));
    }
  }

  @Test
  void catalogueKeyIsMarkedNotInBibliography() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(PROJECT);
      Hover hover = h.hover(h.cursor());
      assertEquals(MarkupKind.PLAINTEXT, hover.getContents().getRight().getKind());
      assertTrue(
          value(hover).startsWith("Remove Symmetries to Control Model Expressivity"), value(hover));
      assertTrue(
          value(hover).endsWith("from the catalogue, not in your bibliography yet"), value(hover));
    }
  }

  @Test
  void hoverOnEntryKeyInBibFile() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT, "refs.bib");
      String bibUri = Documents.uri(dir.resolve("refs.bib"));
      Hover hover = poll(() -> h.hover(bibUri, new Position(0, 12)));
      assertTrue(value(hover).contains("Gram random matrix"), value(hover));
      assertNull(h.hover(bibUri, new Position(1, 5)));
    }
  }

  @Test
  void noHoverOutsideCitation() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT);
      assertNull(h.hover(new Position(0, 3)));
    }
  }
}
