package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import dev.citeassist.server.MalformedMessages.Answer;
import dev.citeassist.server.MalformedMessages.Case;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile input over real stdio: the server runs as a separate JVM and a strict
 * framing client ({@link RawStdioServer}) sends raw bytes. Frames that keep the stream delimited
 * ({@link MalformedMessages}, {@value #DEFAULT_FRAMES} by default, {@code
 * -Dciteassist.malformedFrames=N} for more) go to one server in batches: each request gets exactly
 * one response, no error carries internals, and after each batch hover and completion still answer
 * with the project's entry. Framing that cannot be delimited gets one server per case: it must say
 * why on stderr and exit non-zero by itself, without the input being closed.
 */
class MalformedInputStdioTest {

  static final int DEFAULT_FRAMES = 1200;
  static final int FRAMES = Integer.getInteger("citeassist.malformedFrames", DEFAULT_FRAMES);
  static final long SEED = Long.getLong("citeassist.malformedSeed", 20261129L);
  static final int BATCH = 300;
  static final Duration WAIT = Duration.ofSeconds(90);

  static final String TITLE = "A Random Matrix Approach to Neural Networks";
  static final String REFS =
      """
      @article{liao2018random,
        title = {A Random Matrix Approach to Neural Networks},
        author = {Liao, Zhenyu and Couillet, Romain},
        year = {2018}
      }
      """;
  static final String MAIN =
      """
      \\documentclass{article}
      \\begin{document}
      \\citep[see][]{liao2018random}
      \\bibliography{refs}
      \\end{document}
      """;

