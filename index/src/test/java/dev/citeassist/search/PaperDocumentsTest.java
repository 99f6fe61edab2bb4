package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Only the abstract's first {@link Fields#ABSTRACT_WORDS} words are searchable; all is stored. */
class PaperDocumentsTest {

  @Test
  void leadingWordsCutsBeforeTheFirstWordTooMany() {
    assertEquals("one two ", PaperDocuments.leadingWords("one two three", 2));
    assertEquals("  one\ntwo\t", PaperDocuments.leadingWords("  one\ntwo\tthree four", 2));
    assertEquals("one two", PaperDocuments.leadingWords("one two", 2));
    assertEquals("one two  ", PaperDocuments.leadingWords("one two  ", 2));
    assertEquals("", PaperDocuments.leadingWords("one", 0));
    assertNull(PaperDocuments.leadingWords(null, 2));
  }

  @Test
  void wordsOfTheAbstractPastTheCutAreNotSearchableButStored() throws IOException {
    String filler =
        IntStream.range(0, Fields.ABSTRACT_WORDS - 1)
            .mapToObj(i -> "filler")
            .collect(Collectors.joining(" "));
    String abstractText = filler + " lastcounted firstignored";
    Paper paper =
        Paper.builder().key("long2024").title("A Long Abstract").abstractText(abstractText).build();
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(List.of(paper));
      index.refresh();
      assertEquals(List.of("long2024"), keys(index, "lastcounted"));
      assertEquals(List.of(), keys(index, "firstignored"));
      assertEquals(abstractText, index.byKey("long2024").orElseThrow().abstractText());
    }
  }

  private static List<String> keys(PaperIndex index, String query) throws IOException {
    return index.search(SearchQuery.of(query, 10)).stream().map(h -> h.paper().key()).toList();
  }
}
