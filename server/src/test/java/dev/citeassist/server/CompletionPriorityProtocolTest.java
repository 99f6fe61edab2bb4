package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.document.Documents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion comes first: never behind diagnostics or a stale completion. */
class CompletionPriorityProtocolTest {

  @TempDir static Path cache;
  @TempDir Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private static final String MAIN =
      """
      %! main.tex
      \\documentclass{article}
      \\begin{document}
      Known \\cite{smith2020a} and typed \\cite{smi|}.
      \\bibliography{refs}
      \\end{document}
      %! refs.bib
      """;

  private static String bib(int n) {
    StringBuilder b = new StringBuilder();
    b.append("@article{smith2020a,\n  title = {A First Study},\n  author = {Smith, Jo},\n")
        .append("  year = {2020}\n}\n\n");
    for (int i = 0; i < n; i++) {
      b.append("@article{key")
          .append(i)
          .append(",\n  title = {Study number ")
          .append(i)
          .append(" of random matrices},\n  author = {Jones, Al and Brown, Bo},\n")
          .append("  journal = {The Annals of Probability},\n  year = {2019}\n}\n\n");
    }
    return b.toString();
  }

  private static String keyAt(LspHarness h, Path file, org.eclipse.lsp4j.Range range) {
    try {
      String[] lines = h.text(file).split("\n", -1);
      return lines[range.getStart().getLine()].substring(
          range.getStart().getCharacter(), range.getEnd().getCharacter());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aNewerCompletionStopsTheStaleOnes() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(MAIN + bib(200));
      h.completeUntil(l -> LspHarness.labels(l).contains("smith2020a"));
      // sent at once, as keystrokes do: each newer one makes those before it stale
      List<CompletableFuture<Either<List<CompletionItem>, CompletionList>>> sent =
          new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        sent.add(
            h.server
                .getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(h.uri()), h.cursor())));
      }
      CompletionList last =
          sent.getLast().get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS).getRight();
      assertEquals("smith2020a", last.getItems().get(0).getLabel());
      int dropped = 0;
      for (var f : sent.subList(0, sent.size() - 1)) {
        CompletionList list = f.get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS).getRight();
        if (list.getItems().isEmpty()) {
          // stopped: an empty list the client is told to ask again for
          assertTrue(list.isIncomplete());
          dropped++;
        } else {
          assertEquals("smith2020a", list.getItems().get(0).getLabel());
        }
      }
      assertTrue(dropped > 0, "no stale completion was stopped");
    }
  }

  @Test
  void completionAnswersWhileDiagnosticsWaitForTheBib() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      // Diagnostics of main.tex wait until refs.bib is read (else every key would be flagged);
      // 20,000 entries take seconds to read, a completion a few milliseconds.
      Path main = h.open(MAIN + bib(20_000));
      String mainUri = Documents.uri(main);
      CompletionList list = h.complete();
      assertFalse(h.client.diagnostics.containsKey(mainUri), "diagnostics were published before");
      assertTrue(list.isIncomplete());
      String last = list.getItems().getLast().getLabel();
      assertTrue(last.startsWith("… CiteAssist is reading refs.bib"), last);
      // and once the file is read, both are there
      h.completeUntil(
          l -> !l.getItems().isEmpty() && "smith2020a".equals(l.getItems().get(0).getLabel()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LspHarness.TIMEOUT_SECONDS);
      while (!h.client.diagnostics.containsKey(mainUri) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // the typed prefix is the only key refs.bib lacks
      assertEquals(
          List.of("smi"),
          h.client.diagnostics.get(mainUri).getDiagnostics().stream()
              .map(d -> keyAt(h, main, d.getRange()))
              .toList());
    }
  }
}
