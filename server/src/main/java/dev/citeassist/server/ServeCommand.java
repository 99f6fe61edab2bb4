package dev.citeassist.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code citeassist serve [--socket PORT]}: runs the language server over the given streams
 * (stdio), or over one TCP connection accepted on 127.0.0.1. While it runs, {@code System.out} is
 * redirected to {@code err} so that a stray print cannot corrupt the protocol, and logs go to
 * {@code err} and to the client. Returns 0 after {@code shutdown} + {@code exit}, 1 when the
 * connection ended without them, 2 on a usage error.
 */
public final class ServeCommand {

  static final String USAGE = "usage: citeassist serve [--stdio | --socket PORT]";

  private ServeCommand() {}

  public static int run(List<String> args, InputStream in, OutputStream out, PrintStream err) {
    Integer port = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--stdio" -> {}
        case "--socket" -> {
          if (i + 1 >= args.size()) {
            err.println("--socket needs a port number. " + USAGE);
            return 2;
          }
          try {
            port = Integer.parseInt(args.get(++i));
          } catch (NumberFormatException e) {
            err.println("--socket needs a port number, not '" + args.get(i) + "'. " + USAGE);
            return 2;
          }
          if (port < 0 || port > 65535) {
            err.println("--socket needs a port between 0 and 65535. " + USAGE);
            return 2;
          }
        }
        case "-h", "--help" -> {
          err.println(USAGE);
          return 0;
        }
        default -> {
          err.println("unknown option '" + a + "'. " + USAGE);
          return 2;
        }
      }
    }
    PrintStream originalOut = System.out;
    System.setOut(err);
    ClientLogHandler handler = installLogging(err);
    try {
      if (port == null) {
        return serve(in, out, handler);
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        err.println("citeassist: listening on 127.0.0.1:" + socket.getLocalPort());
        try (Socket connection = socket.accept()) {
          return serve(connection.getInputStream(), connection.getOutputStream(), handler);
        }
      } catch (IOException e) {
        err.println("citeassist: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        return 1;
      }
    } finally {
      System.setOut(originalOut);
      Logger.getLogger("").removeHandler(handler);
    }
  }

  private static ClientLogHandler installLogging(PrintStream err) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ClientLogHandler handler = new ClientLogHandler(err);
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    return handler;
  }

  private static int serve(InputStream in, OutputStream out, ClientLogHandler handler) {
    CompletableFuture<Void> exited = new CompletableFuture<>();
    CiteAssistLanguageServer server = new CiteAssistLanguageServer(() -> exited.complete(null));
    // Daemon threads: after `exit` nothing may keep the JVM alive, whoever calls this.
    AtomicInteger n = new AtomicInteger();
    ExecutorService protocol =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "citeassist-jsonrpc-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExecutorService(protocol)
            .setExceptionHandler(ServeCommand::responseError)
            .wrapMessages(ServeCommand::notificationsAreNotRequests)
            .create();
    LanguageClient client = launcher.getRemoteProxy();
    server.connect(client);
    handler.connect(client);
    Future<Void> listening = launcher.startListening();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Thread watcher =
        new Thread(
            () -> {
              try {
                listening.get();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException e) {
                // The connection broke; the exit code says so.
              }
              closed.complete(null);
            },
            "citeassist-connection");
    watcher.setDaemon(true);
    watcher.start();
    CompletableFuture.anyOf(exited, closed).join();
    handler.connect(null);
    protocol.shutdown();
    return exited.isDone() && server.isShutdown() ? 0 : 1;
  }

  private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

  /**
   * The error response to a request that failed: a {@link ResponseErrorException}'s own error, else
   * "Internal error." with no data. LSP4J's default puts the Java stack trace in {@code
   * error.data}; internals belong in the log, not in the client's hands.
   */
  static ResponseError responseError(Throwable t) {
    Throwable cause =
        (t instanceof CompletionException || t instanceof InvocationTargetException)
                && t.getCause() != null
            ? t.getCause()
            : t;
    if (cause instanceof ResponseErrorException e) {
      return e.getResponseError();
    }
    LOG.log(Level.SEVERE, "a request failed", cause);
    return new ResponseError(ResponseErrorCode.InternalError, "Internal error.", null);
  }

  private static final Map<String, JsonRpcMethod> METHODS =
      ServiceEndpoints.getSupportedMethods(CiteAssistLanguageServer.class);

  /**
   * A notification method sent with an id (so, as a request) would be run and then never answered:
   * LSP4J expects a future and fails on the nothing a notification returns, and the client waits
   * for good. It is answered with an "invalid request" error instead, and not run.
   */
  static MessageConsumer notificationsAreNotRequests(MessageConsumer next) {
    return message -> {
      if (message instanceof RequestMessage r) {
        JsonRpcMethod m = METHODS.get(r.getMethod());
        if (m != null && m.isNotification()) {
          throw new MessageIssueException(
              message,
              new MessageIssue(
                  r.getMethod() + " is a notification: it takes no id",
                  ResponseErrorCode.InvalidRequest.getValue()));
        }
      }
      next.consume(message);
    };
  }
}
