package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SamePaper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMergerTest {

  @Test
  void sameDoiOrArxivIdIsOnePaperWhateverTheTitle() {
    Paper a = Paper.builder().title("Old title").doi("10.1000/XYZ").build();
    Paper b = Paper.builder().title("New title").doi("https://doi.org/10.1000/xyz").build();
    assertTrue(SamePaper.test(a, b));
    Paper c = Paper.builder().title("T").arxivId("2408.15495v2").build();
    Paper d = Paper.builder().title("U").arxivId("arXiv:2408.15495").build();
    assertTrue(SamePaper.test(c, d));
  }

  @Test
  void titleMatchNeedsCompatibleFirstAuthorAndYear() {
    Paper listing =
        Paper.builder()
            .title("On Neural Differential Equations")
            .authors(List.of(Person.parse("Patrick Kidger")))
            .year(2022)
            .build();
    Paper page = Paper.builder().title("On neural differential equations.").build();
    Paper otherYear = listing.toBuilder().year(2019).build();
    Paper otherAuthor = listing.toBuilder().authors(List.of(Person.parse("Ann Other"))).build();
    assertTrue(SamePaper.test(listing, page));
    assertFalse(SamePaper.test(listing, otherYear));
    assertFalse(SamePaper.test(listing, otherAuthor));
  }

  @Test
  void differentDoisAreDifferentPapersEvenWithTheSameTitle() {
    Paper a = Paper.builder().title("Introduction").doi("10.1/a").build();
    Paper b = Paper.builder().title("Introduction").doi("10.1/b").build();
    assertFalse(SamePaper.test(a, b));
    assertEquals(2, PaperMerger.merge(List.of(a, b)).size());
  }

  @Test
  void mergeFillsGapsKeepsFirstValuesAndOrder() {
    Paper page =
        Paper.builder()
            .title("Limits and Powers of Koopman Learning")
            .year(2024)
            .month(7)
            .day(8)
            .authorCount(3)
            .abstractText("Short.")
            .build();
    Paper other = Paper.builder().title("Something else").build();
    Paper listing =
        Paper.builder()
            .title("Limits and powers of Koopman learning")
            .authors(List.of(Person.parse("Matthew J. Colbrook"), Person.parse("Igor Mezić")))
            .etAl(true)
            .abstractText("A much longer abstract.")
            .category("LG")
            .build();
    List<Paper> merged = PaperMerger.merge(List.of(page, other, listing));
    assertEquals(2, merged.size());
    Paper koopman = merged.get(0);
    assertEquals("Limits and Powers of Koopman Learning", koopman.title());
    assertEquals(2024, koopman.year());
    assertEquals(7, koopman.month());
    assertEquals(3, koopman.authorCount());
    assertEquals(2, koopman.authors().size());
    assertTrue(koopman.etAl());
    assertEquals("LG", koopman.category());
    assertEquals("A much longer abstract.", koopman.abstractText());
    assertEquals("Something else", merged.get(1).title());
  }
}
