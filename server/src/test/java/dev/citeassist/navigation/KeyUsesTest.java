package dev.citeassist.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeassist.latex.CitationScanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a key is used, and which names can be keys (a .bib's outline is tested in index). */
class KeyUsesTest {

  @Test
  void keyUsesAreExactKeysInCitationsOnly() {
    String tex =
        "a2020 \\cite{a2020,a2020b} % \\cite{a2020}\n\\citep[see][]{x, a2020}\\nocite{a20201}";
    assertEquals(
        List.of(
            new KeyUses.Use(12, 17),
            new KeyUses.Use(tex.indexOf(", a2020}") + 2, tex.indexOf(", a2020}") + 7)),
        KeyUses.find(tex, "a2020", CitationScanner.standard()));
  }

  @Test
  void keyNamesRefuseSeparatorsAndSpecials() {
    assertNull(KeyNames.problem("liao2018:random-matrix_v2"));
    for (String bad :
        List.of(
            "", "a b", "a\tb", "a,b", "a{", "a}", "a%", "a#", "a~", "a\\", "a\"", "a'", "a(", "a)",
            "a=")) {
      assertEquals(true, KeyNames.problem(bad) != null, bad);
    }
  }
}
