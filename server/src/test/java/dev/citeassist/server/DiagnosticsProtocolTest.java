package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics and their quick fixes, in-process over JSON-RPC, the client applying the edits. */
class DiagnosticsProtocolTest {

  static final String REFS =
      """
      @article{liao2018random,
        title = {A Random Matrix Approach to Neural Networks},
        author = {Liao, Zhenyu and Couillet, Romain},
        journal = {The Annals of Applied Probability},
        year = {2018},
        doi = {10.1214/17-AAP1328}
      }
      """;

  @TempDir static Path cache;
  @TempDir Path dir;

  /**
   * Waits (with the harness's timeout) until the diagnostics of {@code file} satisfy {@code ok}.
   */
  static List<Diagnostic> diagnostics(LspHarness h, Path file, Predicate<List<Diagnostic>> ok)
      throws Exception {
    try {
      return Poll.until(
          Poll.TIMEOUT,
          "diagnostics of " + file.getFileName() + " that satisfy the condition",
          () -> {
            PublishDiagnosticsParams p = h.client.diagnostics.get(Documents.uri(file));
            return p == null ? null : p.getDiagnostics();
          },
          d -> d != null && ok.test(d));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; log: " + h.client.logged.stream().map(m -> m.getMessage()).toList(),
          e);
    }
  }

  static List<String> messages(List<Diagnostic> list) {
    return list.stream().map(Diagnostic::getMessage).toList();
  }

  static List<CodeAction> actions(LspHarness h, Path file, List<Diagnostic> diagnostics)
      throws Exception {
    Range r = diagnostics.get(0).getRange();
    return h
        .server
        .getTextDocumentService()
        .codeAction(
            new CodeActionParams(
                new TextDocumentIdentifier(Documents.uri(file)),
                r,
                new CodeActionContext(diagnostics)))
        .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .stream()
        .map(e -> e.getRight())
        .toList();
  }

  /** Applies a code action as an editor does: its edit, then its command. */
  static void apply(LspHarness h, Path file, CodeAction a) throws Exception {
    if (a.getEdit() != null) {
      for (Map.Entry<String, List<TextEdit>> e : a.getEdit().getChanges().entrySet()) {
        for (TextEdit t : e.getValue()) {
          h.change(Documents.path(e.getKey()), t);
        }
      }
    }
    if (a.getCommand() != null) {
      h.server
          .getWorkspaceService()
          .executeCommand(
              new ExecuteCommandParams(a.getCommand().getCommand(), a.getCommand().getArguments()))
          .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  static CodeAction titled(List<CodeAction> actions, String title) {
    return actions.stream()
        .filter(a -> a.getTitle().equals(title))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    title + " not among " + actions.stream().map(CodeAction::getTitle).toList()));
  }

  @Test
  void undefinedKeyIsWarnedOnTheKeyAndDidYouMeanReplacesIt() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex =
          h.open(
              """
              %! main.tex
              \\documentclass{article}
              \\begin{document}
              See \\citep[p.~3]{liao2018random, liao2018randm|}.
              \\bibliography{refs}
              \\end{document}
              %! refs.bib
              """
                  + REFS);
      List<Diagnostic> found = diagnostics(h, tex, l -> !l.isEmpty());
      assertEquals(List.of("No .bib of the project defines `liao2018randm`."), messages(found));
      assertEquals(new Range(new Position(2, 33), new Position(2, 46)), found.get(0).getRange());

      apply(h, tex, titled(actions(h, tex, found), "Did you mean `liao2018random`?"));

      assertTrue(
          h.text(tex).contains("\\citep[p.~3]{liao2018random, liao2018random}."), h.text(tex));
      diagnostics(h, tex, List::isEmpty);
    }
  }

  @Test
  void doiInCiteIsReplacedByTheKeyOfThatPaper() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex =
          h.open(
              """
              %! main.tex
              \\documentclass{article}
              \\begin{document}
              See \\cite{10.1214/17-AAP1328|}.
              \\bibliography{refs}
              \\end{document}
              %! refs.bib
              """
                  + REFS);
      List<Diagnostic> found = diagnostics(h, tex, l -> !l.isEmpty());

      apply(h, tex, titled(actions(h, tex, found), "Replace with `liao2018random`"));

      assertTrue(h.text(tex).contains("See \\cite{liao2018random}."), h.text(tex));
    }
  }

  @Test
  void customMacrosBibitemsNociteStarAndVerbatimFollowLatex() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex =
          h.open(
              """
              %! main.tex
              \\documentclass{article}
              \\newcommand\\mycite{\\citep}
              \\renewcommand{\\cite}[1]{\\citet{#1}}
              \\begin{document}
              \\mycite{nowhere} \\nocite{*} \\cite{local} \\cite{liao2018random}|
              % \\cite{commented}
              \\begin{verbatim}
              \\cite{verbatim} \\bibliography{other}
              \\end{verbatim}
              \\bibliography{refs}
              \\begin{thebibliography}{1}
              \\bibitem{local} A local entry.
              \\end{thebibliography}
              \\end{document}
              %! refs.bib
              """
                  + REFS);
      assertEquals(
          List.of("No .bib of the project defines `nowhere`."),
          messages(diagnostics(h, tex, l -> !l.isEmpty())));
    }
  }

  @Test
  void bibFromAConfiguredFolderDefinesKeys() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("texmf/bib"));
    Files.writeString(shared.resolve("refs.bib"), REFS);
    try (LspHarness h = new LspHarness(dir.resolve("paper"), cache, LspHarness.Features.all())) {
      var settings = new com.google.gson.JsonObject();
      var folders = new com.google.gson.JsonArray();
      folders.add(shared.toString());
      settings.add("bibFolders", folders);
      h.server
          .getWorkspaceService()
          .didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
      Path tex =
          h.open(
              """
              %! main.tex
              \\documentclass{article}
              \\begin{document}
              \\cite{liao2018random,missing|}
              \\bibliography{refs}
              \\end{document}
              """);
      assertEquals(
          List.of("No .bib of the project defines `missing`."),
          messages(diagnostics(h, tex, l -> !l.isEmpty())));
    }
  }

  @Test
  void bibProblemsAreReportedOnTheirEntries() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path bib =
          h.open(
              REFS_FIXTURE
                  + """
                  @article{liao2018random,
                    title = {Another},
                    author = {Someone},
                    journal = {J},
                    year = {2020}
                  }
                  @article{liao2018copy,
                    title = {A Random Matrix Approach to Neural Networks},
                    author = {Liao, Zhenyu},
                    year = {2018},
                    doi = {10.1214/17-AAP1328}
                  }
                  @book{nopublisher|,
                    title = {T}, author = {A}, year = {2001}
                  }
                  """);
      List<Diagnostic> found = diagnostics(h, bib, l -> l.size() >= 4);
      List<String> lines = new ArrayList<>();
      for (Diagnostic d : found) {
        lines.add(d.getRange().getStart().getLine() + 1 + ": " + d.getMessage());
      }
      assertEquals(
          List.of(
              "8: Duplicate key `liao2018random`: line 1 already defines it; BibTeX uses the first.",
              "14: @article `liao2018copy` lacks the required field journal or journaltitle.",
              "20: @book `nopublisher` lacks the required field publisher.",
              "14: `liao2018copy` is the same paper as `liao2018random` (DOI 10.1214/17-aap1328)."),
          lines);
    }
  }

  @Test
  void catalogueKeyIsAddedToTheBibByTheQuickFix(@TempDir Path ownCache) throws Exception {
    IndexAvailable.assume();
    // Its own catalogue: the other tests' servers may still be building theirs in the shared one.
    try (LspHarness h = new LspHarness(dir, ownCache, LspHarness.Features.all())) {
      Path tex = h.open(CompletionProtocolTest.PROJECT);
      var list = h.completeUntil(l -> l.getItems().size() >= 3);
      String key =
          list.getItems().stream()
              .filter(i -> i.getDetail().contains(CompletionProtocolTest.SYMMETRY_TITLE))
              .findFirst()
              .orElseThrow()
              .getLabel();
      Position end = h.cursor();
      h.change(
          tex,
          new TextEdit(new Range(new Position(end.getLine(), end.getCharacter() - 4), end), key));
      List<Diagnostic> found =
          diagnostics(h, tex, l -> l.size() == 1 && l.get(0).getMessage().contains(key));

      apply(
          h,
          tex,
          titled(actions(h, tex, found), "Add `" + key + "` from the catalogue to refs.bib"));

      Path bib = dir.resolve("refs.bib");
      assertTrue(h.text(bib).startsWith(CompletionProtocolTest.REFS), h.text(bib));
      assertTrue(h.text(bib).contains("{" + key + ","), h.text(bib));
      assertTrue(h.text(tex).contains("\\citep{" + key + "}"), h.text(tex));
      diagnostics(h, tex, List::isEmpty);
    }
  }

  static final String REFS_FIXTURE = "%! refs.bib\n" + REFS;
}
