package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SamePaper;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed listings shipped in the jar, read, merged and keyed as the product ships them. */
class BuiltInCatalogueTest {

  private static List<Paper> papers;
  private static Map<String, Paper> byKey;

  @BeforeAll
  static void read() throws IOException {
    papers = Catalogue.builtIn();
    byKey = papers.stream().collect(Collectors.toMap(Paper::key, Function.identity()));
  }

  @Test
  void holds188PapersFrom192RecordsWithUniqueKeys() {
    assertEquals(188, papers.size());
    assertEquals(188, byKey.size());
    assertEquals(188, new HashSet<>(papers.stream().map(SamePaper::identity).toList()).size());
  }

  @Test
  void keysAreGoogleScholarStyle() {
    Paper p = byKey.get("ziyin2024remove");
    assertEquals(
        "Remove Symmetries to Control Model Expressivity and Improve Optimization", p.title());
    assertEquals(2024, p.year());
    for (Paper paper : papers) {
      assertTrue(paper.key().matches("[a-z0-9]+"), paper.key());
    }
  }

  @Test
  void aPaperOnTwoPagesIsOneEntryWithTheDatedRecordsYear() {
    List<Paper> koopman =
        papers.stream()
            .filter(p -> p.title().equals("Limits and Powers of Koopman Learning"))
            .toList();
    assertEquals(1, koopman.size());
    assertEquals(2024, koopman.get(0).year());
    assertEquals(7, koopman.get(0).month());
    assertEquals(3, koopman.get(0).authorCount());
  }

  @Test
  void aDateWithoutAYearMeansTheListingsYearAndNoDateMeansNoYear() {
    long undated = 0;
    for (Paper p : papers) {
      if (p.month() != null) {
        assertTrue(p.year() != null, p.title());
      } else {
        assertNull(p.year(), p.title());
        undated++;
      }
    }
    assertTrue(undated > 0);
    assertTrue(
        papers.stream()
            .anyMatch(p -> p.origin().format() == SourceFormat.LISTING && p.year() == 2026));
  }

  @Test
  void keysAreTheSameWhateverOrderTheSourcesAreReadIn() throws IOException {
    List<CatalogueSource> sources = new java.util.ArrayList<>(CatalogueSource.builtIn());
    java.util.Collections.reverse(sources);
    List<Paper> reversed =
        Catalogue.read(
            sources,
            dev.citeassist.citekey.KeyPattern.DEFAULT,
            new java.util.ArrayList<>(),
            CatalogueProgress.NONE);
    Map<String, String> keyByIdentity =
        papers.stream().collect(Collectors.toMap(SamePaper::identity, Paper::key));
    assertEquals(188, reversed.size());
    for (Paper p : reversed) {
      assertEquals(keyByIdentity.get(SamePaper.identity(p)), p.key());
    }
  }
}
