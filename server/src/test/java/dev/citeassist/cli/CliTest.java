package dev.citeassist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.catalogue.UserSources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the command line in-process against a throw-away cache and configuration folder. */
class CliTest {

  @TempDir Path home;

  private String out;
  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    Cli cli =
        new Cli(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            new UserSources(home.resolve("config/sources")),
            home.resolve("cache"));
    int code = cli.run(args);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void searchSymmetryRanksRemoveSymmetriesInTopThree() {
    assertEquals(0, run("search", "symmetry"));
    List<String> titles = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("    ")) {
        titles.add(line.strip());
      }
    }
    assertTrue(!titles.isEmpty(), out);
    assertTrue(
        titles
            .subList(0, Math.min(3, titles.size()))
            .contains("Remove Symmetries to Control Model Expressivity and Improve Optimization"),
        out);
  }

  @Test
  void searchJsonIsOneArrayWithKeysAndTitles() throws IOException {
    assertEquals(0, run("search", "symmetry", "--limit", "5", "--json"));
    JsonNode hits = new ObjectMapper().readTree(out);
    assertTrue(hits.isArray());
    assertTrue(hits.size() >= 1 && hits.size() <= 5);
    assertTrue(hits.get(0).get("key").asText().matches("[a-z0-9]+"), out);
  }

  @Test
  void bibtexPrintsTheEntryOfAKeyOrOfTheBestMatch() {
    assertEquals(0, run("bibtex", "remove symmetries control model"));
    String entry = out;
    assertTrue(entry.startsWith("@misc{ziyin2024remove,"), entry);
    assertTrue(entry.contains("Ziyin, Liu and Xu, Yizhou and Chuang, Isaac"), entry);
    assertEquals(0, run("bibtex", "ziyin2024remove"));
    assertEquals(entry, out);
    assertEquals(0, run("bibtex", "ziyin2024remove", "--dialect", "biblatex"));
    assertTrue(out.matches("(?s).*\\n  date +=  *\\{2024-08-28\\},\\n.*"), out);
  }

  @Test
  void recordsJsonEqualsTheExpectedParseOfEverySeed() throws IOException {
    Path seeds = shared().resolve("catalogue-seeds");
    assumeTrue(Files.isDirectory(seeds), "the shared catalogue seeds are not here");
    List<String> args = new ArrayList<>(List.of("records", "--json"));
    try (var files = Files.list(seeds)) {
      files
          .filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt"))
          .sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertEquals(0, run(args.toArray(String[]::new)), err);
    ObjectMapper json = new ObjectMapper();
    List<String> expected = Files.readAllLines(seeds.resolve("expected-records.jsonl"));
    List<String> actual = out.lines().toList();
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(json.readTree(expected.get(i)), json.readTree(actual.get(i)), "record " + i);
    }
  }

  @Test
  void indexAddsAUsersBibliographyToTheCatalogue() throws IOException {
    Path bib = home.resolve("mine.bib");
    Files.writeString(
        bib,
        """
        @article{quux2019zebra,
          author = {Quux, Zebulon and Zdeborov{\\'a}, Lenka},
          title = {Zebra Crossings in High Dimension},
          journal = {Journal of Crossings},
          year = {2019}
        }
        """);
    assertEquals(0, run("index", bib.toString()), err);
    assertTrue(err.contains("Indexed"), err);
    assertEquals(0, run("search", "zebra crossing"));
    assertTrue(out.contains("quux2019zebra"), out);
    assertEquals(0, run("search", "zdeborova"));
    assertTrue(out.contains("quux2019zebra"), out);
  }

  @Test
  void usageErrorsExitTwoWithASentence() {
    assertEquals(2, run());
    assertEquals(2, run("frobnicate"));
    assertTrue(err.contains("unknown command"), err);
    assertEquals(2, run("search"));
    assertEquals(2, run("search", "x", "--limit", "many"));
    assertTrue(err.contains("--limit must be a whole number"), err);
    assertEquals(2, run("bibtex", "x", "--dialect", "ris"));
    assertEquals(2, run("records"));
    assertEquals(2, run("search", "x", "--colour"));
  }

  @Test
  void dataErrorsExitOneAndNameTheFileAndLine() throws IOException {
    assertEquals(1, run("records", home.resolve("absent.bib").toString()));
    assertTrue(err.contains("absent.bib"), err);
    Path broken = home.resolve("broken.bib");
    Files.writeString(
        broken,
        """
        @article{good1, title = {One}, year = {2001}}

        @article{bad, title = {Two, year = 2002

        @article{good2, title = {Three}, year = {2003}}
        """);
    assertEquals(1, run("records", broken.toString()));
    assertTrue(out.contains("good1") && out.contains("good2"), out);
    assertTrue(err.contains("broken.bib:3"), err);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("search", "bibtex", "records", "index")) {
      assertEquals(0, run(command, "--help"));
      assertTrue(out.startsWith("Usage: citeassist " + command), out);
    }
    assertEquals(0, run("--help"));
    assertTrue(out.contains("Commands:"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"segments deleted", "truncated", "garbage", "emptied", "replaced by a file"})
  void searchRebuildsADamagedCacheAndSaysWhy(String damage) throws IOException {
    assertEquals(0, run("search", "symmetry"));
    String healthy = out;
    Path snapshot;
    try (var parents = Files.list(home.resolve("cache"));
        var snapshots = Files.list(parents.findFirst().orElseThrow())) {
      snapshot = snapshots.findFirst().orElseThrow();
    }
    List<Path> files;
    try (var s = Files.list(snapshot)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      switch (damage) {
        case "segments deleted" -> {
          if (name.startsWith("segments_")) {
            Files.delete(f);
          }
        }
        case "truncated" -> {
          if (name.endsWith(".fdt")) {
            Files.write(f, Arrays.copyOf(Files.readAllBytes(f), (int) Files.size(f) / 2));
          }
        }
        case "garbage" -> {
          if (name.endsWith(".tim")) {
            Files.writeString(f, "garbage ".repeat(100));
          }
        }
        default -> Files.delete(f);
      }
    }
    if (damage.equals("replaced by a file")) {
      Files.delete(snapshot);
      Files.writeString(snapshot, "not an index");
    }
    assertEquals(0, run("search", "symmetry"), err);
    assertEquals(healthy, out);
    assertTrue(err.contains("warning: the catalogue cache ") && err.contains("was damaged ("), err);
    assertEquals(0, run("search", "symmetry"), err);
    assertEquals(healthy, out);
    assertEquals("", err);
  }

  @Test
  void searchRemovesAnAbandonedBuildAndIgnoresAStaleLockFile() throws IOException {
    assertEquals(0, run("search", "symmetry"));
    String healthy = out;
    Path snapshot;
    try (var parents = Files.list(home.resolve("cache"));
        var snapshots = Files.list(parents.findFirst().orElseThrow())) {
      snapshot = snapshots.findFirst().orElseThrow();
    }
    Files.writeString(snapshot.resolve("write.lock"), "left by a process that died");
    Path abandoned = Files.createDirectory(snapshot.resolveSibling("building-42"));
    Files.writeString(abandoned.resolve("_0.fdt"), "half a segment");
    Files.setLastModifiedTime(
        abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertEquals(0, run("search", "symmetry"), err);
    assertEquals(healthy, out);
    assertEquals(
        "warning: removed an abandoned catalogue build " + abandoned + System.lineSeparator(), err);
    assertTrue(Files.notExists(abandoned));
    assertEquals(0, run("search", "symmetry"), err);
    assertEquals("", err);
  }

  static Path shared() {
    String property = System.getProperty("citeassist.shared");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    String env = System.getenv("CITEASSIST_SHARED");
    return Path.of(env != null ? env : "/work/shared");
  }
}
