package dev.citeassist.document;

import dev.citeassist.paper.Paper;
import java.nio.file.Path;

/** An entry of a project {@code .bib}: the paper, its file and the 1-based line of its header. */
public record BibEntry(Paper paper, Path file, int line) {

  public String key() {
    return paper.key();
  }
}
