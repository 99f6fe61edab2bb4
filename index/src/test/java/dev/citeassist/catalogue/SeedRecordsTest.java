package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.formats.SeedFormats;
import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exact expectations on the real seeds: every record of the five shared seed files, read with the
 * sniffed reader and written by {@link RecordJson}, equals its line of expected-records.jsonl,
 * field by field and in field order. Skipped when the shared folder is absent.
 */
class SeedRecordsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everySeedRecordEqualsItsExpectedRecordFieldByField() throws IOException {
    Path seeds = sharedSeeds();
    List<String> expected = expectedLines(seeds);
    List<Paper> papers = readSharedSeeds(seeds);

    assertEquals(192, expected.size(), "expected-records.jsonl lines");
    for (int i = 0; i < Math.min(expected.size(), papers.size()); i++) {
      JsonNode want = MAPPER.readTree(expected.get(i));
      JsonNode got = MAPPER.readTree(RecordJson.toJson(papers.get(i)));
      String difference = firstDifference(want, got);
      if (difference != null) {
        fail("record " + (i + 1) + " (" + where(papers.get(i)) + "): " + difference);
      }
    }
    assertEquals(192, papers.size(), "records read from the five seeds");
  }

  @Test
  void recordsJsonIsByteForByteTheExpectedLine() throws IOException {
    Path seeds = sharedSeeds();
    List<String> expected = expectedLines(seeds);
    List<Paper> papers = readSharedSeeds(seeds);

    assertEquals(expected.size(), papers.size());
    for (int i = 0; i < papers.size(); i++) {
      assertEquals(expected.get(i), RecordJson.toJson(papers.get(i)), "record " + (i + 1));
    }
  }

  @Test
  void shownAuthorNamesSurviveParsingIntoPersons() throws IOException {
    Path seeds = sharedSeeds();
    List<String> expected = expectedLines(seeds);
    int names = 0;
    for (String line : expected) {
      for (JsonNode name : MAPPER.readTree(line).path("authors")) {
        assertEquals(name.asText(), Person.parse(name.asText()).display());
        names++;
      }
    }
    assertTrue(names > 200, "author names checked: " + names);
  }

  @Test
  void shippedSeedsAreTheSharedSeeds() throws IOException {
    Path seeds = sharedSeeds();
    assertEquals(seedFiles(seeds), shippedSeedFiles());
    for (String file : shippedSeedFiles()) {
      assertTrue(
          Arrays.equals(Files.readAllBytes(seeds.resolve(file)), shipped(file)),
          "shipped seed differs from the shared one: " + file);
    }
  }

  @Test
  void shippedSeedsRead192RecordsWithoutProblems() throws IOException {
    CollectingSink sink = new CollectingSink();
    for (String file : shippedSeedFiles()) {
      byte[] bytes = shipped(file);
      SourceFormat format =
          SeedFormats.sniff(new String(bytes, StandardCharsets.UTF_8)).orElseThrow();
      SeedFormats.readerFor(format).read(file, new ByteArrayInputStream(bytes), sink);
    }

    assertEquals(List.of(), sink.problems);
    assertEquals(192, sink.papers.size());
    assertEquals(
        14 + 33 + 43,
        sink.papers.stream().filter(p -> p.origin().format() == SourceFormat.LISTING).count());
    assertEquals(
        188,
        sink.papers.stream().map(p -> p.title().toLowerCase(Locale.ROOT)).distinct().count(),
        "distinct papers (four appear on both daily pages)");
  }

  /** The seed files the jar ships, as its seeds.list names them. */
  private static List<String> shippedSeedFiles() throws IOException {
    return new String(shipped("seeds.list"), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private static byte[] shipped(String file) throws IOException {
    try (InputStream in = SeedRecordsTest.class.getResourceAsStream("seeds/" + file)) {
      assertTrue(in != null, "not shipped: seeds/" + file);
      return in.readAllBytes();
    }
  }

  /** The seed files of the shared folder, in name order: 000_….txt to 004_….txt. */
  private static List<String> seedFiles(Path seeds) throws IOException {
    try (Stream<Path> files = Files.list(seeds)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("\\d{3}_.*\\.txt"))
          .sorted()
          .toList();
    }
  }

  private static List<Paper> readSharedSeeds(Path seeds) throws IOException {
    CollectingSink sink = new CollectingSink();
    for (String file : seedFiles(seeds)) {
      Path path = seeds.resolve(file);
      SourceFormat format =
          SeedFormats.sniff(path).orElseThrow(() -> new AssertionError("not sniffed: " + file));
      try (InputStream in = Files.newInputStream(path)) {
        SeedFormats.readerFor(format).read(file, in, sink);
      }
    }
    assertEquals(List.of(), sink.problems, "problems reading the seeds");
    return sink.papers;
  }

  private static List<String> expectedLines(Path seeds) throws IOException {
    return Files.readAllLines(seeds.resolve("expected-records.jsonl"), StandardCharsets.UTF_8);
  }

  /** The first field (in expected order) whose name, position or value differs; null if none. */
  private static String firstDifference(JsonNode want, JsonNode got) {
    List<String> wantNames = new ArrayList<>();
    want.fieldNames().forEachRemaining(wantNames::add);
    List<String> gotNames = new ArrayList<>();
    got.fieldNames().forEachRemaining(gotNames::add);
    for (String name : wantNames) {
      if (!got.has(name)) {
        return "field " + name + " missing";
      }
      if (!Objects.equals(want.get(name), got.get(name))) {
        return "field " + name + ": expected " + want.get(name) + " but was " + got.get(name);
      }
    }
    if (!wantNames.equals(gotNames)) {
      return "fields " + gotNames + " but expected " + wantNames;
    }
    return null;
  }

  private static String where(Paper paper) {
    return paper.origin().source() + ":" + paper.origin().line() + " " + paper.title();
  }

  /**
   * The shared folder: the surefire property if that directory exists, else the environment
   * variable CITEASSIST_SHARED, else /work/shared. Skips the test when it has no seeds.
   */
  static Path sharedSeeds() {
    String property = System.getProperty("citeassist.shared");
    Path shared;
    if (property != null && Files.isDirectory(Paths.get(property))) {
      shared = Paths.get(property);
    } else if (System.getenv("CITEASSIST_SHARED") != null) {
      shared = Paths.get(System.getenv("CITEASSIST_SHARED"));
    } else {
      shared = Paths.get("/work/shared");
    }
    Path seeds = shared.resolve("catalogue-seeds");
    assumeTrue(
        Files.isRegularFile(seeds.resolve("expected-records.jsonl")),
        "shared seeds absent: " + seeds);
    return seeds;
  }
}
