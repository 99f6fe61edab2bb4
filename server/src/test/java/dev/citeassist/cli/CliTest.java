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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    for (String command : List.of("search", "suggest", "bibtex", "records", "index")) {
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
    Path snapshot = builtInIndex();
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
    Path snapshot = builtInIndex();
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

  @Test
  void searchContextRanksThePaperAPassageIsAboutAndSaysWhichWordsMatch() {
    assertEquals(
        0,
        run(
            "search",
            "--context",
            "Removing the \\emph{symmetries} of a model controls its expressivity \\cite{x}.",
            "--limit",
            "3"));
    String[] lines = out.split("\n");
    assertTrue(lines[0].contains("ziyin2024remove"), out);
    assertTrue(lines[2].strip().startsWith("matches "), out);
    assertTrue(lines[2].contains("\"expressivity\""), out);
  }

  @Test
  void searchContextWithoutTopicWordsIsAUsageError() {
    assertEquals(2, run("search", "--context", "it is the one that we had"));
    assertTrue(err.contains("--context needs words"), err);
    assertEquals(2, run("search", "symmetry", "--context", "symmetry"));
  }

  @Test
  void suggestRanksTheProjectsEntriesByTheSentenceAndSaysWhereTheyAreCited() throws IOException {
    Path project = home.resolve("thesis");
    Files.createDirectories(project);
    Files.writeString(
        project.resolve("main.tex"),
        """
        \\documentclass{article}
        \\begin{document}
        \\section{Filtering}
        Kalman filters track targets \\cite{kalman1960new}.

        Particle filters sample the posterior \\cite{gordon1993novel}.

        When the noise statistics are unknown, the Kalman filter adapts \\cite{}.
        \\include{chapter}
        \\bibliography{refs}
        \\end{document}
        """);
    Files.writeString(project.resolve("chapter.tex"), "Again \\cite{kalman1960new}.\n");
    Files.writeString(
        project.resolve("refs.bib"),
        """
        @article{kalman1960new, title={A New Approach to Linear Filtering and Prediction Problems},
          author={Kalman, Rudolf E.}, year={1960}}
        @article{gordon1993novel, title={Novel approach to nonlinear/non-Gaussian Bayesian state
          estimation}, author={Gordon, N. J. and Salmond, D. J.}, year={1993}}
        @article{mehra1970identification, title={On the identification of variances and adaptive
          Kalman filtering}, author={Mehra, Raman}, year={1970},
          keywords={unknown noise statistics}}
        """);
    String spot = project.resolve("main.tex") + ":8:71";
    assertEquals(0, run("suggest", spot, "--limit", "3", "--project-only"));
    // three lines a suggestion: rank, key and byline; title; why and where it is cited
    String[] lines = out.split("\n");
    assertEquals(9, lines.length, out);
    Map<String, String> notes = new HashMap<>();
    for (int i = 0; i < lines.length; i += 3) {
      notes.put(lines[i].substring(4, lines[i].indexOf("  [project]")), lines[i + 2].strip());
    }
    assertEquals(
        Set.of("mehra1970identification", "kalman1960new"),
        Set.of(
            lines[0].substring(4, lines[0].indexOf(' ', 4)),
            lines[3].substring(4, lines[3].indexOf(' ', 4))),
        out);
    assertEquals(
        "matches \"noise\", \"statistics\", \"unknown\"",
        notes.get("mehra1970identification"),
        out);
    assertEquals(
        "matches \"kalman\", \"filtering\" · cited 2× — main.tex:4, chapter.tex:1",
        notes.get("kalman1960new"));
    assertEquals("cited 1× — main.tex:6", notes.get("gordon1993novel"));
  }

  @Test
  void suggestNeedsAFileLineAndColumnInsideTheFile() throws IOException {
    Path tex = home.resolve("a.tex");
    Files.writeString(tex, "\\documentclass{article}\n");
    assertEquals(2, run("suggest", tex.toString()));
    assertTrue(err.contains("FILE.tex:LINE:COLUMN"), err);
    assertEquals(2, run("suggest", tex + ":9:1"));
    assertTrue(err.contains("fewer lines"), err);
    assertEquals(1, run("suggest", home.resolve("missing.tex") + ":1:1"));
  }

  static Path shared() {
    String property = System.getProperty("citeassist.shared");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    String env = System.getenv("CITEASSIST_SHARED");
    return Path.of(env != null ? env : "/work/shared");
  }

  @Test
  void sharedCatalogueOptionsSayWhatIsWrong() throws Exception {
    int closed;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertEquals(1, run("search", "symmetry", "--catalogue", "http://127.0.0.1:" + closed));
    assertTrue(err.contains("is unreachable"), err);
    assertEquals(2, run("search", "symmetry", "--catalogue", "ftp://lab"));
    assertTrue(err.contains("is not an http:// or https:// URL"), err);
    java.nio.file.Path bib = home.resolve("mine.bib");
    java.nio.file.Files.writeString(bib, "@misc{a2020, title = {Alpha}, year = {2020}}\n");
    assertEquals(1, run("index", "--to", "http://127.0.0.1:" + closed, bib.toString()));
    assertTrue(err.contains("is unreachable"), err);
    // nothing was added to the local list of sources
    assertEquals(List.of(), new UserSources(home.resolve("config/sources")).load());
  }

  /** The folder of the built-in catalogue's index, once a command has built it. */
  private Path builtInIndex() throws IOException {
    try (var parents = Files.list(home.resolve("cache"));
        var snapshots = Files.list(parents.findFirst().orElseThrow())) {
      return snapshots.findFirst().orElseThrow();
    }
  }
}
