package dev.citeassist.hover;

import dev.citeassist.bibtex.BibOutline;
import dev.citeassist.commands.AddEntryArguments;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.TextDocument;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.paper.Paper;
import dev.citeassist.render.BibLocation;
import dev.citeassist.render.PaperText;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.suggestion.ProjectCitations;
import dev.citeassist.suggestion.SuggestionText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Hover on a cite key in a {@code .tex} file or an entry key in a {@code .bib}: the paper and where
 * it is defined, or that only the catalogue has it (with a link to the command that adds it), or a
 * short "no entry" line. Stateless per request.
 */
public final class CitationHover {

  private final ProjectBibliography bibliography;

  /** How long a hover waits for a project {@code .bib} that is being read. */
  static final long BIB_WAIT_MILLIS = 2_000;

  private final Supplier<CatalogueBackend> catalogue;
  private final Supplier<CitationScanner> scanner;
  private final ProjectCitations.Reader citations;

  /** {@code citations}: where the project cites a key, shown under a project entry. */
  public CitationHover(
      ProjectBibliography bibliography,
      Supplier<CatalogueBackend> catalogue,
      Supplier<CitationScanner> scanner,
      ProjectCitations.Reader citations) {
    this.bibliography = bibliography;
    this.catalogue = catalogue;
    this.scanner = scanner;
    this.citations = citations;
  }

  /** Hover in a {@code .tex} file of {@code project}, or null when the cursor is on no key. */
  public Hover hoverTex(
      TextDocument doc, int offset, Project project, boolean markdown, CancelChecker cancel)
      throws IOException {
    Optional<CitationContext> ctx = scanner.get().scan(doc.text(), offset);
    if (ctx.isEmpty() || ctx.get().replaceStart() == ctx.get().replaceEnd()) {
      return null;
    }
    CitationContext c = ctx.get();
    String key = c.key(doc.text());
    cancel.checkCanceled();
    Hover h = describe(key, project.bibFiles(), project, doc.uri(), markdown);
    h.setRange(doc.range(c.replaceStart(), c.replaceEnd()));
    return h;
  }

  /** Hover on an entry key in a {@code .bib} file, or null when the cursor is on no entry key. */
  public Hover hoverBib(
      TextDocument doc, Path bibFile, int offset, Project project, boolean markdown)
      throws IOException {
    Optional<BibOutline.Entry> e =
        doc.bibOutline().keyAt(offset).filter(BibOutline.Entry::isReference);
    if (e.isEmpty()) {
      return null;
    }
    Hover h = describe(e.get().key(), List.of(bibFile), project, null, markdown);
    h.setRange(doc.range(e.get().keyStart(), e.get().keyEnd()));
    return h;
  }

  private Hover describe(
      String key, List<Path> bibs, Project project, String texUri, boolean markdown)
      throws IOException {
    // A hover is asked for once: worth a short wait for a .bib that is being read right now.
    bibliography.awaitRead(bibs, BIB_WAIT_MILLIS);
    Optional<BibEntry> entry = bibliography.entry(key, bibs);
    String text;
    if (entry.isPresent()) {
      text =
          PaperText.describe(entry.get().paper(), BibLocation.of(entry.get(), project), markdown);
      String uses = SuggestionText.uses(citations.of(project, scanner.get()).uses(key), project);
      if (uses != null) {
        text += "\n\n" + (markdown ? PaperText.escapeMarkdown(uses) : uses);
      }
    } else {
      CatalogueBackend index = catalogue.get();
      Optional<Paper> p = index == null ? Optional.empty() : index.byKey(key);
      if (p.isPresent()) {
        text = PaperText.describe(p.get(), PaperText.NOT_IN_BIBLIOGRAPHY, markdown);
        if (markdown && texUri != null) {
          text += " — [add it](" + new AddEntryArguments(texUri, key, key, null).commandUri() + ")";
        }
      } else {
        String shown = PaperText.clip(key, PaperText.MAX_KEY);
        text = markdown ? "No entry for `" + shown + "`" : "No entry for " + shown;
        // Not found because background work has not finished is not the same as not found.
        if (bibliography.loading(bibs)) {
          text += " yet: the project's .bib files are still being read";
        } else if (index == null) {
          text += " yet: the paper catalogue is still opening";
        }
      }
    }
    return new Hover(
        new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
  }
}
