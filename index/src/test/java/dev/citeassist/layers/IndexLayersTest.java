package dev.citeassist.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
          Set.of("remote"), // the catalogue on an OpenSearch cluster, searched like the index
          Set.of("catalogue")); // the facade: sources, the format registry, building the index

  @Test
  void packagesAreLayeredAsDeclared() throws Exception {
    PackageEdges edges = PackageEdges.read(Path.of("target/classes"), "dev/citeassist/");
    assertEquals(List.of(), edges.problems(LAYERS));
  }
}
