package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where catalogue papers are searched: the local Lucene index ({@link PaperIndex}) or a shared
 * cluster ({@code dev.citeassist.remote.RemoteCatalogue}). The calls are exactly those that
 * completion, hover, workspace symbols, the add-entry command and the command line make; both
 * implementations analyse text with {@link Fields}' analyzers and build their queries from the same
 * {@link TypedQuery} and {@link ContextQuery}, so they rank alike. Implementations are thread-safe.
 */
public interface CatalogueBackend extends Closeable {

  /** Ranked search-as-you-type, best first, scores decreasing (see {@link PaperIndex#search}). */
  List<SearchHit> search(SearchQuery query) throws IOException;

  /** The papers a passage of prose is most likely about, best first. */
  List<SearchHit> search(ContextQuery query, int limit) throws IOException;

  /** The paper with exactly this key (case-sensitive). */
  Optional<Paper> byKey(String key) throws IOException;

  /** Papers with this DOI or arXiv id (any of the forms {@link Identifiers} accepts). */
  List<Paper> byIdentifier(String doiOrArxivId) throws IOException;

  /** How many papers the catalogue holds. */
  int size() throws IOException;
}
