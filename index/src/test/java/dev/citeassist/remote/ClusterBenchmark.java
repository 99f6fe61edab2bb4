package dev.citeassist.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.citeassist.bench.ArxivSnapshotGenerator;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.CatalogueProgress;
import dev.citeassist.catalogue.CatalogueSource;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The figures of the shared catalogue (not a test; {@code scripts/bench-opensearch.sh} runs it): a
 * three-node cluster on loopback, N generated arXiv records read, merged and keyed as the local
 * build does, bulk-loaded (3 shards, 1 replica: the load rate), then completions typed letter by
 * letter through {@link RemoteCatalogue} (warm: the workload once, then measured: p50, p99), and
 * what a shard costs on disk and in heap, for extrapolating to larger catalogues.
 *
 * <p>Usage: {@code ClusterBenchmark [PAPERS [HEAP_MB]]} (1,000,000 and 1024 by default).
 */
public final class ClusterBenchmark {

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int heap = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    String why = OpenSearchCluster.unavailable();
    if (why != null) {
      System.err.println("no cluster: " + why);
      System.exit(2);
    }
    say("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
    Path tmp = Files.createTempDirectory("citeassist-bench-");
    try (OpenSearchCluster cluster = OpenSearchCluster.start(3, heap)) {
      Path file = tmp.resolve("arxiv.jsonl");
      long t0 = System.nanoTime();
      ArxivSnapshotGenerator.write(n, 42, file);
      List<ReadProblem> problems = new ArrayList<>();
      List<Paper> papers =
          Catalogue.read(
              List.of(CatalogueSource.of(file)),
              KeyPattern.DEFAULT,
              problems,
              CatalogueProgress.NONE);
      Files.delete(file);
      say(
          String.format(
              Locale.ROOT,
              "%,d records generated, read, merged and keyed in %.0f s (%d problems)",
              papers.size(),
              secs(t0),
              problems.size()));
      ClusterSettings settings =
          ClusterSettings.parse(cluster.url("bench")).withTimeout(Duration.ofMinutes(5));
      String index;
      try (ClusterClient client = new ClusterClient(settings)) {
        long t1 = System.nanoTime();
        BulkLoader.Options options = new BulkLoader.Options(3, 1, 1000, 4, Duration.ofMinutes(5));
        long[] next = {0};
        BulkLoader.Result r =
            new BulkLoader(client, options)
                .load(
                    papers,
                    (done, total) -> {
                      synchronized (next) {
                        if (done * 10 >= next[0] * total) {
                          say(
                              String.format(
                                  Locale.ROOT, "  %,d / %,d sent, %.0f s", done, total, secs(t1)));
                          next[0] = done * 10 / total + 1;
                        }
                      }
                    });
        double load = secs(t1);
        index = r.index();
        say(
            String.format(
                Locale.ROOT,
                "bulk load: %,d papers into 3 nodes (3 shards, replicas added after) in %.0f s ="
                    + " %,.0f papers/s (%,d sent again after 429s); load average %s",
                papers.size(),
                load,
                papers.size() / load,
                r.retried(),
                Files.readString(Path.of("/proc/loadavg")).strip()));
        client.call(
            "GET",
            "/_cluster/health/" + index + "?wait_for_status=green&timeout=600s",
            null,
            Duration.ofMinutes(11));
        client.call(
            "POST", "/" + index + "/_forcemerge?max_num_segments=1", null, Duration.ofMinutes(30));
        shards(client, index, papers.size());
      }
      List<String> typed = workload(papers, 150);
      try (RemoteCatalogue remote =
          RemoteCatalogue.connect(
              settings.withAlias("bench").withTimeout(Duration.ofSeconds(10)))) {
        for (String q : typed) {
          remote.search(SearchQuery.of(q, 50)); // warm: caches, JIT, the cluster's file cache
        }
        long[] nanos = new long[typed.size()];
        for (int i = 0; i < typed.size(); i++) {
          long s = System.nanoTime();
          remote.search(SearchQuery.of(typed.get(i), 50));
          nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        say(
            String.format(
                Locale.ROOT,
                "completion through the remote backend, %,d papers, %d keystrokes, limit 50, warm:"
                    + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; load average %s",
                papers.size(),
                nanos.length,
                pct(nanos, 50),
                pct(nanos, 90),
                pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6,
                Files.readString(Path.of("/proc/loadavg")).strip()));
      }
    } finally {
      OpenSearchCluster.deleteTree(tmp);
    }
  }

  /** Disk per shard and per paper, and each node's heap and segment memory. */
  private static void shards(ClusterClient client, String index, int papers) throws Exception {
    JsonNode stats = client.call("GET", "/" + index + "/_stats/store,docs,segments", null);
    JsonNode primaries = stats.path("_all").path("primaries");
    long bytes = primaries.path("store").path("size_in_bytes").asLong();
    say(
        String.format(
            Locale.ROOT,
            "primaries: %,d papers, %,d bytes on disk = %,.0f bytes per paper; %,d segments",
            primaries.path("docs").path("count").asLong(),
            bytes,
            bytes / (double) papers,
            primaries.path("segments").path("count").asLong()));
    for (JsonNode s : client.call("GET", "/_cat/shards/" + index + "?format=json&bytes=b", null)) {
      say(
          String.format(
              Locale.ROOT,
              "  shard %s %s on %s: %s papers, %,d bytes",
              s.path("shard").asText(),
              s.path("prirep").asText(),
              s.path("node").asText(),
              s.path("docs").asText(),
              s.path("store").asLong()));
    }
    JsonNode nodes = client.call("GET", "/_nodes/stats/jvm,indices", null).path("nodes");
    nodes.forEach(
        node ->
            say(
                String.format(
                    Locale.ROOT,
                    "  node %s: heap used %,d MB of %,d MB; segments %,d bytes in heap",
                    node.path("name").asText(),
                    node.path("jvm").path("mem").path("heap_used_in_bytes").asLong() >> 20,
                    node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() >> 20,
                    node.path("indices").path("segments").path("memory_in_bytes").asLong())));
  }

  /**
   * What writers type: for {@code count} random papers, the first author's surname and the first
   * long title word, letter by letter, and the surname with the year.
   */
  static List<String> workload(List<Paper> papers, int count) {
    SplittableRandom random = new SplittableRandom(7);
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Paper p = papers.get(random.nextInt(papers.size()));
      if (!p.authors().isEmpty() && p.authors().get(0).family() != null) {
        String name = p.authors().get(0).family().toLowerCase(Locale.ROOT);
        for (int k = 1; k <= name.length(); k++) {
          typed.add(name.substring(0, k));
        }
        if (p.year() != null) {
          typed.add(name + " " + p.year());
        }
      }
      if (p.title() != null) {
        for (String w : p.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (w.length() >= 6) {
            for (int k = 1; k <= w.length(); k++) {
              typed.add(w.substring(0, k));
            }
            break;
          }
        }
      }
    }
    return typed;
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
