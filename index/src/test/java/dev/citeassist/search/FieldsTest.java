package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis chain that writing and searching share. */
class FieldsTest {

  @Test
  void stemsJoinPluralsAndInflectionsButKeepWordsApart() {
    assertEquals(
        List.of("symmetry", "symmetry", "symmetrical", "network", "network", "regularize"),
        Fields.stems("Symmetry symmetries symmetric networks Network regularized"));
    // words that only look inflected stay as they are
    assertEquals(
        List.of("physics", "bias", "news", "dynamics", "series", "learning", "training"),
        Fields.stems("physics bias news dynamics series learning training"));
  }

  @Test
  void latinAndGreekPluralsOfScienceMeetTheirSingular() {
    assertEquals(
        List.of("matrix", "matrix", "vertex", "analysis", "hypothesis", "spectrum"),
        Fields.stems("matrices Matrix vertices analyses hypotheses spectra"));
  }

  @Test
  void stemsAreFoldedLikeWords() {
    assertEquals(List.of("zdeborova", "phase"), Fields.stems("Zdeborov{\\'a} phases"));
    assertEquals(Fields.words("Zdeborová").get(0), Fields.stem("zdeborova"));
  }

  @Test
  void aWordAndItsStemCountOncePerWord() {
    String title = "Remove Symmetries to Control Model Expressivity";
    assertEquals(Fields.words(title).size(), Fields.stems(title).size());
    assertEquals(Fields.stems(title).get(1), Fields.stem(Fields.words(title).get(1)));
  }
}
