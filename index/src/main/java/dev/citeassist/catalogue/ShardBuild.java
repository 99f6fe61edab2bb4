package dev.citeassist.catalogue;

import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SamePaper;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.ShardEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams one catalogue source into its own shard (see {@link ShardEntry}): every record as read,
 * with its dates completed, its pattern key (no suffix yet), its identity terms and its position.
 * Merging and suffixes are left to {@link CatalogueResolver}, which sees every source, so a shard
 * depends on its source alone and is reused while that source is unchanged.
 *
 * <p>Memory does not grow with the source: the calling thread parses and hands batches of {@link
 * #BATCH} records through a short queue to indexing threads (one per core, at most two: with the
 * parser they keep two cores busy), and the index writer flushes its buffer to disk as it fills.
 */
final class ShardBuild {

  static final int BATCH = 1000;

  /** Batches waiting to be indexed: bounds the papers on the heap to a few thousand. */
  private static final int QUEUE = 8;

  private static final List<Numbered> END = new ArrayList<>();

  private ShardBuild() {}

  /**
   * Builds the shard of {@code source} in {@code dir} and commits it with {@code commitData}.
   * Returns the number of records read. Read problems go to {@code problems}; progress is told as
   * {@code (papersBefore + read, bytesBefore + bytes read)} every thousand records.
   */
  static long build(
      CatalogueSource source,
      KeyPattern pattern,
      Path dir,
      Map<String, String> commitData,
      List<ReadProblem> problems,
      Progress progress)
      throws IOException {
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    BlockingQueue<List<Numbered>> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicLong ordinals = new AtomicLong();
    try (PaperIndex shard = PaperIndex.openForBuild(dir);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> indexers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        indexers.add(pool.submit(() -> index(queue, source, pattern, shard)));
      }
      long read;
      try (Catalogue.CountingInputStream in = new Catalogue.CountingInputStream(source.open())) {
        BatchSink sink = new BatchSink(queue, ordinals, in, progress, indexers);
        source.reader().read(source.name(), in, sink);
        sink.flush();
        read = ordinals.get();
        problems.addAll(sink.problems);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } finally {
        for (int t = 0; t < threads; t++) {
          put(queue, END, indexers);
        }
      }
      for (Future<?> indexer : indexers) {
        await(indexer);
      }
      shard.commit(commitData);
      if (ShardKeys.suffix(dir, shard) > 0) {
        shard.commit(commitData);
      }
      return read;
    }
  }

  /** Told how far a shard build has got: records read and bytes of the source read. */
  @FunctionalInterface
  interface Progress {
    void update(long records, long bytes);
  }

  private static Void index(
      BlockingQueue<List<Numbered>> queue,
      CatalogueSource source,
      KeyPattern pattern,
      PaperIndex shard)
      throws IOException, InterruptedException {
    while (true) {
      List<Numbered> batch = queue.take();
      if (batch == END) {
        return null;
      }
      for (Numbered record : batch) {
        shard.add(entry(record.paper(), record.ordinal(), source, pattern));
      }
    }
  }

  /** The shard entry of the record at position {@code ordinal} of {@code source}. */
  static ShardEntry entry(Paper raw, long ordinal, CatalogueSource source, KeyPattern pattern) {
    Paper shown = source.completeDate(raw);
    String preset = raw.key() == null || raw.key().isBlank() ? null : raw.key();
    String base = preset == null ? pattern.apply(shown) : null;
    Paper paper = shown.toBuilder().key(preset != null ? preset : base).build();
    boolean rawIsPaper = shown.equals(raw) && Objects.equals(raw.key(), preset);
    return new ShardEntry(
        paper,
        rawIsPaper ? null : raw,
        ordinal,
        SamePaper.doi(raw),
        SamePaper.arxivId(raw),
        SamePaper.normalisedTitle(raw),
        base,
        preset);
  }

  /** A record and its position in its source. */
  private record Numbered(Paper paper, long ordinal) {}

  /** Collects parsed records into batches for the indexing threads; runs on the parsing thread. */
  private static final class BatchSink implements PaperSink {
    private final BlockingQueue<List<Numbered>> queue;
    private final AtomicLong ordinals;
    private final Catalogue.CountingInputStream in;
    private final Progress progress;
    private final List<Future<?>> indexers;
    private final List<ReadProblem> problems = new ArrayList<>();
    private List<Numbered> batch = new ArrayList<>(BATCH);

    BatchSink(
        BlockingQueue<List<Numbered>> queue,
        AtomicLong ordinals,
        Catalogue.CountingInputStream in,
        Progress progress,
        List<Future<?>> indexers) {
      this.queue = queue;
      this.ordinals = ordinals;
      this.in = in;
      this.progress = progress;
      this.indexers = indexers;
    }

    @Override
    public void paper(Paper paper) {
      long ordinal = ordinals.getAndIncrement();
      batch.add(new Numbered(paper, ordinal));
      if (batch.size() == BATCH) {
        flush();
        progress.update(ordinal + 1, in.count());
      }
    }

    @Override
    public void problem(ReadProblem problem) {
      problems.add(problem);
    }

    void flush() {
      if (!batch.isEmpty()) {
        try {
          put(queue, batch, indexers);
        } catch (InterruptedIOException e) {
          throw new UncheckedIOException(e);
        }
        batch = new ArrayList<>(BATCH);
      }
    }
  }

  /** Puts a batch, giving up when an indexing thread has failed (it would never take it). */
  private static void put(
      BlockingQueue<List<Numbered>> queue, List<Numbered> batch, List<Future<?>> indexers)
      throws InterruptedIOException {
    try {
      while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        for (Future<?> f : indexers) {
          if (f.isDone()) {
            return; // its failure is reported by await
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a catalogue source");
    }
  }

  private static void await(Future<?> indexer) throws IOException {
    try {
      indexer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }
}
