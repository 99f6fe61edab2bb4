package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;

class ClientLogHandlerTest {

  @Test
  void theClientGetsOneLineAndStderrTheStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ClientLogHandler handler =
        new ClientLogHandler(new PrintStream(err, true, StandardCharsets.UTF_8));
    RecordingClient client = new RecordingClient();
    handler.connect(client);
    LogRecord record = new LogRecord(Level.WARNING, "indexing refs.bib failed\nsecond line");
    record.setLoggerName("dev.citeassist.test");
    record.setThrown(
        new UncheckedIOException("cannot read", new IOException("disk gone\n at the end")));
    handler.publish(record);

    assertEquals(1, client.logged.size());
    assertEquals(MessageType.Warning, client.logged.get(0).getType());
    assertEquals(
        "indexing refs.bib failed: UncheckedIOException: cannot read",
        client.logged.get(0).getMessage());
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertTrue(stderr.contains("\tat dev.citeassist.server.ClientLogHandlerTest"), stderr);
    assertTrue(stderr.contains("Caused by: java.io.IOException: disk gone"), stderr);
  }

  @Test
  void lsp4jRecordsAndRecordsWithoutALoggerStayOnStderr() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ClientLogHandler handler =
        new ClientLogHandler(new PrintStream(err, true, StandardCharsets.UTF_8));
    RecordingClient client = new RecordingClient();
    handler.connect(client);
    LogRecord lsp4j = new LogRecord(Level.WARNING, "Unmatched response message: {...}");
    lsp4j.setLoggerName("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint");
    handler.publish(lsp4j);
    handler.publish(new LogRecord(Level.WARNING, "anonymous"));

    assertEquals(1, client.logged.size());
    assertEquals("anonymous", client.logged.get(0).getMessage());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unmatched response message"));
  }
}
