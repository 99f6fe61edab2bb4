package dev.citeassist.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.IndexSchema;
import dev.citeassist.search.PaperIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads merged, keyed papers into the cluster with the bulk API, under a versioned index behind the
 * catalogue's alias:
 *
 * <ul>
 *   <li>The index is named by the schema version and a digest of the papers ({@code
 *       citeassist-s4-1f2e…}), from a template made from the local schema ({@link IndexMapping}).
 *   <li>Each paper's id is its key and each write a {@code create}: a load that was killed and is
 *       run again finds its index, and the papers already there answer "exists" (counted, not
 *       duplicated), so it resumes.
 *   <li>At most {@link Options#inFlight()} bulk requests are outstanding (the reader waits: memory
 *       stays bounded); a 429 (the cluster's queues are full) or an unreachable node is retried
 *       with growing pauses, only for the papers it concerns.
 *   <li>When every paper is in, replicas are added, the index is refreshed and marked complete, and
 *       one {@code _aliases} call moves the alias to it and deletes the index it served before:
 *       searches see the old catalogue or the new one, never a mix.
 * </ul>
 *
 * Not thread-safe: one load at a time.
 */
public final class BulkLoader {

  /**
   * How to load.
   *
   * @param shards primary shards of a new index
   * @param replicas replicas once loaded (none while loading)
   * @param batch papers per bulk request
   * @param inFlight bulk requests outstanding at once
   * @param timeout the longest one bulk request (or waiting for the index) may take
   */
  public record Options(int shards, int replicas, int batch, int inFlight, Duration timeout) {
    public static Options defaults() {
      return new Options(1, 1, 1000, 2, Duration.ofMinutes(2));
    }

    public Options withShards(int n) {
      return new Options(n, replicas, batch, inFlight, timeout);
    }

    public Options withReplicas(int n) {
      return new Options(shards, n, batch, inFlight, timeout);
    }
  }

  /** Progress of a load, called after each bulk request from the thread that sent it. */
  public interface Progress {
    void update(long done, long total);

    Progress NONE = (done, total) -> {};
  }

  /**
   * What a load did.
   *
   * @param index the concrete index the alias now names
   * @param created papers written by this load
   * @param alreadyThere papers a previous, interrupted load had written
   * @param retried papers sent again after a 429 or an unreachable node
   * @param upToDate whether the alias already named a complete index of these papers (nothing sent)
   */
  public record Result(
      String index, long created, long alreadyThere, long retried, boolean upToDate) {}

  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_ATTEMPTS = 12;

  private final ClusterClient client;
  private final Options options;
  private final String alias;

  public BulkLoader(ClusterClient client, Options options) {
    this.client = client;
    this.options = options;
    this.alias = client.settings().alias();
  }

  /**
   * The papers of a load (merged, keys unique): how many, for progress, and a pass over them. A
   * load makes two passes (the first names the index, the second sends), so they must be the same
   * papers each time; their order does not matter.
   */
  public interface Papers {
    long count() throws IOException;

    void forEach(PaperIndex.PaperVisitor visitor) throws IOException;

    static Papers of(List<Paper> papers) {
      return new Papers() {
        @Override
        public long count() {
          return papers.size();
        }

        @Override
        public void forEach(PaperIndex.PaperVisitor visitor) throws IOException {
          for (Paper p : papers) {
            visitor.paper(p);
          }
        }
      };
    }

    /** The papers of a local catalogue, streamed from its index: memory does not grow with it. */
    static Papers of(PaperIndex index) {
      return new Papers() {
        @Override
        public long count() throws IOException {
          return index.size();
        }

        @Override
        public void forEach(PaperIndex.PaperVisitor visitor) throws IOException {
          index.forEachPaper(visitor);
        }
      };
    }
  }

  /** The name of the index that holds exactly {@code papers} in this schema. */
  public String indexName(List<Paper> papers) throws IOException {
    return indexName(Papers.of(papers));
  }

  /**
   * The name of the index that holds exactly {@code papers} in this schema: a digest of each
   * paper's stored form, summed lane by lane so that it does not depend on the order the papers
   * come in (a rebuilt local catalogue may stream the same papers in another order, and a re-run
   * must find the index of an interrupted load to resume it).
   */
  public String indexName(Papers papers) throws IOException {
    MessageDigest digest = sha256();
    long[] sum = new long[4];
    long[] count = new long[1];
    papers.forEach(
        p -> {
          ByteBuffer h = ByteBuffer.wrap(digest.digest(IndexSchema.encode(p)));
          for (int i = 0; i < sum.length; i++) {
            sum[i] += h.getLong();
          }
          count[0]++;
        });
    ByteBuffer all = ByteBuffer.allocate(8 * (sum.length + 1)).putLong(count[0]);
    for (long lane : sum) {
      all.putLong(lane);
    }
    String hash = HexFormat.of().formatHex(digest.digest(all.array())).substring(0, 16);
    return alias + "-s" + IndexSchema.version() + "-" + hash;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Loads {@code papers} (merged, keys unique) and points the alias at them. */
  public Result load(List<Paper> papers, Progress progress) throws IOException {
    return load(Papers.of(papers), progress);
  }

  /**
   * Loads {@code papers} and points the alias at them, holding at most {@link Options#inFlight()}
   * batches (plus the one being filled) in memory: the pass over the papers waits for a free slot.
   */
  public Result load(Papers papers, Progress progress) throws IOException {
    String index = indexName(papers);
    long total = papers.count();
    Duration t = options.timeout();
    client.call(
        "PUT", "/_index_template/" + ClusterClient.encode(alias), IndexMapping.template(alias), t);
    List<String> before = aliased();
    if (before.contains(index) && complete(index)) {
      return new Result(index, 0, 0, 0, true);
    }
    ensureIndex(index);
    AtomicLong created = new AtomicLong();
    AtomicLong already = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Semaphore slots = new Semaphore(options.inFlight());
    List<Future<?>> sent = new ArrayList<>();
    long streamed;
    try (ExecutorService senders = Executors.newFixedThreadPool(options.inFlight())) {
      /** Fills a batch and hands it to a sender once a slot is free: the pass waits for one. */
      class Batches implements PaperIndex.PaperVisitor {
        private List<Paper> batch = new ArrayList<>(options.batch());
        private long count;

        @Override
        public void paper(Paper paper) throws IOException {
          count++;
          batch.add(paper);
          if (batch.size() >= options.batch()) {
            flush();
          }
        }

        void flush() throws IOException {
          if (batch.isEmpty()) {
            return;
          }
          List<Paper> full = batch;
          batch = new ArrayList<>(options.batch());
          acquire(slots);
          sent.add(
              senders.submit(
                  () -> {
                    try {
                      send(index, full, created, already, retried);
                      progress.update(done.addAndGet(full.size()), total);
                      return null;
                    } finally {
                      slots.release();
                    }
                  }));
          failFast(sent);
        }
      }
      Batches batches = new Batches();
      papers.forEach(batches);
      batches.flush();
      streamed = batches.count;
      for (Future<?> f : sent) {
        join(f);
      }
    }
    finish(index, streamed, before);
    return new Result(index, created.get(), already.get(), retried.get(), false);
  }

  /** The indexes the alias names now (none when it does not exist). */
  private List<String> aliased() throws IOException {
    ClusterClient.Answer answer =
        client.send("GET", "/_alias/" + ClusterClient.encode(alias), null, null, options.timeout());
    List<String> names = new ArrayList<>();
    if (answer.status() == 404) {
      return names;
    }
    JsonNode all = ClusterClient.JSON.readTree(answer.body());
    all.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private boolean complete(String index) throws IOException {
    JsonNode mapping = client.call("GET", "/" + index + "/_mapping", null, options.timeout());
    return mapping.path(index).path("mappings").path("_meta").path("complete").asBoolean(false);
  }

  private void ensureIndex(String index) throws IOException {
    ClusterClient.Answer exists = client.send("HEAD", "/" + index, null, null, options.timeout());
    if (exists.status() == 200) {
      return; // an interrupted load of the same papers: resumed
    }
    ObjectNode body = F.objectNode();
    ObjectNode settings = body.putObject("settings").putObject("index");
    settings.put("number_of_shards", options.shards());
    // no replicas and no refreshes while loading: each paper is written once, then copied
    settings.put("number_of_replicas", 0);
    settings.put("refresh_interval", "-1");
    try {
      client.call("PUT", "/" + index, body, options.timeout());
    } catch (ClusterException e) {
      if (e.status() != 400 || !e.getMessage().contains("resource_already_exists")) {
        throw e;
      }
    }
  }

  /** Sends one batch, again and again for the papers the cluster could not take yet. */
  private void send(
      String index, List<Paper> batch, AtomicLong created, AtomicLong already, AtomicLong retried)
      throws IOException {
    List<Paper> left = batch;
    for (int attempt = 1; ; attempt++) {
      List<Paper> again = new ArrayList<>();
      String failure = null;
      try {
        ClusterClient.Answer answer =
            client.send(
                "POST", "/_bulk", ndjson(index, left), "application/x-ndjson", options.timeout());
        JsonNode items = ClusterClient.JSON.readTree(answer.body()).path("items");
        Iterator<JsonNode> it = items.elements();
        for (Paper p : left) {
          JsonNode item = it.hasNext() ? it.next().path("create") : null;
          int status = item == null ? 0 : item.path("status").asInt();
          if (status == 201) {
            created.incrementAndGet();
          } else if (status == 409) {
            already.incrementAndGet();
          } else if (status == 429 || status == 0 || status >= 500) {
            again.add(p);
          } else {
            throw new ClusterException(
                status, "the cluster refused paper " + p.key() + ": " + item.path("error"), null);
          }
        }
      } catch (ClusterException e) {
        if (!(e.unreachable() || e.status() == 429)) {
          throw e;
        }
        again = left;
        failure = e.getMessage();
      }
      if (again.isEmpty()) {
        return;
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new ClusterException(
            failure == null ? 429 : 0,
            again.size()
                + " papers could not be loaded after "
                + attempt
                + " attempts"
                + (failure == null ? " (the cluster kept answering 429)" : ": " + failure),
            null);
      }
      retried.addAndGet(again.size());
      left = again;
      pause(attempt);
    }
  }

  /** The bulk body: a {@code create} of each paper under its key. */
  static byte[] ndjson(String index, List<Paper> papers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(papers.size() * 2048);
    try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (Paper p : papers) {
        g.writeStartObject();
        g.writeObjectFieldStart("create");
        g.writeStringField("_index", index);
        g.writeStringField("_id", p.key());
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        document(g, p);
        g.writeRaw('\n');
      }
    }
    return out.toByteArray();
  }

  /** A paper as the cluster stores it: the stored paper, the year, the terms of each field. */
  static void document(JsonGenerator g, Paper p) throws IOException {
    g.writeStartObject();
    g.writeFieldName(IndexMapping.PAPER);
    g.writeRawValue(new String(IndexSchema.encode(p), StandardCharsets.UTF_8));
    if (p.year() != null) {
      g.writeNumberField(IndexMapping.name(IndexSchema.YEAR), p.year());
    }
    String source = p.origin() == null ? null : p.origin().source();
    for (Map.Entry<String, List<String>> e : IndexSchema.terms(p, source).entrySet()) {
      g.writeArrayFieldStart(IndexMapping.name(e.getKey()));
      for (String term : e.getValue()) {
        g.writeString(term);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Replicas, refresh, marked complete, then the alias moved in one atomic call. */
  private void finish(String index, long papers, List<String> before) throws IOException {
    Duration t = options.timeout();
    ObjectNode settings = F.objectNode();
    settings
        .putObject("index")
        .put("number_of_replicas", options.replicas())
        .putNull("refresh_interval");
    client.call("PUT", "/" + index + "/_settings", settings, t);
    client.call("POST", "/" + index + "/_refresh", null, t);
    client.call(
        "GET",
        "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=" + t.toSeconds() + "s",
        null,
        t.plusSeconds(5));
    ObjectNode meta = F.objectNode();
    meta.putObject("_meta")
        .put("complete", true)
        .put("papers", papers)
        .put("schema", IndexSchema.version());
    client.call("PUT", "/" + index + "/_mapping", meta, t);
    ObjectNode actions = F.objectNode();
    var list = actions.putArray("actions");
    list.addObject().putObject("add").put("index", index).put("alias", alias);
    for (String old : before) {
      if (!old.equals(index)) {
        list.addObject().putObject("remove_index").put("index", old);
      }
    }
    client.call("POST", "/_aliases", actions, t);
  }

  private static void pause(int attempt) throws InterruptedIOException {
    long millis = Math.min(5_000, 100L << Math.min(attempt, 6));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static void acquire(Semaphore slots) throws InterruptedIOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while loading");
    }
  }

  private static void failFast(List<Future<?>> sent) throws IOException {
    for (Future<?> f : sent) {
      if (f.isDone()) {
        join(f);
      }
    }
  }

  private static void join(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while loading");
    } catch (java.util.concurrent.ExecutionException e) {
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
