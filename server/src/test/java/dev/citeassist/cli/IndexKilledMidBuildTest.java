package dev.citeassist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.search.PaperIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citeassist index} killed with SIGKILL while it builds the catalogue's snapshot (a real CLI
 * process over a generated {@code .bib} of a few thousand entries): no half-built snapshot is ever
 * in place, the next {@code citeassist search} rebuilds and answers, and the killed builds' folders
 * are deleted by it. {@code -Dciteassist.crash.indexKills=N} for a longer run.
 */
class IndexKilledMidBuildTest {

  private static final int KILLS = Integer.getInteger("citeassist.crash.indexKills", 2);
  private static final int RECORDS = 4000;
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

  @TempDir Path dir;

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private ProcessBuilder cli(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("CITEASSIST_CACHE", dir.resolve("cache").toString());
    pb.environment().put("CITEASSIST_CONFIG", dir.resolve("config").toString());
    return pb.redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
  }

  /** A BibTeX file of {@code n} distinct papers; entry 7's title has a word no seed has. */
  private static void generate(Path file, int n) throws IOException {
    StringBuilder b = new StringBuilder();
    String[] words = {"Spectral", "Sparse", "Quantum", "Robust", "Graph", "Kernel", "Flow"};
    for (int i = 0; i < n; i++) {
      b.append("@article{gen")
          .append(i)
          .append(",\n  title = {")
          .append(i == 7 ? "Zebrafinch Song Learning" : words[i % words.length] + " Methods " + i)
          .append("},\n  author = {Author")
          .append(i % 97)
          .append(", Anne and Other, Bob},\n  journal = {Journal of Tests},\n  year = {")
          .append(1990 + i % 35)
          .append("},\n  abstract = {We study ")
          .append(words[(i * 7) % words.length].toLowerCase())
          .append(" things number ")
          .append(i)
          .append(" in some depth, with results.}\n}\n\n");
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private List<Path> folders(String prefix) throws IOException {
    Path cache = dir.resolve("cache");
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cache, 2)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .toList();
    }
  }

  /** The folders beside the builds that are not builds: snapshots. */
  private List<Path> snapshots() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path b : folders("building-")) {
      try (Stream<Path> s = Files.list(b.getParent())) {
        s.filter(Files::isDirectory)
            .filter(p -> !p.getFileName().toString().startsWith("building-"))
            .forEach(all::add);
      }
    }
    return all;
  }

  @Test
  void killedIndexBuildLeavesNothingHalfBuiltAndTheNextSearchRebuilds() throws Exception {
    Path source = dir.resolve("papers.bib");
    generate(source, RECORDS);
    SplittableRandom random = new SplittableRandom(11);
    int killedMidBuild = 0;
    int finishedFirst = 0;
    for (int k = 0; k < KILLS; k++) {
      Process p = cli("index", source.toString()).start();
      long deadline = System.nanoTime() + TIMEOUT_NANOS;
      String mine = "building-" + p.pid() + "-";
      while (p.isAlive() && folders(mine).isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      // Somewhere in the Lucene build (adding, committing) or around the rename.
      LockSupport.parkNanos(random.nextLong(TimeUnit.MILLISECONDS.toNanos(1500)));
      boolean building = p.isAlive() && !folders(mine).isEmpty();
      p.destroyForcibly();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      for (Path snapshot : snapshots()) {
        // Only a committed build is ever renamed into place.
        assertTrue(PaperIndex.exists(snapshot), "half-built snapshot in place: " + snapshot);
      }
      if (building) {
        killedMidBuild++;
      } else {
        finishedFirst++;
        // A finished build is a snapshot; make the next round build again from scratch.
        deleteTree(dir.resolve("cache"));
      }
    }
    assertTrue(killedMidBuild > 0, "no kill caught a build");
    int leftBefore = folders("building-").size();

    Process search = cli("search", "zebrafinch").start();
    assertTrue(search.waitFor(120, TimeUnit.SECONDS), "search did not finish");
    String out = Files.readString(dir.resolve("cli.log"));
    assertEquals(0, search.exitValue(), out);
    assertTrue(out.contains("Zebrafinch Song Learning"), out);
    assertEquals(List.of(), folders("building-"), "killed builds were left");
    System.err.printf(
        "index kills: %d caught mid-build, %d finished first, %d build folders left before the next"
            + " search, 0 after%n",
        killedMidBuild, finishedFirst, leftBefore);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
