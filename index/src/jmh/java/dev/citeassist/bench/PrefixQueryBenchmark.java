package dev.citeassist.bench;

import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search-as-you-type latency: 1-, 2- and 3-word queries whose last word is a prefix ("neural co"),
 * taken from generated titles, on the on-disk index of a {@code records}-record generated snapshot
 * (built once and cached, see {@link BenchData}). Sample mode: JMH reports p50…p99.99 per call, in
 * milliseconds. Queries rotate through 1,000 different ones so no single query is cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
// Long warm-up: the first seconds also page the memory-mapped index in.
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
public class PrefixQueryBenchmark {

  @Param("1000000")
  public int records;

  @Param({"1", "2", "3"})
  public int words;

  /** How many hits a completion list asks for. */
  @Param("50")
  public int limit;

  private PaperIndex index;
  private String[] queries;
  private int next;

  @Setup(Level.Trial)
  public void open() throws IOException {
    index = BenchData.index(records, BenchData.SEED);
    queries = BenchData.prefixQueries(words, 1_000, BenchData.SEED);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
  }

  @Benchmark
  public List<SearchHit> search() throws IOException {
    String query = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    return index.search(SearchQuery.of(query, limit));
  }
}
