package dev.citeassist.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The strictest reading of a JSON-RPC byte stream, for the framing fuzz target: headers {@code
 * Name: value} ended by CRLF, one {@code Content-Length} with a plain decimal value, a blank line,
 * and exactly that many bytes of UTF-8 holding one JSON-RPC 2.0 object (with a method, or an id and
 * a result or error).
 */
final class StrictFrames {

  private StrictFrames() {}

  /** The number of frames when {@code bytes} is nothing but well-formed frames, else -1. */
  static int count(byte[] bytes) {
    int frames = 0;
    int i = 0;
    while (i < bytes.length) {
      int length = -1;
      while (true) {
        int end = indexOfCrlf(bytes, i);
        if (end < 0) {
          return -1;
        }
        if (end == i) {
          i += 2;
          break;
        }
        String line = new String(bytes, i, end - i, StandardCharsets.US_ASCII);
        int colon = line.indexOf(':');
        if (colon <= 0) {
          return -1;
        }
        String name = line.substring(0, colon);
        if (line.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
          return -1; // HTTP allows no control character but a tab in a header
        }
        String value = line.substring(colon + 1).strip();
        if (name.equals("Content-Length")) {
          if (length >= 0 || !value.matches("[0-9]{1,7}")) {
            return -1;
          }
          length = Integer.parseInt(value);
        } else if (!name.equals("Content-Type")) {
          return -1;
        }
        i = end + 2;
      }
      if (length < 0 || i + length > bytes.length || !isMessage(bytes, i, length)) {
        return -1;
      }
      i += length;
      frames++;
    }
    return frames;
  }

  private static boolean isMessage(byte[] bytes, int from, int length) {
    String text = new String(bytes, from, length, StandardCharsets.UTF_8);
    if (!java.util.Arrays.equals(
        text.getBytes(StandardCharsets.UTF_8),
        java.util.Arrays.copyOfRange(bytes, from, from + length))) {
      return false; // not valid UTF-8
    }
    JsonElement e;
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      e = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        return false;
      }
    } catch (RuntimeException | java.io.IOException | StackOverflowError x) {
      return false;
    }
    if (!e.isJsonObject()) {
      return false;
    }
    JsonObject m = e.getAsJsonObject();
    JsonElement version = m.get("jsonrpc");
    if (version == null || !version.isJsonPrimitive() || !version.getAsString().equals("2.0")) {
      return false;
    }
    JsonElement method = m.get("method");
    if (method != null) {
      return method.isJsonPrimitive() && method.getAsJsonPrimitive().isString();
    }
    return m.has("id") && (m.has("result") || m.has("error"));
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
      if (bytes[i] == '\n') {
        return -1; // a bare LF in a header
      }
    }
    return -1;
  }
}
