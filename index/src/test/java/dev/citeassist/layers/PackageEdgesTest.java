package dev.citeassist.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker behind the layer tests finds what it must: a cycle, an upward edge, a stray. */
class PackageEdgesTest {

  private static final Path TEST_CLASSES = Path.of("target/test-classes");

  @Test
  void findsTheDeliberateCycleInCompiledClasses() throws Exception {
    PackageEdges edges = PackageEdges.read(TEST_CLASSES, "dev/citeassist/layers/cyclic/");

    assertEquals(Map.of("alpha", Set.of("beta"), "beta", Set.of("alpha")), edges.edges());
    assertEquals(List.of(Set.of("alpha", "beta")), edges.cycles());
  }

  @Test
  void aCycleAlwaysBreaksTheLayers() throws Exception {
    PackageEdges edges = PackageEdges.read(TEST_CLASSES, "dev/citeassist/layers/cyclic/");

    assertEquals(
        List.of("alpha -> beta (layer 0 -> layer 1)"),
        edges.violations(List.of(Set.of("alpha"), Set.of("beta"))));
    assertEquals(
        List.of("alpha -> beta (layer 0 -> layer 0)", "beta -> alpha (layer 0 -> layer 0)"),
        edges.violations(List.of(Set.of("alpha", "beta"))));
  }

  @Test
  void aPackageOutsideEveryLayerIsReported() throws Exception {
    PackageEdges edges = PackageEdges.read(TEST_CLASSES, "dev/citeassist/layers/cyclic/");

    assertEquals(List.of("beta is in no layer"), edges.violations(List.of(Set.of("alpha"))));
  }

  @Test
  void problemsNameTheCycleAndAPackageWithoutClasses() throws Exception {
    PackageEdges edges = PackageEdges.read(TEST_CLASSES, "dev/citeassist/layers/cyclic/");

    assertEquals(
        List.of(
            "gamma is in a layer but has no classes",
            "cycle: [alpha, beta]",
            "alpha -> beta (layer 0 -> layer 1)"),
        edges.problems(List.of(Set.of("alpha", "gamma"), Set.of("beta"))));
  }
}
