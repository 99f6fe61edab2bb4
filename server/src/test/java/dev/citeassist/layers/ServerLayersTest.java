package dev.citeassist.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code server} point one way, bottom first (see {@code server/README.md}): a new
 * package must be placed in a layer here, and an edge that points up or sideways fails the build.
 * Edges into {@code index} are checked by its own {@code IndexLayersTest}.
 */
class ServerLayersTest {

  static final List<Set<String>> LAYERS =
      List.of(
          // LaTeX scanning; the watchdog; the ids and arguments of workspace commands
          Set.of("latex", "watchdog", "commands"),
          // the project model (documents, .bib files); settings
          Set.of("document", "settings"),
          // text shared by features (paper descriptions, entry locations); suggestion ranking;
          // navigation
          Set.of("render", "suggestion", "navigation"),
          // the LSP features
          Set.of("completion", "hover", "diagnostics"),
          // the LSP services and the launcher
          Set.of("server"),
          // the command line, which also starts the server
          Set.of("cli"));

  @Test
  void packagesAreLayeredAsDeclared() throws Exception {
    PackageEdges edges = PackageEdges.read(Path.of("target/classes"), "dev/citeassist/");
    assertEquals(List.of(), edges.problems(LAYERS));
  }
}
