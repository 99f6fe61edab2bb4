package dev.citeassist.bibtex;

import dev.citeassist.paper.Paper;

/** CONTRACT SKETCH (to be implemented): turns a keyed paper into one BibTeX entry. */
public final class BibtexWriter {

  private BibtexWriter() {}

  /**
   * One entry, ending in a newline, for a paper whose key is set. {@code @article} with a journal,
   * {@code @inproceedings} with a booktitle, {@code @misc} with eprint fields for preprints.
   */
  public static String toBibtex(Paper paper, BibtexDialect dialect) {
    throw new UnsupportedOperationException();
  }
}
