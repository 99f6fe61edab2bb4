package dev.citeassist.server;

import dev.citeassist.document.Documents;
import dev.citeassist.document.ProjectBibliography;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.FileEvent;

/**
 * Files changed on disk, as the client's watcher reports them ({@code **}{@code /*.bib}, {@code
 * **}{@code /*.tex}). A {@code .bib} of a project is re-read and re-indexed alone — unless the
 * client has it open, since its buffer wins over the disk — and a deleted one indexes as empty. A
 * {@code .tex} needs nothing here: project structure is re-read from disk at each request, cached
 * by text. Runs on the caller's thread; the indexing itself is in the background.
 */
final class WatchedFiles {

  private final Documents documents;
  private final ProjectBibliography bibliography;

  WatchedFiles(Documents documents, ProjectBibliography bibliography) {
    this.documents = documents;
    this.bibliography = bibliography;
  }

  void changed(List<FileEvent> events) {
    for (FileEvent e : events) {
      if (!e.getUri().toLowerCase(Locale.ROOT).endsWith(".bib")) {
        continue;
      }
      Path p = Documents.path(e.getUri());
      if (documents.get(p).isEmpty() && bibliography.isTracked(p)) {
        bibliography.update(p, documents.text(p));
      }
    }
  }
}
