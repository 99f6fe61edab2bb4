package dev.citeassist.paper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one catalogue format. Implementations are stateless and thread-safe; they stream (never
 * hold a whole large source in memory) and report a broken record through {@link PaperSink#problem}
 * and go on with the next one, so one bad record never loses the rest.
 */
public interface CatalogueReader {

  /**
   * Reads every record of {@code in}. {@code sourceName} is what {@code Origin.source} and problems
   * name (a file name or path). Throws only when the stream itself cannot be read.
   */
  void read(String sourceName, InputStream in, PaperSink sink) throws IOException;
}
