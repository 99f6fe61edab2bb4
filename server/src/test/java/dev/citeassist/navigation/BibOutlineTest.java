package dev.citeassist.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeassist.latex.CitationScanner;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibOutlineTest {

  @Test
  void findsEntriesKeysAndEndsEvenWhenOneIsUnfinished() {
    String text =
        "@string{jmlr = {JMLR}}\n"
            + "@Article{a2020, title = {A {B} C}}\n"
            + "@comment{whatever}\n"
            + "@misc(b2021, title = {x})\n"
            + "@book{c2022, title = {open\n"
            + "@misc{d2023,}\n";
    List<BibOutline.Entry> entries = BibOutline.of(text);
    assertEquals(
        List.of(
            "string:jmlr", "article:a2020", "comment:", "misc:b2021", "book:c2022", "misc:d2023"),
        entries.stream().map(e -> e.type() + ":" + e.key()).toList());
    BibOutline.Entry a = entries.get(1);
    assertEquals("@Article{a2020, title = {A {B} C}}", text.substring(a.start(), a.end()));
    assertEquals("a2020", text.substring(a.keyStart(), a.keyEnd()));
    BibOutline.Entry c = entries.get(4);
    assertEquals("@book{c2022, title = {open", text.substring(c.start(), c.end()));
    assertEquals(
        "@misc(b2021, title = {x})", text.substring(entries.get(3).start(), entries.get(3).end()));
  }

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
