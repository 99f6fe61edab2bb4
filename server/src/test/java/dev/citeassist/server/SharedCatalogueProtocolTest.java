package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with a shared catalogue it cannot reach ({@code catalogueUrl} naming a closed port on
 * loopback): it says so once, in a warning the editor shows, and keeps completing the project's own
 * entries. (Searching a real cluster, recovering when it returns, and a node killed mid-stream are
 * tested against a three-node cluster in the index module's {@code OpenSearchClusterTest}.)
 */
class SharedCatalogueProtocolTest {

  @TempDir static Path cache;
  @TempDir Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  @Test
  void unreachableClusterIsSaidOnceAndTheProjectStillCompletes() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.server
          .getWorkspaceService()
          .didChangeConfiguration(
              new DidChangeConfigurationParams(
                  com.google.gson.JsonParser.parseString(
                      "{\"citeassist\": {\"catalogueUrl\": \"http://127.0.0.1:"
                          + closed
                          + "/lab\", \"catalogueTimeoutMillis\": 500}}")));
      h.open(CompletionProtocolTest.PROJECT.replace("{symm|}", "{l|}"));
      CompletionList list = h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
      for (int i = 0; i < 5; i++) {
        list = h.complete();
      }
      // only the project's entry: no catalogue paper, the cluster being away
      assertEquals(List.of("liao2018random"), LspHarness.labels(list));
      assertEquals(CompletionItemKind.Reference, list.getItems().get(0).getKind());
      List<MessageParams> warnings =
          h.client.shown.stream().filter(m -> m.getMessage().contains("shared catalogue")).toList();
      assertEquals(1, warnings.size(), h.client.shown.toString());
      assertEquals(MessageType.Warning, warnings.get(0).getType());
      assertTrue(warnings.get(0).getMessage().contains("unreachable"), warnings.toString());
    }
  }
}
