package dev.citeassist.bench;

import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A command-line companion of the JMH benchmarks for profiling (run it under JFR): {@code index N}
 * reads the first N records of the 1M snapshot into memory, then times indexing them alone ({@code
 * addAll} in batches of 10,000, then commit); {@code stream N} times the reader streamed into the
 * index as {@code readAndIndex} does; {@code query WORDS CALLS} times prefix queries on the cached
 * 1M index and prints percentiles. Prints wall and process CPU seconds and the load average.
 */
public final class IndexingRun {

  private IndexingRun() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean) os;
    int records = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "index" -> {
        List<Paper> papers = readFirst(records);
        // each further argument is a round: comma-separated key=value system properties
        for (int round = 2; round < Math.max(3, args.length); round++) {
          String label = round < args.length ? args[round] : "default";
          if (round < args.length) {
            for (String kv : args[round].split(",")) {
              String[] p = kv.split("=", 2);
              System.setProperty(p[0], p[1]);
            }
          }
          System.gc();
          long t0 = System.nanoTime();
          long c0 = cpu.getProcessCpuTime();
          try (PaperIndex index = PaperIndex.open(BenchData.emptyDir("indexing-run"))) {
            for (int from = 0; from < papers.size(); from += BenchData.BATCH) {
              index.addAll(papers.subList(from, Math.min(papers.size(), from + BenchData.BATCH)));
            }
            index.commit(Map.of());
          }
          report(out, "index " + label, papers.size(), t0, c0, cpu, os);
          out.printf("  index size %.0f MB%n", size(BenchData.dir().resolve("indexing-run")) / 1e6);
        }
      }
      case "stream" -> {
        Path snapshot = BenchData.snapshot(1_000_000, BenchData.SEED);
        long t0 = System.nanoTime();
        long c0 = cpu.getProcessCpuTime();
        int count;
        try (PaperIndex index = PaperIndex.open(BenchData.emptyDir("indexing-run"))) {
          count = BenchData.readInto(snapshot, index);
          // committed as BenchData.index does, so that the index can serve the query runs
          index.commit(Map.of("bench.records", String.valueOf(count)));
        }
        report(out, "stream", count, t0, c0, cpu, os);
      }
      case "query" -> {
        int words = records;
        int calls = Integer.parseInt(args[2]);
        String[] queries = BenchData.prefixQueries(words, 1_000, BenchData.SEED);
        try (PaperIndex index = BenchData.index(1_000_000, BenchData.SEED)) {
          for (int i = 0; i < 3_000; i++) {
            index.search(SearchQuery.of(queries[i % queries.length], 50));
          }
          java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
          long[] nanos = new long[calls];
          long[] cpuNanos = new long[calls];
          for (int i = 0; i < calls; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            index.search(SearchQuery.of(queries[i % queries.length], 50));
            nanos[i] = System.nanoTime() - t;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - c;
          }
          Arrays.sort(nanos);
          Arrays.sort(cpuNanos);
          out.printf(
              "query words=%d thread CPU p50=%.2f p90=%.2f p99=%.2f max=%.2f ms%n",
              words,
              cpuNanos[calls / 2] / 1e6,
              cpuNanos[calls * 9 / 10] / 1e6,
              cpuNanos[calls * 99 / 100] / 1e6,
              cpuNanos[calls - 1] / 1e6);
          out.printf(
              "query words=%d calls=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f ms load=%.2f%n",
              words,
              calls,
              nanos[calls / 2] / 1e6,
              nanos[calls * 9 / 10] / 1e6,
              nanos[calls * 99 / 100] / 1e6,
              nanos[calls - 1] / 1e6,
              os.getSystemLoadAverage());
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void report(
      PrintStream out,
      String what,
      int count,
      long t0,
      long c0,
      com.sun.management.OperatingSystemMXBean cpu,
      OperatingSystemMXBean os) {
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (cpu.getProcessCpuTime() - c0) / 1e9;
    out.printf(
        "%s %d records: %.1f s wall, %.1f s CPU: %.0f records/s, %.0f records/CPU-s, load %.2f%n",
        what, count, wall, cpuSeconds, count / wall, count / cpuSeconds, os.getSystemLoadAverage());
  }

  private static long size(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static List<Paper> readFirst(int records) throws IOException {
    Path snapshot = BenchData.snapshot(1_000_000, BenchData.SEED);
    List<Paper> papers = new ArrayList<>(records);
    try (InputStream in = Files.newInputStream(snapshot)) {
      new ArxivSnapshotReader()
          .read(
              "snapshot",
              in,
              new PaperSink() {
                @Override
                public void paper(Paper paper) {
                  if (papers.size() < records) {
                    papers.add(paper.toBuilder().key("arXiv:" + paper.arxivId()).build());
                  }
                }

                @Override
                public void problem(ReadProblem problem) {}
              });
    }
    return papers;
  }
}
