package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
      assertFalse(second.rebuilt(), second.repairs().toString());
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

  /** Ways a snapshot on disk gets damaged: each is detected, reported once and built again. */
  enum Damage {
    SEGMENTS_FILE_DELETED {
      @Override
      void apply(Path snapshot) throws IOException {
        for (Path f : files(snapshot)) {
          if (f.getFileName().toString().startsWith("segments_")) {
            Files.delete(f);
          }
        }
      }
    },
    SEGMENT_FILE_TRUNCATED {
      @Override
      void apply(Path snapshot) throws IOException {
        Path biggest = null;
        for (Path f : files(snapshot)) {
          if (biggest == null || Files.size(f) > Files.size(biggest)) {
            biggest = f;
          }
        }
        try (var channel = java.nio.channels.FileChannel.open(biggest, StandardOpenOption.WRITE)) {
          channel.truncate(Files.size(biggest) / 2);
        }
      }
    },
    SEGMENT_FILE_OVERWRITTEN_WITH_GARBAGE {
      @Override
      void apply(Path snapshot) throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(8).nextBytes(garbage);
        for (Path f : files(snapshot)) {
          if (f.getFileName().toString().endsWith(".si")) {
            Files.write(f, garbage);
          }
        }
      }
    },
    EVERY_FILE_DELETED {
      @Override
      void apply(Path snapshot) throws IOException {
        for (Path f : files(snapshot)) {
          Files.delete(f);
        }
      }
    },
    FOLDER_REPLACED_BY_A_FILE {
      @Override
      void apply(Path snapshot) throws IOException {
        for (Path f : files(snapshot)) {
          Files.delete(f);
        }
        Files.delete(snapshot);
        Files.writeString(snapshot, "not an index");
      }
    };

    abstract void apply(Path snapshot) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedSnapshotIsReportedAndBuiltAgain(Damage damage) throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
      assertEquals(List.of(), c.repairs());
    }
    Path snapshot = onlySnapshot();
    damage.apply(snapshot);
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt(), damage.name());
      assertEquals(1, c.repairs().size(), c.repairs().toString());
      assertTrue(c.repairs().get(0).contains("was damaged ("), c.repairs().get(0));
      assertEquals(188, c.index().size());
    }
    assertEquals(snapshot, onlySnapshot());
    try (Catalogue c = Catalogue.open(config)) {
      assertFalse(c.rebuilt());
      assertEquals(List.of(), c.repairs());
    }
  }

  @Test
  void aReaderOfTheDamagedSnapshotKeepsSearchingWhileAnotherProcessRebuildsIt() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue reader = Catalogue.open(config)) {
      String best = reader.index().search(SearchQuery.of("symmetry", 1)).get(0).paper().key();
      Damage.SEGMENTS_FILE_DELETED.apply(onlySnapshot());
      try (Catalogue healed = Catalogue.open(config)) {
        assertTrue(healed.rebuilt());
        assertEquals(
            best, healed.index().search(SearchQuery.of("symmetry", 1)).get(0).paper().key());
      }
      // the old snapshot was moved aside and deleted under it: its open files still answer
      assertEquals(best, reader.index().search(SearchQuery.of("symmetry", 1)).get(0).paper().key());
    }
  }

  @Test
  void aSnapshotDamagedWhileOpenFailsItsSearchesSaysSoAndIsRebuiltWithChecksums()
      throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue open = Catalogue.open(config)) {
      assertEquals(null, open.failure());
      for (Path f : files(onlySnapshot())) {
        if (!f.getFileName().toString().startsWith("segments_")) {
          try (var channel = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
            channel.truncate(0);
          }
        }
      }
      assertThrows(IOException.class, () -> open.index().search(SearchQuery.of("symmetry", 5)));
      assertTrue(open.failure() != null);
      try (Catalogue healed = Catalogue.open(config, CatalogueProgress.NONE, true)) {
        assertTrue(healed.rebuilt());
        assertEquals(1, healed.repairs().size(), healed.repairs().toString());
        assertEquals(null, healed.failure());
        assertFalse(healed.index().search(SearchQuery.of("symmetry", 5)).isEmpty());
      }
    }
  }

  @Test
  void checksumsFindAByteChangedInTheMiddleOfAFile() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
    }
    Path biggest = null;
    for (Path f : files(onlySnapshot())) {
      if (biggest == null || Files.size(f) > Files.size(biggest)) {
        biggest = f;
      }
    }
    byte[] bytes = Files.readAllBytes(biggest);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(biggest, bytes);
    try (Catalogue quick = Catalogue.open(config)) {
      assertFalse(quick.rebuilt(), "header and footer are intact: the quick check passes");
    }
    try (Catalogue verified = Catalogue.open(config, CatalogueProgress.NONE, true)) {
      assertTrue(verified.rebuilt());
      assertTrue(verified.repairs().get(0).contains("checksum"), verified.repairs().get(0));
    }
  }

  @Test
  void openersThatFindTheSameDamageAtOnceAllEndWithTheRebuiltSnapshot() throws Exception {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
    }
    Damage.SEGMENTS_FILE_DELETED.apply(onlySnapshot());
    int openers = 4;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(openers);
    List<java.util.concurrent.Future<Integer>> sizes = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(openers)) {
      for (int i = 0; i < openers; i++) {
        sizes.add(
            pool.submit(
                () -> {
                  start.await();
                  try (Catalogue c = Catalogue.open(config)) {
                    return c.index().size();
                  }
                }));
      }
      for (var size : sizes) {
        assertEquals(188, size.get());
      }
    }
    try (Catalogue c = Catalogue.open(config)) {
      assertFalse(c.rebuilt());
      assertEquals(List.of(), c.repairs());
    }
    onlySnapshot();
  }

  @Test
  void aSourceThatIsMissingOrNotAFileIsAProblemAndTheRestIsIndexed() throws Exception {
    Path good = dir.resolve("mine.bib");
    Files.writeString(good, "@misc{first2020, title = {Aardvark Anatomy}, year = {2020}}\n");
    Path missing = dir.resolve("gone.bib");
    Path folder = Files.createDirectory(dir.resolve("folder.bib"));
    List<Path> sources = new ArrayList<>(List.of(good, missing, folder));
    Path fifo = dir.resolve("pipe.bib");
    boolean mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      mkfifo = false;
    }
    if (mkfifo) {
      sources.add(fifo); // opening it would block for good
    }
    try (Catalogue c = Catalogue.open(new CatalogueConfig(dir.resolve("cache"), sources))) {
      assertEquals(189, c.index().size());
      List<String> problems = c.problems().stream().map(ReadProblem::toString).toList();
      List<String> expected =
          new ArrayList<>(
              List.of(
                  missing + ":0: no such file; its papers are left out",
                  folder + ":0: is a directory; its papers are left out"));
      if (mkfifo) {
        expected.add(fifo + ":0: is not a regular file; its papers are left out");
      }
      assertEquals(expected, problems);
    }
  }

  @Test
  void aStaleLockFileIsNoDamage() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
    }
    // Lucene's lock is an operating-system lock on write.lock, released when its process dies: a
    // leftover file (whatever it holds) locks nothing, and a snapshot is only ever read.
    Files.writeString(onlySnapshot().resolve("write.lock"), "left by a process that died");
    try (Catalogue c = Catalogue.open(config)) {
      assertFalse(c.rebuilt());
      assertEquals(List.of(), c.repairs());
      assertEquals(188, c.index().size());
    }
  }

  @Test
  void anAbandonedBuildIsRemovedAndABuildInProgressKept() throws IOException {
    CatalogueConfig config = new CatalogueConfig(dir.resolve("cache"), List.of());
    try (Catalogue c = Catalogue.open(config)) {
      assertTrue(c.rebuilt());
    }
    Path parent = onlySnapshot().getParent();
    Path abandoned = Files.createDirectory(parent.resolve("building-123"));
    Files.writeString(abandoned.resolve("_0.fdt"), "half a segment");
    Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    Path inProgress = parent.resolve("building-456");
    try (var writing = dev.citeassist.search.PaperIndex.open(inProgress)) {
      Files.setLastModifiedTime(
          inProgress, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
      try (Catalogue c = Catalogue.open(config)) {
        assertFalse(c.rebuilt());
        assertEquals(1, c.repairs().size(), c.repairs().toString());
        assertTrue(c.repairs().get(0).contains("abandoned"), c.repairs().get(0));
      }
      assertFalse(Files.exists(abandoned));
      assertTrue(Files.exists(inProgress));
    }
  }

  private Path onlySnapshot() throws IOException {
    List<Path> snapshots = new ArrayList<>();
    try (var parents = Files.list(dir.resolve("cache"))) {
      for (Path parent : parents.toList()) {
        for (Path child : files(parent)) {
          if (!child.getFileName().toString().startsWith("building-")) {
            snapshots.add(child);
          }
        }
      }
    }
    assertEquals(1, snapshots.size(), snapshots.toString());
    return snapshots.get(0);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (var s = Files.list(folder)) {
      return s.toList();
    }
  }
}
