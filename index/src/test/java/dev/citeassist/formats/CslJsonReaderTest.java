package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CslJsonReaderTest {

  private final CslJsonReader reader = new CslJsonReader();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "article-journal, article",
    "article-magazine, article",
    "article-newspaper, article",
    "paper-conference, inproceedings",
    "book, book",
    "chapter, incollection",
    "entry-encyclopedia, incollection",
    "report, techreport",
    "thesis, phdthesis",
    "manuscript, unpublished",
    "pamphlet, booklet",
    "article, misc",
    "webpage, misc",
    "dataset, misc",
    "software, misc",
    "no-such-type, misc"
  })
  void mapsCslTypesToBibtexTypes(String cslType, String bibtexType) {
    String json = "[{\"type\": \"" + cslType + "\", \"title\": \"T\"}]";

    assertEquals(bibtexType, JsonReads.read(reader, "x.json", json).papers().get(0).type());
  }

  @Test
  void aPreprintInAJournalIsAnArticleAndAMastersThesisIsOne() {
    String json =
        """
        [{"type": "article", "title": "A", "container-title": "Annals"},
         {"type": "thesis", "genre": "MSc thesis", "title": "B"}]
        """;

    List<Paper> papers = JsonReads.read(reader, "x.json", json).papers();

    assertEquals(List.of("article", "mastersthesis"), papers.stream().map(Paper::type).toList());
  }

  @Test
  void readsRawDatesInTheCommonShapes() {
    String json =
        """
        [{"title": "a", "issued": {"raw": "2020-05-01"}},
         {"title": "b", "issued": {"raw": "May 2020"}},
         {"title": "c", "issued": {"raw": "1 May 2020"}},
         {"title": "d", "issued": {"raw": "May 1, 2020"}},
         {"title": "e", "issued": {"raw": "2020"}},
         {"title": "f", "issued": {"raw": "n.d."}}]
        """;

    List<List<Integer>> dates =
        JsonReads.read(reader, "x.json", json).papers().stream()
            .map(p -> java.util.Arrays.asList(p.year(), p.month(), p.day()))
            .toList();

    assertEquals(
        List.of(
            java.util.Arrays.asList(2020, 5, 1),
            java.util.Arrays.asList(2020, 5, null),
            java.util.Arrays.asList(2020, 5, 1),
            java.util.Arrays.asList(2020, 5, 1),
            java.util.Arrays.asList(2020, null, null),
            java.util.Arrays.asList(null, null, null)),
        dates);
  }

  @Test
  void takesTheKeyFromCitationKeyBeforeId() {
    String json =
        """
        [{"id": "ITEM-1", "citation-key": "smith2020", "title": "A"},
         {"id": "jones2021", "title": "B"},
         {"id": "http://zotero.org/users/1/items/X", "title": "C"}]
        """;

    List<String> keys =
        JsonReads.read(reader, "x.json", json).papers().stream().map(Paper::key).toList();

    assertEquals(java.util.Arrays.asList("smith2020", "jones2021", null), keys);
  }

  /**
   * Found by CatalogueReadersFuzzTest#cslJson: zero bytes at the start made Jackson read the file
   * as UTF-32, and its CharConversionException escaped the reader.
   */
  @Test
  void reportsBytesThatAreNotJsonTextInsteadOfThrowing() {
    JsonReads read =
        JsonReads.read(reader, "z.json", "[\0\0\0\0\0\0\0\0{\"id\":\"a\",\"title\":\"A\"}]");

    assertEquals(List.of(), read.papers());
    assertEquals(1, read.problems().size());
    assertEquals(1, read.problems().get(0).line());
  }

  /**
   * Found by CatalogueReadersFuzzTest#cslJson: read as UTF-32, the bytes gave half a surrogate
   * pair, which Jackson quoted in its message, and the problem could not be written as UTF-8.
   */
  @Test
  void aProblemNeverQuotesHalfASurrogatePair() {
    byte[] bytes = {0, 0, 0, 10, 0, 0, (byte) 0xde, 0, 10};

    JsonReads read = JsonReads.read(reader, "z.json", bytes);

    assertEquals(1, read.problems().size());
    String message = read.problems().get(0).message();
    assertEquals(
        message,
        new String(
            message.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Found by CatalogueReadersFuzzTest#cslJson: an escaped lone surrogate reached the title. */
  @Test
  void aLoneSurrogateInATitleBecomesAReplacementCharacter() {
    JsonReads read = JsonReads.read(reader, "z.json", "[{\"id\":\"a\",\"title\":\"De\\ud800e\"}]");

    assertEquals("De\uFFFDe", read.papers().get(0).title());
  }
}
