package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CONTRACT SKETCH (to be implemented): a Lucene index of papers.
 *
 * <p>One IndexWriter per index, readers through SearcherManager. Thread-safe: searches may run
 * concurrently with writes; writes become visible after {@link #refresh()}.
 */
public final class PaperIndex implements Closeable {

  /** Opens (creating if missing) an on-disk, memory-mapped index in {@code directory}. */
  public static PaperIndex open(Path directory) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** An index held in memory (for a project's own .bib entries). */
  public static PaperIndex inMemory() {
    throw new UnsupportedOperationException();
  }

  /** Adds papers (each must have a key). */
  public void addAll(Collection<Paper> papers) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Atomically replaces every paper whose origin source equals {@code source}. */
  public void replaceSource(String source, Collection<Paper> papers) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Deletes everything (before a rebuild). */
  public void clear() throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Commits durably with the given user data (e.g. source fingerprints). */
  public void commit(Map<String, String> userData) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** The user data of the last commit (empty for a new index). */
  public Map<String, String> commitData() {
    throw new UnsupportedOperationException();
  }

  /** Makes all writes so far visible to searches. Never called from a completion request. */
  public void refresh() throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Ranked search-as-you-type. */
  public List<SearchHit> search(SearchQuery query) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** The paper with exactly this key. */
  public Optional<Paper> byKey(String key) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Papers with this DOI or arXiv id (case-insensitive, arXiv version suffix ignored). */
  public List<Paper> byIdentifier(String doiOrArxivId) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Number of live papers. */
  public int size() throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() throws IOException {}
}
