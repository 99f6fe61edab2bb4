package dev.citeassist.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates malformed and hostile client input that keeps the byte stream delimited, each frame
 * with what the server owes for it: exactly one response with the frame's id ({@link
 * Answer#BY_ID}), one that must be a result and not an error ({@link Answer#RESULT_BY_ID}), exactly
 * one error response with id null when the id cannot be read ({@link Answer#NULL_ID}), or nothing
 * (a notification, a response-like message: {@link Answer#NONE}). Deterministic for a seed.
 */
final class MalformedMessages {

  enum Answer {
    BY_ID,
    RESULT_BY_ID,
    NULL_ID,
    NONE
  }

  record Case(String family, byte[] bytes, JsonElement id, Answer answer) {}

  /** Requests whose answers do not depend on background work that may still be running. */
  private static final List<String> REQUESTS =
      List.of(
          "textDocument/hover",
          "textDocument/completion",
          "textDocument/definition",
          "textDocument/references",
          "textDocument/prepareRename",
          "textDocument/rename",
          "textDocument/documentSymbol",
          "textDocument/codeAction",
          "completionItem/resolve",
          "workspace/symbol",
          "workspace/executeCommand",
          "workspaceSymbol/resolve");

  /** Requests that must answer with a result, whatever the position. */
  private static final List<String> POSITION_REQUESTS =
      List.of(
          "textDocument/hover",
          "textDocument/completion",
          "textDocument/definition",
          "textDocument/references",
          "textDocument/prepareRename");

  private static final List<String> NOTIFICATIONS =
      List.of(
          "textDocument/didOpen",
          "textDocument/didChange",
          "textDocument/didClose",
          "textDocument/didSave",
          "workspace/didChangeWatchedFiles",
          "$/cancelRequest",
          "$/setTrace",
          "initialized");

  private static final List<String> BAD_URIS =
      List.of(
          "untitled:Untitled-1",
          "http://example.org/paper.tex",
          "file:relative.tex",
          "",
          "not a uri",
          "file:///tmp/%00nul.tex",
          "file://host/share/x.tex",
          "file:///" + "a/".repeat(3000) + "x.tex",
          "file:///no/such/dir/x.bib",
          "\u0000",
          "file:///tmp/%ZZ.tex");

  private static final List<String> UNKNOWN_METHODS =
      List.of(
          "foo/bar",
          "",
          "textDocument/unknown",
          "$/unknownRequest",
          "citeassist/ping",
          "textDocument/hover ",
          "TEXTDOCUMENT/HOVER",
          "x".repeat(10_000));

  private final Random random;
  private final String uri;
  private int nextId = 1000;

  MalformedMessages(long seed, String uri) {
    this.random = new Random(seed);
    this.uri = uri;
  }

  /** {@code n} cases drawn in turn from every family. */
  List<Case> next(int n) {
    List<Supplier<List<Case>>> families =
        List.of(
            this::missingParams,
            this::removedField,
            this::wrongType,
            this::extremePosition,
            this::badUri,
            this::unknownMethod,
            this::badNotification,
            this::framingVariant,
            this::truncated,
            this::trailingGarbage,
            this::invalidUtf8,
            this::unusualUnicode,
            this::deepNesting,
            this::notAMessage,
            this::oddId,
            this::duplicateId,
            this::responseLike,
            this::oddMethodOrVersion,
            this::bigValues);
    List<Case> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      out.addAll(families.get(i % families.size()).get());
    }
    return out;
  }

  // Families.

  private List<Case> missingParams() {
    String method = pick(REQUESTS);
    JsonObject request = request(method, null);
    return List.of(byId("missing params", request));
  }

  private List<Case> removedField() {
    String method = pick(REQUESTS);
    JsonObject request = request(method, validParams(method));
    removeRandomNode(request.getAsJsonObject("params"));
    return List.of(byId("removed field", request));
  }

  private List<Case> wrongType() {
    String method = random.nextBoolean() ? pick(REQUESTS) : pick(POSITION_REQUESTS);
    JsonObject request = request(method, validParams(method));
    replaceRandomNode(request.getAsJsonObject("params"));
    return List.of(byId("wrong type", request));
  }

  private List<Case> extremePosition() {
    int[] values = {-1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000, 0, 3, 40_000};
    String method = pick(POSITION_REQUESTS);
    JsonObject params = positionParams(method, values[random.nextInt(values.length)]);
    params
        .getAsJsonObject("position")
        .addProperty("character", values[random.nextInt(values.length)]);
    JsonObject request = request(method, params);
    return List.of(
        new Case("extreme position", bytes(request), request.get("id"), Answer.RESULT_BY_ID));
  }

  private List<Case> badUri() {
    String method = pick(POSITION_REQUESTS);
    JsonObject params = validParams(method);
    params.getAsJsonObject("textDocument").addProperty("uri", pick(BAD_URIS));
    return List.of(byId("bad uri", request(method, params)));
  }

  private List<Case> unknownMethod() {
    JsonObject request = request(pick(UNKNOWN_METHODS), random.nextBoolean() ? null : object());
    return List.of(byId("unknown method", request));
  }

  private List<Case> badNotification() {
    String method = pick(NOTIFICATIONS);
    JsonObject params = notificationParams(method);
    switch (random.nextInt(4)) {
      case 0 -> params = null;
      case 1 -> removeRandomNode(params);
      case 2 -> replaceRandomNode(params);
      default -> {
        if (params.has("textDocument")) {
          params.getAsJsonObject("textDocument").addProperty("uri", pick(BAD_URIS));
        } else {
          replaceRandomNode(params);
        }
      }
    }
    JsonObject n = new JsonObject();
    n.addProperty("jsonrpc", "2.0");
    n.addProperty("method", method);
    if (params != null) {
      n.add("params", params);
    }
    return List.of(new Case("bad notification", bytes(n), null, Answer.NONE));
  }

  /** Framings that are unusual but delimit the body exactly: each must be served. */
  private List<Case> framingVariant() {
    JsonObject request = request(pick(UNKNOWN_METHODS.subList(0, 5)), null);
    byte[] body = idFirst(request).getBytes(StandardCharsets.UTF_8);
    String length = Integer.toString(body.length);
    String[] headers = {
      "content-length: " + length + "\r\n\r\n",
      "CONTENT-LENGTH: " + length + "\r\n\r\n",
      "Content-Length: " + length + "\n\n",
      "Content-Length: "
          + length
          + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
      "Content-Type: application/vscode-jsonrpc; charset=utf8\r\nContent-Length: "
          + length
          + "\r\n\r\n",
      "Content-Length: " + length + "\r\nContent-Type: application/json; charset=latin1\r\n\r\n",
      "\r\n\r\nContent-Length: " + length + "\r\n\r\n",
      "Content-Length: 000" + length + "\r\n\r\n",
      "Content-Length:\t " + length + "   \r\n\r\n",
      "Content-Length: " + length + "\r\nContent-Length: " + length + "\r\n\r\n",
      "Content-Length: " + length + "\r\nX-Unknown-Header: ignored\r\nX-Empty:\r\n\r\n",
    };
    String header = headers[random.nextInt(headers.length)];
    List<Case> out = new ArrayList<>();
    out.add(
        new Case(
            "framing variant",
            concat(header.getBytes(StandardCharsets.UTF_8), body),
            request.get("id"),
            Answer.BY_ID));
    if (random.nextInt(4) == 0) {
      out.add(new Case("empty body", RawStdioServer.frame(new byte[0]), null, Answer.NULL_ID));
    }
    return out;
  }

  private List<Case> truncated() {
    JsonObject request = request(pick(POSITION_REQUESTS), null);
    request.add("params", validParams(request.get("method").getAsString()));
    String text = idFirst(request);
    int keep = text.indexOf(',') + 1;
    int cut = keep + random.nextInt(text.length() - keep);
    return List.of(
        new Case(
            "truncated",
            RawStdioServer.frame(text.substring(0, cut)),
            request.get("id"),
            Answer.BY_ID));
  }

  private List<Case> trailingGarbage() {
    JsonObject request = request(pick(POSITION_REQUESTS), null);
    request.add("params", validParams(request.get("method").getAsString()));
    String[] tails = {"}", "]", " x", "{}", ",", "\u0000", " {\"id\": 5}", "\"", "// comment"};
    String text = idFirst(request) + pick(List.of(tails));
    return List.of(
        new Case("trailing garbage", RawStdioServer.frame(text), request.get("id"), Answer.BY_ID));
  }

  private List<Case> invalidUtf8() {
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc0, (byte) 0x80},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xe2, (byte) 0x82},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };
    JsonObject request = request(pick(UNKNOWN_METHODS.subList(0, 5)), null);
    JsonObject params = new JsonObject();
    params.addProperty("text", "MARK");
    request.add("params", params);
    String text = idFirst(request);
    int at = text.indexOf("MARK");
    byte[] body =
        concat(
            text.substring(0, at).getBytes(StandardCharsets.UTF_8),
            bad[random.nextInt(bad.length)],
            text.substring(at + 4).getBytes(StandardCharsets.UTF_8));
    return List.of(
        new Case("invalid UTF-8", RawStdioServer.frame(body), request.get("id"), Answer.BY_ID));
  }

  private List<Case> unusualUnicode() {
    String[] texts = {
      "\\cite{a👩‍👩‍👧b}",
      "e\u0301\u0301\u0301",
      "\u202e\u2066x",
      "\uFEFF",
      "\\u0000",
      "\uD83D\uDE00".repeat(1000)
    };
    String method = pick(POSITION_REQUESTS);
    JsonObject params = validParams(method);
    params.getAsJsonObject("textDocument").addProperty("uri", uri + "#" + pick(List.of(texts)));
    JsonObject request = request(method, params);
    List<Case> out = new ArrayList<>();
    out.add(byId("unusual unicode", request));
    // A byte order mark before the JSON: tolerated.
    JsonObject other = request(pick(UNKNOWN_METHODS.subList(0, 5)), null);
    out.add(
        new Case(
            "byte order mark",
            RawStdioServer.frame(
                concat(
                    new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                    idFirst(other).getBytes(StandardCharsets.UTF_8))),
            other.get("id"),
            Answer.BY_ID));
    return out;
  }

  private List<Case> deepNesting() {
    int[] depths = {50, 199, 200, 201, 254, 256, 1000, 5000, 100_000};
    int depth = depths[random.nextInt(depths.length)];
    boolean arrays = random.nextBoolean();
    String deep =
        (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    List<Case> out = new ArrayList<>();
    JsonObject request =
        request(
            pick(random.nextBoolean() ? UNKNOWN_METHODS.subList(0, 5) : POSITION_REQUESTS), null);
    String text = idFirst(request);
    text = text.substring(0, text.length() - 1) + ",\"params\":" + deep + "}";
    out.add(new Case("deep nesting", RawStdioServer.frame(text), request.get("id"), Answer.BY_ID));
    if (random.nextInt(3) == 0) {
      out.add(
          new Case("deep nesting without id", RawStdioServer.frame(deep), null, Answer.NULL_ID));
    }
    return out;
  }

  private List<Case> notAMessage() {
    JsonObject a = request("citeassist/ping", null);
    JsonObject b = request("citeassist/ping", null);
    nextId -= 2; // the ids inside a batch are never answered one by one
    String[] bodies = {
      "1",
      "\"text\"",
      "true",
      "null",
      "[]",
      "[" + a + "," + b + "]",
      "[1, 2, 3]",
      "{}",
      "{\"jsonrpc\":\"2.0\"}",
      " ",
      "garbage",
      "#!",
      "\u00e9t\u00e9",
      "{\"params\":{}}",
    };
    List<Case> out = new ArrayList<>();
    out.add(
        new Case(
            "not a message", RawStdioServer.frame(pick(List.of(bodies))), null, Answer.NULL_ID));
    byte[] junk = new byte[1 + random.nextInt(64)];
    random.nextBytes(junk);
    junk[0] = (byte) ('a' + random.nextInt(26));
    for (int i = 0; i < junk.length; i++) {
      if (junk[i] == '{') {
        junk[i] = '(';
      }
    }
    out.add(new Case("random bytes", RawStdioServer.frame(junk), null, Answer.NULL_ID));
    return out;
  }

  private List<Case> oddId() {
    String[] unreadable = {"null", "true", "1.5", "{}", "[]", "1e20", "2147483648", "[1]"};
    String[] readable = {
      "-7", "0", "\"\"", "\"ü id\"", "\"" + "i".repeat(2000) + "\"", "2147483647"
    };
    String method = pick(UNKNOWN_METHODS.subList(0, 5));
    List<Case> out = new ArrayList<>();
    String bad = pick(List.of(unreadable));
    out.add(
        new Case(
            "unreadable id",
            RawStdioServer.frame(
                "{\"jsonrpc\":\"2.0\",\"id\":" + bad + ",\"method\":\"" + method + "\"}"),
            null,
            Answer.NULL_ID));
    String good = pick(List.of(readable));
    JsonElement id = com.google.gson.JsonParser.parseString(good);
    if (!usedReadableIds.add(good)) {
      return out;
    }
    out.add(
        new Case(
            "odd but valid id",
            RawStdioServer.frame(
                "{\"jsonrpc\":\"2.0\",\"id\":" + good + ",\"method\":\"" + method + "\"}"),
            id,
            Answer.BY_ID));
    return out;
  }

  private final java.util.Set<String> usedReadableIds = new java.util.HashSet<>();

  private List<Case> duplicateId() {
    JsonObject first = request("textDocument/hover", validParams("textDocument/hover"));
    JsonObject second = request("textDocument/completion", validParams("textDocument/completion"));
    second.add("id", first.get("id"));
    return List.of(
        new Case("duplicate id", bytes(first), first.get("id"), Answer.RESULT_BY_ID),
        new Case("duplicate id", bytes(second), first.get("id"), Answer.RESULT_BY_ID));
  }

  private List<Case> responseLike() {
    int id = 1_000_000 + nextId++;
    String[] bodies = {
      "{\"jsonrpc\":\"2.0\",\"id\":" + id + "}",
      "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"x\":1}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"error\":{\"code\":1,\"message\":\"no\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":5}",
    };
    String body = pick(List.of(bodies));
    // No request of the server's has such an id: a well-formed one is an unmatched response,
    // logged and dropped; a malformed one may be a request cut short, and gets a parse error.
    boolean malformed = body.endsWith("\"error\":5}");
    return List.of(
        new Case(
            "response-like",
            RawStdioServer.frame(body),
            malformed ? new JsonPrimitive(id) : null,
            malformed ? Answer.BY_ID : Answer.NONE));
  }

  private List<Case> oddMethodOrVersion() {
    int id = nextId++;
    String[] bodies = {
      "{\"id\":" + id + ",\"method\":\"citeassist/ping\"}",
      "{\"id\":" + id + ",\"jsonrpc\":\"1.0\",\"method\":\"citeassist/ping\"}",
      "{\"id\":" + id + ",\"jsonrpc\":2,\"method\":\"citeassist/ping\"}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":5}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":{}}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":null}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":[\"textDocument/hover\"]}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":[]}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":[1,2]}",
      "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":\"x\"}",
      "{'id':" + id + ",jsonrpc:'2.0',method:'citeassist/ping',}",
    };
    return List.of(
        new Case(
            "odd method or version",
            RawStdioServer.frame(pick(List.of(bodies))),
            new JsonPrimitive(id),
            Answer.BY_ID));
  }

  private List<Case> bigValues() {
    JsonObject request = request(pick(UNKNOWN_METHODS.subList(0, 5)), null);
    String text = idFirst(request);
    String params =
        switch (random.nextInt(5)) {
          case 0 -> "\"" + "x\\n\\\"".repeat(200_000) + "\"";
          case 1 -> manyKeys(20_000);
          case 2 -> "[" + "1e999999,".repeat(10_000) + "-0]";
          case 3 -> "{\"line\":" + "9".repeat(5000) + "}";
          default -> "\"" + "\\ud800".repeat(1000) + "\"";
        };
    text = text.substring(0, text.length() - 1) + ",\"params\":" + params + "}";
    return List.of(
        new Case("big values", RawStdioServer.frame(text), request.get("id"), Answer.BY_ID));
  }

  // Building blocks.

  private static String manyKeys(int n) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    return s.append('}').toString();
  }

  private Case byId(String family, JsonObject request) {
    return new Case(family, bytes(request), request.get("id"), Answer.BY_ID);
  }

  private JsonObject request(String method, JsonObject params) {
    JsonObject r = new JsonObject();
    r.addProperty("id", nextId++);
    r.addProperty("jsonrpc", "2.0");
    r.addProperty("method", method);
    if (params != null) {
      r.add("params", params);
    }
    return r;
  }

  /**
   * The message's JSON with its id (if any) first, so that every cut after the first comma keeps
   * it.
   */
  private static String idFirst(JsonObject request) {
    JsonObject ordered = new JsonObject();
    if (request.has("id")) {
      ordered.add("id", request.get("id"));
    }
    for (Map.Entry<String, JsonElement> e : request.entrySet()) {
      if (!e.getKey().equals("id")) {
        ordered.add(e.getKey(), e.getValue());
      }
    }
    return ordered.toString();
  }

  private static byte[] bytes(JsonObject message) {
    return RawStdioServer.frame(idFirst(message));
  }

  private JsonObject validParams(String method) {
    return switch (method) {
      case "textDocument/documentSymbol" -> withDocument(new JsonObject());
      case "textDocument/codeAction" -> {
        JsonObject p = withDocument(new JsonObject());
        p.add("range", range(0, 0, 0, 5));
        JsonObject context = new JsonObject();
        context.add("diagnostics", new JsonArray());
        p.add("context", context);
        yield p;
      }
      case "completionItem/resolve" -> {
        JsonObject p = new JsonObject();
        p.addProperty("label", "liao2018random");
        JsonObject data = new JsonObject();
        data.addProperty("uri", uri);
        p.add("data", data);
        yield p;
      }
      case "workspace/symbol" -> {
        JsonObject p = new JsonObject();
        p.addProperty("query", "liao");
        yield p;
      }
      case "workspace/executeCommand" -> {
        JsonObject p = new JsonObject();
        p.addProperty("command", random.nextBoolean() ? "citeassist.search" : "citeassist.unknown");
        JsonArray args = new JsonArray();
        args.add("random matrix");
        args.add(random.nextBoolean() ? "5" : "many");
        p.add("arguments", args);
        yield p;
      }
      case "workspaceSymbol/resolve" -> {
        JsonObject p = new JsonObject();
        p.addProperty("name", "liao2018random");
        p.addProperty("kind", 5);
        JsonObject location = new JsonObject();
        location.addProperty("uri", uri);
        p.add("location", location);
        yield p;
      }
      case "initialize" -> {
        JsonObject p = new JsonObject();
        p.add("capabilities", new JsonObject());
        p.addProperty("processId", 1);
        yield p;
      }
      default -> positionParams(method, 2);
    };
  }

  private JsonObject positionParams(String method, int line) {
    JsonObject p = withDocument(new JsonObject());
    JsonObject position = new JsonObject();
    position.addProperty("line", line);
    position.addProperty("character", 20);
    p.add("position", position);
    if (method.equals("textDocument/references")) {
      JsonObject context = new JsonObject();
      context.addProperty("includeDeclaration", true);
      p.add("context", context);
    }
    if (method.equals("textDocument/rename")) {
      p.addProperty("newName", "renamed");
    }
    return p;
  }

  private JsonObject notificationParams(String method) {
    JsonObject p = new JsonObject();
    switch (method) {
      case "textDocument/didOpen" -> {
        JsonObject item = new JsonObject();
        item.addProperty("uri", uri.replace("fuzz.tex", "fuzz" + random.nextInt(5) + ".tex"));
        item.addProperty("languageId", "latex");
        item.addProperty("version", 1);
        item.addProperty("text", "\\cite{liao2018random}\n");
        p.add("textDocument", item);
      }
      case "textDocument/didChange" -> {
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        doc.addProperty("version", 2);
        p.add("textDocument", doc);
        JsonArray changes = new JsonArray();
        JsonObject change = new JsonObject();
        change.add("range", range(2, 0, 2, 0));
        change.addProperty("text", "");
        changes.add(change);
        p.add("contentChanges", changes);
      }
      case "workspace/didChangeWatchedFiles" -> {
        JsonArray changes = new JsonArray();
        JsonObject change = new JsonObject();
        change.addProperty("uri", uri.replace("fuzz.tex", "other.bib"));
        change.addProperty("type", 2);
        changes.add(change);
        p.add("changes", changes);
      }
      // Ids no request has: cancelling a generated request would turn a result into an error.
      case "$/cancelRequest" -> p.addProperty("id", 5_000_000 + random.nextInt(10));
      case "$/setTrace" -> p.addProperty("value", "off");
      case "initialized" -> {}
      default -> withDocument(p);
    }
    return p;
  }

  private JsonObject withDocument(JsonObject p) {
    JsonObject doc = new JsonObject();
    doc.addProperty("uri", uri);
    p.add("textDocument", doc);
    return p;
  }

  private static JsonObject range(int l1, int c1, int l2, int c2) {
    JsonObject r = new JsonObject();
    JsonObject s = new JsonObject();
    s.addProperty("line", l1);
    s.addProperty("character", c1);
    JsonObject e = new JsonObject();
    e.addProperty("line", l2);
    e.addProperty("character", c2);
    r.add("start", s);
    r.add("end", e);
    return r;
  }

  private JsonObject object() {
    JsonObject o = new JsonObject();
    o.addProperty("k", random.nextInt());
    return o;
  }

  private JsonElement randomValue() {
    return switch (random.nextInt(10)) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(random.nextBoolean());
      case 2 -> new JsonPrimitive(-random.nextInt(1000) - 1);
      case 3 -> new JsonPrimitive(1e300);
      case 4 -> new JsonPrimitive("");
      case 5 -> new JsonPrimitive("\u0000\uFFFF");
      case 6 -> new JsonArray();
      case 7 -> object();
      case 8 -> new JsonPrimitive(3.75);
      default -> {
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        yield a;
      }
    };
  }

  /** Removes one member or element somewhere below {@code root} (not {@code root} itself). */
  private void removeRandomNode(JsonElement root) {
    List<Runnable> removals = new ArrayList<>();
    collect(root, removals, null);
    if (!removals.isEmpty()) {
      removals.get(random.nextInt(removals.size())).run();
    }
  }

  /** Replaces one member or element somewhere below {@code root} by a value of another type. */
  private void replaceRandomNode(JsonElement root) {
    List<Runnable> replacements = new ArrayList<>();
    collect(root, null, replacements);
    if (!replacements.isEmpty()) {
      replacements.get(random.nextInt(replacements.size())).run();
    }
  }

  private void collect(JsonElement node, List<Runnable> removals, List<Runnable> replacements) {
    if (node instanceof JsonObject o) {
      for (String key : List.copyOf(o.keySet())) {
        if (removals != null) {
          removals.add(() -> o.remove(key));
        }
        if (replacements != null) {
          replacements.add(() -> o.add(key, randomValue()));
        }
        collect(o.get(key), removals, replacements);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        int index = i;
        if (removals != null) {
          removals.add(() -> a.remove(index));
        }
        if (replacements != null) {
          replacements.add(() -> a.set(index, randomValue()));
        }
        collect(a.get(i), removals, replacements);
      }
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
