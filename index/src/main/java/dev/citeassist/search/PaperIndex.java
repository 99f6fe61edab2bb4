package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;

/**
 * A Lucene index of papers: the catalogue on disk ({@link #open}, memory-mapped) or a project's own
 * {@code .bib} entries in memory ({@link #inMemory}). Owns its directory, its one {@code
 * IndexWriter} and a {@code SearcherManager} over the writer (near-real-time).
 *
 * <p>Thread-safe: searches may run concurrently with writes and with each other. Writes become
 * visible to searches after {@link #refresh()} (never called by the searches themselves) and
 * durable after {@link #commit}. {@link #close()} discards whatever was not committed, so an
 * interrupted rebuild never leaves a half-built index that claims the old fingerprints. The schema
 * of the documents is {@link Fields}; an index written with another schema version opens empty,
 * with empty {@link #commitData()}, so that its owner rebuilds it.
 */
public final class PaperIndex implements CatalogueBackend {

  /** Bump when {@link Fields}, {@link PaperDocuments} or {@link PaperCodec} change meaning. */
  static final String SCHEMA_VERSION = "4";

  /** Reserved commit user data key; hidden from {@link #commitData()}. */
  static final String SCHEMA_KEY = "citeassist.schema";

  /** Bulk builds flush big segments (fewer merges); memory is only used while indexing. */
  private static final double DISK_RAM_BUFFER_MB = 256;

  private static final double MEMORY_RAM_BUFFER_MB = 16;

  /** IndexWriter indexes concurrently; more threads than this gain little and cost memory. */
  private static final int INDEXING_THREADS =
      Math.min(4, Runtime.getRuntime().availableProcessors());

  /**
   * How long one search may score, once it has a full page, before it returns the best papers found
   * so far (see {@link ScoringBudget}). Only a conjunction of very common words in a large
   * catalogue ("deep le…" over a million papers) comes near it; the next keystroke narrows such a
   * query anyway.
   */
  static final long SCORING_BUDGET_NANOS = 4_000_000;

  /** The longest list a search returns, whatever it is asked for. */
  static final int MAX_LIMIT = 1000;

  /** Below this many papers a thread is not worth starting. */
  private static final int PAPERS_PER_THREAD = 1000;

  private final Directory directory;
  private final IndexWriter writer;
  private final org.apache.lucene.search.ReferenceManager<IndexSearcher> searchers;

  /** Readers and directories of the shards a read-only catalogue opened beside its main index. */
  private final List<java.io.Closeable> shards;

  private volatile Map<String, String> commitData;
  private volatile String failure;

