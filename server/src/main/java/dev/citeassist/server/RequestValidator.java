package dev.citeassist.server;

import dev.citeassist.document.Documents;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;

/**
 * Checks each request and notification from the client before a service sees it, so that no handler
 * meets a null it cannot handle: params present when the method's params type has required fields,
 * every field LSP4J marks {@link NonNull} present, and {@code textDocument.uri} a file URI. A
 * request that fails gets an InvalidParams error (via {@link ProtocolEndpoint}) such as {@code
 * textDocument/hover: needs params.textDocument}; a notification that fails is dropped with a
 * warning. Responses from the client pass unchecked: their types are looser (a configuration answer
 * may hold nulls). Used on the one reader thread only.
 */
final class RequestValidator extends ReflectiveMessageValidator {

  private static final Pattern ACCESSOR =
      Pattern.compile("The accessor '.*' must return a non-null value\\. Path: \\$\\.?(.*)");
  private static final Pattern NULL_IN_LIST =
      Pattern.compile("Lists must not contain null references\\. Path: \\$\\.?(.*)");

  /**
   * Methods whose params are checked for presence only: LSP4J marks fields required that the server
   * copes without (an {@code initialize} without {@code capabilities} from a minimal client) or
   * that LSP allows to be null ({@code settings} of {@code didChangeConfiguration}).
   */
  private static final Set<String> PRESENCE_ONLY =
      Set.of("initialize", "workspace/didChangeConfiguration");

  private final MessageConsumer next;
  private final MessageJsonHandler json;
  private final Map<Type, Boolean> hasRequiredFields = new HashMap<>();

  RequestValidator(MessageConsumer next, MessageJsonHandler json) {
    this.next = next;
    this.json = json;
  }

  @Override
  public void consume(Message message) {
    switch (message) {
      case RequestMessage r -> {
        notificationAsRequest(r);
        check(message, r.getMethod(), r.getParams());
      }
      case NotificationMessage n -> check(message, n.getMethod(), n.getParams());
      default -> {}
    }
    next.consume(message);
  }

  /**
   * A notification method sent with an id (so, as a request) would be run and then never answered:
   * LSP4J expects a future and fails on the nothing a notification returns, and the client waits
   * for good. It is answered with an "invalid request" error instead, and not run.
   */
  private void notificationAsRequest(RequestMessage r) {
    JsonRpcMethod rpc = json.getJsonRpcMethod(r.getMethod());
    if (rpc != null && rpc.isNotification()) {
      throw new MessageIssueException(
          r,
          new MessageIssue(
              r.getMethod() + " is a notification: it takes no id",
              ResponseErrorCode.InvalidRequest.getValue()));
    }
  }

  private void check(Message message, String method, Object params) {
    List<MessageIssue> issues = new ArrayList<>();
    if (params == null) {
      JsonRpcMethod rpc = json.getJsonRpcMethod(method);
      if (rpc != null
          && rpc.getParameterTypes().length == 1
          && hasRequiredFields.computeIfAbsent(
              rpc.getParameterTypes()[0], RequestValidator::requiresFields)) {
        issues.add(invalid("needs params"));
      }
    } else if (!PRESENCE_ONLY.contains(method)) {
      for (MessageIssue issue : validate(params)) {
        issues.add(readable(issue));
      }
      if (issues.isEmpty()) {
        String uri = documentUri(params);
        if (uri != null && !isFileUri(uri)) {
          issues.add(invalid("params.textDocument.uri is not a file URI: " + OneLine.of(uri)));
        }
      }
    }
    if (!issues.isEmpty()) {
      throw new MessageIssueException(message, issues);
    }
  }

  private static boolean requiresFields(Type type) {
    if (!(type instanceof Class<?> c)) {
      return false;
    }
    for (Method m : c.getMethods()) {
      if (m.getParameterCount() == 0 && m.getAnnotation(NonNull.class) != null) {
        return true;
      }
    }
    return false;
  }

  /** LSP4J's wording ("The accessor 'HoverParams.getTextDocument()' must ...") made short. */
  private static MessageIssue readable(MessageIssue issue) {
    Matcher m = ACCESSOR.matcher(issue.getText());
    if (m.matches()) {
      return invalid("needs " + path(m.group(1)));
    }
    m = NULL_IN_LIST.matcher(issue.getText());
    if (m.matches()) {
      return invalid(path(m.group(1)) + " must not be null");
    }
    return invalid(issue.getText());
  }

  private static String path(String tail) {
    return tail.isEmpty() ? "params" : "params." + tail;
  }

  private static MessageIssue invalid(String text) {
    return new MessageIssue(text, ResponseErrorCode.InvalidParams.getValue());
  }

  /** The {@code textDocument.uri} of params that have one, else null. */
  private static String documentUri(Object params) {
    try {
      Object document = params.getClass().getMethod("getTextDocument").invoke(params);
      if (document == null) {
        return null;
      }
      return document.getClass().getMethod("getUri").invoke(document) instanceof String s
          ? s
          : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static boolean isFileUri(String uri) {
    try {
      Documents.path(uri);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
