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
  void answersADamagedFrameThenEndsWithOneAndAReasonWhenFramingBreaks() {
    IndexAvailable.assume();
    String hover = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\"}";
    byte[] input =
        ("content-length: "
                + hover.length()
                + "\r\n\r\n"
                + hover
                + "Content-Length: 1e20\r\n\r\n{}")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ServeCommand.run(
            List.of(),
            new ByteArrayInputStream(input),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        stdout.contains(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,"
                + "\"message\":\"textDocument/hover: needs params\"}}"),
        stdout);
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("closing the connection: Content-Length '1e20' is not a number of bytes"),
        err.toString(StandardCharsets.UTF_8));
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
        new ErrorReplies()
            .apply(
                new java.util.concurrent.CompletionException(new NullPointerException("params")));

    assertEquals(
        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InternalError.getValue(),
        error.getCode());
    assertEquals(ErrorReplies.INTERNAL, error.getMessage());
    assertEquals(null, error.getData());
    var own =
        new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
            org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
            "no position",
            null);
    assertEquals(
        own,
        new ErrorReplies()
            .apply(
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
    var consumer =
        new RequestValidator(
            passed::add,
            new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(
                org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.getSupportedMethods(
                    CiteAssistLanguageServer.class)));

    var issue =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.eclipse.lsp4j.jsonrpc.MessageIssueException.class, () -> consumer.consume(request));

    assertEquals(
        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidRequest.getValue(),
        issue.getIssues().get(0).getIssueCode());
    assertEquals(List.of(), passed);
    request.setMethod("shutdown");
    consumer.consume(request);
    assertEquals(List.of(request), passed);
  }
}