  private static final AtomicInteger sent = new AtomicInteger();
  private static final AtomicInteger answered = new AtomicInteger();
  private static final AtomicInteger ignored = new AtomicInteger();
  private static final AtomicInteger closedWithReason = new AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicLong slowestExitMillis =
      new java.util.concurrent.atomic.AtomicLong();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @TempDir Path cache;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "malformed input over stdio: %d frames sent, %d answered, %d ignored, %d connections"
            + " closed with a reason%n",
        sent.get(), answered.get(), ignored.get(), closedWithReason.get());
    System.out.printf(
        "slowest exit after undelimitable input: %d ms (JVM start not included)%n",
        slowestExitMillis.get());
  }

  @Test
  void everyDelimitedFrameIsAnsweredOnceAndTheServerKeepsServing() throws Exception {
    Files.writeString(dir.resolve("refs.bib"), REFS);
    Files.writeString(dir.resolve("main.tex"), MAIN);
    String main = Documents.uri(dir.resolve("main.tex"));
    String fuzz = Documents.uri(dir.resolve("fuzz.tex"));
    MalformedMessages generator = new MalformedMessages(SEED, fuzz);
    Map<String, Integer> expectedById = new HashMap<>();
    Map<String, Answer> answerById = new HashMap<>();
    Map<String, String> familyById = new HashMap<>();
    int expectedNullIds = 0;
    int notifications = 0;
    try (RawStdioServer s = RawStdioServer.start(dir, cache, "recoverable")) {
      Sentinel sentinel = new Sentinel(s, main);
      sentinel.initialize(dir, cache);
      sentinel.open(main, MAIN);
      sentinel.open(fuzz, MAIN);
      sentinel.hoverUntilEntryShows();
      hugeDocument(sentinel);
      int batches = 0;
      for (int done = 0; done < FRAMES; batches++) {
        List<Case> batch = generator.next(Math.min(BATCH, FRAMES - done));
        for (Case c : batch) {
          assertTrue(s.send(c.bytes()), "the server stopped reading at a " + c.family() + " frame");
          switch (c.answer()) {
            case BY_ID, RESULT_BY_ID -> {
              expectedById.merge(c.id().toString(), 1, Integer::sum);
              familyById.put(c.id().toString(), c.family());
              answerById.merge(
                  c.id().toString(), c.answer(), (a, b) -> a == Answer.RESULT_BY_ID ? a : b);
            }
            case NULL_ID -> expectedNullIds++;
            case NONE -> notifications++;
          }
        }
        done += batch.size();
        int nullIds = expectedNullIds;
        assertTrue(
            s.awaitAll(
                received -> {
                  Map<String, Integer> got = count(received);
                  return got.getOrDefault("null", 0) >= nullIds
                      && expectedById.entrySet().stream()
                          .allMatch(e -> got.getOrDefault(e.getKey(), 0) >= e.getValue());
                },
                WAIT),
            "unanswered after batch "
                + batches
                + ": "
                + missing(s.received(), expectedById).stream()
                    .map(id -> id + " (" + familyById.get(id) + ")")
                    .toList()
                + ", stderr in "
                + s.stderr);
        sentinel.hoverShowsEntry();
        sentinel.completionOffersEntry();
      }
      sentinel.shutdownAndExit();
      assertEquals(0, s.awaitExit(WAIT), "exit code after shutdown and exit");
      assertEquals(List.of(), s.violations(), "stdout held something other than JSON-RPC frames");

      Map<String, List<JsonObject>> responses = s.responsesById();
      List<String> problems = new ArrayList<>();
      for (var e : expectedById.entrySet()) {
        List<JsonObject> got = responses.getOrDefault(e.getKey(), List.of());
        if (got.size() != e.getValue()) {
          problems.add("id " + e.getKey() + ": " + got.size() + " responses, not " + e.getValue());
        }
        if (answerById.get(e.getKey()) == Answer.RESULT_BY_ID) {
          got.stream()
              .filter(r -> !r.has("result"))
              .forEach(r -> problems.add("an error where a result was due: " + r));
        }
      }
      assertEquals(
          expectedNullIds,
          responses.getOrDefault("null", List.of()).size(),
          "error responses with id null: "
              + responses.getOrDefault("null", List.of()).stream()
                  .map(r -> r.getAsJsonObject("error").get("message").getAsString())
                  .collect(
                      java.util.stream.Collectors.groupingBy(
                          m -> m, java.util.stream.Collectors.counting())));
      for (var e : responses.entrySet()) {
        if (!expectedById.containsKey(e.getKey())
            && !e.getKey().equals("null")
            && !sentinel.ids.contains(e.getKey())) {
          problems.add("a response to no request of ours: " + e.getValue());
        }
        for (JsonObject r : e.getValue()) {
          problems.addAll(errorProblems(r));
        }
      }
      for (JsonObject m : s.received()) {
        if (m.has("method") && m.get("method").getAsString().equals("window/logMessage")) {
          String text = m.getAsJsonObject("params").get("message").getAsString();
          if (text.contains("\n") || text.contains("\tat ")) {
            problems.add("a log message of more than one line: " + text);
          }
        }
      }
      assertEquals(List.of(), problems.stream().limit(30).toList(), problems.size() + " problems");
      String stderr = s.stderrText();
      assertTrue(!stderr.contains("StackOverflowError"), "a stack overflow: see " + s.stderr);

      int generated =
          expectedById.values().stream().mapToInt(Integer::intValue).sum()
              + expectedNullIds
              + notifications;
      sent.addAndGet(generated);
      answered.addAndGet(generated - notifications);
      ignored.addAndGet(notifications);
      System.out.printf(
          "delimited frames: %d sent in %d batches (%d with an id answered, %d answered with id"
              + " null, %d notifications or responses ignored), %d sentinel requests answered%n",
          generated,
          batches,
          generated - notifications - expectedNullIds,
          expectedNullIds,
          notifications,
          sentinel.ids.size());
    }
  }

  @Test
  void oddInitializeAndConfigurationAreAnsweredOrIgnoredAndTheServerStillServes() throws Exception {
    Files.writeString(dir.resolve("refs.bib"), REFS);
    Files.writeString(dir.resolve("main.tex"), MAIN);
    String main = Documents.uri(dir.resolve("main.tex"));
    String[] initializeParams = {
      null,
      "{}",
      "{\"processId\":null}",
      "{\"capabilities\":5}",
      "{\"capabilities\":{\"textDocument\":[]}}",
      "{\"capabilities\":{},\"initializationOptions\":5}",
      "{\"capabilities\":{},\"initializationOptions\":[1,2]}",
      "{\"capabilities\":{},\"initializationOptions\":{\"completionLimit\":\"many\"}}",
      "{\"capabilities\":{},\"initializationOptions\":{\"catalogueSources\":{}}}",
      "{\"capabilities\":{},\"rootUri\":\"untitled:x\"}",
      "{\"capabilities\":{},\"workspaceFolders\":[{\"uri\":5,\"name\":null}]}",
      "{\"capabilities\":{},\"processId\":\"me\"}",
    };
    String[] settings = {
      null,
      "{}",
      "{\"settings\":null}",
      "{\"settings\":5}",
      "{\"settings\":[]}",
      "{\"settings\":{\"citeassist\":\"x\"}}",
      "{\"settings\":{\"citeassist\":{\"completionLimit\":-5,\"catalogueSources\":7}}}",
    };
    try (RawStdioServer s = RawStdioServer.start(dir, cache, "initialize")) {
      Sentinel sentinel = new Sentinel(s, main);
      List<String> problems = new ArrayList<>();
      for (String p : initializeParams) {
        JsonObject r =
            sentinel.request(
                "initialize", p == null ? null : JsonParser.parseString(p).getAsJsonObject());
        problems.addAll(errorProblems(r));
      }
      sentinel.initialize(dir, cache);
      for (String p : settings) {
        JsonObject n = new JsonObject();
        n.addProperty("jsonrpc", "2.0");
        n.addProperty("method", "workspace/didChangeConfiguration");
        if (p != null) {
          n.add("params", JsonParser.parseString(p));
        }
        assertTrue(s.send(RawStdioServer.frame(n.toString())));
      }
      // Back to the settings the test needs, then the user's requests.
      JsonObject good = new JsonObject();
      good.add("settings", new JsonObject());
      sentinel.notify("workspace/didChangeConfiguration", good);
      sentinel.open(main, MAIN);
      sentinel.hoverUntilEntryShows();
      sentinel.completionOffersEntry();
      for (JsonObject m : s.received()) {
        problems.addAll(
            errorProblems(m.has("method") ? new JsonObject() : m).stream()
                .filter(p -> !p.startsWith("a response needs exactly one"))
                .toList());
      }
      assertEquals(List.of(), problems);
      sentinel.shutdownAndExit();
      assertEquals(0, s.awaitExit(WAIT));
      assertEquals(List.of(), s.violations());
      sent.addAndGet(initializeParams.length + settings.length);
      answered.addAndGet(initializeParams.length);
      ignored.addAndGet(settings.length);
    }
  }

  /** An error response must say what is wrong in words: no stack trace, no exception dump. */
  static List<String> errorProblems(JsonObject response) {
    List<String> problems = new ArrayList<>();
    if (response.has("result") == response.has("error")) {
      problems.add("a response needs exactly one of result and error: " + response);
    }
    if (!response.has("error")) {
      return problems;
    }
    JsonObject error = response.getAsJsonObject("error");
    String message = error.has("message") ? error.get("message").getAsString() : "";
    int code = error.get("code").getAsInt();
    if (message.isBlank()
        || message.contains("\n")
        || message.contains("Exception")
        || message.contains("java.")
        || message.contains("\tat ")) {
      problems.add("an error message that is not for a person: " + message);
    }
    if (error.has("data") && !error.get("data").isJsonNull()) {
      problems.add("error data: " + OneLine.of(error.get("data").toString()));
    }
    if (code == -32603) {
      problems.add("an internal error (a bug, see the server's stderr): " + response);
    }
    return problems;
  }

  private static Map<String, Integer> count(List<JsonObject> received) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonObject m : received) {
      if (!m.has("method")) {
        out.merge(m.has("id") ? m.get("id").toString() : "null", 1, Integer::sum);
      }
    }
    return out;
  }

  private static List<String> missing(List<JsonObject> received, Map<String, Integer> expected) {
    Map<String, Integer> got = count(received);
    return expected.entrySet().stream()
        .filter(e -> got.getOrDefault(e.getKey(), 0) < e.getValue())
        .map(Map.Entry::getKey)
        .limit(20)
        .toList();
  }

  /** An 8 MB document, changed and hovered at its end: served like a small one. */
  private static void hugeDocument(Sentinel sentinel) throws Exception {
    StringBuilder text = new StringBuilder("\\documentclass{article}\n\\begin{document}\n");
    String filler = "A line of prose that makes this document large, with no citation at all.\n";
    while (text.length() < 8_000_000) {
      text.append(filler);
    }
    int line = (int) text.chars().filter(c -> c == '\n').count();
    text.append("\\citep{liao2018random}\n\\bibliography{refs}\n\\end{document}\n");
    String uri = sentinel.mainUri.replace("main.tex", "huge.tex");
    sentinel.open(uri, text.toString());
    JsonObject hover = sentinel.request("textDocument/hover", Sentinel.position(uri, line, 10));
    assertTrue(
        hover.has("result") && hover.get("result").toString().contains(TITLE),
        "hover: " + OneLine.of(hover.toString()));
  }

  /** Well-formed requests between batches: what the user does while the junk goes by. */
  static final class Sentinel {
    final RawStdioServer server;
    final String mainUri;
    final List<String> ids = new ArrayList<>();
    private int next;

    Sentinel(RawStdioServer server, String mainUri) {
      this.server = server;
      this.mainUri = mainUri;
    }

    JsonObject request(String method, JsonObject params) throws InterruptedException {
      JsonPrimitive id = new JsonPrimitive("sentinel-" + next++);
      ids.add(id.toString());
      JsonObject r = new JsonObject();
      r.addProperty("jsonrpc", "2.0");
      r.add("id", id);
      r.addProperty("method", method);
      if (params != null) {
        r.add("params", params);
      }
      assertTrue(server.send(RawStdioServer.frame(r.toString())), "the server stopped reading");
      JsonObject response = server.await(RawStdioServer.responseTo(id), WAIT);
      assertNotNull(response, "no answer to " + method + " within " + WAIT);
      return response;
    }

    void notify(String method, JsonObject params) {
      JsonObject n = new JsonObject();
      n.addProperty("jsonrpc", "2.0");
      n.addProperty("method", method);
      n.add("params", params);
      assertTrue(server.send(RawStdioServer.frame(n.toString())), "the server stopped reading");
    }

    void initialize(Path root, Path cache) throws InterruptedException {
      JsonObject params =
          JsonParser.parseString(
                  "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{}}")
              .getAsJsonObject();
      params.addProperty("rootUri", Documents.uri(root));
      params.getAsJsonObject("initializationOptions").addProperty("cacheDir", cache.toString());
      JsonObject response = request("initialize", params);
      assertTrue(response.has("result"), response.toString());
      notify("initialized", new JsonObject());
    }

    void open(String uri, String text) {
      JsonObject item = new JsonObject();
      item.addProperty("uri", uri);
      item.addProperty("languageId", "latex");
      item.addProperty("version", 1);
      item.addProperty("text", text);
      JsonObject params = new JsonObject();
      params.add("textDocument", item);
      notify("textDocument/didOpen", params);
    }

    static JsonObject position(String uri, int line, int character) {
      JsonObject document = new JsonObject();
      document.addProperty("uri", uri);
      JsonObject position = new JsonObject();
      position.addProperty("line", line);
      position.addProperty("character", character);
      JsonObject params = new JsonObject();
      params.add("textDocument", document);
      params.add("position", position);
      return params;
    }

    /** The project's entry is indexed in the background: wait for it once. */
    void hoverUntilEntryShows() throws Exception {
      Poll.until(
          WAIT,
          "the entry in hover",
          () -> request("textDocument/hover", position(mainUri, 2, 16)),
          r -> r.toString().contains(TITLE));
    }

    void hoverShowsEntry() throws InterruptedException {
      JsonObject r = request("textDocument/hover", position(mainUri, 2, 16));
      assertTrue(r.has("result") && r.toString().contains(TITLE), "hover after a batch: " + r);
    }

    void completionOffersEntry() throws InterruptedException {
      JsonObject r = request("textDocument/completion", position(mainUri, 2, 18));
      assertTrue(
          r.has("result") && r.toString().contains("\"label\":\"liao2018random\""),
          "completion after a batch: " + OneLine.of(r.toString()));
    }

    void shutdownAndExit() throws InterruptedException {
      JsonObject r = request("shutdown", null);
      assertTrue(r.has("result"), r.toString());
      JsonObject exit = new JsonObject();
      exit.addProperty("jsonrpc", "2.0");
      exit.addProperty("method", "exit");
      server.send(RawStdioServer.frame(exit.toString()));
    }
  }

  /** A byte stream that cannot be cut into messages any more, and whether the input then ends. */
  record Broken(String name, byte[] bytes, boolean closeInput, List<Integer> answeredIds) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Broken> brokenFramings() {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"citeassist/ping\"}";
    String next =
        new String(
            RawStdioServer.frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"citeassist/ping\"}"),
            StandardCharsets.UTF_8);
    int n = ping.length();
    List<Broken> cases = new ArrayList<>();
    for (String length :
        List.of("-1", "abc", "1e20", "99999999999999999999", "", "12abc", "+5", "0x10", "5 5")) {
      cases.add(
          broken(
              "Content-Length: '" + length + "'", "Content-Length: " + length + "\r\n\r\n" + ping));
    }
    cases.add(
        broken(
            "Content-Length over the limit, no body",
            "Content-Length: " + (FrameReader.MAX_FRAME_BYTES + 1L) + "\r\n\r\n"));
    cases.add(broken("no header at all", ping));
    cases.add(broken("a header without a colon", "Content-Length " + n + "\r\n\r\n" + ping));
    cases.add(broken("a space before the colon", "Content-Length : " + n + "\r\n\r\n" + ping));
    cases.add(broken("no Content-Length header", "Content-Type: application/json\r\n\r\n" + ping));
    cases.add(
        broken(
            "two different Content-Lengths",
            "Content-Length: " + n + "\r\nContent-Length: " + (n + 1) + "\r\n\r\n" + ping));
    cases.add(broken("a bare carriage return", "Content-Length: " + n + "\r\r\n\r\n" + ping));
    cases.add(
        broken(
            "a header line over the limit",
            "X-Pad: "
                + "a".repeat(FrameReader.MAX_HEADER_LINE_BYTES)
                + "\r\nContent-Length: "
                + n
                + "\r\n\r\n"
                + ping));
    cases.add(
        broken(
            "too many headers",
            "X-A: 1\r\n".repeat(FrameReader.MAX_HEADERS + 1)
                + "Content-Length: "
                + n
                + "\r\n\r\n"
                + ping));
    cases.add(
        broken(
            "a control character in a header", "Content-Length: " + n + "\u0000\r\n\r\n" + ping));
    cases.add(broken("a non-ASCII header name", "Cöntent-Length: " + n + "\r\n\r\n" + ping));
    cases.add(
        new Broken(
            "binary garbage",
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\r', '\n', '\r', '\n'},
            false,
            List.of()));
    // Off by one: the damaged frame is still answered, the next header is where the stream breaks.
    cases.add(
        new Broken(
            "too short by one, then a frame",
            ("Content-Length: " + (n - 1) + "\r\n\r\n" + ping + next)
                .getBytes(StandardCharsets.UTF_8),
            false,
            List.of(2)));
    cases.add(
        new Broken(
            "too long by one, then a frame",
            ("Content-Length: " + (n + 1) + "\r\n\r\n" + ping + next)
                .getBytes(StandardCharsets.UTF_8),
            false,
            List.of(2)));
    // At the end of input: these are only known to be broken when the input ends.
    cases.add(
        new Broken(
            "body shorter than announced at EOF",
            ("Content-Length: " + (n + 50) + "\r\n\r\n" + ping).getBytes(StandardCharsets.UTF_8),
            true,
            List.of()));
    cases.add(
        new Broken(
            "huge length, no body, EOF",
            "Content-Length: 200000000\r\n\r\n".getBytes(StandardCharsets.UTF_8),
            true,
            List.of()));
    cases.add(
        new Broken(
            "EOF inside a header",
            "Content-Length: 5".getBytes(StandardCharsets.UTF_8),
            true,
            List.of()));
    cases.add(
        new Broken(
            "EOF after the header",
            ("Content-Length: " + n + "\r\n\r\n").getBytes(StandardCharsets.UTF_8),
            true,
            List.of()));
    return cases.stream();
  }

  private static Broken broken(String name, String bytes) {
    return new Broken(name, bytes.getBytes(StandardCharsets.UTF_8), false, List.of());
  }

  /**
   * One server per case, three at a time: starting a JVM is most of each case's time. Each case is
   * reported as its own test.
   */
  @TestFactory
  Stream<DynamicTest> undelimitableInputClosesWithAReasonAndExits() throws Exception {
    List<Broken> cases = brokenFramings().toList();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Broken c = cases.get(i);
      Path caseDir = Files.createDirectories(dir.resolve("broken-" + i));
      runs.add(
          pool.submit(
              () -> {
                closesWithAReasonAndExits(c, caseDir);
                return null;
              }));
    }
    pool.shutdown();
    return java.util.stream.IntStream.range(0, cases.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    cases.get(i).name(),
                    () -> {
                      try {
                        runs.get(i).get();
                      } catch (ExecutionException e) {
                        throw e.getCause();
                      }
                    }));
  }

  private void closesWithAReasonAndExits(Broken c, Path caseDir) throws Exception {
    try (RawStdioServer s = RawStdioServer.start(caseDir, cache, "broken")) {
      // A good frame first: the connection was alive before the damage.
      JsonPrimitive first = new JsonPrimitive(1);
      s.send(RawStdioServer.frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"citeassist/ping\"}"));
      assertNotNull(s.await(RawStdioServer.responseTo(first), WAIT), "the good frame before");
      long damaged = System.nanoTime();
      s.send(c.bytes());
      if (c.closeInput()) {
        s.closeInput();
      }
      Integer code = s.awaitExit(WAIT);
      slowestExitMillis.accumulateAndGet((System.nanoTime() - damaged) / 1_000_000, Math::max);
      assertNotNull(
          code,
          "still running "
              + WAIT
              + " after the damage, input "
              + (c.closeInput() ? "closed" : "open"));
      assertTrue(code != 0, "exit code " + code);
      String stderr = s.stderrText();
      assertTrue(stderr.contains("closing the connection: "), "no reason on stderr:\n" + stderr);
      assertEquals(List.of(), s.violations(), "stdout held something other than JSON-RPC frames");
      for (int id : c.answeredIds()) {
        JsonObject r = s.await(RawStdioServer.responseTo(new JsonPrimitive(id)), Duration.ZERO);
        assertNotNull(r, "the damaged frame's request " + id + " was not answered");
        assertEquals(List.of(), errorProblems(r));
      }
      sent.addAndGet(2);
      answered.addAndGet(1 + c.answeredIds().size());
      closedWithReason.incrementAndGet();
    }
  }
}
