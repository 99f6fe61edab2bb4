package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

  @TempDir Path dir;

  @Test
  void buildsOnceAndReusesTheIndexWhileNothingChanged() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue first = Catalogue.open(config)) {
      assertTrue(first.rebuilt());
      assertEquals(188, first.index().size());
    }
    try (Catalogue second = Catalogue.open(config)) {
      assertFalse(second.rebuilt());
      assertEquals("ziyin2024remove", second.index().byKey("ziyin2024remove").orElseThrow().key());
    }
  }

  @Test
  void severalOpenCataloguesShareOneIndex() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue a = Catalogue.open(config);
        Catalogue b = Catalogue.open(config)) {
      assertEquals(
          a.index().search(SearchQuery.of("symmetry", 3)).get(0).paper(),
          b.index().search(SearchQuery.of("symmetry", 3)).get(0).paper());
    }
  }

  @Test
  void aChangedSourceMakesANewSnapshotAndDropsTheOld() throws IOException {
    Path bib = dir.resolve("mine.bib");
    Files.writeString(bib, "@misc{first2020, title = {Aardvark Anatomy}, year = {2020}}\n");
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of(bib));
    try (Catalogue c = Catalogue.open(config)) {
      assertEquals(189, c.index().size());
    }
    Files.writeString(
        bib,
        "@misc{first2020, title = {Aardvark Anatomy}, year = {2020}}\n"
            + "@misc{second2021, title = {Aardvark Physiology}, year = {2021}}\n");
    Files.setLastModifiedTime(bib, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
      assertEquals(190, c.index().size());
      assertEquals(2, c.index().search(SearchQuery.of("aardvark", 5)).size());
    }
    List<Path> snapshots = new ArrayList<>();
    try (var cacheDirs = Files.list(dir.resolve("cache"))) {
      for (Path catalogue : cacheDirs.toList()) {
        try (var s = Files.list(catalogue)) {
          snapshots.addAll(s.toList());
        }
      }
    }
    assertEquals(1, snapshots.size(), snapshots.toString());
  }

  @Test
  void readProblemsOfAUserSourceAreReportedAndTheRestIsIndexed() throws IOException {
    Path bib = dir.resolve("broken.bib");
    Files.writeString(
        bib,
        "@misc{ok1, title = {Fine}, year = {2020}}\n"
            + "@misc{bad, title = {Unclosed, year = {2021}\n"
            + "@misc{ok2, title = {Also Fine}, year = {2022}}\n");
    try (Catalogue c = Catalogue.open(new CatalogueConfig(dir.resolve("cache"), List.of(bib)))) {
      assertFalse(c.problems().isEmpty());
      assertEquals(2, c.problems().get(0).line());
      assertTrue(c.index().byKey("ok2").isPresent());
    }
  }

  @Test
  void aSnapshotThatCannotBeOpenedIsBuiltAgain() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    Path snapshot;
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
    }
    try (var parents = Files.list(dir.resolve("cache"));
        var snapshots = Files.list(parents.findFirst().orElseThrow())) {
      snapshot = snapshots.findFirst().orElseThrow();
    }
    try (var files = Files.list(snapshot)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().startsWith("segments")) {
          Files.write(f, new byte[] {1, 2, 3});
        }
      }
    }
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
      assertEquals(188, c.index().size());
    }
  }
}
