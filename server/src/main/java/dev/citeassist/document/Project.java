package dev.citeassist.document;

import java.nio.file.Path;
import java.util.List;

/**
 * A LaTeX project as seen from one of its files: the root document, every {@code .tex} file it
 * includes (root first), and the {@code .bib} files they name, in the order they are named.
 */
public record Project(Path root, List<Path> texFiles, List<Path> bibFiles) {

  public Project {
    texFiles = List.copyOf(texFiles);
    bibFiles = List.copyOf(bibFiles);
  }

  /** Where an entry goes: the first named {@code .bib}, else {@code references.bib} by the root. */
  public Path targetBib() {
    return bibFiles.isEmpty() ? root.resolveSibling("references.bib") : bibFiles.get(0);
  }
}
