package dev.citeassist.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw JSON-RPC client of {@link ServeCommand} running in this JVM over pipes: it writes frames
 * whose bodies are any bytes at all, and reads the server's frames strictly (a frame that is not
 * {@code Content-Length} headers and a JSON object body is recorded as a protocol violation). It
 * answers the server's own requests (configuration, registrations, progress, edits) with nulls, as
 * a minimal editor would. Thread-safe for one writer.
 */
final class FramedConnection implements AutoCloseable {

  private final OutputStream toServer;
  private final BlockingQueue<JsonObject> fromServer = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> exit;
  private volatile String violation;

  FramedConnection() throws IOException {
    LspHarness.Connection server = LspHarness.inProcess();
    this.toServer = server.toServer();
    this.exit = server.exit();
    InputStream clientIn = server.fromServer();
    Thread reader = new Thread(() -> readFrames(clientIn), "fuzz-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends {@code body} in one well-formed frame, whatever the body is. */
  synchronized void send(byte[] body) throws IOException {
    byte[] header =
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    toServer.write(header);
    toServer.write(body);
    toServer.flush();
  }

  void send(JsonObject message) throws IOException {
    send(message.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The next message from the server that is not a request to the client, or null on timeout. */
  JsonObject next(long timeoutMillis) throws InterruptedException {
    return fromServer.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** A frame from the server that broke the protocol, or null. */
  String violation() {
    return violation;
  }

  CompletableFuture<Integer> exit() {
    return exit;
  }

  private void readFrames(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = headerLine(in)).isEmpty()) {
          int colon = line.indexOf(':');
          if (colon < 0) {
            violation = "header line without a colon: " + line;
            return;
          }
          if (line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
            length = Integer.parseInt(line.substring(colon + 1).trim());
          }
        }
        if (length < 0) {
          violation = "a frame without Content-Length";
          return;
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          violation = "a frame cut short: " + body.length + " of " + length + " bytes";
          return;
        }
        JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        if (!json.isJsonObject()) {
          violation = "a body that is not a JSON object: " + json;
          return;
        }
        JsonObject m = json.getAsJsonObject();
        if (m.has("method") && m.has("id")) {
          answer(m);
        } else {
          fromServer.add(m);
        }
      }
    } catch (EndOfInput e) {
      // the server closed its output
    } catch (IOException | RuntimeException e) {
      violation = "unreadable output: " + e;
    }
  }

  /** What a minimal editor answers to the server's requests. */
  private void answer(JsonObject request) throws IOException {
    JsonObject response = new JsonObject();
    response.addProperty("jsonrpc", "2.0");
    response.add("id", request.get("id"));
    String method = request.get("method").getAsString();
    if (method.equals("workspace/configuration")) {
      com.google.gson.JsonArray nulls = new com.google.gson.JsonArray();
      JsonElement items =
          request.has("params") && request.get("params").isJsonObject()
              ? request.getAsJsonObject("params").get("items")
              : null;
      int n = items != null && items.isJsonArray() ? items.getAsJsonArray().size() : 0;
      for (int i = 0; i < n; i++) {
        nulls.add(com.google.gson.JsonNull.INSTANCE);
      }
      response.add("result", nulls);
    } else if (method.equals("workspace/applyEdit")) {
      JsonObject applied = new JsonObject();
      applied.addProperty("applied", false);
      response.add("result", applied);
    } else {
      response.add("result", com.google.gson.JsonNull.INSTANCE);
    }
    send(response);
  }

  private static final class EndOfInput extends IOException {}

  private static String headerLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EndOfInput();
      }
      if (c == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(c);
    }
  }

  @Override
  public void close() throws IOException {
    toServer.close();
  }
}
