package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

  private static int run(List<String> args, ByteArrayOutputStream err) {
    return ServeCommand.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExitWithTwoAndSaySo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(List.of("--socket"), err));
    assertEquals(2, run(List.of("--socket", "http"), err));
    assertEquals(2, run(List.of("--verbose"), err));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--socket needs a port number"), text);
    assertTrue(text.contains("unknown option '--verbose'"), text);
  }

  @Test
  void connectionClosedWithoutShutdownExitsWithOne() {
    IndexAvailable.assume();
    assertEquals(1, run(List.of(), new ByteArrayOutputStream()));
  }

  @Test
  void servesOneClientOnLoopbackSocket() throws Exception {
    IndexAvailable.assume();
    java.io.PipedOutputStream errOut = new java.io.PipedOutputStream();
    java.io.BufferedReader errLines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.io.PipedInputStream(errOut, 1 << 16), StandardCharsets.UTF_8));
    PrintStream err = new PrintStream(errOut, true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread t =
        new Thread(
            () ->
                exit.complete(
                    ServeCommand.run(
                        List.of("--socket", "0"),
                        new ByteArrayInputStream(new byte[0]),
                        new ByteArrayOutputStream(),
                        err)));
    t.setDaemon(true);
    t.start();
    Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher("");
    String line;
    while ((line = errLines.readLine()) != null && !m.reset(line).find()) {
      // Skip log lines.
    }
    int port = Integer.parseInt(m.group(1));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      var launcher =
          LSPLauncher.createClientLauncher(
              new RecordingClient(), socket.getInputStream(), socket.getOutputStream());
      launcher.startListening();
      LanguageServer server = launcher.getRemoteProxy();
      InitializeResult result = server.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
      assertEquals("citeassist", result.getServerInfo().getName());
      server.shutdown().get(60, TimeUnit.SECONDS);
      server.exit();
      assertEquals(0, exit.get(60, TimeUnit.SECONDS));
    }
  }

  /**
   * Found by JsonRpcFuzzTest#messages (a hover without params): stack traces went to the client.
   */
  @Test
  void aFailedRequestGetsAnInternalErrorWithoutItsStackTrace() {
    var error =
        ServeCommand.responseError(
            new java.util.concurrent.CompletionException(new NullPointerException("params")));

    assertEquals(
        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InternalError.getValue(),
        error.getCode());
    assertEquals("Internal error.", error.getMessage());
    assertEquals(null, error.getData());
    var own =
        new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
            org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
            "no position",
            null);
    assertEquals(
        own,
        ServeCommand.responseError(
            new java.util.concurrent.CompletionException(
                new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(own))));
  }

  /** Found by JsonRpcFuzzTest#messages: didOpen with an id was run and never answered. */
  @Test
  void aNotificationSentAsARequestIsRefusedNotLeftUnanswered() {
    var request = new org.eclipse.lsp4j.jsonrpc.messages.RequestMessage();
    request.setId(7);
    request.setMethod("textDocument/didOpen");
    java.util.List<Object> passed = new java.util.ArrayList<>();
    var consumer = ServeCommand.notificationsAreNotRequests(passed::add);

    var issue =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.eclipse.lsp4j.jsonrpc.MessageIssueException.class, () -> consumer.consume(request));

    assertEquals(
        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidRequest.getValue(),
        issue.getIssues().get(0).getIssueCode());
    assertEquals(List.of(), passed);
    request.setMethod("textDocument/hover");
    consumer.consume(request);
    assertEquals(List.of(request), passed);
  }
}
