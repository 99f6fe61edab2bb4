package dev.citeassist.server;

import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * LSP4J's endpoint with answers a person can read: a request that could not be parsed or validated
 * gets one error response whose message names the method and the problem, with no {@code data}
 * (LSP4J puts the Java exception there); a notification with a problem is dropped with a one-line
 * warning. Thread-safe as {@link RemoteEndpoint} is.
 */
final class ProtocolEndpoint extends RemoteEndpoint {

  private static final Logger LOG = Logger.getLogger(ProtocolEndpoint.class.getName());

  private final MessageConsumer out;

  ProtocolEndpoint(
      MessageConsumer out, Endpoint local, Function<Throwable, ResponseError> exceptionHandler) {
    super(out, local, exceptionHandler);
    this.out = out;
  }

  /** Sends an error response to a request known only by its id, or by none (null). */
  void reply(Either<String, Number> id, ResponseErrorCode code, String message) {
    RequestMessage request = new RequestMessage();
    request.setRawId(id);
    out.consume(createErrorResponseMessage(request, new ResponseError(code, message, null)));
  }

  @Override
  protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
    int code =
        issues.stream().allMatch(i -> i.getIssueCode() == issues.get(0).getIssueCode())
            ? issues.get(0).getIssueCode()
            : ResponseErrorCode.InvalidRequest.getValue();
    String message =
        (request.getMethod() == null ? "" : request.getMethod() + ": ") + describe(issues);
    LOG.warning("answered a malformed request with an error: " + message);
    out.consume(createErrorResponseMessage(request, new ResponseError(code, message, null)));
  }

  /**
   * A message with an id, no method and a syntax error is either a broken answer to one of the
   * server's requests or a request cut short before its method. With no request of the server's
   * pending under that id, it is the latter, and JSON-RPC wants a parse error for it.
   */
  @Override
  protected void handleResponseIssues(ResponseMessage response, List<MessageIssue> issues) {
    if (response.getId() != null && resolveMethod(response.getId()) == null) {
      RequestMessage request = new RequestMessage();
      request.setRawId(response.getRawId());
      handleRequestIssues(request, issues);
    } else {
      super.handleResponseIssues(response, issues);
    }
  }

  @Override
  protected void logIssues(Message message, List<MessageIssue> issues) {
    String what =
        switch (message) {
          case NotificationMessage n -> "notification " + n.getMethod();
          case ResponseMessage r -> "response " + r.getId();
          default -> "message";
        };
    LOG.warning("ignored a malformed " + what + ": " + describe(issues));
  }

  /** The issues' texts on one line, with the first line of each cause (Gson's reason). */
  static String describe(List<MessageIssue> issues) {
    return issues.stream()
        .map(
            i -> {
              String text =
                  i.getText().endsWith(".")
                      ? i.getText().substring(0, i.getText().length() - 1)
                      : i.getText();
              return i.getCause() == null ? text : text + ": " + OneLine.reason(i.getCause());
            })
        .collect(Collectors.joining("; "));
  }
}
