package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for the catalogue readers. {@code mvn verify} replays the inputs under {@code
 * src/test/resources/dev/citeassist/catalogue/CatalogueReadersFuzzTestInputs/<method>/} (seeds and
 * every past finding); {@code scripts/fuzz.sh} runs each target for real. Besides {@link
 * ReadProperties}, each target checks that its format never loses a record silently.
 */
class CatalogueReadersFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every header line starts a record that is delivered at that line, or reported at a line between
   * it and the next header (a title line that cannot be split is reported at its own line).
   */
  @FuzzTest
  @DictionaryEntries({"LG", "ML", "CV", "Feb 3", "Aug 19, 2023", "Code", " · ", " et al."})
  void listing(byte[] bytes) throws IOException {
    ReadProperties.Read read = ReadProperties.check(new ListingReader(), bytes);
    // The lines as the reader sees them (cleaned the same way).
    List<Integer> headers = new ArrayList<>();
    NumberedLines lines = new NumberedLines("check", new ByteArrayInputStream(bytes), IGNORED);
    int last = 0;
    for (NumberedLines.Line line = lines.next(); line != null; line = lines.next()) {
      if (ListingHeader.parse(line.text()).isPresent()) {
        headers.add(line.number());
      }
      last = line.number();
    }
    for (int i = 0; i < headers.size(); i++) {
      int header = headers.get(i);
      int next = i + 1 < headers.size() ? headers.get(i + 1) : last + 1;
      assertTrue(
          read.accountsFor(header, next), "record of the header at line " + header + " lost");
    }
  }

  private static final PaperSink IGNORED =
      new PaperSink() {
        @Override
        public void paper(dev.citeassist.paper.Paper paper) {}

        @Override
        public void problem(ReadProblem problem) {}
      };

  @FuzzTest
  @DictionaryEntries({
    "Daily Papers",
    "by AK and the research community",
    "• 3 authors",
    "·",
    "Aug 19, 2023"
  })
  void dailyPapers(byte[] bytes) {
    ReadProperties.check(new DailyPapersReader(), bytes);
  }

  /** A well-formed array of items that all have a title gives one paper per item. */
  @FuzzTest
  @DictionaryEntries({
    "\"title\"", "\"author\"", "\"family\"", "\"given\"", "\"issued\"", "\"date-parts\"",
    "\"citation-key\"", "\"id\"", "\"type\"", "\"article-journal\"", "\"URL\"", "\"DOI\"",
    "\"arXiv\"", "\"number\"", "\"archive_location\"", "\"raw\"", "\"literal\"", "\"page\""
  })
  void cslJson(byte[] bytes) {
    ReadProperties.Read read = ReadProperties.check(new CslJsonReader(), bytes);
    JsonNode tree;
    try {
      tree = JSON.readTree(bytes);
    } catch (java.io.IOException | RuntimeException e) {
      return; // not JSON: the common properties are all there is to check
    }
    if (tree != null && tree.isArray() && tree.size() > 0) {
      for (JsonNode item : tree) {
        if (!item.isObject()
            || !item.path("title").isTextual()
            || item.path("title").asText().isBlank()) {
          return;
        }
      }
      assertEquals(tree.size(), read.papers().size(), "items lost: " + read.problems());
    }
  }

  /** Every non-blank line is one record: delivered or reported at its line. */
  @FuzzTest
  @DictionaryEntries({
    "\"id\"", "\"title\"", "\"authors\"", "\"authors_parsed\"", "\"versions\"", "\"created\"",
    "\"v1\"", "\"categories\"", "\"journal-ref\"", "\"abstract\"", "\"doi\"", "\"update_date\"",
    "Mon, 2 Apr 2007 19:18:42 GMT"
  })
  void arxivSnapshot(byte[] bytes) {
    ReadProperties.Read read = ReadProperties.check(new ArxivSnapshotReader(), bytes);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (!blank(bytes, start, i, line)) {
          assertTrue(read.accountsFor(line, line + 1), "record at line " + line + " was lost");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static boolean blank(byte[] bytes, int from, int to, int line) {
    if (line == 1
        && to - from >= 3
        && (bytes[from] & 0xFF) == 0xEF
        && (bytes[from + 1] & 0xFF) == 0xBB
        && (bytes[from + 2] & 0xFF) == 0xBF) {
      from += 3;
    }
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
