package dev.citeassist.bibtex;

import dev.citeassist.catalogue.CatalogueReader;
import dev.citeassist.catalogue.PaperSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * CONTRACT SKETCH (to be implemented): reads BibTeX/BibLaTeX through JBibTeX. Each entry becomes a
 * {@code Paper} with its own key, {@code origin.line} the line of its {@code @type{key,}}.
 */
public final class BibtexReader implements CatalogueReader {

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Reads text already in memory (an editor buffer). */
  public void read(String sourceName, String text, PaperSink sink) {
    throw new UnsupportedOperationException();
  }
}