  private PaperIndex(Directory directory, double ramBufferMb) throws IOException {
    this.directory = directory;
    IndexWriterConfig config =
        new IndexWriterConfig(Fields.indexAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(ramBufferMb)
            // flushed segments stay as separate files: a compound file is one more copy of each
            .setUseCompoundFile(false)
            .setCommitOnClose(false);
    IndexWriter opened = new IndexWriter(directory, config);
    try {
      Map<String, String> data = new HashMap<>();
      opened.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      boolean existed = DirectoryReader.indexExists(directory);
      if (existed && !SCHEMA_VERSION.equals(data.get(SCHEMA_KEY))) {
        opened.deleteAll();
        data.clear();
        opened.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        opened.commit();
      }
      data.remove(SCHEMA_KEY);
      this.commitData = Map.copyOf(data);
      this.searchers = new SearcherManager(opened, null);
      this.shards = List.of();
    } catch (IOException | RuntimeException e) {
      opened.rollback();
      throw e;
    }
    this.writer = opened;
  }

  private PaperIndex(Directory directory, DirectoryReader reader) throws IOException {
    this.directory = directory;
    this.writer = null;
    Map<String, String> data = new HashMap<>(reader.getIndexCommit().getUserData());
    data.remove(SCHEMA_KEY);
    this.commitData = Map.copyOf(data);
    this.searchers = new SearcherManager(reader, null);
    this.shards = List.of();
  }

  private PaperIndex(
      Directory directory,
      Map<String, String> commitData,
      org.apache.lucene.index.IndexReader combined,
      List<java.io.Closeable> shards) {
    this.directory = directory;
    this.writer = null;
    this.commitData = commitData;
    this.searchers = new FixedSearchers(combined);
    this.shards = shards;
  }

  /**
   * Opens a catalogue made of a main index and shards (one index per source, see {@link
   * #add(ShardEntry)}) as one read-only index, every directory memory-mapped: searches see the main
   * index's papers, then each shard's, less the documents in {@code hidden} (one set of doc ids per
   * shard, or null: papers the main index holds in another form, merged or with another key). What
   * stays on the heap is one bit per document of a shard with hidden documents.
   */
  public static PaperIndex openReadOnly(Path main, List<Path> shardDirs, List<BitSet> hidden)
      throws IOException {
    if (shardDirs.isEmpty()) {
      return openReadOnly(main);
    }
    List<java.io.Closeable> owned = new ArrayList<>();
    FSDirectory fs = FSDirectory.open(main);
    try {
      DirectoryReader mainReader = DirectoryReader.open(fs);
      owned.add(mainReader);
      if (!SCHEMA_VERSION.equals(mainReader.getIndexCommit().getUserData().get(SCHEMA_KEY))) {
        throw new IOException(main + " holds an index of another schema version");
      }
      List<org.apache.lucene.index.IndexReader> leaves = new ArrayList<>();
      mainReader.leaves().forEach(l -> leaves.add(l.reader()));
      for (int s = 0; s < shardDirs.size(); s++) {
        FSDirectory shardDir = FSDirectory.open(shardDirs.get(s));
        owned.add(shardDir);
        DirectoryReader shard = DirectoryReader.open(shardDir);
        owned.add(shard);
        BitSet hide = hidden == null ? null : hidden.get(s);
        for (LeafReaderContext leaf : shard.leaves()) {
          leaves.add(
              hide == null || hide.isEmpty()
                  ? leaf.reader()
                  : HiddenDocs.wrap(leaf.reader(), leaf.docBase, hide));
        }
      }
      var combined =
          new org.apache.lucene.index.MultiReader(
              leaves.toArray(new org.apache.lucene.index.IndexReader[0]), false);
      Map<String, String> data = new HashMap<>(mainReader.getIndexCommit().getUserData());
      data.remove(SCHEMA_KEY);
      return new PaperIndex(fs, Map.copyOf(data), combined, owned);
    } catch (IOException | RuntimeException e) {
      for (java.io.Closeable c : owned.reversed()) {
        try {
          c.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      fs.close();
      throw e;
    }
  }

  /** Searchers over a reader that never changes (a read-only catalogue of shards). */
  private static final class FixedSearchers
      extends org.apache.lucene.search.ReferenceManager<IndexSearcher> {
    FixedSearchers(org.apache.lucene.index.IndexReader reader) {
      current = new IndexSearcher(reader);
    }

    @Override
    protected void decRef(IndexSearcher reference) throws IOException {
      reference.getIndexReader().decRef();
    }

    @Override
    protected IndexSearcher refreshIfNeeded(IndexSearcher reference) {
      return null;
    }

    @Override
    protected boolean tryIncRef(IndexSearcher reference) {
      return reference.getIndexReader().tryIncRef();
    }

    @Override
    protected int getRefCount(IndexSearcher reference) {
      return reference.getIndexReader().getRefCount();
    }
  }

  /**
   * Opens the last commit of an on-disk index for searching only. No write lock is taken, so any
   * number of processes (several editors, the command line) can search one index at once; every
   * write method throws {@link IllegalStateException}.
   *
   * @throws org.apache.lucene.index.IndexNotFoundException (an IOException) when there is no
   *     committed index in {@code directory}
   */
  public static PaperIndex openReadOnly(Path directory) throws IOException {
    FSDirectory fs = FSDirectory.open(directory);
    try {
      DirectoryReader reader = DirectoryReader.open(fs);
      if (!SCHEMA_VERSION.equals(reader.getIndexCommit().getUserData().get(SCHEMA_KEY))) {
        reader.close();
        throw new IOException(directory + " holds an index of another schema version");
      }
      return new PaperIndex(fs, reader);
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  /**
   * The version of the index layout this code writes and reads; an index of another version must be
   * rebuilt. Callers that cache indexes include it in their cache keys.
   */
  public static String schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Whether {@code directory} holds a committed index that {@link #openReadOnly} can open. */
  public static boolean exists(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (FSDirectory fs = FSDirectory.open(directory)) {
      return DirectoryReader.indexExists(fs);
    }
  }

  /**
   * Why {@code directory} cannot serve as a read-only index, or null when it can: no folder, an
   * empty folder, no commit (segments file deleted), another schema version, or a file of the
   * commit that is missing, truncated or does not start and end like a Lucene file. Cheap: it reads
   * the commit, then the header and footer of each file of it, never a whole file, so a flipped
   * byte in the middle of a file is not seen (Lucene reports that when a search reads it).
   */
  public static String damage(Path directory) {
    return damage(directory, false);
  }

  /**
   * As {@link #damage(Path)}; with {@code checksums}, also verifies every file's checksum, which
   * reads the whole index (for a snapshot whose search failed, see {@link #failure()}).
   */
  public static String damage(Path directory, boolean checksums) {
    if (!Files.isDirectory(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          ? "not a folder"
          : "missing";
    }
    try (FSDirectory fs = FSDirectory.open(directory)) {
      if (fs.listAll().length == 0) {
        return "empty folder";
      }
      if (!DirectoryReader.indexExists(fs)) {
        return "no commit (segments file missing)";
      }
      try (DirectoryReader reader = DirectoryReader.open(fs)) {
        IndexCommit commit = reader.getIndexCommit();
        if (!SCHEMA_VERSION.equals(commit.getUserData().get(SCHEMA_KEY))) {
          return "index of another schema version";
        }
        for (String file : commit.getFileNames()) {
          try (IndexInput in = fs.openInput(file, IOContext.READONCE)) {
            if (in.length() < CodecUtil.footerLength()
                || CodecUtil.readBEInt(in) != CodecUtil.CODEC_MAGIC) {
              return file + " is not a Lucene file";
            }
            CodecUtil.retrieveChecksum(in);
          }
        }
        if (checksums) {
          for (LeafReaderContext leaf : reader.leaves()) {
            leaf.reader().checkIntegrity();
          }
        }
      }
      return null;
    } catch (IOException | RuntimeException | InternalError e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * Whether a process (this one included) holds the write lock of the index in {@code directory}: a
   * build in progress. A folder without an index is not locked.
   */
  public static boolean isLocked(Path directory) throws IOException {
    try (FSDirectory fs = FSDirectory.open(directory);
        Lock lock = fs.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      return false;
    } catch (LockObtainFailedException e) {
      return true;
    }
  }

  /** The writer, or IllegalStateException for an index opened read-only. */
  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("this index was opened read-only");
    }
    return writer;
  }

  /** Opens (creating if missing) an on-disk, memory-mapped index in {@code directory}. */
  public static PaperIndex open(Path directory) throws IOException {
    Files.createDirectories(directory);
    // FSDirectory.open picks MMapDirectory on every 64-bit JVM
    FSDirectory fs = FSDirectory.open(directory);
    try {
      return new PaperIndex(fs, DISK_RAM_BUFFER_MB);
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  /**
   * As {@link #open}, for a bulk build that is committed, closed and then opened read-only: the
   * files are read with positional reads through the page cache instead of being mapped, so the
   * segments that merges and the key pass read do not count in the building process's resident
   * memory (they did: 1.6 GB of mapped pages at 2.6M records).
   */
  public static PaperIndex openForBuild(Path directory) throws IOException {
    Files.createDirectories(directory);
    FSDirectory fs = new org.apache.lucene.store.NIOFSDirectory(directory);
    try {
      return new PaperIndex(fs, DISK_RAM_BUFFER_MB);
    } catch (IOException | RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  /**
   * Opens (creating if missing) an on-disk index in {@code directory} for an index that is edited
   * often and is small (a project's own {@code .bib}): a small indexing buffer, and the small
   * segments that near-real-time refreshes flush kept in memory until they are committed or merged.
   */
  public static PaperIndex openEditable(Path directory) throws IOException {
    Files.createDirectories(directory);
    Directory dir = new NRTCachingDirectory(FSDirectory.open(directory), 4, 32);
    try {
      return new PaperIndex(dir, MEMORY_RAM_BUFFER_MB);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens an editable index (see {@link #openEditable}) in {@code work}, which must be missing or
   * empty, that starts as the last commit of the index in {@code snapshot}: the commit's files are
   * hard-linked (copied where the file system cannot link), which is safe because Lucene never
   * changes a file it wrote, and the snapshot is left as it is whatever the new index does.
   */
  public static PaperIndex openFrom(Path snapshot, Path work) throws IOException {
    Files.createDirectories(work);
    try (FSDirectory fs = FSDirectory.open(snapshot);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      for (String file : reader.getIndexCommit().getFileNames()) {
        linkOrCopy(snapshot.resolve(file), work.resolve(file));
      }
    }
    return openEditable(work);
  }

  /**
   * Commits every write so far with {@code userData}, then puts the files of that commit in a new
   * folder {@code target} (hard links where the file system allows): written under a temporary name
   * beside it and renamed, so {@code target} is either missing or a complete index. A {@code
   * target} that exists already is left as it is.
   */
  public synchronized void snapshot(Path target, Map<String, String> userData) throws IOException {
    commit(userData);
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
    try {
      IndexCommit last = DirectoryReader.listCommits(directory).getLast();
      for (String file : last.getFileNames()) {
        Path from = fsPath(file);
        linkOrCopy(from, tmp.resolve(file));
      }
      try {
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException
          | java.nio.file.DirectoryNotEmptyException e) {
        // another process stored the same content first
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
    } finally {
      deleteTree(tmp);
    }
  }

  /** Where the file {@code name} of this index lives on disk (after a commit synced it there). */
  private Path fsPath(String name) throws IOException {
    Directory d = directory;
    while (d instanceof org.apache.lucene.store.FilterDirectory f) {
      d = f.getDelegate();
    }
    if (d instanceof FSDirectory fs) {
      return fs.getDirectory().resolve(name);
    }
    throw new IOException("an index held in memory cannot be snapshot");
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a folder and what it holds; what cannot be deleted is left. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // left for the next clean-up
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // left for the next clean-up
    }
  }

  /**
   * Every paper visible to searches, in index order (papers of one batch of {@link #addAll} may be
   * out of order: see there).
   */
  public List<Paper> papers() throws IOException {
    return reading(
        () -> {
          IndexSearcher searcher = searchers.acquire();
          try {
            List<Paper> all = new ArrayList<>(searcher.getIndexReader().numDocs());
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
              StoredFields stored = leaf.reader().storedFields();
              org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
              for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (live == null || live.get(d)) {
                  all.add(PaperDocuments.paper(stored, d));
                }
              }
            }
            return all;
          } finally {
            searchers.release(searcher);
          }
        });
  }

  /** An index held in memory (for a project's own .bib entries). */
  public static PaperIndex inMemory() {
    try {
      return new PaperIndex(new ByteBuffersDirectory(), MEMORY_RAM_BUFFER_MB);
    } catch (IOException e) {
      throw new UncheckedIOException("a new in-memory index cannot fail to open", e);
    }
  }

  /**
   * Adds papers (each must have a key), filed under their {@code origin().source()} when they have
   * an origin. Adding a key twice keeps both papers. A large batch is indexed by several threads
   * (one per core, up to four), so papers of one batch may be stored out of order.
   */
  public void addAll(Collection<Paper> papers) throws IOException {
    int threads = Math.min(INDEXING_THREADS, papers.size() / PAPERS_PER_THREAD);
    if (threads <= 1) {
      add(papers);
      return;
    }
    List<Paper> all = List.copyOf(papers);
    int chunk = (all.size() + threads - 1) / threads;
    List<Future<?>> helpers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads - 1)) {
      for (int from = chunk; from < all.size(); from += chunk) {
        List<Paper> part = all.subList(from, Math.min(all.size(), from + chunk));
        helpers.add(
            pool.submit(
                () -> {
                  add(part);
                  return null;
                }));
      }
      add(all.subList(0, chunk));
      for (Future<?> helper : helpers) {
        helper.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /**
   * Adds one record of a catalogue shard (an index of one source, opened later with others by
   * {@link #openReadOnly(Path, List, List)}). Thread-safe: several threads may add at once.
   */
  public void add(ShardEntry entry) throws IOException {
    writer().addDocument(PaperDocuments.toDocument(entry));
  }

  /** Replaces the shard record at the same position (see {@link ShardEntry#ordinal()}). */
  public void replace(ShardEntry entry) throws IOException {
    writer()
        .updateDocument(
            new Term(Fields.SHARD_ID, Long.toString(entry.ordinal())),
            PaperDocuments.toDocument(entry));
  }

  private void add(Collection<Paper> papers) throws IOException {
    for (Paper paper : papers) {
      String source = paper.origin() == null ? null : paper.origin().source();
      writer().addDocument(PaperDocuments.toDocument(paper, source));
    }
  }

  /**
   * Atomically replaces every paper filed under {@code source} by {@code papers}, which are filed
   * under {@code source} whatever their origin says: a search sees either the old papers or the new
   * ones, never both or neither. An empty collection deletes the source.
   */
  public void replaceSource(String source, Collection<Paper> papers) throws IOException {
    Term term = new Term(Fields.SOURCE, source);
    if (papers.isEmpty()) {
      writer().deleteDocuments(term);
      return;
    }
    List<Document> docs = new ArrayList<>(papers.size());
    for (Paper paper : papers) {
      docs.add(PaperDocuments.toDocument(paper, source));
    }
    writer().updateDocuments(term, docs);
  }

  /** Deletes everything (before a rebuild). */
  public void clear() throws IOException {
    writer().deleteAll();
  }

  /**
   * Commits every write so far durably, with {@code userData} (e.g. source fingerprints) as the
   * commit's user data, replacing that of the previous commit.
   */
  public synchronized void commit(Map<String, String> userData) throws IOException {
    Map<String, String> data = new HashMap<>(userData);
    if (data.containsKey(SCHEMA_KEY)) {
      throw new IllegalArgumentException(SCHEMA_KEY + " is reserved");
    }
    Map<String, String> visible = Map.copyOf(data);
    data.put(SCHEMA_KEY, SCHEMA_VERSION);
    writer().setLiveCommitData(data.entrySet());
    writer().commit();
    commitData = visible;
  }

  /** The user data of the last commit (empty for a new index). */
  public Map<String, String> commitData() {
    return commitData;
  }

  /** Makes all writes so far visible to searches. Never called from a completion request. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /**
   * Ranked search-as-you-type, best first (see {@link TypedQuery} for what matches and how it is
   * ranked). Papers that match every typed word come first; when there are fewer than {@code limit}
   * of them, papers that match every word with a family name misspelt follow, then papers that
   * match some words, each tier with scores below the last of the tier above, so that the scores
   * always decrease. A query without a searchable word (empty, only punctuation) finds nothing: the
   * caller decides what an empty prefix shows.
   */
  public List<SearchHit> search(SearchQuery query) throws IOException {
    return rankedSearch(query);
  }

  private List<SearchHit> rankedSearch(SearchQuery query) throws IOException {
    TypedQuery typed = TypedQuery.of(query);
    if (typed == null || query.limit() <= 0) {
      return List.of();
    }
    return budgeted(
        (searcher, budget) -> {
          List<ScoreDoc> ranked = ranked(searcher, budget, typed, query.limit());
          StoredFields stored = searcher.storedFields();
          List<SearchHit> hits = new ArrayList<>(ranked.size());
          for (ScoreDoc d : ranked) {
            hits.add(new SearchHit(PaperDocuments.paper(stored, d.doc), d.score));
          }
          return hits;
        });
  }

  /**
   * The ranking of {@link #search(SearchQuery)}, as keys read from doc values: no stored paper is
   * decompressed or decoded, so it costs a fraction of a search for a caller that holds the papers
   * by key (a project's own entries).
   */
  public List<KeyHit> searchKeys(SearchQuery query) throws IOException {
    TypedQuery typed = TypedQuery.of(query);
    if (typed == null || query.limit() <= 0) {
      return List.of();
    }
    return budgeted(
        (searcher, budget) -> keys(searcher, ranked(searcher, budget, typed, query.limit())));
  }

  private static List<ScoreDoc> ranked(
      IndexSearcher searcher, ScoringBudget budget, TypedQuery typed, int asked)
      throws IOException {
    int limit = Math.min(asked, MAX_LIMIT);
    List<ScoreDoc> ranked = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Query tier : typed.tiers()) {
      if (ranked.size() >= limit) {
        break;
      }
      ScoreDoc[] some = top(searcher, tier, budget.top(limit + ranked.size()));
      // a weaker tier is scaled to stay below the last paper of the tiers above
      float scale =
          ranked.isEmpty() || some.length == 0
              ? 1
              : Math.nextDown(ranked.getLast().score) / some[0].score;
      for (int i = 0; i < some.length && ranked.size() < limit; i++) {
        if (seen.add(some[i].doc)) {
          ranked.add(new ScoreDoc(some[i].doc, Math.min(1, scale) * some[i].score));
        }
      }
    }
    return ranked;
  }

  private static List<KeyHit> keys(IndexSearcher searcher, List<ScoreDoc> docs) throws IOException {
    List<KeyHit> hits = new ArrayList<>(docs.size());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc d : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
      SortedDocValues keys = DocValues.getSorted(leaf.reader(), Fields.KEY);
      if (keys.advanceExact(d.doc - leaf.docBase)) {
        hits.add(new KeyHit(keys.lookupOrd(keys.ordValue()).utf8ToString(), d.score));
      }
    }
    return hits;
  }

  /**
   * The papers that the prose of {@code query} is most likely about, best first (BM25, see {@link
   * ContextQuery}), under the same scoring budget as {@link #search(SearchQuery)}. An empty query
   * finds nothing.
   */
  public List<SearchHit> search(ContextQuery query, int limit) throws IOException {
    Query q = query.toQuery();
    if (q == null || limit <= 0) {
      return List.of();
    }
    return budgeted(
        (searcher, budget) -> {
          ScoreDoc[] docs = top(searcher, q, budget.top(Math.min(limit, MAX_LIMIT)));
          StoredFields stored = searcher.storedFields();
          List<SearchHit> hits = new ArrayList<>(docs.length);
          for (ScoreDoc d : docs) {
            hits.add(new SearchHit(PaperDocuments.paper(stored, d.doc), d.score));
          }
          return hits;
        });
  }

  /** A key and its score, from {@link #searchKeys}. */
  public record KeyHit(String key, float score) {}

  /**
   * The keys of the papers that the prose of {@code query} is most likely about, best first. Reads
   * no stored paper, so a long list costs little: for a caller that holds the papers by key.
   */
  public List<KeyHit> searchKeys(ContextQuery query, int limit) throws IOException {
    Query within = query.toQuery();
    if (within == null || limit <= 0) {
      return List.of();
    }
    return budgeted(
        (searcher, budget) -> {
          ScoreDoc[] docs = top(searcher, within, budget.top(Math.min(limit, MAX_LIMIT)));
          return keys(searcher, List.of(docs));
        });
  }

  /** One ranked search, given a searcher of its own that carries the search's deadline. */
  private interface Budgeted<T> {
    List<T> run(IndexSearcher searcher, ScoringBudget budget) throws IOException;
  }

  /**
   * Runs {@code search} under the scoring budget on a searcher of its own (cheap: it wraps the
   * shared reader), noting damage that the reading reveals.
   */
  private <T> List<T> budgeted(Budgeted<T> search) throws IOException {
    return reading(
        () -> {
          IndexSearcher shared = searchers.acquire();
          try {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            ScoringBudget budget = new ScoringBudget(SCORING_BUDGET_NANOS);
            searcher.setTimeout(budget);
            return search.run(searcher, budget);
          } finally {
            searchers.release(shared);
          }
        });
  }

  /** The paper with exactly this key (case-sensitive); the first indexed if several have it. */
  public Optional<Paper> byKey(String key) throws IOException {
    List<Paper> found = find(new TermQuery(new Term(Fields.KEY, key)), 1);
    return found.stream().findFirst();
  }

  /**
   * Papers with this DOI or arXiv id, in index order: case-insensitive, arXiv version suffix
   * ignored, also given as a {@code https://doi.org/}, {@code doi:}, {@code https://arxiv.org/abs/}
   * or {@code arXiv:} form.
   */
  public List<Paper> byIdentifier(String doiOrArxivId) throws IOException {
    Set<String> ids = Identifiers.of(doiOrArxivId);
    if (ids.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    ids.forEach(id -> any.add(new TermQuery(new Term(Fields.IDENTIFIER, id)), Occur.SHOULD));
    return find(any.build(), 100);
  }

  /** Told of each paper by {@link #forEachPaper}. */
  @FunctionalInterface
  public interface PaperVisitor {
    void paper(Paper paper) throws IOException;
  }

  /**
   * Streams every paper visible to searches, in index order, one at a time: for exporting a
   * catalogue (to another backend, or to compare two builds) without holding it.
   */
  public void forEachPaper(PaperVisitor visitor) throws IOException {
    reading(
        () -> {
          IndexSearcher searcher = searchers.acquire();
          try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
              org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
              StoredFields stored = leaf.reader().storedFields();
              for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (live == null || live.get(d)) {
                  visitor.paper(PaperDocuments.paper(stored, d));
                }
              }
            }
            return null;
          } finally {
            searchers.release(searcher);
          }
        });
  }

  /** Number of live papers visible to searches. */
  public int size() throws IOException {
    return reading(this::liveCount);
  }

  private int liveCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /** A read of the index. */
  private interface Read<T> {
    T run() throws IOException;
  }

  /**
   * Runs a read, and remembers a failure that says the index's files are damaged: Lucene finding a
   * bad structure or an early end, or a memory-mapped file that shrank under the reader (the JVM
   * reports that fault as an {@link InternalError}, turned here into an IOException that callers
   * handle like any other).
   */
  private <T> T reading(Read<T> read) throws IOException {
    try {
      return read.run();
    } catch (CorruptIndexException | EOFException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      throw e;
    } catch (InternalError e) {
      failure = "a fault reading a memory-mapped file: " + e.getMessage();
      throw new IOException("the index's files changed under it: " + e.getMessage(), e);
    }
  }

  /**
   * Why a read of this index failed in a way that says its files are damaged, or null: the owner of
   * an on-disk index then rebuilds it (see {@link #damage(Path, boolean)}).
   */
  public String failure() {
    return failure;
  }

  /** Closes the index, discarding uncommitted writes. */
  @Override
  public void close() throws IOException {
    try (directory;
        java.io.Closeable owned = this::closeShards;
        IndexWriter w = writer;
        var s = searchers) {
      // closed in reverse order: searchers, writer (rolling back), shards, directory
    }
  }

  private void closeShards() throws IOException {
    for (java.io.Closeable c : shards.reversed()) {
      c.close();
    }
  }

  private List<Paper> find(Query query, int limit) throws IOException {
    return reading(() -> findInOrder(query, limit));
  }

  private List<Paper> findInOrder(Query query, int limit) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] docs = searcher.search(query, limit, Sort.INDEXORDER).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<Paper> papers = new ArrayList<>(docs.length);
      for (ScoreDoc d : docs) {
        papers.add(PaperDocuments.paper(stored, d.doc));
      }
      return papers;
    } finally {
      searchers.release(searcher);
    }
  }

  private static ScoreDoc[] top(
      IndexSearcher searcher, Query query, CollectorManager<?, TopDocs> collector)
      throws IOException {
    // the collectors count no exact total: block-max scoring skips what cannot reach the top
    return searcher.search(query, collector).scoreDocs;
  }
}
