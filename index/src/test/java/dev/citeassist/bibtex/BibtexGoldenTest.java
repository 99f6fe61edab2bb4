package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: each {@code golden/<case>.bib} is read and what the sink receives, papers and
 * problems in order, one JSON object a line, must equal {@code <case>.expected.jsonl}. Run with
 * {@code -Dciteassist.golden.update=true} to rewrite the expected files (then review the diff).
 */
class BibtexGoldenTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE_DIR = Path.of("src/test/resources/dev/citeassist/bibtex/golden");

  @TestFactory
  Stream<DynamicTest> everyGoldenBibMatchesItsExpectedLines() throws Exception {
    Path dir = goldenDir();
    List<Path> bibs;
    try (Stream<Path> files = Files.list(dir)) {
      bibs = files.filter(p -> p.toString().endsWith(".bib")).sorted().toList();
    }
    assertTrue(bibs.size() >= 8, "golden cases found: " + bibs);
    return bibs.stream()
        .map(bib -> DynamicTest.dynamicTest(bib.getFileName().toString(), () -> check(bib)));
  }

  @Test
  void everyExpectedFileHasItsBib() throws Exception {
    try (Stream<Path> files = Files.list(goldenDir())) {
      for (Path expected : files.filter(p -> p.toString().endsWith(".expected.jsonl")).toList()) {
        String bib = expected.getFileName().toString().replace(".expected.jsonl", ".bib");
        assertTrue(Files.exists(expected.resolveSibling(bib)), "no " + bib + " for " + expected);
      }
    }
  }

  private static void check(Path bib) throws IOException {
    String name = bib.getFileName().toString();
    String actual = render(name, bib);
    Path expectedPath = bib.resolveSibling(name.replace(".bib", ".expected.jsonl"));
    if (Boolean.getBoolean("citeassist.golden.update")) {
      Files.writeString(SOURCE_DIR.resolve(expectedPath.getFileName()), actual);
      return;
    }
    assertTrue(Files.exists(expectedPath), "missing " + expectedPath);
    assertEquals(Files.readString(expectedPath, StandardCharsets.UTF_8), actual, name);
  }

  private static String render(String name, Path bib) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Files.newInputStream(bib)) {
      new BibtexReader()
          .read(
              name,
              in,
              new PaperSink() {
                @Override
                public void paper(Paper paper) {
                  lines.add(json(Map.of("paper", paperMap(paper))));
                }

                @Override
                public void problem(ReadProblem problem) {
                  lines.add(json(Map.of("problem", problem.line() + ": " + problem.message())));
                }
              });
    }
    return String.join("\n", lines) + "\n";
  }

  /** The paper without its null and default values, fields sorted: stable and readable. */
  static Map<String, Object> paperMap(Paper p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", p.origin().line());
    m.put("key", p.key());
    m.put("type", p.type());
    put(m, "title", p.title());
    if (!p.authors().isEmpty()) {
      m.put("authors", p.authors().stream().map(BibtexGoldenTest::person).toList());
    }
    if (p.etAl()) {
      m.put("etAl", true);
    }
    put(m, "year", p.year());
    put(m, "month", p.month());
    put(m, "day", p.day());
    put(m, "venue", p.venue());
    put(m, "doi", p.doi());
    put(m, "arxivId", p.arxivId());
    put(m, "category", p.category());
    put(m, "url", p.url());
    put(m, "abstract", p.abstractText());
    put(m, "affiliation", p.affiliation());
    if (!p.fields().isEmpty()) {
      m.put("fields", new TreeMap<>(p.fields()));
    }
    return m;
  }

  private static String person(Person person) {
    return person.family() + " | " + person.given();
  }

  private static void put(Map<String, Object> m, String name, Object value) {
    if (value != null) {
      m.put(name, value);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path goldenDir() throws URISyntaxException {
    return Path.of(BibtexGoldenTest.class.getResource("golden").toURI());
  }
}
