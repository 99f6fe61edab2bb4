package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.citeassist.paper.CatalogueReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every {@code golden/arxiv-json/<case>.jsonl} and {@code
 * golden/csl-json/<case>.json} is read and what the reader delivers must equal {@code
 * <case>.expected.jsonl} line for line (see {@link JsonReads}). An input without its expectation,
 * or an expectation without its input, fails. Run with {@code -Dciteassist.updateGolden=true} to
 * rewrite the expectations in src/test/resources after a deliberate change, then review the diff.
 */
class JsonReadersGoldenTest {

  private static final String EXPECTED = ".expected.jsonl";

  @TestFactory
  Stream<DynamicTest> arxivSnapshotMatchesItsGoldenFiles() throws Exception {
    return cases("golden/arxiv-json", ".jsonl", new ArxivSnapshotReader());
  }

  @TestFactory
  Stream<DynamicTest> cslJsonMatchesItsGoldenFiles() throws Exception {
    return cases("golden/csl-json", ".json", new CslJsonReader());
  }

  private static Stream<DynamicTest> cases(String folder, String extension, CatalogueReader reader)
      throws IOException, URISyntaxException {
    Path dir = Path.of(JsonReadersGoldenTest.class.getClassLoader().getResource(folder).toURI());
    List<Path> inputs = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(EXPECTED)) {
          String input = name.substring(0, name.length() - EXPECTED.length()) + extension;
          tests.add(
              DynamicTest.dynamicTest(
                  name + " has its input",
                  () ->
                      assertFalse(
                          !Files.exists(dir.resolve(input)) && !updating(),
                          "no " + input + " for " + name)));
        } else if (name.endsWith(extension)) {
          inputs.add(file);
        }
      }
    }
    for (Path input : inputs) {
      String name = input.getFileName().toString();
      String base = name.substring(0, name.length() - extension.length());
      Path expected = dir.resolve(base + EXPECTED);
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                List<String> actual =
                    JsonReads.read(reader, name, Files.readAllBytes(input)).lines();
                if (updating()) {
                  Path source = Path.of("src/test/resources", folder, base + EXPECTED);
                  Files.write(source, actual, StandardCharsets.UTF_8);
                  return;
                }
                assertFalse(!Files.exists(expected), "no " + base + EXPECTED + " for " + name);
                assertEquals(
                    String.join("\n", Files.readAllLines(expected, StandardCharsets.UTF_8)),
                    String.join("\n", actual));
              }));
    }
    return tests.stream();
  }

  private static boolean updating() {
    return Boolean.getBoolean("citeassist.updateGolden");
  }
}
