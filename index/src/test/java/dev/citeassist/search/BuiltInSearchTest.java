package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.catalogue.Catalogue;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stemmed search over the built-in catalogue, whose symmetry papers are known from reading the
 * seeds: three with "Symmetry"/"Symmetries" in the title, one ("Neural Thermodynamics") with
 * symmetries only in its abstract. Two more say "symmetric" (a matrix, a collapse geometry) and are
 * not about symmetry.
 */
class BuiltInSearchTest {

  private static final Set<String> SYMMETRY_TITLES =
      Set.of("ziyin2024remove", "ziyin2025parameter", "regularizingsoft2023");

  private static PaperIndex index;

  @BeforeAll
  static void build() throws IOException {
    index = PaperIndex.inMemory();
    index.addAll(Catalogue.builtIn());
    index.refresh();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void singularAndPluralFindTheSameSymmetryPapers() throws IOException {
    Set<String> singular = symmetryPapers("symmetry");
    assertEquals(singular, symmetryPapers("symmetries"));
    assertTrue(singular.containsAll(SYMMETRY_TITLES), singular.toString());
    assertTrue(
        singular.stream().anyMatch(k -> k.startsWith("ziyin2025neural")), singular.toString());
    // the title matches before the paper whose abstract alone speaks of symmetries
    assertEquals(SYMMETRY_TITLES, new TreeSet<>(keys("symmetry", 10).subList(0, 3)));
    assertEquals(SYMMETRY_TITLES, new TreeSet<>(keys("symmetries", 10).subList(0, 3)));
  }

  @Test
  void theFormAsTypedRanksFirst() throws IOException {
    // "Symmetries" in two titles, "Symmetry" in one
    assertEquals(
        Set.of("ziyin2024remove", "regularizingsoft2023"),
        new TreeSet<>(keys("symmetries", 10).subList(0, 2)));
    assertEquals("ziyin2025parameter", keys("parameter symmetry", 10).get(0));
    assertEquals("ziyin2025parameter", keys("symmetry parameter", 10).get(0));
  }

  @Test
  void aPartialWordIsStillAPrefix() throws IOException {
    assertTrue(keys("symm", 10).containsAll(SYMMETRY_TITLES));
    assertTrue(keys("remove symm", 1).contains("ziyin2024remove"));
  }

  @Test
  void symmetricIsNotSymmetry() throws IOException {
    // a whole word: the stem of "symmetric" is not that of "symmetry", so no title matches it
    List<String> found = keys("symmetric", 10);
    assertTrue(found.stream().noneMatch(SYMMETRY_TITLES::contains), found.toString());
  }

  /** The papers found for {@code query}, of those the seeds show to be about symmetry. */
  private static Set<String> symmetryPapers(String query) throws IOException {
    Set<String> found = new TreeSet<>(keys(query, 10));
    found.retainAll(
        Set.of(
            "ziyin2024remove",
            "ziyin2025parameter",
            "regularizingsoft2023",
            neuralThermodynamicsKey()));
    return found;
  }

  private static String neuralThermodynamicsKey() throws IOException {
    return index.search(SearchQuery.of("neural thermodynamics entropic", 1)).get(0).paper().key();
  }

  private static List<String> keys(String query, int limit) throws IOException {
    return index.search(SearchQuery.of(query, limit)).stream().map(h -> h.paper().key()).toList();
  }
}
