package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.citeassist.commands.Commands;
import dev.citeassist.document.Documents;
import dev.citeassist.document.TextDocument;
import dev.citeassist.fixture.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Navigation, rename, symbols, watched files and the catalogue commands, in-process over JSON-RPC,
 * on a thesis on disk: main.tex includes three chapters, which cite entries of refs.bib.
 */
class NavigationProtocolTest {

  static final String MAIN =
      """
      \\documentclass{book}
      \\begin{document}
      \\include{chapters/one}
      \\include{chapters/two}
      \\include{chapters/three}
      \\bibliography{refs}
      \\end{document}
      """;
  static final String ONE = "Random matrices \\cite{liao2018random} help.\n";
  static final String TWO =
      "% \\cite{liao2018random} is a comment\nSee \\citep[p.~3]{other2020, liao2018random}.\n";
  static final String THREE =
      "As liao2018random said \\citet{liao2018random} and \\cite{liao2018randomX}.\n";
  static final String REFS =
      """
      @article{liao2018random,
        title = {A Random Matrix Approach to Neural Networks},
        author = {Liao, Zhenyu and Couillet, Romain},
        year = {2018}
      }

      @book{other2020,
        title = {Another Book},
        author = {Other, Ann},
        year = {2020}
      }
      """;

  @TempDir static Path cache;
  @TempDir Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private void writeThesis() throws Exception {
    Files.createDirectories(dir.resolve("chapters"));
    Files.writeString(dir.resolve("main.tex"), MAIN);
    Files.writeString(dir.resolve("chapters/one.tex"), ONE);
    Files.writeString(dir.resolve("chapters/two.tex"), TWO);
    Files.writeString(dir.resolve("chapters/three.tex"), THREE);
    Files.writeString(dir.resolve("refs.bib"), REFS);
  }

  private static Position at(String text, String marker, int shift) {
    int i = text.indexOf(marker);
    assertTrue(i >= 0, marker);
    return new TextDocument("x", 0, text).position(i + shift);
  }

  private static TextDocumentIdentifier id(Path p) {
    return new TextDocumentIdentifier(Documents.uri(p));
  }

