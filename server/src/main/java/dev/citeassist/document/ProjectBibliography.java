package dev.citeassist.document;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entries of the project's {@code .bib} files (the open buffer's text when there is one), in an
 * in-memory {@link PaperIndex} for ranked search and in maps for lookups by key.
 *
 * <p>Updates run on one background thread, never on a request: the latest text of a file wins,
 * intermediate versions are skipped. A file is cut into chunks at entry boundaries chosen by the
 * entries' content, each chunk indexed as its own source, so an edit re-reads and re-indexes only
 * the chunk it touches. Files using {@code @string} or {@code crossref} are read in one piece,
 * since their entries depend on each other. Lookups read an immutable snapshot per file;
 * thread-safe.
 */
public final class ProjectBibliography implements Closeable {

  private static final Logger LOG = Logger.getLogger(ProjectBibliography.class.getName());

  /** A chunk's papers, with their same-paper lookup keys computed once per chunk. */
  private record Chunk(
      String source, int startLine, List<Paper> papers, List<List<String>> lookups) {}

  /**
   * One file's state: its chunks in order, its entries by key (the first of a key wins) and by
   * same-paper lookup key (DOI, arXiv id, normalised title).
   */
  private record FileState(
      List<Chunk> chunks, Map<String, BibEntry> byKey, Map<String, List<BibEntry>> byLookup) {}

  // Created on the worker thread at the first update, so that starting the server loads no
  // Lucene class before `initialize` is answered.
  private volatile PaperIndex index;
  private final ExecutorService worker;
  private final ConcurrentHashMap<Path, FileState> files = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, String> pending = new ConcurrentHashMap<>();
  // Every file ever scheduled: a file is read from disk once, not on each request while it loads.
  private final Set<Path> requested = ConcurrentHashMap.newKeySet();

