package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real projects as the oracle: the keys the server reports undefined over a whole project equal
 * what bibtex/biber reported after a real LaTeX run (src/test/resources/oracle, made by
 * src/test/oracle/make-oracle.sh). Reads the corpus from the shared folder; skipped without it.
 */
class OracleTest {

  @TempDir static Path cache;
  @TempDir Path dir;

  static Path shared() {
    String p = System.getProperty("citeassist.shared");
    // Normalised: the server names files by normalised paths, and surefire's property is
    // "<repository>/../shared".
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    String env = System.getenv("CITEASSIST_SHARED");
    return Path.of(env != null ? env : "/work/shared").toAbsolutePath().normalize();
  }

  /** The oracle files; each names its root ({@code # root: project/file.tex}) and command. */
  static Stream<String> cases() throws Exception {
    try (Stream<Path> files = Files.list(ORACLE)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".undefined.txt"))
          .map(f -> f.replace(".undefined.txt", ""))
          .sorted()
          .toList()
          .stream();
    }
  }

  static final Path ORACLE = Path.of("src/test/resources/oracle");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void undefinedCitationsEqualTheToolchains(String name) throws Exception {
    List<String> lines = Files.readAllLines(ORACLE.resolve(name + ".undefined.txt"));
    String root = lines.get(0).replaceFirst("^# root: ", "");
    // "@fixture/…" is the checked-in control project with known undefined keys.
    Path corpus =
        root.startsWith("@fixture/")
            ? Path.of("src/test/oracle").toAbsolutePath()
            : shared().resolve("corpus");
    root = root.replaceFirst("^@fixture/", "fixture/");
    Path project = corpus.resolve(root.substring(0, root.indexOf('/')));
    Assumptions.assumeTrue(Files.isDirectory(project), "no corpus at " + project);
    TreeSet<String> expected = new TreeSet<>();
    lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(expected::add);
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      // biblatex-examples.bib is found through TeX's search path by biber: the same here.
      JsonObject settings = new JsonObject();
      JsonArray folders = new JsonArray();
      folders.add(project.toString());
      settings.add("bibFolders", folders);
      h.server
          .getWorkspaceService()
          .didChangeConfiguration(new DidChangeConfigurationParams(settings));
      Path rootFile = corpus.resolve(root).toAbsolutePath().normalize();
      h.open(rootFile);
      String rootUri = Documents.uri(rootFile);
      Poll.until(
          Poll.TIMEOUT,
          "diagnostics for the root " + rootUri,
          () -> h.client.diagnostics.containsKey(rootUri));
      TreeSet<String> reported = new TreeSet<>();
      for (PublishDiagnosticsParams p : h.client.diagnostics.values()) {
        String text = new dev.citeassist.document.Documents().text(Documents.path(p.getUri()));
        var doc = new dev.citeassist.document.TextDocument(p.getUri(), 0, text);
        // Only undefined citations: a file the build generates (hott-book's version.tex) is
        // rightly reported missing in the checked-in corpus, but is no business of the oracle.
        p.getDiagnostics().stream()
            .filter(d -> "undefined-citation".equals(d.getCode().getLeft()))
            .forEach(
                d ->
                    reported.add(
                        text.substring(
                            doc.offset(d.getRange().getStart()),
                            doc.offset(d.getRange().getEnd()))));
      }
      assertEquals(
          expected,
          reported,
          name + ": server " + reported.size() + ", toolchain " + expected.size() + " undefined");
    }
  }
}
