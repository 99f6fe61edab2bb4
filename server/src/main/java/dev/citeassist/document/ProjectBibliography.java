package dev.citeassist.document;

import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.catalogue.PaperSink;
import dev.citeassist.catalogue.ReadProblem;
import dev.citeassist.catalogue.SamePaper;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    pending.put(file, text == null ? "" : text);
    return CompletableFuture.runAsync(() -> process(file), worker);
  }

  /** Starts indexing the files not known yet, reading their text with {@code reader}. */
  public void track(Collection<Path> bibFiles, java.util.function.Function<Path, String> reader) {
    for (Path f : bibFiles) {
      if (!files.containsKey(f) && !pending.containsKey(f)) {
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

  public boolean isTracked(Path file) {
    return files.containsKey(file);
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
                + Integer.toHexString(ct.text().hashCode())
                + "-"
                + ct.text().length();
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
    } catch (IOException | RuntimeException e) {
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

  record ChunkText(int startLine, String text) {}

  /**
   * A .bib text cut for indexing: its {@code @string} definitions (read before every chunk) and
   * chunks of whole entries in which those definitions are blanked out, line breaks kept.
   */
  record Split(String macros, List<ChunkText> chunks) {}

  private static final Pattern STRING_START = Pattern.compile("(?im)^[ \\t]*@string\\s*[{(]");

  /** Cuts a .bib text into chunks of whole entries, at boundaries chosen by entry content. */
  static Split split(String text) {
    if (text.length() < 4096 || text.toLowerCase(Locale.ROOT).contains("crossref")) {
      return new Split("", List.of(new ChunkText(1, text)));
    }
    StringBuilder macros = new StringBuilder();
    Matcher m = STRING_START.matcher(text);
    char[] masked = null;
    while (m.find()) {
      int end = blockEnd(text, m.end() - 1);
      macros.append(text, m.start(), end).append('\n');
      if (masked == null) {
        masked = text.toCharArray();
      }
      for (int i = m.start(); i < end; i++) {
        if (masked[i] != '\n') {
          masked[i] = ' ';
        }
      }
    }
    return new Split(macros.toString(), chunks(masked == null ? text : new String(masked)));
  }

  /** The offset after the block whose opening brace or parenthesis is at {@code open}. */
  private static int blockEnd(String text, int open) {
    char close = text.charAt(open) == '(' ? ')' : '}';
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(') {
        depth++;
      } else if (c == '}' || c == ')') {
        depth--;
        if (depth == 0) {
          return c == close ? i + 1 : i + 1;
        }
      }
    }
    return text.length();
  }

  private static List<ChunkText> chunks(String text) {
    List<ChunkText> chunks = new ArrayList<>();
    int chunkStart = 0;
    int chunkLine = 1;
    int entryStart = -1;
    int line = 1;
    int lineStartOffset = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      boolean atLineStart = i == lineStartOffset;
      if (atLineStart && i < n && text.charAt(i) == '@') {
        if (entryStart >= 0 && i - chunkStart > 2048 && boundaryAfter(text, entryStart, i)) {
          chunks.add(new ChunkText(chunkLine, text.substring(chunkStart, i)));
          chunkStart = i;
          chunkLine = line;
        }
        entryStart = i;
      }
      if (i < n && text.charAt(i) == '\n') {
        line++;
        lineStartOffset = i + 1;
      }
    }
    chunks.add(new ChunkText(chunkLine, text.substring(chunkStart)));
    return chunks;
  }

  private static boolean boundaryAfter(String text, int entryStart, int entryEnd) {
    int h = 0;
    for (int i = entryStart; i < entryEnd; i++) {
      h = 31 * h + text.charAt(i);
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
