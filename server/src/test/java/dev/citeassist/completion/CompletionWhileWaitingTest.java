package dev.citeassist.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.TextDocument;
import dev.citeassist.latex.CitationScanner;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A completion that background work has not caught up with says so in the list itself. */
class CompletionWhileWaitingTest {

  private final ProjectBibliography bibliography = new ProjectBibliography();
  private final Path root = Path.of("/project/main.tex").toAbsolutePath();
  private final Path refs = root.resolveSibling("refs.bib");

  @AfterEach
  void close() throws Exception {
    bibliography.close();
  }

  private CompletionList complete(String text, List<Path> bibs) {
    CitationCompletion completion =
        new CitationCompletion(
            bibliography,
            () -> null,
            CitationScanner::standard,
            new dev.citeassist.suggestion.ProjectCitations.Reader(p -> ""));
    TextDocument doc = new TextDocument(root.toUri().toString(), 1, text.replace("|", ""));
    return completion.complete(
        new CitationCompletion.Request(
            doc,
            text.indexOf('|'),
            new Project(root, List.of(root), bibs),
            50,
            new CitationCompletion.ClientSupport(true, true)),
        () -> {});
  }

  @Test
  void catalogueNotOpenYetIsSaidInTheListWhichIsIncomplete() throws Exception {
    bibliography
        .update(refs, "@article{smith2020a, title={A}, author={Smith, J.}, year=2020}\n")
        .get();
    CompletionList list = complete("\\citep{smi|}", List.of(refs));
    assertTrue(list.isIncomplete());
    assertEquals("smith2020a", list.getItems().get(0).getLabel());
    CompletionItem last = list.getItems().get(list.getItems().size() - 1);
    assertEquals("… CiteAssist is opening the paper catalogue", last.getLabel());
    // Accepting it leaves the text as typed and runs nothing.
    assertEquals("smi", last.getTextEdit().getLeft().getNewText());
    assertNull(last.getCommand());
    assertTrue(last.getFilterText().startsWith("smi"));
  }

  @Test
  void bibNotReadYetIsNamed() {
    Path other = root.resolveSibling("other.bib");
    CompletionList list = complete("\\cite{a,|}", List.of(other));
    assertTrue(list.isIncomplete());
    CompletionItem last = list.getItems().get(list.getItems().size() - 1);
    assertTrue(last.getLabel().contains("reading other.bib"), last.getLabel());
    assertEquals("", last.getTextEdit().getLeft().getNewText());
  }

  @Test
  void nothingToSayOutsideACite() {
    CompletionList list = complete("no cite here|", List.of(refs));
    assertFalse(list.isIncomplete());
    assertTrue(list.getItems().isEmpty());
  }
}
