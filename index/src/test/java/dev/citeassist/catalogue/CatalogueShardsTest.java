package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.bench.ArxivSnapshotGenerator;
import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.SearchQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of several user sources, one shard per source: the same papers and keys as reading
 * every record at once ({@link Catalogue#read}), whatever the order of the sources and of their
 * records; a change to one source reads that source only; a build cut short leaves a catalogue that
 * opens.
 */
class CatalogueShardsTest {

  /** 900 generated arXiv records: sources take overlapping slices, so papers are in two. */
  private static List<String> lines;

  @TempDir Path dir;

  @BeforeAll
  static void generate() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArxivSnapshotGenerator(42).write(900, out);
    List<String> generated = new String(out.toByteArray(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(900, generated.size());
    // every tenth record gets a twin: another paper (other arXiv id and DOI) with the same title,
    // authors and year, so the same pattern key; twins land in other slices than their originals
    List<String> all = new ArrayList<>(generated);
    for (int i = 0; i < 900; i += 10) {
      String twin =
          generated
              .get(i)
              .replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"2099." + (10000 + i) + "\"")
              .replaceFirst("\"doi\":\"[^\"]*\"", "\"doi\":\"10.9999/twin." + i + "\"");
      all.set((i + 450) % 900, twin);
    }
    lines = List.copyOf(all);
  }

  private Path source(String folder, String name, List<String> records) throws IOException {
    Path file = dir.resolve(folder).resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", records) + "\n");
    return file;
  }

  private static List<String> shuffled(List<String> records, long seed) {
    List<String> copy = new ArrayList<>(records);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /** Every paper of the catalogue by key; fails on a key given twice. */
  private static Map<String, Paper> papers(Catalogue c) throws IOException {
    Map<String, Paper> byKey = new TreeMap<>();
    c.index()
        .forEachPaper(
            p -> assertEquals(null, byKey.put(p.key(), p), "key given twice: " + p.key()));
    return byKey;
  }

  private static Map<String, Paper> reference(List<Path> sourcesInRankOrder) throws IOException {
    List<CatalogueSource> sources = new ArrayList<>(CatalogueSource.builtIn());
    for (Path p : sourcesInRankOrder) {
      sources.add(CatalogueSource.of(p));
    }
    Map<String, Paper> byKey = new TreeMap<>();
    for (Paper p :
        Catalogue.read(sources, KeyPattern.DEFAULT, new ArrayList<>(), CatalogueProgress.NONE)) {
      byKey.put(p.key(), p);
    }
    return byKey;
  }

  private Catalogue open(String cache, List<Path> sources) throws IOException {
    return Catalogue.open(new CatalogueConfig(dir.resolve(cache), sources));
  }

  @Test
  void shardedCatalogueHasThePapersAndKeysOfReadingEverythingAtOnce() throws IOException {
    Path a = source("s", "a.jsonl", lines.subList(0, 600));
    Path b = source("s", "b.jsonl", lines.subList(400, 900));
    try (Catalogue c = open("cache", List.of(b, a))) {
      Map<String, Paper> expected = reference(List.of(a, b));
      assertEquals(expected.keySet(), papers(c).keySet());
      assertEquals(expected, papers(c));
      assertEquals(expected.size(), c.index().size());
    }
  }

  @Test
  void keysDoNotDependOnTheOrderOfSourcesOrOfTheirRecords() throws IOException {
    Path a = source("in-order", "a.jsonl", lines.subList(0, 600));
    Path b = source("in-order", "b.jsonl", lines.subList(400, 900));
    Path a2 = source("shuffled", "a.jsonl", shuffled(lines.subList(0, 600), 1));
    Path b2 = source("shuffled", "b.jsonl", shuffled(lines.subList(400, 900), 2));
    try (Catalogue first = open("cache1", List.of(a, b));
        Catalogue second = open("cache2", List.of(b2, a2))) {
      Map<String, String> firstKeys = new TreeMap<>();
      papers(first).forEach((k, p) -> firstKeys.put(k, p.arxivId() + " " + p.title()));
      Map<String, String> secondKeys = new TreeMap<>();
      papers(second).forEach((k, p) -> secondKeys.put(k, p.arxivId() + " " + p.title()));
      assertEquals(firstKeys, secondKeys);
      assertTrue(firstKeys.size() > 900, "the built-in papers and the 900 records");
    }
  }

  @Test
  void aPaperInTwoSourcesIsOnePaperWithOneKey() throws IOException {
    Path a = source("s", "a.jsonl", lines.subList(0, 500));
    Path b = source("s", "b.jsonl", lines.subList(450, 900));
    try (Catalogue c = open("cache", List.of(a, b))) {
      assertEquals(reference(List.of(a, b)).size(), c.index().size());
      for (String line : lines.subList(450, 500)) {
        String id = line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\",\""));
        List<Paper> found = c.index().byIdentifier("arXiv:" + id);
        assertEquals(1, found.size(), id);
      }
    }
  }

  @Test
  void addingChangingOrRemovingASourceReadsThatSourceOnly() throws IOException {
    Path a = source("s", "a.jsonl", lines.subList(0, 400));
    Path b = source("s", "b.jsonl", lines.subList(300, 700));
    Path c = source("s", "c.jsonl", lines.subList(650, 900));
    try (Catalogue cat = open("cache", List.of(a, b))) {
      assertEquals(List.of(a.toString(), b.toString()), cat.sourcesRead());
    }
    try (Catalogue cat = open("cache", List.of(a, b))) {
      assertFalse(cat.rebuilt());
      assertEquals(List.of(), cat.sourcesRead());
    }
    try (Catalogue cat = open("cache", List.of(a, b, c))) {
      assertTrue(cat.rebuilt());
      assertEquals(List.of(c.toString()), cat.sourcesRead());
      assertEquals(reference(List.of(a, b, c)), papers(cat));
    }
    Files.writeString(b, String.join("\n", lines.subList(300, 600)) + "\n");
    Files.setLastModifiedTime(b, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    try (Catalogue cat = open("cache", List.of(a, b, c))) {
      assertEquals(List.of(b.toString()), cat.sourcesRead());
      assertEquals(reference(List.of(a, b, c)), papers(cat));
    }
    try (Catalogue cat = open("cache", List.of(a, c))) {
      assertTrue(cat.rebuilt());
      assertEquals(List.of(), cat.sourcesRead());
      assertEquals(reference(List.of(a, c)), papers(cat));
    }
  }

  @Test
  void aBuildCutShortLeavesTheLastCatalogueAndTheNextOpenBuildsIt() throws IOException {
    Path a = source("s", "a.jsonl", lines.subList(0, 400));
    Path b = source("s", "b.jsonl", lines.subList(400, 900));
    try (Catalogue before = open("cache", List.of(a))) {
      assertEquals(reference(List.of(a)).size(), before.index().size());
      CatalogueConfig grown = new CatalogueConfig(dir.resolve("cache"), List.of(a, b));
      CatalogueProgress dies =
          (papers, done, total) -> {
            if (papers > 188) { // after the new source's shard, before the snapshot is complete
              throw new IllegalStateException("killed mid-build");
            }
          };
      assertThrows(IllegalStateException.class, () -> Catalogue.open(grown, dies));
      // the catalogue in use still answers
      assertFalse(before.index().search(SearchQuery.of("graph", 5)).isEmpty());
      try (Catalogue after = Catalogue.open(grown)) {
        assertTrue(after.rebuilt());
        assertEquals(reference(List.of(a, b)), papers(after));
      }
    }
    try (var parents = Files.list(dir.resolve("cache"));
        var children = Files.list(parents.findFirst().orElseThrow())) {
      assertEquals(1, children.count(), "no half-built snapshot is left");
    }
  }
}
