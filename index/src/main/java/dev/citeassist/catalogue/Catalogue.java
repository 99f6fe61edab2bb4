package dev.citeassist.catalogue;

import dev.citeassist.paper.Paper;
import dev.citeassist.search.PaperIndex;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * CONTRACT SKETCH (being implemented on main by the integrator): the user's catalogue — the
 * built-in seeds plus their own sources — merged, keyed and indexed on disk under the cache
 * directory, rebuilt only when a source's fingerprint changes.
 */
public final class Catalogue implements Closeable {

  /** Opens the catalogue described by {@code config}, building or updating its index if needed. */
  public static Catalogue open(CatalogueConfig config) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** The catalogue's search index (keys already assigned, duplicates merged). */
  public PaperIndex index() {
    throw new UnsupportedOperationException();
  }

  /** All papers of the built-in catalogue, keyed (188 papers), read from the jar's resources. */
  public static List<Paper> builtIn() throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() throws IOException {}

  /**
   * Where the index lives and what goes into it.
   *
   * @param cacheDir parent directory of the index (default: $XDG_CACHE_HOME/citeassist)
   * @param sources user sources added to the built-in seeds
   */
  public record CatalogueConfig(Path cacheDir, List<Path> sources) {}
}
