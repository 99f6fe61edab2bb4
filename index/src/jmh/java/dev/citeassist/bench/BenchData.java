package dev.citeassist.bench;

import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.PaperIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The benchmarks' data, cached on disk between runs under {@code citeassist.bench.dir} (default
 * {@code target/bench-data}): generated snapshots {@code arxiv-v<generator version>-<records>-<seed>.jsonl}
 * and built indexes {@code index-v<version>-<records>-<seed>/}, rebuilt only when missing or
 * incomplete.
 */
final class BenchData {

  static final long SEED = 42;
  static final int BATCH = 10_000;
  private static final String RECORDS = "bench.records";

  private BenchData() {}

  static Path dir() throws IOException {
    Path dir = Path.of(System.getProperty("citeassist.bench.dir", "target/bench-data"));
    Files.createDirectories(dir);
    return dir;
  }

  /** The generated snapshot of {@code records} records, written on first use. */
  static Path snapshot(int records, long seed) throws IOException {
    Path file = dir().resolve(name("arxiv", records, seed) + ".jsonl");
    if (!Files.exists(file)) {
      Path partial = dir().resolve(file.getFileName() + ".partial");
      ArxivSnapshotGenerator.write(records, seed, partial);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** Cached data is named by the generator's version too, so that a new generator regenerates. */
  private static String name(String kind, int records, long seed) {
    return kind + "-v" + ArxivSnapshotGenerator.VERSION + "-" + records + "-" + seed;
  }

  /** A fresh, empty directory for an index. */
  static Path emptyDir(String name) throws IOException {
    Path dir = dir().resolve(name);
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The index of the generated snapshot, built on first use, opened and refreshed. */
  static PaperIndex index(int records, long seed) throws IOException {
    Path dir = dir().resolve(name("index", records, seed));
    Files.createDirectories(dir);
    PaperIndex index = PaperIndex.open(dir);
    if (!String.valueOf(records).equals(index.commitData().get(RECORDS))) {
      index.clear();
      int indexed = readInto(snapshot(records, seed), index);
      index.commit(Map.of(RECORDS, String.valueOf(indexed)));
    }
    index.refresh();
    return index;
  }

  /**
   * Streams the snapshot into the index in batches of {@link #BATCH}, indexing one batch while the
   * next is read (PaperIndex is thread-safe; at most one batch waits). The key is the arXiv id: the
   * catalogue's own keying needs the whole list, see {@code IndexingBenchmark.catalogueRead}.
   */
  static int readInto(Path snapshot, PaperIndex index) throws IOException {
    ExecutorService indexer = Executors.newSingleThreadExecutor();
    try {
      List<Future<?>> pending = new ArrayList<>();
      List<Paper> batch = new ArrayList<>(BATCH);
      int[] count = {0};
      PaperSink sink =
          new PaperSink() {
            @Override
            public void paper(Paper paper) {
              batch.add(paper.toBuilder().key("arXiv:" + paper.arxivId()).build());
              count[0]++;
              if (batch.size() == BATCH) {
                submit(List.copyOf(batch), index, indexer, pending);
                batch.clear();
              }
            }

            @Override
            public void problem(ReadProblem problem) {
              throw new IllegalStateException("generated data must read cleanly: " + problem);
            }
          };
      try (InputStream in = Files.newInputStream(snapshot)) {
        new ArxivSnapshotReader().read(snapshot.getFileName().toString(), in, sink);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      submit(List.copyOf(batch), index, indexer, pending);
      await(pending);
      return count[0];
    } finally {
      indexer.shutdownNow();
    }
  }

  private static void submit(
      List<Paper> batch, PaperIndex index, ExecutorService indexer, List<Future<?>> pending) {
    await(pending);
    pending.add(
        indexer.submit(
            () -> {
              index.addAll(batch);
              return null;
            }));
  }

  private static void await(List<Future<?>> pending) {
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? new UncheckedIOException(io)
          : new IllegalStateException(e.getCause());
    }
    pending.clear();
  }

  /**
   * {@code count} queries as a user types them: {@code words} consecutive words of a generated
   * title, the last one cut to a prefix of at least two letters. The titles are those of the first
   * records of the snapshot (a generator run is a prefix of any longer run with the same seed), so
   * every query matches.
   */
  static String[] prefixQueries(int words, int count, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArxivSnapshotGenerator(seed).write(2_000, out);
    List<String[]> titles = new ArrayList<>();
    new ArxivSnapshotReader()
        .read(
            "queries",
            new ByteArrayInputStream(out.toByteArray()),
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                String[] w =
                    Stream.of(paper.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .filter(t -> t.length() >= 2)
                        .toArray(String[]::new);
                if (w.length >= words) {
                  titles.add(w);
                }
              }

              @Override
              public void problem(ReadProblem problem) {}
            });
    SplittableRandom random = new SplittableRandom(seed);
    String[] queries = new String[count];
    for (int i = 0; i < count; i++) {
      String[] title = titles.get(random.nextInt(titles.size()));
      int start = random.nextInt(title.length - words + 1);
      StringBuilder q = new StringBuilder();
      for (int w = 0; w < words; w++) {
        String word = title[start + w];
        if (w == words - 1 && word.length() > 2) {
          word = word.substring(0, 2 + random.nextInt(word.length() - 1));
        }
        q.append(w == 0 ? "" : " ").append(word);
      }
      queries[i] = q.toString();
    }
    return queries;
  }
}
