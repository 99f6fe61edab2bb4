package dev.citeassist.bench;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.CatalogueProgress;
import dev.citeassist.catalogue.CatalogueSource;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.PaperIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and indexing throughput on a generated arXiv snapshot of {@code records} records. Each
 * invocation is one whole run (single-shot, seconds): records/s = records / score.
 *
 * <ul>
 *   <li>{@code read}: ArxivSnapshotReader alone.
 *   <li>{@code readAndIndex}: the reader streamed into a fresh on-disk {@link PaperIndex} in batches
 *       of 10,000, one batch indexed while the next is read, then a commit.
 *   <li>{@code catalogueRead}: what {@code Catalogue.open} does on a rebuild: read, merge and key
 *       every paper ({@link Catalogue#read}), add them all to a fresh index, commit.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
// One run over a million records is long enough to warm itself up (JIT in the first seconds).
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class IndexingBenchmark {

  @Param("1000000")
  public int records;

  private Path snapshot;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    snapshot = BenchData.snapshot(records, BenchData.SEED);
  }

  @Benchmark
  public int read() throws IOException {
    int[] count = {0};
    try (InputStream in = Files.newInputStream(snapshot)) {
      new ArxivSnapshotReader()
          .read(
              "snapshot",
              in,
              new PaperSink() {
                @Override
                public void paper(Paper paper) {
                  count[0]++;
                }

                @Override
                public void problem(ReadProblem problem) {
                  throw new IllegalStateException(problem.toString());
                }
              });
    }
    return check(count[0]);
  }

  @Benchmark
  public int readAndIndex() throws IOException {
    try (PaperIndex index = PaperIndex.open(BenchData.emptyDir("indexing-run"))) {
      int count = BenchData.readInto(snapshot, index);
      index.commit(Map.of());
      return check(count);
    }
  }

  @Benchmark
  public int catalogueRead() throws IOException {
    List<ReadProblem> problems = new ArrayList<>();
    List<Paper> papers =
        Catalogue.read(
            List.of(CatalogueSource.of(snapshot)),
            KeyPattern.DEFAULT,
            problems,
            CatalogueProgress.NONE);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.get(0).toString());
    }
    try (PaperIndex index = PaperIndex.open(BenchData.emptyDir("catalogue-run"))) {
      index.addAll(papers);
      index.commit(Map.of());
      return papers.size();
    }
  }

  private int check(int count) {
    if (count != records) {
      throw new IllegalStateException("read " + count + " of " + records + " records");
    }
    return count;
  }
}
