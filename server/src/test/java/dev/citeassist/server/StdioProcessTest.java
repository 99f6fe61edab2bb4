package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" scenario against a separate JVM speaking JSON-RPC over its stdio: started from
 * the test class path here; {@link JarStdioIT} does the same with the packaged jar.
 */
class StdioProcessTest {

  @TempDir Path dir;
  @TempDir Path cache;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  List<String> command() {
    return List.of(
        java(),
        "-cp",
        System.getProperty("java.class.path"),
        StdioLauncher.class.getName(),
        "serve");
  }

  @Test
  void completesAcceptsAndHoversOverRealStdio() throws Exception {
    runDoneWhenScenario(command(), dir, cache);
  }

  static void runDoneWhenScenario(List<String> command, Path dir, Path cache) throws Exception {
    Path log = dir.resolve("server.log");
    LspHarness h =
        new LspHarness(dir, cache, LspHarness.Features.all(), LspHarness.process(command, log));
    Path tex = h.open(CompletionProtocolTest.PROJECT);
    CompletionList list = h.completeUntil(l -> l.getItems().size() >= 3);
    CompletionItem item = null;
    for (CompletionItem it : list.getItems().subList(0, 3)) {
      if (it.getDetail().contains(CompletionProtocolTest.SYMMETRY_TITLE)) {
        item = it;
      }
    }
    assertTrue(item != null, "not in the top 3: " + LspHarness.labels(list));
    h.accept(item);
    assertTrue(h.text(tex).contains("\\citep{" + item.getLabel() + "}"));
    String bib = h.text(dir.resolve("refs.bib"));
    assertTrue(bib.startsWith(CompletionProtocolTest.REFS));
    assertTrue(
        bib.substring(CompletionProtocolTest.REFS.length()).contains("{" + item.getLabel() + ","));
    Position onKey = new Position(h.cursor().getLine(), h.cursor().getCharacter() + 1);
    String hover = h.hover(onKey).getContents().getRight().getValue();
    assertTrue(hover.contains("When symmetry is present in the loss function"), hover);
    h.close();
    List<String> stderr = new ArrayList<>(Files.readAllLines(log));
    assertEquals(List.of(), stderr.stream().filter(l -> l.contains("Exception")).toList());
  }
}
