package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.commands.Commands;
import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process over JSON-RPC pipes, with a recording client acting as the editor. */
class CompletionProtocolTest {

  static final String SYMMETRY_TITLE =
      "Remove Symmetries to Control Model Expressivity and Improve Optimization";

  static final String REFS =
      """
      % My references
      @article{liao2018random,
        title = {A Random Matrix Approach to Neural Networks},
        author = {Liao, Zhenyu and Couillet, Romain},
        journal = {The Annals of Applied Probability},
        year = {2018},
        abstract = {This article studies the Gram random matrix model.}
      }
      """;

  static final String PROJECT =
      """
      %! main.tex
      \\documentclass{article}
      \\begin{document}
      As shown by \\citep{symm|}.
      \\bibliography{refs}
      \\end{document}
      %! refs.bib
      """
          + REFS;

  @TempDir static Path cache;
  @TempDir Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private static List<Paper> read(String bib) {
    CollectingSink sink = new CollectingSink();
    new BibtexReader().read("t.bib", bib, sink);
    assertEquals(List.of(), sink.problems);
    return sink.papers;
  }

  private static CompletionItem withTitle(CompletionList list, String title, int within) {
    for (int i = 0; i < Math.min(within, list.getItems().size()); i++) {
      if (list.getItems().get(i).getDetail().contains(title)) {
        return list.getItems().get(i);
      }
    }
    throw new AssertionError(title + " not in the top " + within + ": " + LspHarness.labels(list));
  }

  @Test
  void catalogueSymmetryPaperIsInTopThreeAndAcceptingAppendsItsEntry() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex = h.open(PROJECT);
      CompletionList list = h.completeUntil(l -> l.getItems().size() >= 3);
      CompletionItem item = withTitle(list, SYMMETRY_TITLE, 3);
      assertEquals(CompletionItemKind.Value, item.getKind());
      assertEquals(Commands.ADD_ENTRY, item.getCommand().getCommand());
      String key = item.getLabel();

      h.accept(item);

      assertTrue(h.text(tex).contains("\\citep{" + key + "}."), h.text(tex));
      Path bib = dir.resolve("refs.bib");
      String after = h.text(bib);
      assertTrue(after.startsWith(REFS), "the rest of the .bib changed");
      List<Paper> added = read(after.substring(REFS.length()));
      assertEquals(1, added.size());
      assertEquals(key, added.get(0).key());
      assertEquals(SYMMETRY_TITLE, added.get(0).title());
      assertEquals(1, h.client.edits.size());

