package dev.citeassist.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads the client's messages in LSP's base-protocol framing ({@code Content-Length: N}, a blank
 * line, then N bytes of UTF-8 JSON) and hands them to LSP4J. It replaces LSP4J's {@code
 * StreamMessageProducer}, which on a bad frame logs, leaves the rest of the body unread and then
 * parses JSON as headers: the connection drifts and goes silent while the process lives on.
 *
 * <p>Contract. A frame that can be delimited but not understood (not UTF-8, not JSON, nested deeper
 * than {@link #MAX_NESTING}, not a JSON-RPC message) is answered with a JSON-RPC error, carrying
 * the request's id when it can be read and null otherwise, and reading goes on with the next frame.
 * When the byte stream can no longer be delimited (a missing, negative, non-numeric or
 * over-the-limit {@code Content-Length}, a malformed header line, input ending inside a frame),
 * {@link #listen} logs the reason and returns: the connection ends and {@link ServeCommand} exits
 * non-zero, so the editor restarts the server. Header names are case-insensitive; a bare LF ends a
 * header line as CRLF does; blank lines between frames are skipped.
 *
 * <p>One reader thread calls {@link #listen}; {@link #close} may be called from any thread.
 */
final class FrameReader implements MessageProducer, Closeable {

  /** The largest body accepted; a longer frame closes the connection. */
  static final int MAX_FRAME_BYTES = 256 << 20;

  /**
   * The deepest nesting of JSON arrays and objects accepted. LSP messages nest a dozen levels;
   * below Gson's own limit (255) so that the answer says why.
   */
  static final int MAX_NESTING = 200;

  static final int MAX_HEADER_LINE_BYTES = 8 << 10;
  static final int MAX_HEADERS = 32;

  private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());
  private static final int FIRST_BUFFER = 64 << 10;

  private final InputStream in;
  private final MessageJsonHandler json;
  private final ProtocolEndpoint endpoint;
  private volatile boolean open = true;

  FrameReader(InputStream in, MessageJsonHandler json, ProtocolEndpoint endpoint) {
    this.in = new BufferedInputStream(in, FIRST_BUFFER);
    this.json = json;
    this.endpoint = endpoint;
  }

  /** Why the byte stream can no longer be cut into frames. */
  static final class BrokenFraming extends Exception {
    BrokenFraming(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One delimited frame: its body, or null when it was too large to hold in memory. */
  private record Frame(byte[] body, long length, String charset) {}

  @Override
  public void listen(MessageConsumer callback) {
    try {
      while (open) {
        Frame frame = readFrame();
        if (frame == null) {
          return;
        }
        handle(frame, callback);
      }
    } catch (BrokenFraming e) {
      LOG.severe("closing the connection: " + e.getMessage());
    } catch (IOException e) {
      if (open) {
        LOG.warning("closing the connection: cannot read from the client: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    open = false;
  }

  /** The next frame, or null at the end of input between frames. */
  private Frame readFrame() throws IOException, BrokenFraming {
    long length = -1;
    String charset = null;
    int headers = 0;
    while (true) {
      String line = readHeaderLine(headers > 0);
      if (line == null) {
        return null;
      }
      if (line.isEmpty()) {
        if (headers == 0) {
          continue;
        }
        break;
      }
      if (++headers > MAX_HEADERS) {
        throw new BrokenFraming("more than " + MAX_HEADERS + " header lines in one frame");
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        long n = parseLength(value);
        if (length >= 0 && n != length) {
          throw new BrokenFraming("two different Content-Length headers in one frame");
        }
        length = n;
      } else if (name.equalsIgnoreCase("Content-Type")) {
        charset = charsetOf(value);
      }
    }
    if (length < 0) {
      throw new BrokenFraming("a frame without a Content-Length header");
    }
    return new Frame(readBody((int) length), length, charset);
  }

  /**
   * One header line without its line end, checked as it is read so that a body sent without headers
   * fails at its first byte instead of waiting for a line end. Null at the end of input before the
   * line's first byte when {@code inFrame} is false.
   */
  private String readHeaderLine(boolean inFrame) throws IOException, BrokenFraming {
    StringBuilder line = new StringBuilder();
    boolean inName = true;
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (!inFrame && line.isEmpty()) {
          return null;
        }
        throw new BrokenFraming("the input ended inside a frame's header");
      }
      if (c == '\r') {
        c = in.read();
        if (c != '\n') {
          throw new BrokenFraming("a carriage return not followed by a line feed in a header");
        }
      }
      if (c == '\n') {
        if (inName && !line.isEmpty()) {
          throw new BrokenFraming("a header line without a colon: " + quote(line));
        }
        return line.toString();
      }
      if (inName) {
        if (c == ':' && !line.isEmpty()) {
          inName = false;
        } else if (!isTokenChar(c)) {
          throw new BrokenFraming(
              "a header must start with a name and a colon, not " + quote(line.append((char) c)));
        }
      } else if (c < 0x20 && c != '\t') {
        throw new BrokenFraming("a control character in a header value");
      }
      if (line.length() >= MAX_HEADER_LINE_BYTES) {
        throw new BrokenFraming("a header line longer than " + MAX_HEADER_LINE_BYTES + " bytes");
      }
      line.append((char) c);
    }
  }

  /** The characters allowed in an HTTP header name (RFC 9110 token). */
  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static long parseLength(String value) throws BrokenFraming {
    if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
      throw new BrokenFraming("Content-Length " + quote(value) + " is not a number of bytes");
    }
    long n = Long.parseLong(value);
    if (n > MAX_FRAME_BYTES) {
      throw new BrokenFraming(
          "Content-Length "
              + n
              + " is over the limit of "
              + (MAX_FRAME_BYTES >> 20)
              + " MiB for one message");
    }
    return n;
  }

  private static String charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }

  /**
   * Exactly {@code length} bytes, in a buffer that grows as they arrive (a frame announcing much
   * and sending little costs little memory). Null when the body does not fit in memory: its bytes
   * are then skipped, so the next frame is still found.
   */
  private byte[] readBody(int length) throws IOException, BrokenFraming {
    byte[] buffer = new byte[Math.min(length, FIRST_BUFFER)];
    int got = 0;
    boolean discarding = false;
    while (got < length) {
      if (!discarding && got == buffer.length) {
        try {
          buffer = Arrays.copyOf(buffer, (int) Math.min(length, 2L * buffer.length));
        } catch (OutOfMemoryError e) {
          discarding = true;
          buffer = new byte[FIRST_BUFFER];
        }
      }
      int offset = discarding ? 0 : got;
      int max = discarding ? Math.min(buffer.length, length - got) : buffer.length - got;
      int n = in.read(buffer, offset, max);
      if (n < 0) {
        throw new BrokenFraming(
            "the input ended after "
                + got
                + " of the "
                + length
                + " bytes that the frame's Content-Length announced");
      }
      got += n;
    }
    return discarding ? null : buffer;
  }

  private void handle(Frame frame, MessageConsumer callback) {
    if (frame.body() == null) {
      reject(
          null,
          ResponseErrorCode.ParseError,
          "a message of " + frame.length() + " bytes does not fit in the server's memory");
      return;
    }
    if (frame.charset() != null
        && !frame.charset().equalsIgnoreCase("utf-8")
        && !frame.charset().equalsIgnoreCase("utf8")) {
      reject(
          idOf(new String(frame.body(), StandardCharsets.UTF_8)),
          ResponseErrorCode.ParseError,
          "charset " + quote(frame.charset()) + " is not supported: LSP messages are UTF-8");
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame.body())).toString();
    } catch (CharacterCodingException e) {
      reject(
          idOf(new String(frame.body(), StandardCharsets.UTF_8)),
          ResponseErrorCode.ParseError,
          "the message is not valid UTF-8");
      return;
    }
    if (text.startsWith("\uFEFF")) {
      // A byte order mark is not JSON, but it is harmless: some writers put one before any text.
      text = text.substring(1);
    }
    if (text.isBlank()) {
      reject(null, ResponseErrorCode.ParseError, "an empty message");
      return;
    }
    if (nesting(frame.body()) > MAX_NESTING) {
      reject(
          idOf(text),
          ResponseErrorCode.ParseError,
          "the message nests arrays and objects deeper than " + MAX_NESTING + " levels");
      return;
    }
    Message message;
    try {
      message = json.parseMessage(text);
    } catch (MessageIssueException e) {
      endpoint.handle(e.getRpcMessage(), e.getIssues());
      return;
    } catch (RuntimeException | StackOverflowError e) {
      rejectUnparsed(text, e);
      return;
    }
    if (message == null) {
      reject(null, ResponseErrorCode.InvalidRequest, "a message must be a JSON object, not null");
      return;
    }
    try {
      callback.consume(message);
    } catch (MessageIssueException e) {
      endpoint.handle(e.getRpcMessage(), e.getIssues());
    } catch (RuntimeException | StackOverflowError e) {
      // LSP4J answers a failing request itself; whatever still escapes is logged, and the reader
      // goes on with the next frame.
      LOG.log(Level.WARNING, "could not handle " + describe(message), e);
    }
  }

  /** Answers a body that LSP4J could not turn into a message and whose id it did not read. */
  private void rejectUnparsed(String text, Throwable cause) {
    JsonElement element;
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.LENIENT);
      element = JsonParser.parseReader(reader);
    } catch (RuntimeException | StackOverflowError e) {
      reject(null, ResponseErrorCode.ParseError, "the message is not JSON: " + OneLine.reason(e));
      return;
    }
    if (element.isJsonArray()) {
      reject(
          null,
          ResponseErrorCode.InvalidRequest,
          "batches are not supported by the Language Server Protocol: send each message in its"
              + " own frame");
    } else if (!element.isJsonObject()) {
      reject(null, ResponseErrorCode.InvalidRequest, "a message must be a JSON object");
    } else if (element.getAsJsonObject().has("id") && idOf(text) == null) {
      reject(
          null, ResponseErrorCode.InvalidRequest, "a request's id must be a string or an integer");
    } else if (element.getAsJsonObject().has("method") && !element.getAsJsonObject().has("id")) {
      // A notification is never answered, not even when its params are unreadable.
      LOG.warning(
          "ignored a malformed notification "
              + OneLine.of(element.getAsJsonObject().get("method").toString())
              + ": "
              + OneLine.reason(cause));
    } else if (!element.getAsJsonObject().has("method") && !element.getAsJsonObject().has("id")) {
      reject(
          null,
          ResponseErrorCode.InvalidRequest,
          "a message needs a method (a request or a notification) or an id (a response)");
    } else {
      reject(
          idOf(text),
          ResponseErrorCode.InvalidRequest,
          "not a JSON-RPC request, response or notification: " + OneLine.reason(cause));
    }
  }

  private void reject(Either<String, Number> id, ResponseErrorCode code, String message) {
    LOG.warning("answered a malformed message with an error: " + message);
    endpoint.reply(id, code, message);
  }

  /** The top-level id of a JSON object when it is a string or an integer, else null. */
  static Either<String, Number> idOf(String text) {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.LENIENT);
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals("id")) {
          reader.skipValue();
          continue;
        }
        JsonElement id = JsonParser.parseReader(reader);
        if (id instanceof JsonPrimitive p && p.isString()) {
          return Either.forLeft(p.getAsString());
        }
        if (id instanceof JsonPrimitive p && p.isNumber()) {
          return Either.forRight(Integer.parseInt(p.getAsString()));
        }
        return null;
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // No readable id: the answer carries null.
    }
    return null;
  }

  /** The deepest nesting of arrays and objects in a JSON text, counted up to the limit. */
  static int nesting(byte[] body) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        max = Math.max(max, ++depth);
        if (max > MAX_NESTING) {
          return max;
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return max;
  }

  private static String describe(Message message) {
    return message instanceof RequestMessage r ? "request " + r.getMethod() : "a message";
  }

  /** A short, printable rendering of header text for a log line. */
  private static String quote(CharSequence s) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      out.append(
          c >= 0x20 && c < 0x7f
              ? String.valueOf(c)
              : String.format(Locale.ROOT, "\\x%02x", (int) c & 0xff));
    }
    return out.append(s.length() > 60 ? "...'" : "'").toString();
  }
}
