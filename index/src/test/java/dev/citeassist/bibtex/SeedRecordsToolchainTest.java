package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record of the seed catalogue, as {@code expected-records.jsonl} states it, written and run
 * through the real bibtex and biber in one batch each: no error, no warning. Until the catalogue
 * assigns keys, keys are the record's position ({@code seed001}). Skipped when the shared folder or
 * the tools are absent.
 */
class SeedRecordsToolchainTest {

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private static List<Paper> papers;

  @TempDir Path dir;

  @BeforeAll
  static void readSeedRecords() throws IOException {
    Path records = sharedDirectory().resolve("catalogue-seeds/expected-records.jsonl");
    if (!Files.isRegularFile(records)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    List<Paper> read = new ArrayList<>();
    for (String line : Files.readAllLines(records)) {
      if (!line.isBlank()) {
        read.add(paper(json.readTree(line), read.size() + 1));
      }
    }
    papers = List.copyOf(read);
  }

  @Test
  void seedRecordsAreAllThere() {
    assumeTrue(papers != null, "the shared catalogue seeds are absent");
    assertEquals(192, papers.size());
  }

  @Test
  void bibtexReadsEverySeedRecordWithoutWarning() throws Exception {
    assumeTrue(papers != null, "the shared catalogue seeds are absent");
    assumeTrue(BibtexToolchain.onPath("bibtex"), "bibtex is not installed");
    BibtexToolchain.bibtex(papers, "plain", dir).assertClean("bibtex (plain)");
  }

  @Test
  void biberReadsEverySeedRecordWithoutWarning() throws Exception {
    assumeTrue(papers != null, "the shared catalogue seeds are absent");
    assumeTrue(BibtexToolchain.onPath("latex", "biber"), "latex or biber is not installed");
    BibtexToolchain.biber(papers, dir).assertClean("biber");
  }

  /** The paper a reader makes of one expected record (names split as BibTeX would). */
  private static Paper paper(JsonNode r, int position) {
    List<Person> authors = new ArrayList<>();
    r.path("authors").forEach(name -> authors.add(Person.parse(name.asText())));
    boolean listing = r.has("category");
    return Paper.builder()
        .key(String.format("seed%03d", position))
        .title(text(r, "title"))
        .authors(authors)
        .etAl(r.path("etAl").asBoolean(false))
        .authorCount(r.hasNonNull("authorCount") ? r.get("authorCount").asInt() : null)
        .year(r.hasNonNull("year") ? r.get("year").asInt() : null)
        .month(r.hasNonNull("month") ? MONTHS.indexOf(r.get("month").asText()) + 1 : null)
        .day(r.hasNonNull("day") ? r.get("day").asInt() : null)
        .abstractText(text(r, "abstract"))
        .category(text(r, "category"))
        .affiliation(text(r, "affiliation"))
        .code(r.path("code").asBoolean(false))
        .upvotes(r.hasNonNull("upvotes") ? r.get("upvotes").asInt() : null)
        .origin(
            new Origin(
                r.get("source").asText(),
                r.path("line").asInt(0),
                listing ? SourceFormat.LISTING : SourceFormat.DAILY_PAPERS))
        .build();
  }

  private static String text(JsonNode r, String field) {
    return r.hasNonNull(field) ? r.get(field).asText() : null;
  }

  /**
   * The property surefire sets if that folder exists, else CITEASSIST_SHARED, else /work/shared.
   */
  private static Path sharedDirectory() {
    String property = System.getProperty("citeassist.shared");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    String env = System.getenv("CITEASSIST_SHARED");
    return Path.of(env != null ? env : "/work/shared");
  }
}
