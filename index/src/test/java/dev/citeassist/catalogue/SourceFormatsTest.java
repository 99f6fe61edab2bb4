package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.formats.CslJsonReader;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFormatsTest {

  @Test
  void aBibFileIsBibtexWhateverItStartsWith() {
    assertEquals(Optional.of(SourceFormat.BIBTEX), detect("refs.BIB", "% comment\n@article{"));
  }

  @Test
  void jsonStartingWithAnArrayIsCslJson() {
    assertEquals(Optional.of(SourceFormat.CSL_JSON), detect("My Library.json", "\n  [\n  {"));
  }

  @Test
  void jsonLinesOfObjectsAreTheArxivSnapshot() {
    assertEquals(Optional.of(SourceFormat.ARXIV_JSON), detect("snapshot.jsonl", "{\"id\":\"1\"}"));
    assertEquals(
        Optional.of(SourceFormat.ARXIV_JSON),
        detect("arxiv-metadata-oai-snapshot.json", "\uFEFF{\"id\":\"0704.0001\"}"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "000_57b64fd6235a7719.txt, LISTING",
    "001_a92a934c40817990.txt, LISTING",
    "002_ca03343937b2f4f6.txt, DAILY_PAPERS",
    "003_0cc9b078124915cd.txt, DAILY_PAPERS",
    "004_c505c23aec72c6d2.txt, LISTING"
  })
  void theBuiltInSeedsAreToldApartByTheirFirstLines(String seed, SourceFormat format)
      throws IOException {
    byte[] head;
    try (InputStream in =
        SourceFormatsTest.class.getResourceAsStream("/dev/citeassist/catalogue/seeds/" + seed)) {
      head = in.readNBytes(4096);
    }

    assertEquals(Optional.of(format), SourceFormats.detect(seed, head));
    assertEquals(
        SourceFormats.reader(format).getClass(), SourceFormats.readerFor(seed, head).getClass());
  }

  @Test
  void unknownContentOrNameIsNotGuessed() {
    assertEquals(Optional.empty(), detect("empty.json", "  \n"));
    assertEquals(Optional.empty(), detect("notes.md", "[link]"));
    assertEquals(Optional.empty(), detect("notes.txt", "Just some notes.\nNothing more."));
  }

  @Test
  void givesTheReaderOfEachJsonFormat() {
    assertInstanceOf(ArxivSnapshotReader.class, SourceFormats.reader(SourceFormat.ARXIV_JSON));
    assertInstanceOf(CslJsonReader.class, SourceFormats.reader(SourceFormat.CSL_JSON));
  }

  @Test
  void refusesASourceItCannotRead() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SourceFormats.readerFor("notes.md", "# notes".getBytes(StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().startsWith("notes.md is not a catalogue CiteAssist reads"));
  }

  private static Optional<SourceFormat> detect(String name, String head) {
    return SourceFormats.detect(name, head.getBytes(StandardCharsets.UTF_8));
  }
}