  public ProjectBibliography() {
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "citeassist-bib");
              t.setDaemon(true);
              return t;
            });
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

  /** True while any of these files waits for its first indexing. */
  public boolean loading(Collection<Path> bibFiles) {
    for (Path f : bibFiles) {
      if (!files.containsKey(f)) {
        return true;
      }
    }
    return false;
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
    if (text == null) {
      return;
    }
    // 100k entries take seconds; minutes mean something is stuck, and the watchdog says so.
    try (Watchdog.Task watched =
        Watchdog.global().watch("indexing " + file.getFileName(), Duration.ofMinutes(2))) {
      index(file, text);
    }
  }

  private void index(Path file, String text) {
    long t0 = System.nanoTime();
    try {
      if (index == null) {
        index = PaperIndex.inMemory();
      }
      FileState old = files.get(file);
      Map<String, Chunk> oldChunks = new HashMap<>();
      if (old != null) {
        for (Chunk c : old.chunks()) {
          oldChunks.put(c.source(), c);
        }
      }
      List<Chunk> chunks = new ArrayList<>();
      List<Paper> added = new ArrayList<>();
      Map<String, List<Paper>> replaced = new LinkedHashMap<>();
      Map<String, Integer> seen = new HashMap<>();
      Split split = split(text);
      String macros = split.macros();
      // A chunk's name covers the macros it was read with: a changed @string re-reads them all.
      String macroHash = Integer.toHexString(macros.hashCode());
      List<String> sources = new ArrayList<>();
      List<Integer> toRead = new ArrayList<>();
      for (ChunkText ct : split.chunks()) {
        String base =
            file
                + "#"
                + macroHash
                + "-"
                + Integer.toHexString(ct.hash())
                + "-"
                + (ct.end() - ct.start());
        String source = base + "-" + seen.merge(base, 1, Integer::sum);
        sources.add(source);
        if (!oldChunks.containsKey(source)) {
          toRead.add(sources.size() - 1);
        }
      }
      // Reading is the slow part of a first load: the chunks are read on every core.
      Map<Integer, List<Paper>> read =
          (toRead.size() > 8 ? toRead.parallelStream() : toRead.stream())
              .collect(
                  java.util.stream.Collectors.toConcurrentMap(
                      i -> i, i -> read(sources.get(i), macros, split.chunks().get(i).text())));
      for (int i = 0; i < split.chunks().size(); i++) {
        ChunkText ct = split.chunks().get(i);
        String source = sources.get(i);
        Chunk existing = oldChunks.remove(source);
        if (existing != null) {
          chunks.add(new Chunk(source, ct.startLine(), existing.papers(), existing.lookups()));
        } else {
          List<Paper> papers = read.get(i);
          List<List<String>> lookups = new ArrayList<>(papers.size());
          for (Paper p : papers) {
            lookups.add(lookupKeys(p));
          }
          chunks.add(new Chunk(source, ct.startLine(), papers, lookups));
          if (old == null) {
            added.addAll(papers);
          } else {
            replaced.put(source, papers);
          }
        }
      }
      if (!added.isEmpty()) {
        index.addAll(added);
      }
      for (String gone : oldChunks.keySet()) {
        index.replaceSource(gone, List.of());
      }
      for (Map.Entry<String, List<Paper>> e : replaced.entrySet()) {
        index.replaceSource(e.getKey(), e.getValue());
      }
      index.refresh();
      Map<String, BibEntry> byKey = new LinkedHashMap<>();
      Map<String, List<BibEntry>> byLookup = new HashMap<>();
      for (Chunk c : chunks) {
        for (int i = 0; i < c.papers().size(); i++) {
          Paper p = c.papers().get(i);
          int line = p.origin() == null ? 0 : c.startLine() + Math.max(1, p.origin().line()) - 1;
          BibEntry e = new BibEntry(p, file, line);
          byKey.putIfAbsent(p.key(), e);
          for (String k : c.lookups().get(i)) {
            byLookup.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e);
          }
        }
      }
      files.put(file, new FileState(chunks, byKey, byLookup));
      int readCount = toRead.size();
      LOG.log(
          old == null ? Level.INFO : Level.FINE,
          () ->
              String.format(
                  "indexed %s: %d entries in %d ms (%d of %d chunks read)",
                  file.getFileName(),
                  byKey.size(),
                  (System.nanoTime() - t0) / 1_000_000,
                  readCount,
                  chunks.size()));
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One file that cannot be indexed (even one too deep or too large for the heap) keeps its
      // last state, or none, and the other files theirs; the worker thread goes on.
      LOG.log(Level.WARNING, "could not index " + file, e);
      files.putIfAbsent(file, new FileState(List.of(), Map.of(), Map.of()));
    }
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
   * Cuts a .bib text into chunks of whole entries (an entry starts with {@code @} at the start of a
   * line), at boundaries chosen by the entries' first line, so an edit moves no boundary but its
   * own. One pass over the lines; no copy of the text.
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
    int line = 1;
    int lineStart = 0;
    int blankFrom = 0;
    while (lineStart < n) {
      int first = lineStart;
      while (first < n && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
        first++;
      }
      if (first < n
          && (text.charAt(first) | 0x20) == 'c'
          && text.regionMatches(true, first, "crossref", 0, 8)) {
        // Entries that inherit fields from others are read in one piece.
        return whole(text);
      }
      if (text.charAt(lineStart) == '@') {
        if (text.regionMatches(true, lineStart, "@string", 0, 7)) {
          int open = lineStart + 7;
          while (open < n && Character.isWhitespace(text.charAt(open))) {
            open++;
          }
          int end = blockEnd(text, open);
          macros.append(text, lineStart, end).append('\n');
          blanks.add(new int[] {lineStart, end});
        } else if (lineStart - chunkStart > 2048 && boundaryBefore(text, lineStart)) {
          chunks.add(chunk(text, chunkStart, lineStart, chunkLine, blanks, blankFrom));
          blankFrom = blanks.size();
          chunkStart = lineStart;
          chunkLine = line;
        }
      }
      int eol = text.indexOf('\n', lineStart);
      if (eol < 0) {
        break;
      }
      line++;
      lineStart = eol + 1;
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

  /** The offset after the block whose opening brace or parenthesis is at {@code open}. */
  private static int blockEnd(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(') {
        depth++;
      } else if (c == '}' || c == ')') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return text.length();
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

  /** Ranked search restricted to {@code bibFiles}. */
  public List<SearchHit> search(String text, int limit, Set<Path> bibFiles) throws IOException {
    PaperIndex current = index;
    if (current == null) {
      return List.of();
    }
    List<SearchHit> hits = current.search(SearchQuery.of(text, limit));
    List<SearchHit> kept = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      Origin o = h.paper().origin();
      if (o != null && bibFiles.contains(fileOf(o.source()))) {
        kept.add(h);
      }
    }
    return kept;
  }

  /**
   * The keys of the entries of {@code bibFiles} that the prose of {@code query} is about, best
   * first (look the entries up with {@link #entry}).
   */
  public List<PaperIndex.KeyHit> search(ContextQuery query, int limit, Set<Path> bibFiles)
      throws IOException {
    PaperIndex current = index;
    if (current == null) {
      return List.of();
    }
    // The index holds every project's files: other projects' keys are dropped, and the search
    // asked again for more when that left the list short (no filter query: it would cost more
    // than the search when the index holds only this project, the usual case).
    for (int asked = limit; ; asked *= 4) {
      List<PaperIndex.KeyHit> hits = current.searchKeys(query, asked);
      List<PaperIndex.KeyHit> kept = new ArrayList<>(Math.min(limit, hits.size()));
      for (PaperIndex.KeyHit h : hits) {
        if (kept.size() < limit && entry(h.key(), bibFiles).isPresent()) {
          kept.add(h);
        }
      }
      if (kept.size() >= limit || hits.size() < asked || asked >= 4096) {
        return kept;
      }
    }
  }

  private static Path fileOf(String source) {
    int hash = source.lastIndexOf('#');
    return Path.of(hash < 0 ? source : source.substring(0, hash));
  }

  /** The entry with this key in the first of {@code bibFiles} that has it. */
  public Optional<BibEntry> entry(String key, Collection<Path> bibFiles) {
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s != null) {
        BibEntry e = s.byKey().get(key);
        if (e != null) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /** Every entry of these files, in file order. */
  public List<BibEntry> entries(Collection<Path> bibFiles) {
    List<BibEntry> all = new ArrayList<>();
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      if (s != null) {
        all.addAll(s.byKey().values());
      }
    }
    return all;
  }

  /** The number of entries in these files. */
  public int count(Collection<Path> bibFiles) {
    int n = 0;
    for (Path f : bibFiles) {
      FileState s = files.get(f);
      n += s == null ? 0 : s.byKey().size();
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
        for (BibEntry e : s.byLookup().getOrDefault(k, List.of())) {
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
    worker.shutdownNow();
    PaperIndex current = index;
    if (current != null) {
      current.close();
    }
  }
}
