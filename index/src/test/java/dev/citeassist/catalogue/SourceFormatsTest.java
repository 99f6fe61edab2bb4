package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

  @Test
  void unknownContentOrNameIsNotGuessed() {
    assertEquals(Optional.empty(), detect("empty.json", "  \n"));
    assertEquals(Optional.empty(), detect("notes.md", "[link]"));
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
