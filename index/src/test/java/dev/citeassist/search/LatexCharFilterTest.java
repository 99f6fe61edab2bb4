package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatexCharFilterTest {

  @Test
  void accentCommandsAndBracesDisappear() {
    assertEquals("Zdeborova", LatexCharFilter.plain("Zdeborov{\\'a}"));
    assertEquals("Zdeborova", LatexCharFilter.plain("Zdeborov\\'{a}"));
    assertEquals("Erdos", LatexCharFilter.plain("Erd{\\H{o}}s"));
    assertEquals("Erdos", LatexCharFilter.plain("Erd\\H os"));
    assertEquals("Sanchez", LatexCharFilter.plain("S\\'{a}nchez"));
    assertEquals("Cesar", LatexCharFilter.plain("\\c{C}esar"));
  }

  @Test
  void specialLettersAreSpelledInAscii() {
    assertEquals("Lukasz", LatexCharFilter.plain("{\\L}ukasz"));
    assertEquals("Strasse", LatexCharFilter.plain("Stra{\\ss}e"));
    assertEquals("Jorgensen", LatexCharFilter.plain("J{\\o}rgensen"));
  }

  @Test
  void otherCommandsKeepTheirName() {
    assertEquals("$ell^4$-Norm", LatexCharFilter.plain("$\\ell^4$-Norm"));
    assertEquals("A & B", LatexCharFilter.plain("A \\& B"));
  }

  @Test
  void unicodeTextIsUnchanged() {
    assertEquals("Zdeborová", LatexCharFilter.plain("Zdeborová"));
  }

  @Test
  void allSpellingsFoldToOneWord() {
    for (String spelling :
        List.of("Zdeborová", "zdeborova", "Zdeborov{\\'a}", "Zdeborov\\'{a}", "ZDEBOROVÁ")) {
      assertEquals(List.of("zdeborova"), Fields.words(spelling), spelling);
    }
    assertEquals(List.of("dereziński".replace("ń", "n")), Fields.words("Derezi{\\'n}ski"));
  }
}
