package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatexTextTest {

  @Test
  void accentCommandsAndBracesDisappear() {
    assertEquals("Zdeborova", LatexText.plain("Zdeborov{\\'a}"));
    assertEquals("Zdeborova", LatexText.plain("Zdeborov\\'{a}"));
    assertEquals("Erdos", LatexText.plain("Erd{\\H{o}}s"));
    assertEquals("Erdos", LatexText.plain("Erd\\H os"));
    assertEquals("Sanchez", LatexText.plain("S\\'{a}nchez"));
    assertEquals("Cesar", LatexText.plain("\\c{C}esar"));
  }

  @Test
  void specialLettersAreSpelledInAscii() {
    assertEquals("Lukasz", LatexText.plain("{\\L}ukasz"));
    assertEquals("Strasse", LatexText.plain("Stra{\\ss}e"));
    assertEquals("Jorgensen", LatexText.plain("J{\\o}rgensen"));
    assertEquals(
        "a A ae AE oe OE o O l L i j ss",
        LatexText.plain(
            "\\aa{} \\AA{} \\ae{} \\AE{} \\oe{} \\OE{} \\o{} \\O{} \\l{} \\L{} \\i{} \\j{} \\ss{}"));
  }

  @Test
  void otherCommandsKeepTheirName() {
    assertEquals("$ell^4$-Norm", LatexText.plain("$\\ell^4$-Norm"));
    assertEquals("A & B", LatexText.plain("A \\& B"));
  }

  @Test
  void unicodeTextIsUnchanged() {
    assertEquals("Zdeborová", LatexText.plain("Zdeborová"));
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
