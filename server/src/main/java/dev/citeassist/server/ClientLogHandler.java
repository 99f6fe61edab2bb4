package dev.citeassist.server;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Sends log records to stderr and, once a client is connected, as {@code window/logMessage}. Never
 * writes to stdout, which belongs to JSON-RPC.
 */
final class ClientLogHandler extends Handler {

  private final PrintStream err;
  private volatile LanguageClient client;
  private final SimpleFormatter formatter = new SimpleFormatter();

  ClientLogHandler(PrintStream err) {
    this.err = err;
    setLevel(Level.INFO);
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String message = formatter.formatMessage(record);
    if (record.getThrown() != null) {
      message += ": " + record.getThrown();
    }
    String line = LocalTime.now() + " " + record.getLevel() + " " + message;
    err.println(line);
    LanguageClient c = client;
    // An interrupted thread must not write: on an interruptible channel (in-process pipes) the
    // write
    // would close the connection for everyone.
    if (c != null
        && !record.getLoggerName().startsWith("org.eclipse.lsp4j")
        && !Thread.currentThread().isInterrupted()) {
      MessageType type =
          record.getLevel().intValue() >= Level.SEVERE.intValue()
              ? MessageType.Error
              : record.getLevel().intValue() >= Level.WARNING.intValue()
                  ? MessageType.Warning
                  : MessageType.Log;
      try {
        c.logMessage(new MessageParams(type, message));
      } catch (RuntimeException e) {
        err.println("could not send log message: " + e);
      }
    }
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
