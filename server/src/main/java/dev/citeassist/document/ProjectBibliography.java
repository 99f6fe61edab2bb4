package dev.citeassist.document;

import dev.citeassist.bibtex.BibOutline;
import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SamePaper;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import dev.citeassist.watchdog.Watchdog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entries of the project's {@code .bib} files (the open buffer's text when there is one), each
 * file in a Lucene index of its own for ranked search and in maps for lookups by key.
 *
 * <p>Updates run on one background thread, never on a request: the latest text of a file wins,
 * intermediate versions are skipped. A file is cut into chunks at entry boundaries chosen by the
 * entries' content, each chunk indexed as its own source, so an edit re-reads and re-indexes only
 * the chunk it touches; the entries are those of the one {@link BibOutline} of the text.
 * {@code @string} definitions are read before every chunk; a file using {@code crossref} is read in
 * one piece, since its entries depend on each other. A file's first reading parses its chunks on
 * two threads and makes what is read searchable every {@link #PUBLISH_NANOS}, with its progress
 * (see {@link #progress}); with a cache folder, the finished index is stored there by content
 * ({@link BibCache}) and the next first reading of the same text opens it instead. Lookups read an
 * immutable snapshot per file; thread-safe.
 */
public final class ProjectBibliography implements Closeable {

  private static final Logger LOG = Logger.getLogger(ProjectBibliography.class.getName());

  /** During a first reading, what is read becomes searchable at least this often. */
  static final long PUBLISH_NANOS = 300_000_000;

  /** A chunk's papers, with their same-paper lookup keys computed once per chunk. */
  private record Chunk(
      String source, int startLine, List<Paper> papers, List<List<String>> lookups) {}

  /** Where an entry is: the chunk it was read in (by source name) and its place there. */
  private record Ref(String source, int index) {}

  /**
   * One file's state: its index (null for a file that could not be read), its chunks in order and
   * by source name, where each key and each same-paper lookup key (DOI, arXiv id, normalised title)
   * is found ({@link Lookups}), how much of its first reading is done (100: all), the folder of its
   * index on disk (null: in memory), and how its text was cut (null: unknown).
   */
  private record FileState(
      Path file,
      PaperIndex index,
      List<Chunk> chunks,
      Map<String, Chunk> bySource,
      Lookups lookups,
      int percent,
      Path work,
      java.util.concurrent.atomic.AtomicReference<Set<String>> lowerCaseKeys,
      Named named) {

    FileState(
        Path file,
        PaperIndex index,
        List<Chunk> chunks,
        Lookups lookups,
        int percent,
        Path work,
        Named named) {
      this(
          file,
          index,
          chunks,
          bySource(chunks),
          lookups,
          percent,
          work,
          new java.util.concurrent.atomic.AtomicReference<>(),
          named);
    }

    private static Map<String, Chunk> bySource(List<Chunk> chunks) {
      Map<String, Chunk> map = new HashMap<>(chunks.size() * 2);
      for (Chunk c : chunks) {
        map.put(c.source(), c);
      }
      return map;
    }

    static FileState empty(Path file) {
      return new FileState(file, null, List.of(), new Lookups(), 100, null, null);
    }

    /** The entry a reference points to in this state, or null when its chunk is gone. */
    BibEntry resolve(Ref r) {
      Chunk c = bySource.get(r.source());
      if (c == null || r.index() >= c.papers().size()) {
        return null;
      }
      Paper p = c.papers().get(r.index());
      int line = p.origin() == null ? 0 : c.startLine() + Math.max(1, p.origin().line()) - 1;
      return new BibEntry(p, file, line);
    }

    /** The entry with this key (the first in the file when several have it), or null. */
    BibEntry entry(String key) {
      BibEntry first = null;
      for (Ref r : lookups.byKey.getOrDefault(key, List.of())) {
        BibEntry e = resolve(r);
        if (e != null && (first == null || e.line() < first.line())) {
          first = e;
        }
      }
      return first;
    }

    /** The entries with this same-paper lookup key. */
    List<BibEntry> same(String lookupKey) {
      List<BibEntry> found = new ArrayList<>(1);
      for (Ref r : lookups.byLookup.getOrDefault(lookupKey, List.of())) {
        BibEntry e = resolve(r);
        if (e != null) {
          found.add(e);
        }
      }
      return found;
    }

    /** The number of keys. */
    int size() {
      return lookups.byKey.size();
    }

    /** Its keys in lower case, computed at the first question (a complete state's only). */
    Set<String> lowerCase() {
      Set<String> keys = lowerCaseKeys.get();
      if (keys == null) {
        keys = new java.util.HashSet<>(size() * 2);
        for (String k : lookups.byKey.keySet()) {
          keys.add(k.toLowerCase(Locale.ROOT));
        }
        if (percent < 100) {
          return keys;
        }
        lowerCaseKeys.set(keys);
      }
      return keys;
    }
  }

  private final BibCache cache;
  private final ExecutorService worker;
  // Parses the chunks of a first reading: two cores at most, the requests keep the rest.
  private final Executor readers;
  private final ExecutorService ownReaders;
  private final ConcurrentHashMap<Path, FileState> files = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, String> pending = new ConcurrentHashMap<>();
  // Every file ever scheduled: a file is read from disk once, not on each request while it loads.
  private final Set<Path> requested = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Indexes held in memory, nothing cached (tests, the command line). */
  public ProjectBibliography() {
    this(null);
  }

  /**
   * @param cacheDir the cache folder where each file's index is kept by content (asked at each
   *     first reading); null: indexes in memory, nothing cached
   */
  public ProjectBibliography(java.util.function.Supplier<Path> cacheDir) {
    this(cacheDir, null);
  }

  /**
   * @param readers runs the parsing of a first reading's chunks (tests hold it back to see a
   *     reading half done); null: two threads of its own
   */
  ProjectBibliography(java.util.function.Supplier<Path> cacheDir, Executor readers) {
    this.cache = cacheDir == null ? null : new BibCache(cacheDir);
    this.worker = daemonPool(1, "citeassist-bib");
    this.ownReaders =
        readers != null
            ? null
            : daemonPool(
                Math.min(2, Runtime.getRuntime().availableProcessors()), "citeassist-bib-read");
    this.readers = readers != null ? readers : ownReaders;
  }

  private static ExecutorService daemonPool(int threads, String name) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, threads == 1 ? name : name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          // below the request threads: a completion is never slowed by a file being read
          t.setPriority(Thread.NORM_PRIORITY - 1);
          return t;
        });
  }

  /** How many first readings were served by the cache (for tests and the log). */
  public int cacheHits() {
    return cache == null ? 0 : cache.hits();
  }

  /** How many indexes this instance stored in the cache. */
  public int cacheStores() {
    return cache == null ? 0 : cache.stores();
  }

  /**
   * Schedules (re)indexing {@code file} with {@code text} (null: the file is gone). The future
   * completes once this text, or a newer one, is visible to searches and lookups.
   */
  public CompletableFuture<Void> update(Path file, String text) {
    requested.add(file);
    pending.put(file, text == null ? "" : text);
    return CompletableFuture.runAsync(() -> process(file), worker);
  }

  /** Starts indexing the files not known yet, reading their text with {@code reader}. */
  public void track(Collection<Path> bibFiles, java.util.function.Function<Path, String> reader) {
    for (Path f : bibFiles) {
      if (requested.add(f)) {
        update(f, reader.apply(f));
      }
    }
  }

  /** True while any of these files waits for its first indexing, or is in the middle of it. */
  public boolean loading(Collection<Path> bibFiles) {
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s == null || s.percent() < 100) {
        return true;
      }
    }
    return false;
  }

  /**
   * How much of the first reading of {@code file} is searchable, in percent of its text: 0 before
   * it starts, 100 once done.
   */
  public int progress(Path file) {
    FileState s = files.get(file);
    return s == null ? 0 : s.percent();
  }

  /**
   * Waits at most {@code millis} until none of these files waits for its first indexing.
   *
   * @return true when they are all read
   */
  public boolean awaitRead(Collection<Path> bibFiles, long millis) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    while (loading(bibFiles)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        idle().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        return !loading(bibFiles);
      }
      if (loading(bibFiles) && !requestedAll(bibFiles)) {
        // Nobody scheduled them: waiting would not help.
        return false;
      }
    }
    return true;
  }

  private boolean requestedAll(Collection<Path> bibFiles) {
    for (Path f : bibFiles) {
      if (!requested.contains(f)) {
        return false;
      }
    }
    return true;
  }

  public boolean isTracked(Path file) {
    return requested.contains(file);
  }

  /** Completes after every update scheduled so far. */
  public CompletableFuture<Void> idle() {
    return CompletableFuture.runAsync(() -> {}, worker);
  }

  private void process(Path file) {
    String text = pending.remove(file);
    if (text == null || closed) {
      return;
    }
    // 100k entries take seconds; minutes mean something is stuck, and the watchdog says so.
    try (Watchdog.Task watched =
        Watchdog.global().watch("indexing " + file.getFileName(), Duration.ofMinutes(2))) {
      FileState old = files.get(file);
      if (old == null || old.index() == null) {
        firstReading(file, text, old);
      } else {
        index(file, text, old);
      }
    }
  }

  /** A file's chunks as named for indexing: the names cover the macros each is read with. */
  private record Named(Split split, List<String> sources) {

    static Named of(String text) {
      Split split = ProjectBibliography.split(text);
      // A chunk's name covers the macros it was read with: a changed @string re-reads them all.
      String macroHash = Integer.toHexString(split.macros().hashCode());
      Map<String, Integer> seen = new HashMap<>();
      List<String> sources = new ArrayList<>(split.chunks().size());
      for (ChunkText ct : split.chunks()) {
        String base =
            "#" + macroHash + "-" + Integer.toHexString(ct.hash()) + "-" + (ct.end() - ct.start());
        sources.add(base + "-" + seen.merge(base, 1, Integer::sum));
      }
      return new Named(split, sources);
    }

    /**
     * The cut of {@code text}, an edit of the text {@code before} was cut from: the chunks before
     * and after the edited region are kept (those after it moved by the edit's length and lines),
     * the region between them is cut again. Null when the edit touches {@code @string} or {@code
     * crossref} (the whole text is cut again) or the text is cut in too few chunks to matter.
     */
    static Named edited(Named before, String text) {
      List<ChunkText> cs = before.split().chunks();
      if (cs.size() < 4) {
        return null;
      }
      String old = cs.get(0).full();
      int n = old.length();
      int m = text.length();
      int p = commonPrefix(old, text);
      int q = commonSuffix(old, text, Math.min(n, m) - p);
      // the first chunk that ends at or after the edit, and the first after it that starts
      // past it: the region between them is cut again, and starts and ends at an entry
      int a = 0;
      while (a < cs.size() - 1 && cs.get(a).end() < p) {
        a++;
      }
      int b = cs.size();
      while (b > a + 1 && cs.get(b - 1).start() > n - q) {
        b--;
      }
      int e = cs.get(a).start();
      int oldEnd = b < cs.size() ? cs.get(b).start() : n;
      int delta = m - n;
      int end = oldEnd + delta;
      if (end < e
          || contains(old, e, oldEnd, "@string")
          || contains(text, e, end, "@string")
          || contains(text, e, end, "crossref")) {
        return null;
      }
      int lineDelta = lines(text, e, end) - lines(old, e, oldEnd);
      Split region = ProjectBibliography.split(text.substring(e, end));
      String macroHash = Integer.toHexString(before.split().macros().hashCode());
      Set<String> used = new java.util.HashSet<>(before.sources().subList(0, a));
      used.addAll(before.sources().subList(b, cs.size()));
      List<ChunkText> chunks = new ArrayList<>(a + region.chunks().size() + cs.size() - b);
      List<String> sources = new ArrayList<>(chunks.size());
      for (int i = 0; i < a; i++) {
        ChunkText c = cs.get(i);
        chunks.add(new ChunkText(c.startLine(), c.start(), c.end(), c.hash(), text, c.blanks()));
        sources.add(before.sources().get(i));
      }
      int firstLine = cs.get(a).startLine();
      for (ChunkText c : region.chunks()) {
        chunks.add(
            new ChunkText(
                firstLine + c.startLine() - 1,
                c.start() + e,
                c.end() + e,
                c.hash(),
                text,
                shift(c.blanks(), e)));
        String base =
            "#" + macroHash + "-" + Integer.toHexString(c.hash()) + "-" + (c.end() - c.start());
        int k = 1;
        while (!used.add(base + "-" + k)) {
          k++;
        }
        sources.add(base + "-" + k);
      }
      for (int i = b; i < cs.size(); i++) {
        ChunkText c = cs.get(i);
        chunks.add(
            new ChunkText(
                c.startLine() + lineDelta,
                c.start() + delta,
                c.end() + delta,
                c.hash(),
                text,
                shift(c.blanks(), delta)));
        sources.add(before.sources().get(i));
      }
      return new Named(new Split(before.split().macros(), chunks), sources);
    }

    private static int[] shift(int[] offsets, int by) {
      int[] shifted = new int[offsets.length];
      for (int i = 0; i < offsets.length; i++) {
        shifted[i] = offsets[i] + by;
      }
      return shifted;
    }

    /** How many characters {@code a} and {@code b} have in common at their start. */
    static int commonPrefix(String a, String b) {
      int n = Math.min(a.length(), b.length());
      int i = 0;
      // whole blocks first: regionMatches compares them vectorised
      for (int block = 1 << 14; i + block <= n && a.regionMatches(i, b, i, block); ) {
        i += block;
      }
      while (i < n && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      return i;
    }

    /**
     * How many characters (at most {@code max}) {@code a} and {@code b} have in common at their
     * end.
     */
    static int commonSuffix(String a, String b, int max) {
      int i = 0;
      int n = a.length();
      int m = b.length();
      for (int block = 1 << 14;
          i + block <= max && a.regionMatches(n - i - block, b, m - i - block, block); ) {
        i += block;
      }
      while (i < max && a.charAt(n - i - 1) == b.charAt(m - i - 1)) {
        i++;
      }
      return i;
    }

    private static boolean contains(String text, int from, int to, String word) {
      for (int i = from; i + word.length() <= to; i++) {
        if ((text.charAt(i) | 0x20) == (word.charAt(0) | 0x20)
            && text.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
      return false;
    }

    private static int lines(String text, int from, int to) {
      int n = 0;
      for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
        n++;
      }
      return n;
    }
  }

  /**
   * The first reading of a file: from the cache when it holds this text's index, else parsed on the
   * reader threads and indexed chunk by chunk, published as it goes, then stored in the cache.
   */
  private void firstReading(Path file, String text, FileState failed) {
    long t0 = System.nanoTime();
    Path work = null;
    PaperIndex index = null;
    try {
      String key = cache == null ? null : BibCache.key(text);
      if (cache != null) {
        work = cache.newWork();
        Optional<Path> stored = cache.find(key);
        if (stored.isPresent()) {
          FileState state = fromCache(file, text, key, stored.get(), work);
          if (state != null) {
            files.put(file, state);
            cache.hit();
            LOG.info(
                () ->
                    String.format(
                        "opened %s from the cache: %d entries in %d ms",
                        file.getFileName(), state.size(), (System.nanoTime() - t0) / 1_000_000));
            return;
          }
          BibCache.deleteTree(work);
          work = cache.newWork();
        }
      }
      Named named = Named.of(text);
      index = work == null ? PaperIndex.inMemory() : PaperIndex.openEditable(work);
      PaperIndex target = index;
      List<ChunkText> cts = named.split().chunks();
      String macros = named.split().macros();
      // Each chunk is parsed and indexed on a reader thread (the writer takes documents from
      // several threads at once); this thread publishes them in file order.
      List<CompletableFuture<Chunk>> reads = new ArrayList<>(cts.size());
      for (int i = 0; i < cts.size(); i++) {
        String source = named.sources().get(i);
        ChunkText ct = cts.get(i);
        reads.add(
            CompletableFuture.supplyAsync(
                () -> {
                  Chunk c = chunk(source, ct.startLine(), read(source, macros, ct.text()));
                  try {
                    target.addAll(c.papers());
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  return c;
                },
                readers));
      }
      Lookups lookups = new Lookups();
      List<Chunk> chunks = new ArrayList<>(cts.size());
      long published = System.nanoTime() - PUBLISH_NANOS;
      long doneChars = 0;
      try {
        for (int i = 0; i < cts.size(); i++) {
          if (closed) {
            throw new java.util.concurrent.CancellationException("closed");
          }
          ChunkText ct = cts.get(i);
          Chunk chunk = reads.get(i).join();
          chunks.add(chunk);
          lookups.add(chunk);
          doneChars += ct.end() - ct.start();
          // the first chunk at once (the first screen of a list), then at a steady pace
          if (i + 1 < cts.size() && (i == 0 || System.nanoTime() - published >= PUBLISH_NANOS)) {
            index.refresh();
            int percent = (int) Math.min(99, doneChars * 100 / Math.max(1, text.length()));
            files.put(
                file,
                new FileState(file, index, List.copyOf(chunks), lookups, percent, work, null));
            published = System.nanoTime();
          }
        }
      } finally {
        reads.forEach(r -> r.cancel(false));
      }
      index.refresh();
      FileState done = new FileState(file, index, List.copyOf(chunks), lookups, 100, work, named);
      files.put(file, done);
      LOG.info(
          () ->
              String.format(
                  "indexed %s: %d entries in %d ms",
                  file.getFileName(), done.size(), (System.nanoTime() - t0) / 1_000_000));
      if (cache != null) {
        store(index, key, countPapers(chunks));
      }
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One file that cannot be indexed (even one too deep or too large for the heap) keeps no
      // state but an empty one, and the other files theirs; the worker thread goes on.
      if (!closed) {
        LOG.log(Level.WARNING, "could not index " + file, e);
      }
      FileState current = files.get(file);
      if (current == null || current.index() != index) {
        closeQuietly(index, work);
      }
      files.put(
          file,
          current != null && current.index() == index ? done(current) : FileState.empty(file));
    }
  }

  /** A state that was being published when its reading failed, marked done (no more is coming). */
  private static FileState done(FileState s) {
    return new FileState(s.file(), s.index(), s.chunks(), s.lookups(), 100, s.work(), null);
  }

  private static int countPapers(List<Chunk> chunks) {
    int n = 0;
    for (Chunk c : chunks) {
      n += c.papers().size();
    }
    return n;
  }

  /** Stores the index of a text in the cache; a failure costs only the next opening's time. */
  private void store(PaperIndex index, String key, int papers) {
    try {
      index.snapshot(
          cache.path(key), Map.of(BibCache.KEY, key, BibCache.PAPERS, Integer.toString(papers)));
      cache.stored();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not store the index of a .bib in the cache", e);
    }
  }

  /**
   * The state of a file whose text's index is in the cache, or null when that entry does not hold
   * exactly the chunks of this text (it is then deleted). The index is searchable at once: until
   * the lookups are built from its stored papers, a search reads its hits' papers from the index.
   */
  private FileState fromCache(Path file, String text, String key, Path stored, Path work) {
    PaperIndex index = null;
    FileState interim = null;
    try {
      index = PaperIndex.openFrom(stored, work);
      Map<String, String> data = index.commitData();
      if (!key.equals(data.get(BibCache.KEY))
          || !Integer.toString(index.size()).equals(data.get(BibCache.PAPERS))) {
        throw new IOException("its commit does not describe this text");
      }
      interim = new FileState(file, index, List.of(), new Lookups(), 99, work, null);
      files.put(file, interim);
      Named named = Named.of(text);
      List<Paper> papers = index.papers();
      Map<String, List<Paper>> bySource = new HashMap<>();
      for (Paper p : papers) {
        String source = p.origin() == null ? "" : p.origin().source();
        bySource.computeIfAbsent(source, x -> new ArrayList<>()).add(p);
      }
      List<Chunk> chunks = new ArrayList<>(named.sources().size());
      int used = 0;
      for (int i = 0; i < named.sources().size(); i++) {
        List<Paper> in = bySource.getOrDefault(named.sources().get(i), List.of());
        // in file order within the chunk (a batch may be stored out of order)
        in.sort(Comparator.comparingInt(p -> p.origin().line()));
        used += in.size();
        chunks.add(chunk(named.sources().get(i), named.split().chunks().get(i).startLine(), in));
      }
      if (used != papers.size()) {
        throw new IOException("it holds papers of chunks this text does not have");
      }
      return new FileState(file, index, chunks, new Lookups().addAll(chunks), 100, work, named);
    } catch (IOException | RuntimeException e) {
      if (interim != null) {
        files.remove(file, interim);
      }
      closeQuietly(index, null);
      cache.discard(key, e.getMessage());
      return null;
    }
  }

  private static Chunk chunk(String source, int startLine, List<Paper> papers) {
    List<List<String>> lookups = new ArrayList<>(papers.size());
    for (Paper p : papers) {
      lookups.add(lookupKeys(p));
    }
    return new Chunk(source, startLine, papers, lookups);
  }

  /**
   * Where each key and same-paper lookup key of a file is found, as references into its chunks: a
   * file's successive states share one, which the worker thread updates in place by the chunks an
   * edit removed and added (no rebuild of 100,000 entries for one edit). A reader resolves the
   * references against the chunks of the state it holds, so one that a newer state added or removed
   * is simply not found there.
   */
  private static final class Lookups {
    final Map<String, List<Ref>> byKey = new ConcurrentHashMap<>();
    final Map<String, List<Ref>> byLookup = new ConcurrentHashMap<>();

    Lookups addAll(List<Chunk> chunks) {
      chunks.forEach(this::add);
      return this;
    }

    void add(Chunk c) {
      for (int i = 0; i < c.papers().size(); i++) {
        Ref ref = new Ref(c.source(), i);
        byKey.merge(c.papers().get(i).key(), List.of(ref), Lookups::concat);
        for (String k : c.lookups().get(i)) {
          byLookup.merge(k, List.of(ref), Lookups::concat);
        }
      }
    }

    void remove(Chunk c) {
      for (int i = 0; i < c.papers().size(); i++) {
        Ref ref = new Ref(c.source(), i);
        byKey.computeIfPresent(c.papers().get(i).key(), (k, refs) -> without(refs, ref));
        for (String k : c.lookups().get(i)) {
          byLookup.computeIfPresent(k, (x, refs) -> without(refs, ref));
        }
      }
    }

    private static List<Ref> concat(List<Ref> a, List<Ref> b) {
      List<Ref> all = new ArrayList<>(a.size() + b.size());
      all.addAll(a);
      all.addAll(b);
      return List.copyOf(all);
    }

    private static List<Ref> without(List<Ref> refs, Ref ref) {
      if (refs.size() == 1) {
        return refs.get(0).equals(ref) ? null : refs;
      }
      List<Ref> left = new ArrayList<>(refs);
      left.remove(ref);
      return left.isEmpty() ? null : List.copyOf(left);
    }
  }

  /** Re-indexes the chunks of a file's new text that its last text did not have. */
  private void index(Path file, String text, FileState old) {
    long t0 = System.nanoTime();
    PaperIndex index = old.index();
    try {
      Map<String, Chunk> oldChunks = new HashMap<>();
      for (Chunk c : old.chunks()) {
        oldChunks.put(c.source(), c);
      }
      Named named = old.named() == null ? null : Named.edited(old.named(), text);
      if (named == null) {
        named = Named.of(text);
      }
      long tSplit = System.nanoTime();
      Split split = named.split();
      List<String> sources = named.sources();
      String macros = split.macros();
      List<Integer> toRead = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        if (!oldChunks.containsKey(sources.get(i))) {
          toRead.add(i);
        }
      }
      Map<Integer, CompletableFuture<List<Paper>>> read = new HashMap<>();
      for (int i : toRead) {
        String source = sources.get(i);
        ChunkText ct = split.chunks().get(i);
        read.put(
            i,
            toRead.size() > 8
                ? CompletableFuture.supplyAsync(() -> read(source, macros, ct.text()), readers)
                : CompletableFuture.completedFuture(read(source, macros, ct.text())));
      }
      List<Chunk> chunks = new ArrayList<>(split.chunks().size());
      Map<String, List<Paper>> replaced = new LinkedHashMap<>();
      for (int i = 0; i < split.chunks().size(); i++) {
        ChunkText ct = split.chunks().get(i);
        String source = sources.get(i);
        Chunk existing = oldChunks.remove(source);
        if (existing != null) {
          chunks.add(new Chunk(source, ct.startLine(), existing.papers(), existing.lookups()));
        } else {
          Chunk c = chunk(source, ct.startLine(), read.get(i).join());
          chunks.add(c);
          replaced.put(source, c.papers());
        }
      }
      for (String gone : oldChunks.keySet()) {
        index.replaceSource(gone, List.of());
      }
      for (Map.Entry<String, List<Paper>> e : replaced.entrySet()) {
        index.replaceSource(e.getKey(), e.getValue());
      }
      long tRead = System.nanoTime();
      index.refresh();
      long tRefresh = System.nanoTime();
      // the lookups are shared with the old state and updated in place: only the chunks the edit
      // removed and added
      Lookups lookups = old.lookups();
      for (Chunk gone : oldChunks.values()) {
        lookups.remove(gone);
      }
      for (Chunk c : chunks) {
        if (replaced.containsKey(c.source())) {
          lookups.add(c);
        }
      }
      FileState state = new FileState(file, index, chunks, lookups, 100, old.work(), named);
      files.put(file, state);
      long tMaps = System.nanoTime();
      int readCount = toRead.size();
      LOG.log(
          Level.FINE,
          () ->
              String.format(
                  "indexed %s: %d entries in %d ms (%d of %d chunks read; cut %d, read and"
                      + " indexed %d, refreshed %d, lookups %d ms)",
                  file.getFileName(),
                  state.size(),
                  (tMaps - t0) / 1_000_000,
                  readCount,
                  chunks.size(),
                  (tSplit - t0) / 1_000_000,
                  (tRead - tSplit) / 1_000_000,
                  (tRefresh - tRead) / 1_000_000,
                  (tMaps - tRefresh) / 1_000_000));
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The file keeps its last state; the worker thread goes on.
      LOG.log(Level.WARNING, "could not index " + file, e);
    }
  }

  private static void closeQuietly(PaperIndex index, Path work) {
    if (index != null) {
      try {
        index.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "closing a .bib index failed", e);
      }
    }
    BibCache.deleteTree(work);
  }

  /**
   * Reads a chunk with the file's {@code @string} definitions before it; lines stay the chunk's.
   */
  private static List<Paper> read(String source, String macros, String chunk) {
    if (macros.isEmpty()) {
      return read(source, chunk);
    }
    int shift = (int) macros.chars().filter(c -> c == '\n').count() + 1;
    List<Paper> papers = new ArrayList<>();
    for (Paper p : read(source, macros + "\n" + chunk)) {
      Origin o = p.origin();
      papers.add(
          o == null
              ? p
              : p.toBuilder()
                  .origin(new Origin(o.source(), Math.max(1, o.line() - shift), o.format()))
                  .build());
    }
    return papers;
  }

  private static List<Paper> read(String source, String text) {
    List<Paper> papers = new ArrayList<>();
    new BibtexReader()
        .read(
            source,
            text,
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                if (paper.key() != null && !paper.key().isBlank()) {
                  papers.add(paper);
                }
              }

              @Override
              public void problem(ReadProblem problem) {
                // Unfinished entries are normal while the user types.
              }
            });
    return papers;
  }

  /**
   * A chunk of a .bib text: its first line (1-based), its offsets, and a hash of its text (with any
   * {@code @string} blocks blanked), computed without copying the text.
   */
  record ChunkText(int startLine, int start, int end, int hash, String full, int[] blanks) {

    /** The chunk's text, {@code @string} blocks replaced by spaces (line breaks kept). */
    String text() {
      String t = full.substring(start, end);
      if (blanks.length == 0) {
        return t;
      }
      char[] c = t.toCharArray();
      for (int b = 0; b < blanks.length; b += 2) {
        for (int i = Math.max(blanks[b], start); i < Math.min(blanks[b + 1], end); i++) {
          if (c[i - start] != '\n') {
            c[i - start] = ' ';
          }
        }
      }
      return new String(c);
    }
  }

  /**
   * A .bib text cut for indexing: its {@code @string} definitions (read before every chunk) and
   * chunks of whole entries in which those definitions are blanked out.
   */
  record Split(String macros, List<ChunkText> chunks) {}

  /**
   * Cuts a .bib text into chunks of whole entries, as the one {@link BibOutline} of the text finds
   * them, at boundaries chosen by the entries' first line (an entry that starts a line), so an edit
   * moves no boundary but its own. {@code @string} definitions are collected and blanked; a text
   * with an entry that has a {@code crossref} is one chunk.
   */
  static Split split(String text) {
    int n = text.length();
    if (n < 4096) {
      return whole(text);
    }
    StringBuilder macros = new StringBuilder();
    List<int[]> blanks = new ArrayList<>();
    List<ChunkText> chunks = new ArrayList<>();
    int chunkStart = 0;
    int chunkLine = 1;
    int blankFrom = 0;
    for (BibOutline.Entry e : BibOutline.of(text).entries()) {
      if (e.field("crossref").isPresent()) {
        // Entries that inherit fields from others are read in one piece.
        return whole(text);
      }
      if (e.type().equals("string")) {
        macros.append(text, e.start(), e.end()).append('\n');
        blanks.add(new int[] {e.start(), e.end()});
      } else if (e.start() - chunkStart > 2048
          && (e.start() == 0 || text.charAt(e.start() - 1) == '\n')
          && boundaryBefore(text, e.start())) {
        chunks.add(chunk(text, chunkStart, e.start(), chunkLine, blanks, blankFrom));
        blankFrom = blanks.size();
        chunkStart = e.start();
        chunkLine = e.line();
      }
    }
    chunks.add(chunk(text, chunkStart, n, chunkLine, blanks, blankFrom));
    return new Split(macros.toString(), chunks);
  }

  private static Split whole(String text) {
    return new Split(
        "", List.of(new ChunkText(1, 0, text.length(), text.hashCode(), text, new int[0])));
  }

  private static ChunkText chunk(
      String text, int start, int end, int line, List<int[]> blanks, int blankFrom) {
    int[] b = new int[(blanks.size() - blankFrom) * 2];
    for (int i = blankFrom; i < blanks.size(); i++) {
      b[(i - blankFrom) * 2] = blanks.get(i)[0];
      b[(i - blankFrom) * 2 + 1] = blanks.get(i)[1];
    }
    // A copy, but String.hashCode is vectorised: faster than hashing char by char.
    return new ChunkText(line, start, end, text.substring(start, end).hashCode(), text, b);
  }

  /**
   * Whether a chunk boundary goes before the entry at {@code entryStart}: its first line decides.
   */
  private static boolean boundaryBefore(String text, int entryStart) {
    int h = 0;
    int end = Math.min(text.length(), entryStart + 64);
    for (int i = entryStart; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        break;
      }
      h = 31 * h + c;
    }
    // Mix, so that the low bits depend on every character.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return (h & 15) == 0;
  }

  /**
   * Ranked search of the entries of {@code bibFiles}, best first. The index gives keys only; the
   * papers come from the file's lookups, so no stored paper is read.
   */
  public List<SearchHit> search(String text, int limit, Set<Path> bibFiles) throws IOException {
    List<SearchHit> hits = new ArrayList<>();
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s == null || s.index() == null) {
        continue;
      }
      for (PaperIndex.KeyHit h : s.index().searchKeys(SearchQuery.of(text, limit))) {
        BibEntry e = s.entry(h.key());
        if (e != null) {
          hits.add(new SearchHit(e.paper(), h.score()));
        } else if (s.chunks().isEmpty() && s.percent() < 100) {
          // opened from the cache, lookups not built yet
          Optional<Paper> p = s.index().byKey(h.key());
          if (p.isPresent()) {
            hits.add(new SearchHit(p.get(), h.score()));
          }
        }
      }
    }
    return best(hits, limit, bibFiles.size(), SearchHit::score);
  }

  /** The first {@code limit} of hits gathered from {@code files} indexes, best first. */
  private static <T> List<T> best(
      List<T> hits, int limit, int files, java.util.function.ToDoubleFunction<T> score) {
    if (files > 1) {
      hits.sort(Comparator.comparingDouble(score).reversed());
    }
    return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
  }

  /**
   * The keys of the entries of {@code bibFiles} that the prose of {@code query} is about, best
   * first (look the entries up with {@link #entry}).
   */
  public List<PaperIndex.KeyHit> search(ContextQuery query, int limit, Set<Path> bibFiles)
      throws IOException {
    List<PaperIndex.KeyHit> hits = new ArrayList<>();
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s != null && s.index() != null) {
        for (PaperIndex.KeyHit h : s.index().searchKeys(query, limit)) {
          if (s.lookups().byKey.containsKey(h.key())) {
            hits.add(h);
          }
        }
      }
    }
    return best(hits, limit, bibFiles.size(), PaperIndex.KeyHit::score);
  }

  /** The entry with this key in the first of {@code bibFiles} that has it. */
  public Optional<BibEntry> entry(String key, Collection<Path> bibFiles) {
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s != null) {
        BibEntry e = s.entry(key);
        if (e != null) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an entry of these files has this key in any case (as BibTeX finds keys). */
  public boolean hasKeyIgnoringCase(String key, Collection<Path> bibFiles) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s != null && (s.lookups().byKey.containsKey(key) || s.lowerCase().contains(lower))) {
        return true;
      }
    }
    return false;
  }

  /** Every entry of these files, in file order. */
  public List<BibEntry> entries(Collection<Path> bibFiles) {
    List<BibEntry> all = new ArrayList<>();
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s == null) {
        continue;
      }
      for (Chunk c : s.chunks()) {
        for (Paper p : c.papers()) {
          BibEntry e = s.entry(p.key());
          // the first entry of a key, once
          if (e != null && e.paper() == p) {
            all.add(e);
          }
        }
      }
    }
    return all;
  }

  /** The number of entries in these files. */
  public int count(Collection<Path> bibFiles) {
    int n = 0;
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      n += s == null ? 0 : s.size();
    }
    return n;
  }

  /** An entry of these files that is the same paper as {@code paper} (by DOI, arXiv id, title). */
  public Optional<BibEntry> samePaper(Paper paper, Collection<Path> bibFiles) {
    List<String> keys = lookupKeys(paper);
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s == null) {
        continue;
      }
      for (String k : keys) {
        for (BibEntry e : s.same(k)) {
          if (SamePaper.test(paper, e.paper())) {
            return Optional.of(e);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> lookupKeys(Paper p) {
    List<String> keys = new ArrayList<>(3);
    if (p.doi() != null) {
      keys.add("doi:" + p.doi().toLowerCase(Locale.ROOT));
    }
    if (p.arxivId() != null) {
      keys.add("arxiv:" + p.arxivId().toLowerCase(Locale.ROOT).replaceFirst("v\\d+$", ""));
    }
    String t = normalTitle(p.title());
    if (!t.isEmpty()) {
      keys.add("title:" + t);
    }
    return keys;
  }

  private static String normalTitle(String title) {
    if (title == null) {
      return "";
    }
    return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    worker.shutdown();
    try {
      // a first reading stops at its next chunk; an index is never closed under its writer
      if (!worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownReaders != null) {
      ownReaders.shutdownNow();
    }
    for (FileState s : files.values()) {
      closeQuietly(s.index(), s.work());
    }
    files.clear();
  }
}
