package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.services.GenericEndpoint;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Fuzz targets for the server's JSON-RPC input. {@code framing}: any bytes through the server's own
 * frame reader ({@link FrameReader}) and the JSON handler that its launcher builds. {@code
 * messages}: one well-formed frame with any content, sent to one long-lived in-process server
 * (started and initialized once per run, with its own temporary workspace and cache), which must
 * answer every request exactly once, with a result or an error that carries no Java stack trace,
 * and keep serving. {@code mvn verify} replays {@code
 * src/test/resources/dev/citeassist/server/JsonRpcFuzzTestInputs/<method>/}.
 *
 * <p>The fuzzer must not make the server write outside its sandbox: lifecycle and configuration
 * messages ({@code initialize}, {@code shutdown}, {@code exit}, settings, commands that write a
 * .bib) are not sent, nor is a message naming a file outside the temporary workspace. In seeds,
 * {@code file:///ws/} stands for that workspace.
 */
class JsonRpcFuzzTest {

  private static final Pattern STACK_TRACE =
      Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\n\\s*at [\\w$.]+\\(|\\.java:\\d+\\)");
  private static final Set<String> NOT_SENT =
      Set.of(
          "initialize",
          "shutdown",
          "exit",
          "workspace/didChangeConfiguration",
          "workspace/executeCommand");
  private static final long ANSWER_MILLIS = 10_000;

  // --- framing -------------------------------------------------------------------------------

  /** The JSON handler the server's launcher uses (same supported methods and type adapters). */
  private static final class ServerLauncherBuilder extends LSPLauncher.Builder<LanguageClient> {
    MessageJsonHandler jsonHandler() {
      return createJsonHandler();
    }
  }

  private static MessageJsonHandler handler;

  /** The loggers of the reader and the endpoint: a frame dropped is logged, never silent. */
  private static final List<Logger> READER_LOGS =
      List.of(
          Logger.getLogger(FrameReader.class.getName()),
          Logger.getLogger(ProtocolEndpoint.class.getName()),
          Logger.getLogger(RemoteEndpoint.class.getName()));

  /** Collects their warnings while one input is read, instead of their usual handlers. */
  private static final class Warnings extends Handler implements AutoCloseable {
    final List<LogRecord> records = new ArrayList<>();

    Warnings() {
      for (Logger log : READER_LOGS) {
        log.setUseParentHandlers(false);
        log.addHandler(this);
      }
    }

    @Override
    public synchronized void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        records.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      for (Logger log : READER_LOGS) {
        log.removeHandler(this);
        log.setUseParentHandlers(true);
      }
    }
  }

  private static synchronized MessageJsonHandler handler() {
    if (handler == null) {
      ServerLauncherBuilder builder = new ServerLauncherBuilder();
      builder.setLocalService(new CiteAssistLanguageServer(() -> {}));
      builder.setRemoteInterface(LanguageClient.class);
      handler = builder.jsonHandler();
    }
    return handler;
  }

  /**
   * Any bytes: reading ends at the end of the input, nothing escapes, every message read can be
   * written back as a JSON object, and the reader's own replies are errors without internals. When
   * the input is a sequence of well-formed frames ({@code Content-Length}, blank line, that many
   * bytes of a JSON-RPC object), the connection is not closed and each frame gives a message, an
   * error reply or a logged warning: a frame is never lost without a trace.
   */
  @FuzzTest
  @DictionaryEntries({
    "Content-Length: ",
    "Content-Type: application/vscode-jsonrpc; charset=utf-8",
    "\"jsonrpc\":\"2.0\"",
    "\"id\":",
    "\"method\":",
    "\"params\":",
    "\"result\":",
    "\"error\":",
    "textDocument/completion",
    "textDocument/hover",
    "textDocument/didOpen",
    "$/cancelRequest"
  })
  void framing(byte[] bytes) {
    MessageJsonHandler json = handler();
    List<Message> messages = new ArrayList<>();
    List<Message> replies = new ArrayList<>();
    ProtocolEndpoint endpoint =
        new ProtocolEndpoint(replies::add, new GenericEndpoint(new Object()), new ErrorReplies());
    List<LogRecord> logged;
    try (Warnings warnings = new Warnings()) {
      // The server's own reader, as ProtocolLauncher builds it; listen returns at end of input.
      new FrameReader(new ByteArrayInputStream(bytes), json, endpoint).listen(messages::add);
      synchronized (warnings) {
        logged = List.copyOf(warnings.records);
      }
    }
    for (Message m : messages) {
      JsonElement back = JsonParser.parseString(json.serialize(m));
      assertTrue(back.isJsonObject(), "written back as " + back);
    }
    for (Message r : replies) {
      JsonObject reply = JsonParser.parseString(json.serialize(r)).getAsJsonObject();
      assertTrue(reply.has("error"), "a reply of the reader is an error: " + reply);
      assertFalse(reply.getAsJsonObject("error").has("data"), "no internals: " + reply);
    }
    int frames = StrictFrames.count(bytes);
    if (frames >= 0) {
      assertTrue(
          logged.stream().noneMatch(r -> r.getMessage().startsWith("closing the connection")),
          "well-formed frames close nothing: "
              + logged.stream().map(LogRecord::getMessage).toList());
      // Each frame: a message, an error reply, or (a notification that cannot be read) a warning.
      assertTrue(
          messages.size() + replies.size() <= frames
              && messages.size() + replies.size() + logged.size() >= frames,
          "well-formed frames in "
              + frames
              + ", messages "
              + messages.size()
              + " replies "
              + replies.size()
              + " logged "
              + logged.size());
    }
  }

  // --- messages ------------------------------------------------------------------------------

  /** The long-lived server of this fuzz run. */
  private static Sandbox sandbox;

  private static synchronized Sandbox sandbox() throws Exception {
    if (sandbox == null) {
      sandbox = new Sandbox();
    }
    return sandbox;
  }

  @FuzzTest
  @DictionaryEntries({
    "\"jsonrpc\":\"2.0\"",
    "\"id\":",
    "\"method\":",
    "\"params\":",
    "\"textDocument\":",
    "\"uri\":\"file:///ws/main.tex\"",
    "\"uri\":\"file:///ws/refs.bib\"",
    "\"position\":",
    "\"line\":",
    "\"character\":",
    "\"text\":",
    "\"version\":",
    "\"contentChanges\":",
    "\"range\":",
    "\"start\":",
    "\"end\":",
    "\"query\":",
    "\"context\":",
    "\"newName\":",
    "textDocument/completion",
    "textDocument/hover",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/rename",
    "textDocument/prepareRename",
    "textDocument/documentSymbol",
    "textDocument/codeAction",
    "completionItem/resolve",
    "workspace/symbol",
    "workspace/didChangeWatchedFiles",
    "$/cancelRequest",
    "\\cite{",
    "\\citep[see][p. 3]{",
    "\\bibliography{refs}",
    "@article{"
  })
  void messages(byte[] bytes) throws Exception {
    Sandbox box = sandbox();
    String text = new String(bytes, StandardCharsets.UTF_8);
    JsonObject message = null;
    try {
      JsonElement e = JsonParser.parseString(text);
      message = e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (RuntimeException | StackOverflowError e) {
      // not JSON (to Gson): sent as it is, the server must survive it
    }
    if (!box.allows(text, message)) {
      return;
    }
    String id = null;
    byte[] body = bytes;
    if (text.contains(Sandbox.WORKSPACE_TOKEN)) {
      text = text.replace(Sandbox.WORKSPACE_TOKEN, box.workspaceUri);
      body = text.getBytes(StandardCharsets.UTF_8);
      JsonElement e = safeParse(text);
      message = e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
    if (message != null
        && isRequest(message)
        && message.get("id") != null
        && message.get("id").isJsonPrimitive()
        && !message.get("id").getAsJsonPrimitive().isBoolean()) {
      // A request: a fresh id, so that its answer cannot be mistaken for another one's.
      id = "fuzz-" + box.requests.incrementAndGet();
      message.addProperty("id", id);
      body = message.toString().getBytes(StandardCharsets.UTF_8);
    }
    box.connection.send(body);
    box.exchange(id);
    box.closeIfOpened(message);
  }

  /**
   * A JSON-RPC request, which must be answered: a string method and structured params or none. A
   * message that is not one (a method that is an object, say) may be ignored, as long as the server
   * goes on serving.
   */
  private static boolean isRequest(JsonObject m) {
    JsonElement method = m.get("method");
    JsonElement params = m.get("params");
    return method != null
        && method.isJsonPrimitive()
        && method.getAsJsonPrimitive().isString()
        && (params == null || params.isJsonObject() || params.isJsonArray());
  }

  private static JsonElement safeParse(String text) {
    try {
      return JsonParser.parseString(text);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** The server, its workspace and cache, and what it answered so far. */
  private static final class Sandbox {
    static final String WORKSPACE_TOKEN = "file:///ws/";

    final Path workspace;
    final String workspaceUri;
    final FramedConnection connection;
    final AtomicInteger requests = new AtomicInteger();
    final Set<String> answered = new HashSet<>();
    private int pings;

    Sandbox() throws Exception {
      Path root = Files.createTempDirectory("citeassist-fuzz-");
      workspace = Files.createDirectories(root.resolve("ws"));
      Path cache = Files.createDirectories(root.resolve("cache"));
      Files.writeString(
          workspace.resolve("main.tex"),
          "\\documentclass{article}\n\\begin{document}\n\\cite{knuth84}\n"
              + "\\bibliography{refs}\n\\end{document}\n");
      Files.writeString(
          workspace.resolve("refs.bib"),
          "@book{knuth84, author = {Knuth, Donald}, title = {The {\\TeX}book}, year = 1984}\n");
      String uri = Documents.uri(workspace);
      workspaceUri = uri.endsWith("/") ? uri : uri + "/";
      connection = new FramedConnection();
      JsonObject init =
          JsonParser.parseString(
                  """
                  {"jsonrpc":"2.0","id":"init","method":"initialize","params":{
                    "processId":null,"rootUri":"%s",
                    "capabilities":{
                      "workspace":{"applyEdit":true,"workspaceEdit":{"documentChanges":true},
                        "didChangeWatchedFiles":{"dynamicRegistration":true},"configuration":true},
                      "textDocument":{"completion":{"completionItem":{"snippetSupport":true,
                        "resolveSupport":{"properties":["documentation"]}}},
                        "hover":{"contentFormat":["markdown","plaintext"]}},
                      "window":{"workDoneProgress":true}},
                    "initializationOptions":{"cacheDir":"%s"}}}
                  """
                      .formatted(workspaceUri, cache.toString().replace("\\", "\\\\")))
              .getAsJsonObject();
      connection.send(init);
      awaitAnswer("init", 120_000);
      connection.send(notification("initialized", new JsonObject()));
      // Catalogue papers are offered for the projects of open .tex files.
      JsonObject doc = new JsonObject();
      doc.addProperty("uri", workspaceUri + "main.tex");
      doc.addProperty("languageId", "latex");
      doc.addProperty("version", 1);
      doc.addProperty("text", Files.readString(workspace.resolve("main.tex")));
      JsonObject open = new JsonObject();
      open.add("textDocument", doc);
      connection.send(notification("textDocument/didOpen", open));
      // Fuzzing starts once the catalogue is built: a hover on a catalogue-only request would
      // otherwise wait for it.
      Poll.until(
          Duration.ofMinutes(3),
          "the catalogue ready (workspace symbols for 'learning')",
          () -> {
            JsonObject symbol = new JsonObject();
            symbol.addProperty("query", "learning");
            String ping = "ready-" + (++pings);
            connection.send(request(ping, "workspace/symbol", symbol));
            return awaitAnswer(ping, 60_000);
          },
          answer ->
              answer.get("result") instanceof JsonElement result
                  && result.isJsonArray()
                  && !result.getAsJsonArray().isEmpty());
    }

    /**
     * Whether the input may be sent: not a lifecycle or configuration message, and every file it
     * names is in the workspace.
     */
    boolean allows(String text, JsonObject message) {
      for (String path : new String[] {"/dev/", "/proc/", "/sys/", ".."}) {
        if (text.contains(path)) {
          return false;
        }
      }
      if (text.contains("exit") || text.contains("shutdown") || text.contains("initialize")) {
        return false;
      }
      if (text.contains("fuzz-") || text.contains("ping-") || text.contains("ready-")) {
        return false; // the ids this harness gives its own requests, so answers cannot be mixed up
      }
      int file = text.indexOf("file:");
      while (file >= 0) {
        if (!text.startsWith(WORKSPACE_TOKEN, file)) {
          return false;
        }
        file = text.indexOf("file:", file + 1);
      }
      if (message != null) {
        JsonElement method = message.get("method");
        if (method != null && method.isJsonPrimitive() && NOT_SENT.contains(method.getAsString())) {
          return false;
        }
        return stringsAllowed(message);
      }
      return true;
    }

    /** Escapes can spell what the raw text does not: the decoded strings are checked too. */
    private static boolean stringsAllowed(JsonElement e) {
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
        String s = e.getAsString();
        return !(s.contains("file:") && !s.startsWith(WORKSPACE_TOKEN))
            && !s.contains("..")
            && !s.contains("/dev/")
            && !s.contains("/proc/")
            && !s.contains("/sys/")
            && !NOT_SENT.contains(s);
      }
      if (e.isJsonArray()) {
        for (JsonElement x : e.getAsJsonArray()) {
          if (!stringsAllowed(x)) {
            return false;
          }
        }
      }
      if (e.isJsonObject()) {
        for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
          if (!stringsAllowed(new com.google.gson.JsonPrimitive(x.getKey()))
              || !stringsAllowed(x.getValue())) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * Sends a ping after the fuzzed message and reads until it is answered (so the message was read
     * and dispatched) and until the request {@code id}, if any, is answered.
     */
    void exchange(String id) throws Exception {
      String ping = "ping-" + (++pings);
      connection.send(request(ping, "citeassist/fuzzPing", null));
      boolean pinged = false;
      boolean done = id == null;
      long deadline = System.currentTimeMillis() + ANSWER_MILLIS;
      while (!pinged || !done) {
        JsonObject m = connection.next(Math.max(1, deadline - System.currentTimeMillis()));
        if (m == null) {
          assertNull(connection.violation(), "the server broke the protocol");
          assertFalse(connection.exit().isDone(), "the server ended");
          fail((pinged ? "request " + id : "the connection") + " was never answered");
        }
        String answered = check(m);
        if (ping.equals(answered)) {
          pinged = true;
        } else if (id != null && id.equals(answered)) {
          done = true;
        }
      }
      assertNull(connection.violation(), "the server broke the protocol");
    }

    /** Checks one message from the server; returns the id it answers, or null. */
    private String check(JsonObject m) {
      assertEquals("2.0", m.has("jsonrpc") ? m.get("jsonrpc").getAsString() : null, m.toString());
      if (!m.has("id")) {
        assertTrue(m.has("method"), "neither a response nor a notification: " + m);
        return null;
      }
      boolean result = m.has("result");
      boolean error = m.has("error") && !m.get("error").isJsonNull();
      assertTrue(result != error, "a response needs exactly one of result and error: " + m);
      if (error) {
        JsonObject e = m.getAsJsonObject("error");
        assertTrue(e.has("code") && e.get("code").isJsonPrimitive(), "error without code: " + m);
        assertTrue(e.has("message") && e.get("message").isJsonPrimitive(), "no message: " + m);
        JsonElement data = e.get("data");
        if (data != null && !data.isJsonNull()) {
          assertFalse(
              STACK_TRACE.matcher(data.toString().replace("\\n", "\n").replace("\\t", "\t")).find(),
              "a Java stack trace in error.data: " + e.get("message"));
        }
      }
      JsonElement id = m.get("id");
      if (id.isJsonNull()) {
        return null;
      }
      String key = id.getAsString();
      if (key.startsWith("fuzz-")) {
        assertTrue(answered.add(key), "request " + key + " was answered twice");
      }
      return key;
    }

    /** Keeps the server's open documents bounded: what an input opened, it closes. */
    void closeIfOpened(JsonObject message) throws Exception {
      if (message == null
          || !message.has("method")
          || !message.get("method").isJsonPrimitive()
          || !"textDocument/didOpen".equals(message.get("method").getAsString())) {
        return;
      }
      JsonElement params = message.get("params");
      if (params == null || !params.isJsonObject()) {
        return;
      }
      JsonElement doc = params.getAsJsonObject().get("textDocument");
      if (doc == null || !doc.isJsonObject() || !doc.getAsJsonObject().has("uri")) {
        return;
      }
      JsonObject close = new JsonObject();
      JsonObject ident = new JsonObject();
      ident.add("uri", doc.getAsJsonObject().get("uri"));
      close.add("textDocument", ident);
      connection.send(notification("textDocument/didClose", close));
      exchange(null);
    }

    private JsonObject awaitAnswer(String id, long millis) throws Exception {
      long deadline = System.currentTimeMillis() + millis;
      while (true) {
        JsonObject m = connection.next(Math.max(1, deadline - System.currentTimeMillis()));
        if (m == null) {
          fail(id + " was never answered; " + connection.violation());
        }
        if (m.has("id") && !m.get("id").isJsonNull() && id.equals(m.get("id").getAsString())) {
          return m;
        }
      }
    }

    private static JsonObject request(String id, String method, JsonObject params) {
      JsonObject r = notification(method, params);
      r.addProperty("id", id);
      return r;
    }

    private static JsonObject notification(String method, JsonObject params) {
      JsonObject r = new JsonObject();
      r.addProperty("jsonrpc", "2.0");
      r.addProperty("method", method);
      if (params != null) {
        r.add("params", params);
      }
      return r;
    }
  }
}
