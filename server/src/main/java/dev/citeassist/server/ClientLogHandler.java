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
 * Sends log records to stderr (with the stack trace of a thrown exception) and, once a client is
 * connected, as one-line {@code window/logMessage}s (the exception's class and first message line
 * at most). Never writes to stdout, which belongs to JSON-RPC.
 */
final class ClientLogHandler extends Handler {

  private static final int MAX_STDERR_MESSAGE = 4000;

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
    if (message == null) {
      message = "";
    }
    Throwable thrown = record.getThrown();
    StringBuilder line =
        new StringBuilder().append(LocalTime.now()).append(' ').append(record.getLevel());
    line.append(' ').append(shorten(message));
    if (thrown != null) {
      line.append(": ");
      appendStackTrace(line, thrown);
    }
    err.println(line);
    String oneLine = OneLine.of(message) + (thrown == null ? "" : ": " + OneLine.of(thrown));
    LanguageClient c = client;
    // An interrupted thread must not write: on an interruptible channel (in-process pipes) the
    // write
    // would close the connection for everyone.
    if (c != null
        && (record.getLoggerName() == null
            || !record.getLoggerName().startsWith("org.eclipse.lsp4j"))
        && !Thread.currentThread().isInterrupted()) {
      MessageType type =
          record.getLevel().intValue() >= Level.SEVERE.intValue()
              ? MessageType.Error
              : record.getLevel().intValue() >= Level.WARNING.intValue()
                  ? MessageType.Warning
                  : MessageType.Log;
      try {
        c.logMessage(new MessageParams(type, oneLine));
      } catch (RuntimeException e) {
        err.println("could not send log message: " + e);
      }
    }
  }

  /** Messages may quote client input (a whole message, a document): stderr gets the start. */
  private static String shorten(String message) {
    return message.length() <= MAX_STDERR_MESSAGE
        ? message
        : message.substring(0, MAX_STDERR_MESSAGE) + "... (" + message.length() + " chars)";
  }

  /** The throwable, its stack and its causes, as {@code Throwable.printStackTrace} would. */
  private static void appendStackTrace(StringBuilder out, Throwable thrown) {
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    String prefix = "";
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      out.append(prefix).append(t);
      for (StackTraceElement frame : t.getStackTrace()) {
        out.append(System.lineSeparator()).append("\tat ").append(frame);
      }
      prefix = System.lineSeparator() + "Caused by: ";
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
