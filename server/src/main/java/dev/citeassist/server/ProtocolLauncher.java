package dev.citeassist.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * LSP4J's launcher with this server's protocol edge: {@link FrameReader} in place of LSP4J's stream
 * reader, {@link RequestValidator} in front of the services, {@link ProtocolEndpoint} and {@link
 * ErrorReplies} for error responses without internals. One builder per connection.
 */
final class ProtocolLauncher extends LSPLauncher.Builder<LanguageClient> {

  private MessageJsonHandler json;
  private ProtocolEndpoint endpoint;

  private ProtocolLauncher() {}

  static Launcher<LanguageClient> create(
      LanguageServer server, InputStream in, OutputStream out, ExecutorService executor) {
    ProtocolLauncher builder = new ProtocolLauncher();
    builder
        .setLocalService(server)
        .setRemoteInterface(LanguageClient.class)
        .setInput(in)
        .setOutput(out)
        .setExecutorService(executor)
        .setExceptionHandler(new ErrorReplies());
    return builder.create();
  }

  @Override
  protected MessageJsonHandler createJsonHandler() {
    json = super.createJsonHandler();
    return json;
  }

  @Override
  protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
    MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
    endpoint =
        new ProtocolEndpoint(
            outgoing, ServiceEndpoints.toEndpoint(localServices), exceptionHandler);
    jsonHandler.setMethodProvider(endpoint);
    endpoint.setJsonHandler(jsonHandler);
    return endpoint;
  }

  @Override
  protected ConcurrentMessageProcessor createMessageProcessor(
      MessageProducer lsp4jReader, MessageConsumer incoming, LanguageClient remoteProxy) {
    return new ConcurrentMessageProcessor(
        new FrameReader(input, json, endpoint), new RequestValidator(incoming, json));
  }
}
