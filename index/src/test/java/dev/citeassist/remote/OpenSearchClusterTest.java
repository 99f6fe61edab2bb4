package dev.citeassist.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.bench.ArxivSnapshotGenerator;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSearch backend against a real three-node cluster on loopback (started once for the class;
 * see {@link OpenSearchCluster}): the same top three as the local index for the built-in catalogue,
 * a resumable bulk load of 100,000 generated records, a cluster that goes away and comes back, and
 * a node killed during a stream of completions (last: it leaves two nodes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchClusterTest {

  private static OpenSearchCluster cluster;
  private static List<Paper> builtIn;
  private static PaperIndex local;

  @BeforeAll
  static void startCluster() throws Exception {
    String why = OpenSearchCluster.unavailable();
    assumeTrue(why == null, () -> "no OpenSearch cluster here: " + why);
    long t0 = System.nanoTime();
    cluster = OpenSearchCluster.start(3);
    System.err.printf(Locale.ROOT, "3-node cluster up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    builtIn = Catalogue.builtIn();
    local = PaperIndex.inMemory();
    local.addAll(builtIn);
    local.refresh();
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ClusterSettings settings(String alias) {
    return ClusterSettings.parse(cluster.url(alias)).withTimeout(Duration.ofSeconds(10));
  }

  private static BulkLoader.Result load(String alias, List<Paper> papers, int shards, int replicas)
      throws IOException {
    try (ClusterClient client =
        new ClusterClient(settings(alias).withTimeout(Duration.ofMinutes(2)))) {
      BulkLoader.Result result =
          new BulkLoader(
                  client, BulkLoader.Options.defaults().withShards(shards).withReplicas(replicas))
              .load(papers, BulkLoader.Progress.NONE);
      client.call(
          "GET",
          "/_cluster/health/" + result.index() + "?wait_for_status=green&timeout=120s",
          null,
          Duration.ofMinutes(3));
      return result;
    }
  }

  @Test
  @Order(1)
  void builtInCatalogueGivesTheLocalTopThree() throws IOException {
    // three shards: the scores must still be those of one index (statistics of the whole index)
    load("parity", builtIn, 3, 1);
    try (RemoteCatalogue remote = RemoteCatalogue.connect(settings("parity"))) {
      assertEquals(local.size(), remote.size());
      List<String> queries = queries();
      int compared = 0;
      double worst = 0;
      for (String q : queries) {
        List<SearchHit> mine = local.search(SearchQuery.of(q, ALL));
        List<SearchHit> theirs = remote.search(SearchQuery.of(q, ALL));
        assertSameTop3(q, mine, theirs);
        worst = Math.max(worst, worstScoreGap(mine, theirs));
        compared++;
      }
      for (String prose : PROSE) {
        ContextQuery cq = ContextQuery.builder().add(prose, 1).build();
        assertSameTop3("context: " + prose, local.search(cq, ALL), remote.search(cq, ALL));
        compared++;
      }
      SearchQuery ranged = new SearchQuery("learn", ALL, 2020, 2023);
      assertSameTop3("learn 2020-2023", local.search(ranged), remote.search(ranged));
      for (Paper p : builtIn) {
        assertEquals(local.byKey(p.key()), remote.byKey(p.key()), p.key());
        String id = p.doi() != null ? p.doi() : p.arxivId();
        if (id != null) {
          assertEquals(keys(local.byIdentifier(id)), keys(remote.byIdentifier(id)), id);
        }
      }
      assertEquals(Optional.empty(), remote.byKey("no-such-key"));
      System.err.printf(
          Locale.ROOT,
          "%d queries: same top 3; largest relative score difference in the top 3 %.4f%n",
          compared,
          worst);
    }
  }

  @Test
  @Order(2)
  void bulkLoadOf100kRecordsResumesWithoutDuplicates(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("arxiv.jsonl");
    ArxivSnapshotGenerator.write(100_000, 7, file);
    // as `citeassist index --to` does: the local catalogue of the sources, streamed from its index
    try (Catalogue catalogue =
            Catalogue.open(new Catalogue.CatalogueConfig(tmp.resolve("cache"), List.of(file)));
        ClusterClient client =
            new ClusterClient(settings("bulk").withTimeout(Duration.ofMinutes(2)))) {
      assertEquals(List.of(), catalogue.problems());
      PaperIndex index = catalogue.index();
      int size = index.size();
      assertTrue(size > 90_000, "papers: " + size);
      BulkLoader.Papers papers = BulkLoader.Papers.of(index);
      BulkLoader loader =
          new BulkLoader(client, BulkLoader.Options.defaults().withShards(3).withReplicas(0));
      long t0 = System.nanoTime();
      // a load that dies a third of the way through, as a killed process would
      RuntimeException killed =
          assertThrows(
              RuntimeException.class,
              () ->
                  loader.load(
                      papers,
                      (done, total) -> {
                        if (done >= total / 3) {
                          throw new IllegalStateException("killed");
                        }
                      }));
      assertEquals("killed", killed.getMessage());
      assertEquals(
          404, client.send("GET", "/_alias/bulk", null, null, Duration.ofSeconds(30)).status());
      BulkLoader.Result resumed = loader.load(papers, BulkLoader.Progress.NONE);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertFalse(resumed.upToDate());
      assertTrue(resumed.alreadyThere() >= size / 3, resumed.toString());
      assertEquals(size, resumed.created() + resumed.alreadyThere(), resumed.toString());
      // the cluster holds exactly the local catalogue's keys, once each
      List<String> localKeys = new ArrayList<>();
      index.forEachPaper(p -> localKeys.add(p.key()));
      List<String> remoteKeys = ids(client, "bulk");
      assertEquals(size, remoteKeys.size());
      assertEquals(new TreeSet<>(localKeys), new TreeSet<>(remoteKeys));
      try (RemoteCatalogue remote = RemoteCatalogue.connect(settings("bulk"))) {
        assertEquals(size, remote.size());
        for (int i = 0; i < localKeys.size(); i += localKeys.size() / 50) {
          String key = localKeys.get(i);
          assertEquals(index.byKey(key), remote.byKey(key), key);
        }
        Paper some = index.byKey(localKeys.get(localKeys.size() / 2)).orElseThrow();
        assertFalse(remote.search(SearchQuery.of(some.authors().get(0).family(), 5)).isEmpty());
      }
      assertTrue(loader.load(papers, BulkLoader.Progress.NONE).upToDate());
      System.err.printf(
          Locale.ROOT,
          "bulk: %d papers into 3 nodes in %.1f s (%.0f papers/s, a third of them twice)%n",
          size,
          seconds,
          size / seconds);
    }
  }

  /** Every document id (paper key) under {@code alias}, by scrolling. */
  private static List<String> ids(ClusterClient client, String alias) throws IOException {
    Duration t = Duration.ofMinutes(1);
    com.fasterxml.jackson.databind.node.ObjectNode query =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    query.put("size", 10_000).put("_source", false);
    com.fasterxml.jackson.databind.JsonNode page =
        client.call("POST", "/" + alias + "/_search?scroll=1m", query, t);
    List<String> ids = new ArrayList<>();
    while (page.path("hits").path("hits").size() > 0) {
      page.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
      com.fasterxml.jackson.databind.node.ObjectNode next =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      next.put("scroll", "1m").put("scroll_id", page.path("_scroll_id").asText());
      page = client.call("POST", "/_search/scroll", next, t);
    }
    return ids;
  }

  @Test
  @Order(3)
  void reloadSwapsTheAliasAtomically() throws IOException {
    List<Paper> fewer = builtIn.subList(0, 100);
    BulkLoader.Result first = load("swap", fewer, 1, 0);
    BulkLoader.Result second = load("swap", builtIn, 1, 0);
    assertFalse(first.index().equals(second.index()));
    try (ClusterClient client = new ClusterClient(settings("swap"))) {
      // the old index is gone with the swap; the alias names the new one only
      assertEquals(
          404,
          client.send("HEAD", "/" + first.index(), null, null, Duration.ofSeconds(30)).status());
      assertEquals(
          List.of(second.index()), names(client.call("GET", "/_alias/swap", null).fieldNames()));
    }
    try (RemoteCatalogue remote = RemoteCatalogue.connect(settings("swap"))) {
      assertEquals(builtIn.size(), remote.size());
    }
  }

  @Test
  @Order(4)
  void unreachableClusterIsReportedOnceAndRecovered() throws Exception {
    load("faults", builtIn, 1, 2);
    List<String> said = new CopyOnWriteArrayList<>();
    OpenSearchCluster.Node node = cluster.nodes().get(1);
    try (TcpProxy proxy = new TcpProxy(node.httpPort());
        FailSoftCatalogue catalogue =
            new FailSoftCatalogue(
                RemoteCatalogue.connect(
                    ClusterSettings.parse("http://127.0.0.1:" + proxy.port() + "/faults")
                        .withTimeout(Duration.ofSeconds(5))),
                said::add,
                Duration.ofMillis(200))) {
      SearchQuery q = SearchQuery.of("symmetry", 5);
      List<String> expected = keys(local.search(q).stream().map(SearchHit::paper).toList());
      assertEquals(expected, hitKeys(catalogue.search(q)));
      proxy.stop();
      for (int i = 0; i < 20; i++) {
        assertEquals(List.of(), catalogue.search(q));
      }
      assertEquals(1, said.size(), said.toString());
      assertTrue(said.get(0).contains("unreachable"), said.get(0));
      assertNotNull(catalogue.down());
      proxy.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (catalogue.down() != null && System.nanoTime() < deadline) {
        Thread.sleep(50); // polling for the probe's verdict
      }
      assertNull(catalogue.down(), "the catalogue did not come back: " + said);
      assertEquals(expected, hitKeys(catalogue.search(q)));
      assertEquals(2, said.size(), said.toString());
      assertTrue(said.get(1).contains("reachable again"), said.get(1));
    }
  }

  @Test
  @Order(5)
  void completionsKeepComingWhenANodeIsKilled() throws Exception {
    load("faults", builtIn, 1, 2);
    String[] prefixes = {"s", "sy", "sym", "symm", "symme", "symmet", "symmetr", "symmetry"};
    List<List<String>> expected = new ArrayList<>();
    for (String p : prefixes) {
      expected.add(hitKeys(local.search(SearchQuery.of(p, 10)).subList(0, 1)));
    }
    int failures = 0;
    int served = 0;
    try (RemoteCatalogue remote =
        RemoteCatalogue.connect(settings("faults").withTimeout(Duration.ofSeconds(5)))) {
      for (int round = 0; round < 12; round++) {
        if (round == 3) {
          // the first node: the one every client tries first, perhaps the cluster manager
          cluster.kill(cluster.nodes().get(0));
        }
        for (int i = 0; i < prefixes.length; i++) {
          try {
            List<SearchHit> hits = remote.search(SearchQuery.of(prefixes[i], 10));
            assertEquals(expected.get(i), hitKeys(hits.subList(0, 1)), prefixes[i]);
            served++;
          } catch (ClusterException e) {
            failures++;
            System.err.println("failed during the kill: " + e.getMessage());
          }
        }
      }
    }
    assertEquals(0, failures, "searches that failed while a node died");
    assertEquals(12 * prefixes.length, served);
  }

  /**
   * More than the built-in catalogue holds: the local index's scoring budget (a few milliseconds,
   * which a cold JVM on a busy machine exceeds) only cuts a search short once it has a full page,
   * so asking for every paper makes both lists complete and comparable.
   */
  private static final int ALL = 500;

  private static final List<String> PROSE =
      List.of(
          "We study the symmetries of the loss landscape of neural networks.",
          "Kalman filters for state estimation in robotics.",
          "Neural collapse at the terminal phase of training.",
          "Large language models and in-context learning.");

  /**
   * What a writer types: for a sample of papers, the first author's name and its prefixes, name and
   * year, a title word and its prefixes, two title words, a key prefix and a misspelt name; and a
   * few fixed queries.
   */
  private static List<String> queries() {
    LinkedHashSet<String> qs = new LinkedHashSet<>();
    qs.addAll(List.of("s", "sy", "sym", "symm", "symmetry", "symmetries", "neural coll", "2024"));
    for (int i = 0; i < builtIn.size(); i += 7) {
      Paper p = builtIn.get(i);
      if (!p.authors().isEmpty() && p.authors().get(0).family() != null) {
        String family = p.authors().get(0).family().toLowerCase(Locale.ROOT);
        qs.add(family);
        for (int n = 1; n <= Math.min(6, family.length()); n++) {
          qs.add(family.substring(0, n));
        }
        if (p.year() != null) {
          qs.add(family + " " + p.year());
        }
        if (family.length() >= 5) {
          // two letters swapped: a typo
          qs.add(family.charAt(0) + "" + family.charAt(2) + family.charAt(1) + family.substring(3));
        }
      }
      if (p.title() != null) {
        String[] words = p.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> long_ = new ArrayList<>();
        for (String w : words) {
          if (w.length() >= 5) {
            long_.add(w);
          }
        }
        if (!long_.isEmpty()) {
          String w = long_.get(0);
          qs.add(w);
          qs.add(w.substring(0, 4));
          qs.add(w.substring(0, 5));
        }
        if (long_.size() >= 2) {
          qs.add(long_.get(0) + " " + long_.get(1).substring(0, 3));
        }
      }
      qs.add(p.key().substring(0, Math.min(p.key().length(), 6)));
    }
    return List.copyOf(qs);
  }

  /**
   * The remote top three are the local top three, allowing papers of equal local score to come in
   * either order (a tie is broken by index order, which a cluster of several shards does not keep).
   */
  static void assertSameTop3(String query, List<SearchHit> mine, List<SearchHit> theirs) {
    assertEquals(Math.min(3, mine.size()), Math.min(3, theirs.size()), query + ": number of hits");
    for (int i = 0; i < Math.min(3, mine.size()); i++) {
      String key = theirs.get(i).paper().key();
      if (key.equals(mine.get(i).paper().key())) {
        continue;
      }
      float score = mine.get(i).score();
      boolean tiedWithLocal =
          mine.stream().anyMatch(h -> h.paper().key().equals(key) && tied(h.score(), score));
      assertTrue(
          tiedWithLocal,
          query
              + ": rank "
              + (i + 1)
              + " is "
              + key
              + " remotely, "
              + mine.get(i).paper().key()
              + " locally\n local:  "
              + describe(mine)
              + "\n remote: "
              + describe(theirs));
    }
  }

  private static boolean tied(float a, float b) {
    return Math.abs(a - b) <= 1e-4f * Math.max(Math.abs(a), Math.abs(b));
  }

  private static double worstScoreGap(List<SearchHit> mine, List<SearchHit> theirs) {
    double worst = 0;
    for (int i = 0; i < Math.min(3, Math.min(mine.size(), theirs.size())); i++) {
      double a = mine.get(i).score();
      double b = theirs.get(i).score();
      worst = Math.max(worst, Math.abs(a - b) / Math.max(a, b));
    }
    return worst;
  }

  private static String describe(List<SearchHit> hits) {
    StringBuilder s = new StringBuilder();
    for (SearchHit h : hits.subList(0, Math.min(5, hits.size()))) {
      s.append(String.format(Locale.ROOT, "%s=%.4f ", h.paper().key(), h.score()));
    }
    return s.toString();
  }

  private static List<String> keys(List<Paper> papers) {
    return papers.stream().map(Paper::key).toList();
  }

  private static List<String> hitKeys(List<SearchHit> hits) {
    return hits.stream().map(h -> h.paper().key()).toList();
  }

  private static List<String> names(java.util.Iterator<String> it) {
    List<String> all = new ArrayList<>();
    it.forEachRemaining(all::add);
    return all;
  }
}
