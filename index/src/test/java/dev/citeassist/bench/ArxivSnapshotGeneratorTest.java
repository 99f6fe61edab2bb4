package dev.citeassist.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArxivSnapshotGeneratorTest {

  @Test
  void theSameCountAndSeedGiveTheSameBytes() throws IOException {
    assertArrayEquals(generate(500, 42), generate(500, 42));
  }

  @Test
  void differentSeedsGiveDifferentRecords() throws IOException {
    assertFalse(Arrays.equals(generate(50, 1), generate(50, 2)));
  }

  @Test
  void aShorterRunIsAPrefixOfALongerOne() throws IOException {
    byte[] shorter = generate(100, 42);
    byte[] longer = generate(200, 42);

    assertArrayEquals(shorter, Arrays.copyOf(longer, shorter.length));
  }

  @Test
  void everyRecordReadsAsAPaperWithinTheAdvertisedRanges() throws IOException {
    CollectingSink sink = new CollectingSink();
    new ArxivSnapshotReader()
        .read("generated.jsonl", new ByteArrayInputStream(generate(2_000, 42)), sink);
    List<Paper> papers = sink.papers;
    List<ReadProblem> problems = sink.problems;

    assertEquals(List.of(), problems);
    assertEquals(2_000, papers.size());
    assertEquals(2_000, papers.stream().map(Paper::arxivId).distinct().count());
    for (Paper p : papers) {
      assertTrue(p.authors().size() >= 1 && p.authors().size() <= 12, p.toString());
      assertTrue(p.year() >= 1995 && p.year() <= 2026, p.toString());
      assertTrue(p.category() != null && p.title() != null && p.abstractText() != null);
      int words = p.abstractText().split(" ").length;
      assertTrue(words >= 100 && words <= 230, words + " words");
    }
    long articles = papers.stream().filter(p -> p.type().equals("article")).count();
    long withDoi = papers.stream().filter(p -> p.doi() != null).count();
    assertTrue(articles > 400 && articles < 1000, articles + " articles");
    assertTrue(withDoi > 400 && withDoi < 1000, withDoi + " DOIs");
    assertTrue(papers.stream().anyMatch(p -> p.title().contains(": ")));
    assertTrue(papers.stream().anyMatch(p -> p.arxivId().contains("/")), "old-style ids");
    assertTrue(
        papers.stream()
            .flatMap(p -> p.authors().stream())
            .anyMatch(a -> !a.family().chars().allMatch(c -> c < 128)),
        "surnames with diacritics");
  }

  private static byte[] generate(int count, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArxivSnapshotGenerator(seed).write(count, out);
    return out.toByteArray();
  }
}