      Position onKey = new Position(h.cursor().getLine(), h.cursor().getCharacter() - 2);
      Hover hover = h.hover(onKey);
      String text = hover.getContents().getRight().getValue();
      assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
      assertTrue(text.contains("When symmetry is present in the loss function"), text);
      assertTrue(text.contains("refs.bib:"), text);
    }
  }

  @Test
  void projectEntriesComeFirstAndTellTheirKind() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("{symm|}", "{liao|}"));
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      CompletionItem first = list.getItems().get(0);
      assertEquals("liao2018random", first.getLabel());
      assertEquals(CompletionItemKind.Reference, first.getKind());
      assertEquals(
          "Liao, Couillet · 2018 · A Random Matrix Approach to Neural Networks", first.getDetail());
      assertNull(first.getCommand());
      for (int i = 0; i < list.getItems().size(); i++) {
        CompletionItem it = list.getItems().get(i);
        assertEquals(String.format("%05d", i), it.getSortText());
        assertTrue(it.getFilterText().startsWith("liao"), it.getFilterText());
      }
    }
  }

  @Test
  void emptyPrefixListsProjectEntriesMostRecentlyCitedFirstThenCatalogue() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(
          """
          %! main.tex
          \\documentclass{article}
          \\begin{document}
          \\cite{b2020} then \\cite{c2021}. Now \\cite{|}
          \\bibliography{refs}
          \\end{document}
          %! refs.bib
          @misc{a2019, title = {Alpha}, year = {2019}}
          @misc{b2020, title = {Beta}, year = {2020}}
          @misc{c2021, title = {Gamma}, year = {2021}}
          """);
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("a2019"));
      List<String> labels = LspHarness.labels(list);
      assertEquals(List.of("c2021", "b2020", "a2019"), labels.subList(0, 3));
      assertTrue(labels.size() > 3, "no catalogue papers after the project's");
      assertEquals(CompletionItemKind.Value, list.getItems().get(3).getKind());
    }
  }

  @Test
  void aLeanClientGetsTheEditRangeOnceAndTheDetailOnResolve() throws Exception {
    String text =
        """
        %! main.tex
        \\documentclass{article}
        \\begin{document}
        \\cite{liao|}
        \\bibliography{refs}
        \\end{document}
        %! refs.bib
        """
            + REFS;
    String plain;
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(text);
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      assertEquals(null, list.getItemDefaults());
      plain = new com.google.gson.Gson().toJson(list);
    }
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all().lean())) {
      h.open(text);
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      var defaults = list.getItemDefaults();
      assertEquals(InsertTextFormat.PlainText, defaults.getInsertTextFormat());
      // \cite{liao|}: the typed "liao" on line 2, columns 6 to 10, is what every item replaces
      assertEquals(
          new Range(new Position(2, 6), new Position(2, 10)), defaults.getEditRange().getLeft());
      for (CompletionItem item : list.getItems()) {
        assertEquals(null, item.getTextEdit(), item.getLabel());
        assertEquals(null, item.getInsertTextFormat(), item.getLabel());
        assertEquals(null, item.getDetail(), item.getLabel());
        // the label is the inserted key unless the item says otherwise
        assertTrue(
            item.getTextEditText() == null || !item.getTextEditText().equals(item.getLabel()));
      }
      CompletionItem liao =
          list.getItems().stream()
              .filter(i -> i.getLabel().equals("liao2018random"))
              .findFirst()
              .orElseThrow();
      CompletionItem resolved = h.resolve(liao);
      assertEquals(
          "Liao, Couillet · 2018 · A Random Matrix Approach to Neural Networks",
          resolved.getDetail());
      assertNotNull(resolved.getDocumentation());
      String lean = new com.google.gson.Gson().toJson(list);
      assertTrue(lean.length() < plain.length(), "lean " + lean.length() + " vs " + plain.length());
    }
  }

  @Test
  void emptyCiteRanksByTheSentenceAndSaysWhyAndWhereTheProjectCitesIt() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(
          """
          %! main.tex
          \\documentclass{article}
          \\begin{document}
          Random matrices describe wide networks \\cite{liao2018random}.

          The Kalman filter adapts when the noise statistics are unknown \\cite{|}.
          \\bibliography{refs}
          \\end{document}
          %! refs.bib
          """
              + REFS
              + """
              @article{mehra1970identification, title={On the identification of variances and
                adaptive {Kalman} filtering}, author={Mehra, Raman}, year={1970}}
              """);
      // polled until both entries are indexed (the .bib may be read from disk, then opened) and
      // the catalogue is open, so that its papers can follow
      CompletionList list =
          h.completeUntil(
              l ->
                  LspHarness.labels(l).size() > 2
                      && LspHarness.labels(l)
                          .subList(0, 2)
                          .equals(List.of("mehra1970identification", "liao2018random"))
                      && l.getItems().stream()
                          .anyMatch(i -> i.getKind() == CompletionItemKind.Value));
      CompletionItem first = list.getItems().get(0);
      assertEquals(CompletionItemKind.Reference, first.getKind());
      assertEquals("matches \"kalman\"", first.getLabelDetails().getDescription());
      CompletionItem second = list.getItems().get(1);
      assertEquals("liao2018random", second.getLabel());
      String doc = h.resolve(second).getDocumentation().getRight().getValue();
      assertTrue(doc.endsWith("`liao2018random` refs.bib:2\n\ncited 1× — main.tex:3"), doc);
      assertTrue(
          list.getItems().stream().anyMatch(i -> i.getKind() == CompletionItemKind.Value),
          "the catalogue's papers follow the project's");
    }
  }

  @Test
  void keysAlreadyInTheCiteAreNotOfferedAgain() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("{symm|}", "{liao2018random, |}"));
      CompletionList list = h.completeUntil(l -> !l.getItems().isEmpty());
      assertFalse(LspHarness.labels(list).contains("liao2018random"));
    }
  }

  @Test
  void listIsIncompleteWhenCapped() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("{symm|}", "{learning|}"));
      h.server
          .getWorkspaceService()
          .didChangeConfiguration(
              new org.eclipse.lsp4j.DidChangeConfigurationParams(
                  com.google.gson.JsonParser.parseString(
                      "{\"citeassist\": {\"completionLimit\": 2, \"cacheDir\": \""
                          + cache.toString().replace("\\", "\\\\")
                          + "\"}}")));
      CompletionList list = h.completeUntil(l -> l.getItems().size() == 2);
      assertTrue(list.isIncomplete());
    }
  }

  @Test
  void documentationIsResolvedLazilyAsMarkdown() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("{symm|}", "{liao|}"));
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      CompletionItem item = list.getItems().get(0);
      assertNull(item.getDocumentation());
      CompletionItem resolved = h.resolve(item);
      assertEquals(MarkupKind.MARKDOWN, resolved.getDocumentation().getRight().getKind());
      assertEquals(
          """
          **A Random Matrix Approach to Neural Networks**

          Zhenyu Liao, Romain Couillet · 2018 · *The Annals of Applied Probability*

          This article studies the Gram random matrix model.

          `liao2018random` refs.bib:2""",
          resolved.getDocumentation().getRight().getValue());
    }
  }

  @Test
  void clientWithoutResolveOrMarkdownGetsPlainDocumentationAtOnce() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(PROJECT.replace("{symm|}", "{liao|}"));
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      assertEquals(
          org.eclipse.lsp4j.InsertTextFormat.PlainText,
          list.getItems().get(0).getInsertTextFormat());
      var doc = list.getItems().get(0).getDocumentation().getRight();
      assertEquals(MarkupKind.PLAINTEXT, doc.getKind());
      assertTrue(doc.getValue().startsWith("A Random Matrix Approach to Neural Networks\n"));
      assertTrue(doc.getValue().endsWith("liao2018random refs.bib:2"), doc.getValue());
    }
  }

  @Test
  void withoutApplyEditTheEntryIsWrittenToDiskKeepingEveryOtherByte() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(PROJECT);
      CompletionItem item =
          withTitle(h.completeUntil(l -> l.getItems().size() >= 3), SYMMETRY_TITLE, 3);
      h.accept(item);
      assertTrue(h.client.edits.isEmpty());
      String after = Files.readString(dir.resolve("refs.bib"));
      assertTrue(after.startsWith(REFS));
      assertEquals(item.getLabel(), read(after.substring(REFS.length())).get(0).key());
    }
  }

  @Test
  void withoutBibliographyEntryGoesToNewReferencesBibAndUserIsTold() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open("\\documentclass{article}\n\\begin{document}\n\\cite{symm|}\n\\end{document}\n");
      CompletionItem item =
          withTitle(h.completeUntil(l -> l.getItems().size() >= 3), SYMMETRY_TITLE, 3);
      h.accept(item);
      Path refs = dir.resolve("references.bib");
      assertEquals(item.getLabel(), read(h.text(refs)).get(0).key());
      assertTrue(
          h.client.shown.stream()
              .anyMatch(m -> m.getMessage().contains("\\bibliography{references}")),
          String.valueOf(h.client.shown));
    }
  }

  @Test
  void samePaperUnderAnotherKeyIsCitedByThatKey() throws Exception {
    String refs =
        """
        @misc{mine,
          title = {Remove Symmetries to Control Model Expressivity and Improve Optimization},
          author = {Ziyin, Liu and Xu, Yizhou and Chuang, Isaac},
          year = {2024}
        }
        """;
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex =
          h.open(PROJECT.substring(0, PROJECT.indexOf("%! refs.bib")) + "%! refs.bib\n" + refs);
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("mine"));
      assertEquals(
          1, list.getItems().stream().filter(i -> i.getDetail().contains(SYMMETRY_TITLE)).count());
      h.accept(list.getItems().get(LspHarness.labels(list).indexOf("mine")));
      assertTrue(h.text(tex).contains("\\citep{mine}"));
      assertEquals(refs, h.text(dir.resolve("refs.bib")));
    }
  }

  @Test
  void keyUsedByAnotherPaperGetsAFreeKey() throws Exception {
    String refs =
        """
        @misc{ziyin2024remove,
          title = {Something Else Entirely},
          author = {Other, Person},
          year = {2024}
        }
        """;
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex =
          h.open(PROJECT.substring(0, PROJECT.indexOf("%! refs.bib")) + "%! refs.bib\n" + refs);
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("ziyin2024removea"));
      CompletionItem item = withTitle(list, SYMMETRY_TITLE, 3);
      assertEquals("ziyin2024removea", item.getLabel());
      h.accept(item);
      assertTrue(h.text(tex).contains("\\citep{ziyin2024removea}"));
      String after = h.text(dir.resolve("refs.bib"));
      assertTrue(after.startsWith(refs));
      List<Paper> added = read(after.substring(refs.length()));
      assertEquals("ziyin2024removea", added.get(0).key());
      assertEquals(SYMMETRY_TITLE, added.get(0).title());
    }
  }

  @Test
  void unsavedBibBufferIsWhatCounts() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("{symm|}", "{zebra|}"), "refs.bib");
      Path bib = dir.resolve("refs.bib");
      String text = h.text(bib);
      var end = new dev.citeassist.document.TextDocument("", 0, text).position(text.length());
      h.change(
          bib,
          new org.eclipse.lsp4j.TextEdit(
              new org.eclipse.lsp4j.Range(end, end),
              "@misc{zebra2020, title = {Zebra stripes}}\n"));
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("zebra2020"));
      assertEquals("zebra2020", list.getItems().get(0).getLabel());
      assertEquals(text, Files.readString(bib), "the server wrote to an open buffer's file");
    }
  }

  @Test
  void noCompletionInComment() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(PROJECT.replace("As shown by", "% As shown by"));
      CompletionList list = h.complete();
      assertNotNull(list);
      assertTrue(list.getItems().isEmpty());
    }
  }
}
