package dev.citeassist.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code index} point one way, bottom first (see {@code index/README.md}): a new
 * package must be placed in a layer here, and an edge that points up or sideways fails the build.
 */
class IndexLayersTest {

  static final List<Set<String>> LAYERS =
      List.of(
          Set.of("paper", "files"), // the model and the reader contract; atomic file writes
          Set.of("tex"), // LaTeX text to Unicode and back
          Set.of("bibtex", "formats", "citekey", "search"), // formats, keys, the Lucene index
          Set.of("catalogue")); // the facade: sources, the format registry, building the index

  @Test
  void theLayersNameEveryPackage() throws Exception {
    Set<String> layered = new TreeSet<>();
    LAYERS.forEach(layered::addAll);
    assertEquals(layered, edges().edges().keySet());
  }

  @Test
  void packagesFormNoCycle() throws Exception {
    assertEquals(List.of(), edges().cycles());
  }

  @Test
  void everyEdgePointsToALowerLayer() throws Exception {
    assertEquals(List.of(), edges().violations(LAYERS));
  }

  private static PackageEdges edges() throws Exception {
    return PackageEdges.read(Path.of("target/classes"), "dev/citeassist/");
  }
}
