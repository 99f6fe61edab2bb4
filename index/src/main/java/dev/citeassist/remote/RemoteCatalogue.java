package dev.citeassist.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.IndexSchema;
import dev.citeassist.search.QueryNode;
import dev.citeassist.search.QueryPlans;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue on an OpenSearch cluster, searched as the local index is searched: the same tiers,
 * terms and boosts ({@link QueryPlans} translates the local index's own queries), over terms the
 * project's Lucene analysis computed at load time ({@link BulkLoader}), ranked by the cluster's
 * BM25 with statistics of the whole index ({@code dfs_query_then_fetch}), so scores match the local
 * index's. Two things differ by construction and are emulated: a typed prefix longer than the
 * indexed prefixes is completed by a terms aggregation (its ten completions with the most papers,
 * as {@code Completions} picks them) and each completion weighted so that it scores with the
 * document frequency of the most frequent (as Lucene's {@code SynonymQuery}); the prefix twins'
 * lengths count prefixes rather than words (see {@link IndexSchema#fields()}).
 *
 * <p>Every call fails with an {@link IOException} (a {@link ClusterException} for the cluster's own
 * failures) rather than hang past the client's timeout. Thread-safe.
 */
public final class RemoteCatalogue implements CatalogueBackend {

  /** How long a field's paper count (BM25's N for completions) is reused. */
  private static final long FIELD_DOCS_NANOS = 60_000_000_000L;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ClusterClient client;
  private final String alias;
  private final Map<String, long[]> fieldDocs = new ConcurrentHashMap<>();

  public RemoteCatalogue(ClusterClient client) {
    this.client = client;
    this.alias = client.settings().alias();
  }

  /** Connects to the cluster of {@code settings} (no call is made until the first search). */
  public static RemoteCatalogue connect(ClusterSettings settings) throws IOException {
    return new RemoteCatalogue(new ClusterClient(settings));
  }

  public ClusterSettings settings() {
    return client.settings();
  }

  @Override
  public List<SearchHit> search(SearchQuery query) throws IOException {
    List<QueryNode> tiers = QueryPlans.typed(query);
    if (tiers.isEmpty() || query.limit() <= 0) {
      return List.of();
    }
    int limit = Math.min(query.limit(), QueryPlans.maxLimit());
    Map<String, QueryNode> completions = complete(tiers);
    List<SearchHit> ranked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (QueryNode tier : tiers) {
      if (ranked.size() >= limit) {
        break;
      }
      List<Hit> some =
          top(
              QueryJson.of(tier, c -> boosted(completions.get(id(c)), c.boost())),
              limit + ranked.size());
      // as the local index: a weaker tier is scaled to stay below the last paper of those above
      float scale =
          ranked.isEmpty() || some.isEmpty()
              ? 1
              : Math.nextDown(ranked.getLast().score()) / some.get(0).score();
      for (int i = 0; i < some.size() && ranked.size() < limit; i++) {
        if (seen.add(some.get(i).id())) {
          ranked.add(new SearchHit(some.get(i).paper(), Math.min(1, scale) * some.get(i).score()));
        }
      }
    }
    return ranked;
  }

  @Override
  public List<SearchHit> search(ContextQuery query, int limit) throws IOException {
    QueryNode node = QueryPlans.context(query);
    if (node == null || limit <= 0) {
      return List.of();
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Hit h :
        top(
            QueryJson.of(node, c -> new QueryNode.None()),
            Math.min(limit, QueryPlans.maxLimit()))) {
      hits.add(new SearchHit(h.paper(), h.score()));
    }
    return hits;
  }

  @Override
  public Optional<Paper> byKey(String key) throws IOException {
    List<Hit> hits = inOrder(QueryJson.of(new QueryNode.Term(IndexSchema.KEY, key, 1), c -> c), 1);
    return hits.stream().findFirst().map(Hit::paper);
  }

  @Override
  public List<Paper> byIdentifier(String doiOrArxivId) throws IOException {
    Set<String> ids = QueryPlans.identifiers(doiOrArxivId);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<QueryNode> any = new ArrayList<>();
    ids.forEach(id -> any.add(new QueryNode.Term(IndexSchema.IDENTIFIER, id, 1)));
    QueryNode q = new QueryNode.Bool(List.of(), any, List.of(), 1);
    List<Paper> papers = new ArrayList<>();
    for (Hit h : inOrder(QueryJson.of(q, c -> c), 100)) {
      papers.add(h.paper());
    }
    return papers;
  }

  @Override
  public int size() throws IOException {
    JsonNode count = client.call("GET", "/" + ClusterClient.encode(alias) + "/_count", null);
    requireIndex(count);
    return count.path("count").asInt();
  }

  @Override
  public void close() {
    client.close();
  }

  private record Hit(String id, Paper paper, float score) {}

  /** The best {@code n} papers for {@code query}, scored with the whole index's statistics. */
  private List<Hit> top(ObjectNode query, int n) throws IOException {
    ObjectNode body = F.objectNode();
    body.put("size", n);
    body.put("track_total_hits", false);
    body.set("query", query);
    body.putArray("_source").add(IndexMapping.PAPER);
    return hits(
        client.call(
            "POST",
            "/"
                + ClusterClient.encode(alias)
                + "/_search?search_type=dfs_query_then_fetch&allow_partial_search_results=false",
            body));
  }

  /** Papers matching {@code query} in index order. */
  private List<Hit> inOrder(ObjectNode query, int n) throws IOException {
    ObjectNode body = F.objectNode();
    body.put("size", n);
    body.put("track_total_hits", false);
    body.set("query", query);
    body.putArray("sort").add("_doc");
    body.putArray("_source").add(IndexMapping.PAPER);
    return hits(
        client.call(
            "POST",
            "/" + ClusterClient.encode(alias) + "/_search?allow_partial_search_results=false",
            body));
  }

  private List<Hit> hits(JsonNode answer) throws IOException {
    requireIndex(answer);
    List<Hit> hits = new ArrayList<>();
    for (JsonNode h : answer.path("hits").path("hits")) {
      byte[] json =
          ClusterClient.JSON.writeValueAsBytes(h.path("_source").path(IndexMapping.PAPER));
      hits.add(
          new Hit(
              h.path("_id").asText(),
              IndexSchema.decode(json),
              (float) h.path("_score").asDouble()));
    }
    return hits;
  }

  private void requireIndex(JsonNode answer) throws ClusterException {
    if (answer.has("error")) {
      throw new ClusterException(
          404,
          "the cluster at "
              + client.settings().where()
              + " has no catalogue \""
              + alias
              + "\": load one with 'citeassist index --to URL SOURCE…'",
          null);
    }
  }

  private static String id(QueryNode.Completion c) {
    return c.field() + '\u0000' + c.prefix() + '\u0000' + c.size();
  }

  /**
   * Each completion node of {@code tiers} as a disjunction of its completions (boost 1), in one
   * request: a terms aggregation over the papers holding the prefix, plus the field's paper count
   * where it is not known.
   */
  private Map<String, QueryNode> complete(List<QueryNode> tiers) throws IOException {
    Map<String, QueryNode.Completion> wanted = new LinkedHashMap<>();
    tiers.forEach(t -> collect(t, wanted));
    Map<String, QueryNode> resolved = new HashMap<>();
    if (wanted.isEmpty()) {
      return resolved;
    }
    ObjectNode aggs = F.objectNode();
    List<QueryNode.Completion> list = new ArrayList<>(wanted.values());
    long now = System.nanoTime();
    Set<String> counted = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      QueryNode.Completion c = list.get(i);
      String field = IndexMapping.name(c.field());
      ObjectNode agg = aggs.putObject("c" + i);
      agg.putObject("filter").putObject("prefix").putObject(field).put("value", c.prefix());
      ObjectNode terms = agg.putObject("aggs").putObject("t").putObject("terms");
      terms.put("field", field + "." + IndexMapping.TERMS);
      terms.put("include", regexPrefix(c.prefix()));
      terms.put("size", c.size());
      terms.put("shard_size", Math.max(50, c.size() * 5));
      long[] known = fieldDocs.get(c.field());
      if ((known == null || now - known[1] > FIELD_DOCS_NANOS) && counted.add(c.field())) {
        aggs.putObject("n_" + field).putObject("filter").putObject("exists").put("field", field);
      }
    }
    ObjectNode body = F.objectNode();
    body.put("size", 0);
    body.put("track_total_hits", false);
    body.set("aggs", aggs);
    JsonNode answer =
        client.call(
            "POST",
            "/" + ClusterClient.encode(alias) + "/_search?allow_partial_search_results=false",
            body);
    requireIndex(answer);
    JsonNode results = answer.path("aggregations");
    for (String field : counted) {
      long docs = results.path("n_" + IndexMapping.name(field)).path("doc_count").asLong();
      fieldDocs.put(field, new long[] {docs, now});
    }
    for (int i = 0; i < list.size(); i++) {
      QueryNode.Completion c = list.get(i);
      List<String> words = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (Iterator<JsonNode> it = results.path("c" + i).path("t").path("buckets").elements();
          it.hasNext(); ) {
        JsonNode bucket = it.next();
        words.add(bucket.path("key").asText());
        counts.add(bucket.path("doc_count").asLong());
      }
      resolved.put(id(c), synonyms(c.field(), words, counts, fieldDocs.get(c.field())[0]));
    }
    return resolved;
  }

  /**
   * Completions scored as one term of the highest document frequency: each term's boost is the
   * ratio of that term's idf to its own, so that a paper holding one completion scores exactly as
   * under Lucene's {@code SynonymQuery}.
   */
  static QueryNode synonyms(String field, List<String> words, List<Long> docFreqs, long docCount) {
    if (words.isEmpty()) {
      return new QueryNode.None();
    }
    long max = docFreqs.stream().mapToLong(Long::longValue).max().orElse(1);
    double idfMax = idf(max, docCount);
    List<QueryNode> any = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      float boost = (float) (idfMax / idf(docFreqs.get(i), docCount));
      any.add(new QueryNode.Term(field, words.get(i), boost));
    }
    return new QueryNode.Bool(List.of(), any, List.of(), 1);
  }

  /** Lucene's BM25 idf. */
  static double idf(long docFreq, long docCount) {
    return Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
  }

  private static void collect(QueryNode node, Map<String, QueryNode.Completion> into) {
    switch (node) {
      case QueryNode.Completion c -> into.putIfAbsent(id(c), c);
      case QueryNode.Constant c -> collect(c.filter(), into);
      case QueryNode.DisMax d -> d.queries().forEach(q -> collect(q, into));
      case QueryNode.Bool b -> {
        b.must().forEach(q -> collect(q, into));
        b.should().forEach(q -> collect(q, into));
        b.filter().forEach(q -> collect(q, into));
      }
      default -> {}
    }
  }

  /** A regular expression (Lucene syntax) for the terms starting with {@code prefix}. */
  static String regexPrefix(String prefix) {
    StringBuilder s = new StringBuilder();
    prefix
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp) && cp < 0x80) {
                s.appendCodePoint(cp);
              } else {
                s.append('\\').appendCodePoint(cp);
              }
            });
    return s.append(".*").toString();
  }

  private static QueryNode boosted(QueryNode resolved, float boost) {
    return resolved instanceof QueryNode.Bool b
        ? new QueryNode.Bool(b.must(), b.should(), b.filter(), boost)
        : resolved;
  }
}
