package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.citeassist.commands.Commands;
import dev.citeassist.fixture.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file watcher registration and the catalogue build's work-done progress, over JSON-RPC. */
class WatchingAndProgressProtocolTest {

  @TempDir java.nio.file.Path cache;
  @TempDir java.nio.file.Path dir;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private static WorkDoneProgressNotification value(ProgressParams p) {
    return p.getValue().getLeft();
  }

  @Test
  void registersWatchersForBibAndTexFilesWhenTheClientCanBeAsked() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Poll.until(
          Poll.TIMEOUT, "a capability registration", () -> !h.client.registrations.isEmpty());
      var registration = h.client.registrations.get(0).getRegistrations().get(0);
      assertEquals("workspace/didChangeWatchedFiles", registration.getMethod());
      var options = (com.google.gson.JsonObject) registration.getRegisterOptions();
      List<String> globs = new ArrayList<>();
      options
          .getAsJsonArray("watchers")
          .forEach(w -> globs.add(w.getAsJsonObject().get("globPattern").getAsString()));
      assertEquals(List.of("**/*.bib", "**/*.tex"), globs);
    }
  }

  @Test
  void buildingTheCatalogueReportsBeginPercentagesAndEnd() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Poll.until(
          Poll.TIMEOUT,
          "the end of the catalogue's progress",
          () ->
              !h.client.progress.isEmpty()
                  && value(h.client.progress.get(h.client.progress.size() - 1))
                      instanceof WorkDoneProgressEnd);
      assertEquals(1, h.client.progressCreated.size());
      var token = h.client.progressCreated.get(0).getToken();
      List<ProgressParams> all = h.client.progress;
      WorkDoneProgressBegin begin =
          assertInstanceOf(WorkDoneProgressBegin.class, value(all.get(0)));
      assertEquals("CiteAssist: building the catalogue", begin.getTitle());
      assertEquals(0, begin.getPercentage());
      int last = 0;
      for (ProgressParams p : all.subList(1, all.size() - 1)) {
        assertEquals(token, p.getToken());
        WorkDoneProgressReport r = assertInstanceOf(WorkDoneProgressReport.class, value(p));
        assertTrue(r.getPercentage() >= last && r.getPercentage() <= 100, r.toString());
        last = r.getPercentage();
      }
      WorkDoneProgressEnd end =
          assertInstanceOf(WorkDoneProgressEnd.class, value(all.get(all.size() - 1)));
      assertTrue(end.getMessage().contains("papers indexed"), end.getMessage());
    }
  }

  private static List<?> searchUntil(LspHarness h, String query, String title) throws Exception {
    return Poll.until(
        Poll.TIMEOUT,
        title + " among the hits for " + query,
        () ->
            (List<?>)
                h.server
                    .getWorkspaceService()
                    .executeCommand(
                        new ExecuteCommandParams(
                            Commands.SEARCH,
                            List.of(new JsonPrimitive(query), new JsonPrimitive(5))))
                    .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS),
        hits -> hits.stream().anyMatch(x -> title.equals(((java.util.Map<?, ?>) x).get("title"))));
  }

  @Test
  void changedCatalogueSourcesAreReadAfterSettingsChangeAndAfterRebuild() throws Exception {
    java.nio.file.Path source = dir.resolve("mine.bib");
    java.nio.file.Files.writeString(
        source,
        "@article{q1, title = {Quixotic Zebra Alignment}, author = {Zed, Zoe}, year = 2031}\n");
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      com.google.gson.JsonObject section = new com.google.gson.JsonObject();
      com.google.gson.JsonArray sources = new com.google.gson.JsonArray();
      sources.add(source.toString());
      section.add("catalogueSources", sources);
      section.addProperty("cacheDir", cache.toString());
      com.google.gson.JsonObject settings = new com.google.gson.JsonObject();
      settings.add("citeassist", section);
      h.server
          .getWorkspaceService()
          .didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
      searchUntil(h, "quixotic zebra", "Quixotic Zebra Alignment");

      java.nio.file.Files.writeString(
          source,
          "@article{q2, title = {Velvet Narwhal Scheduling Revisited}, author = {Zed, Zoe},"
              + " year = 2032}\n");
      h.server
          .getWorkspaceService()
          .executeCommand(new ExecuteCommandParams(Commands.REBUILD_CATALOGUE, List.of()))
          .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      searchUntil(h, "velvet narwhal", "Velvet Narwhal Scheduling Revisited");
    }
  }
}
