package dev.citeassist.server;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Turns a request's failure into its error response. A {@link ResponseErrorException} (the
 * features' and {@link RequestValidator}'s deliberate answers) is sent as it is; anything else is a
 * bug: its stack trace goes to the log (stderr), and the client gets a sentence without internals.
 * LSP4J's default would put the stack trace into {@code error.data}. Stateless.
 */
final class ErrorReplies implements Function<Throwable, ResponseError> {

  private static final Logger LOG = Logger.getLogger(ErrorReplies.class.getName());

  static final String INTERNAL =
      "the server failed while answering this request; its log (stderr) has the details";

  @Override
  public ResponseError apply(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof InvocationTargetException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ResponseErrorException e) {
      ResponseError error = e.getResponseError();
      if (error.getData() instanceof Throwable) {
        error.setData(null);
      }
      return error;
    }
    LOG.log(Level.SEVERE, "a request failed", t);
    return new ResponseError(ResponseErrorCode.InternalError, INTERNAL, null);
  }
}