  @Test
  void renameOfAKeyUsedInThreeChaptersChangesAllThreeAndTheBibInOneEdit() throws Exception {
    writeThesis();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path one = dir.resolve("chapters/one.tex");
      h.open(one);
      Position key = at(ONE, "liao2018random", 3);

      var prepared =
          h.server
              .getTextDocumentService()
              .prepareRename(new PrepareRenameParams(id(one), key))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals("liao2018random", prepared.getSecond().getPlaceholder());
      assertEquals(at(ONE, "liao2018random", 0), prepared.getSecond().getRange().getStart());

      WorkspaceEdit edit =
          h.server
              .getTextDocumentService()
              .rename(new RenameParams(id(one), key, "liao2018rmt"))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // One workspace edit of versioned document edits: the client applies it as one undo step.
      assertTrue(edit.getChanges() == null || edit.getChanges().isEmpty());
      List<String> files = new ArrayList<>();
      for (var c : edit.getDocumentChanges()) {
        TextDocumentEdit e = c.getLeft();
        files.add(dir.relativize(Documents.path(e.getTextDocument().getUri())).toString());
        Integer version = e.getTextDocument().getVersion();
        assertEquals(h.isOpen(Documents.path(e.getTextDocument().getUri())) ? 1 : null, version);
      }
      assertEquals(
          List.of("refs.bib", "chapters/one.tex", "chapters/two.tex", "chapters/three.tex"), files);

      assertTrue(h.client.editor.apply(new ApplyWorkspaceEditParams(edit)));
      assertEquals(ONE.replace("liao2018random}", "liao2018rmt}"), h.text(one));
      assertEquals(
          "% \\cite{liao2018random} is a comment\nSee \\citep[p.~3]{other2020, liao2018rmt}.\n",
          h.text(dir.resolve("chapters/two.tex")));
      assertEquals(
          "As liao2018random said \\citet{liao2018rmt} and \\cite{liao2018randomX}.\n",
          h.text(dir.resolve("chapters/three.tex")));
      assertEquals(
          REFS.replace("@article{liao2018random,", "@article{liao2018rmt,"),
          h.text(dir.resolve("refs.bib")));
    }
  }

  @Test
  void renameFromTheBibAlsoChangesCrossrefsToTheEntry() throws Exception {
    writeThesis();
    String refs =
        REFS
            + "\n@inproceedings{part2020, title = {Part}, crossref = {other2020}}\n"
            + "@inproceedings{part2021, title = {Part two}, crossref = other2020,}\n";
    Files.writeString(dir.resolve("refs.bib"), refs);
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path bib = dir.resolve("refs.bib");
      h.open(bib);
      WorkspaceEdit edit =
          h.server
              .getTextDocumentService()
              .rename(new RenameParams(id(bib), at(refs, "other2020", 2), "other2020b"))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertTrue(h.client.editor.apply(new ApplyWorkspaceEditParams(edit)));
      assertEquals(
          refs.replace("{other2020,", "{other2020b,")
              .replace("= {other2020}", "= {other2020b}")
              .replace("= other2020,", "= other2020b,"),
          h.text(bib));
      assertEquals(
          "% \\cite{liao2018random} is a comment\nSee \\citep[p.~3]{other2020b, liao2018random}.\n",
          h.text(dir.resolve("chapters/two.tex")));
    }
  }

  @Test
  void renameRefusesInvalidKeysAndKeysOfOtherEntries() throws Exception {
    writeThesis();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path one = dir.resolve("chapters/one.tex");
      h.open(one);
      Position key = at(ONE, "liao2018random", 3);
      for (String bad : List.of("", "liao 2018", "a,b", "x{y", "50%", "a=b", "o'k")) {
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () ->
                    h.server
                        .getTextDocumentService()
                        .rename(new RenameParams(id(one), key, bad))
                        .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS),
                bad);
        assertInstanceOf(ResponseErrorException.class, e.getCause(), bad);
      }
      ExecutionException taken =
          assertThrows(
              ExecutionException.class,
              () ->
                  h.server
                      .getTextDocumentService()
                      .rename(new RenameParams(id(one), key, "other2020"))
                      .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertEquals("Another entry already has the key 'other2020'.", taken.getCause().getMessage());
      assertNull(
          h.server
              .getTextDocumentService()
              .prepareRename(new PrepareRenameParams(id(one), new Position(0, 2)))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void definitionAndReferencesCoverEveryChapterAndTheEntry() throws Exception {
    writeThesis();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path three = dir.resolve("chapters/three.tex");
      h.open(three);
      Position key = at(THREE, "{liao2018random}", 2);
      var def =
          h.server
              .getTextDocumentService()
              .definition(new DefinitionParams(id(three), key))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .getLeft();
      assertEquals(1, def.size());
      assertEquals(Documents.uri(dir.resolve("refs.bib")), def.get(0).getUri());
      assertEquals(new Position(0, 9), def.get(0).getRange().getStart());
      assertEquals(new Position(0, 23), def.get(0).getRange().getEnd());

      // From the entry's key in the .bib, with the declaration.
      Path refs = dir.resolve("refs.bib");
      List<? extends Location> refsFromBib =
          h.server
              .getTextDocumentService()
              .references(
                  new ReferenceParams(id(refs), new Position(0, 12), new ReferenceContext(true)))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<String> where = new ArrayList<>();
      for (Location l : refsFromBib) {
        where.add(
            dir.relativize(Documents.path(l.getUri()))
                + ":"
                + l.getRange().getStart().getLine()
                + ":"
                + l.getRange().getStart().getCharacter());
      }
      assertEquals(
          List.of(
              "refs.bib:0:9",
              "chapters/one.tex:0:22",
              "chapters/two.tex:1:28",
              "chapters/three.tex:0:30"),
          where);
    }
  }

  @Test
  void bibDocumentSymbolsAreTheEntriesWithTheirTitles() throws Exception {
    writeThesis();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path refs = dir.resolve("refs.bib");
      h.open(refs);
      var symbols =
          h.server
              .getTextDocumentService()
              .documentSymbol(new DocumentSymbolParams(id(refs)))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(2, symbols.size());
      DocumentSymbol first = symbols.get(0).getRight();
      assertEquals("liao2018random", first.getName());
      assertEquals("A Random Matrix Approach to Neural Networks", first.getDetail());
      assertEquals(SymbolKind.Struct, first.getKind());
      assertEquals(new Position(0, 0), first.getRange().getStart());
      assertEquals(new Position(4, 1), first.getRange().getEnd());
      assertEquals(new Position(0, 9), first.getSelectionRange().getStart());
      DocumentSymbol second = symbols.get(1).getRight();
      assertEquals("other2020", second.getName());
      assertEquals(SymbolKind.Module, second.getKind());
    }
  }

  @Test
  void workspaceSymbolsListProjectEntriesBeforeCataloguePapers() throws Exception {
    writeThesis();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(dir.resolve("chapters/one.tex"));
      List<? extends WorkspaceSymbol> symbols =
          symbolsUntil(h, "random matrix", l -> "refs.bib".equals(l.get(0).getContainerName()));
      WorkspaceSymbol first = symbols.get(0);
      assertEquals("liao2018random — A Random Matrix Approach to Neural Networks", first.getName());
      assertEquals("refs.bib", first.getContainerName());
      assertEquals(Documents.uri(dir.resolve("refs.bib")), first.getLocation().getLeft().getUri());
      assertEquals(new Position(0, 9), first.getLocation().getLeft().getRange().getStart());

      WorkspaceSymbol fromCatalogue = symbolsUntil(h, "symmetries", l -> true).get(0);
      assertTrue(
          fromCatalogue.getName().toLowerCase(java.util.Locale.ROOT).contains("symmetries"),
          fromCatalogue.getName());
      assertEquals("catalogue", fromCatalogue.getContainerName());
      assertEquals(
          Documents.uri(dir.resolve("refs.bib")), fromCatalogue.getLocation().getLeft().getUri());
      assertNotNull(fromCatalogue.getData());
    }
  }

  /** Symbols for the query once there are some and they satisfy {@code until}. */
  private static List<? extends WorkspaceSymbol> symbolsUntil(
      LspHarness h,
      String query,
      java.util.function.Predicate<List<? extends WorkspaceSymbol>> until)
      throws Exception {
    return Poll.until(
        Poll.TIMEOUT,
        "workspace symbols for " + query + " that satisfy the condition",
        () ->
            h.server
                .getWorkspaceService()
                .symbol(new WorkspaceSymbolParams(query))
                .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .getRight(),
        symbols -> !symbols.isEmpty() && until.test(symbols));
  }

  @Test
  void aKeyEditedOnDiskInTheBibShowsUpInCompletion() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(
          """
          %! main.tex
          \\documentclass{article}
          \\begin{document}
          \\cite{|}
          \\bibliography{refs}
          \\end{document}
          %! refs.bib
          """
              + REFS);
      h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      Path refs = dir.resolve("refs.bib");
      assertTrue(!h.isOpen(refs));
      Files.writeString(
          refs,
          REFS.replace("@book{other2020,", "@book{watched2031,")
              + "\n@misc{fresh2031, title = {Written by a reference manager}}\n");
      h.server
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(Documents.uri(refs), FileChangeType.Changed))));
      var list =
          h.completeUntil(
              l ->
                  LspHarness.labels(l).contains("watched2031")
                      && LspHarness.labels(l).contains("fresh2031"));
      assertTrue(
          !LspHarness.labels(list).contains("other2020"), LspHarness.labels(list).toString());
    }
  }

  @Test
  void searchCommandAnswersTheJsonOfSearchJson() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Object result =
          Poll.until(
              Poll.TIMEOUT,
              "search hits (the catalogue opens in the background)",
              () ->
                  h.server
                      .getWorkspaceService()
                      .executeCommand(
                          new ExecuteCommandParams(
                              Commands.SEARCH,
                              List.of(new JsonPrimitive("symmetries"), new JsonPrimitive(3))))
                      .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS),
              r -> r instanceof List<?> a && !a.isEmpty());
      List<?> hits = assertInstanceOf(List.class, result);
      assertTrue(hits.size() >= 1 && hits.size() <= 3, hits.toString());
      var first = assertInstanceOf(java.util.Map.class, hits.get(0));
      // JSON-RPC leaves out null members; the others are those of `search --json`.
      List<String> shape =
          List.of(
              "key",
              "score",
              "title",
              "authors",
              "etAl",
              "year",
              "venue",
              "category",
              "doi",
              "arxivId",
              "url",
              "abstract");
      for (String field : List.of("key", "score", "title", "authors", "etAl")) {
        assertTrue(first.containsKey(field), field + " in " + first);
      }
      for (Object field : first.keySet()) {
        assertTrue(shape.contains(field), String.valueOf(field));
      }
    }
  }
}
