package dev.citeassist.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM driven with raw bytes: {@link #send} writes whatever it is given to
 * the server's stdin, and a reader thread parses the server's stdout as strictly framed JSON-RPC
 * (exactly {@code Content-Length: N\r\n}, optionally LSP4J's {@code Content-Type} line, {@code
 * \r\n}, then N bytes of UTF-8 holding one JSON object with {@code "jsonrpc": "2.0"}). Any other
 * byte on stdout is recorded as a violation and ends reading. Requests from the server are answered
 * with a null result. Not LSP4J: the point is to see exactly what the server writes.
 */
final class RawStdioServer implements AutoCloseable {

  private static final Pattern LENGTH = Pattern.compile("Content-Length: (\\d{1,10})");
  private static final String CONTENT_TYPE =
      "Content-Type: application/vscode-jsonrpc; charset=utf-8";

  final Path stderr;
  private final Process process;
  private final OutputStream toServer;
  private final Thread reader;
  private final List<JsonObject> received = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private boolean ended;

  private RawStdioServer(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.toServer = process.getOutputStream();
    this.reader = new Thread(this::readStdout, "raw-stdio-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The server started from the test class path, as {@link StdioProcessTest} does. */
  static RawStdioServer start(Path dir, Path cache, String name) throws IOException {
    return start(
        List.of(
            StdioProcessTest.java(),
            "-cp",
            System.getProperty("java.class.path"),
            StdioLauncher.class.getName(),
            "serve"),
        dir,
        cache,
        name);
  }

  /** The server started by {@code command}; stderr goes to {@code dir/name.stderr}. */
  static RawStdioServer start(List<String> command, Path dir, Path cache, String name)
      throws IOException {
    Path log = dir.resolve(name + ".stderr");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().put("CITEASSIST_CACHE", cache.toString());
    return new RawStdioServer(pb.start(), log);
  }

  static byte[] frame(byte[] body) {
    byte[] header =
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + body.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  static byte[] frame(String json) {
    return frame(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to the server; false when it no longer reads (it closed the connection). */
  boolean send(byte[] bytes) {
    synchronized (toServer) {
      try {
        toServer.write(bytes);
        toServer.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  void closeInput() {
    synchronized (toServer) {
      try {
        toServer.close();
      } catch (IOException e) {
        // Already closed by the server's exit.
      }
    }
  }

  /** The exit code, or null when the process is still running after the timeout. */
  Integer awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return null;
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  /** The first message received that matches, waiting up to the timeout; null if none came. */
  JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (true) {
        for (JsonObject m : received) {
          if (wanted.test(m)) {
            return m;
          }
        }
        long left = end - System.nanoTime();
        if (left <= 0 || ended) {
          return null;
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits until every predicate has a matching message; false on timeout or end of output. */
  boolean awaitAll(Predicate<List<JsonObject>> done, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (!done.test(received)) {
        long left = end - System.nanoTime();
        if (left <= 0 || ended) {
          return done.test(received);
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  static Predicate<JsonObject> responseTo(JsonElement id) {
    return m -> !m.has("method") && m.has("id") && m.get("id").equals(id);
  }

  /** Responses (messages without a method) grouped by their id's JSON text ("null" for none). */
  Map<String, List<JsonObject>> responsesById() {
    Map<String, List<JsonObject>> out = new HashMap<>();
    for (JsonObject m : received()) {
      if (!m.has("method")) {
        JsonElement id = m.has("id") ? m.get("id") : JsonNull.INSTANCE;
        out.computeIfAbsent(id.toString(), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  List<JsonObject> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  List<String> violations() {
    synchronized (received) {
      return List.copyOf(violations);
    }
  }

  String stderrText() throws IOException {
    return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
  }

  private void readStdout() {
    try (InputStream in = process.getInputStream()) {
      while (true) {
        String first = line(in);
        if (first == null) {
          return;
        }
        Matcher m = LENGTH.matcher(first);
        if (!m.matches()) {
          violation("not a Content-Length header: " + first);
          return;
        }
        String next = line(in);
        if (CONTENT_TYPE.equals(next)) {
          next = line(in);
        }
        if (!"".equals(next)) {
          violation("no blank line after the header: " + next);
          return;
        }
        int length = Integer.parseInt(m.group(1));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          violation("stdout ended inside a body");
          return;
        }
        JsonObject message = parse(body);
        if (message == null) {
          return;
        }
        if (message.has("method") && message.has("id")) {
          // A request from the server (e.g. progress creation): answer it as an editor would.
          JsonObject reply = new JsonObject();
          reply.addProperty("jsonrpc", "2.0");
          reply.add("id", message.get("id"));
          reply.add("result", JsonNull.INSTANCE);
          send(frame(reply.toString()));
        }
        synchronized (received) {
          received.add(message);
          received.notifyAll();
        }
      }
    } catch (IOException e) {
      violation("reading stdout failed: " + e);
    } finally {
      synchronized (received) {
        ended = true;
        received.notifyAll();
      }
    }
  }

  private JsonObject parse(byte[] body) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
      JsonReader r = new JsonReader(new StringReader(text));
      r.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(r);
      if (!e.isJsonObject()
          || !e.getAsJsonObject().has("jsonrpc")
          || !e.getAsJsonObject().get("jsonrpc").getAsString().equals("2.0")) {
        violation("not a JSON-RPC 2.0 object: " + text);
        return null;
      }
      return e.getAsJsonObject();
    } catch (CharacterCodingException | RuntimeException e) {
      violation("a body that is not strict UTF-8 JSON: " + e);
      return null;
    }
  }

  /** One CRLF-terminated line of ASCII, null at the end of output before its first byte. */
  private String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (line.size() > 0) {
          violation("stdout ended inside a header");
        }
        return null;
      }
      if (c == '\r') {
        if (in.read() != '\n') {
          violation("a header line not ended by CRLF");
          return null;
        }
        return line.toString(StandardCharsets.US_ASCII);
      }
      if (c < 0x20 || c > 0x7e || line.size() > 200) {
        violation("a byte that has no place in a header: " + c);
        return null;
      }
      line.write(c);
    }
  }

  private void violation(String what) {
    synchronized (received) {
      violations.add(what);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closeInput();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
