package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class TextDocumentTest {

  private final TextDocument doc =
      new TextDocument("file:///t/main.tex", 1, "ab\r\ncd\n\u00e9\uD83D\uDE00x");

  @Test
  void convertsOffsetsAndPositionsBothWays() {
    assertEquals(new Position(0, 2), doc.position(2));
    assertEquals(new Position(1, 0), doc.position(4));
    assertEquals(new Position(2, 3), doc.position(10));
    assertEquals(10, doc.offset(new Position(2, 3)));
    assertEquals(4, doc.offset(new Position(1, 0)));
  }

  @Test
  void countsColumnsInUtf16Units() {
    // é is one unit, the emoji two: x is at column 3.
    assertEquals('x', doc.text().charAt(doc.offset(2, 3)));
  }

  @Test
  void clampsColumnsPastLineEndBeforeLineBreak() {
    assertEquals(2, doc.offset(0, 99));
    assertEquals(6, doc.offset(1, 99));
    assertEquals(doc.text().length(), doc.offset(99, 0));
  }

  @Test
  void appliesIncrementalChangesInOrder() {
    TextDocument d = new TextDocument("file:///t/main.tex", 1, "\\cite{}\nend\n");
    d = d.apply(new Range(new Position(0, 6), new Position(0, 6)), "sy", 2);
    d = d.apply(new Range(new Position(0, 8), new Position(0, 8)), "m", 3);
    d = d.apply(new Range(new Position(1, 0), new Position(2, 0)), "", 4);
    assertEquals("\\cite{sym}\n", d.text());
    assertEquals(4, d.version());
    assertEquals("whole", d.apply(null, "whole", 5).text());
  }

  @Test
  void positionsAfterEditsAreThoseOfTheNewTextReadAfresh() {
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {"a", "\n", "\r\n", "xy\nz", "", "\n\n", "\u00e9"};
    TextDocument edited = new TextDocument("file:///t/x.bib", 1, "one\ntwo\r\nthree\n\nfour");
    for (int round = 0; round < 500; round++) {
      int length = edited.text().length();
      int a = random.nextInt(length + 1);
      int b = Math.min(length, a + random.nextInt(4));
      String inserted = pieces[random.nextInt(pieces.length)];
      edited =
          edited.apply(
              new org.eclipse.lsp4j.Range(edited.position(a), edited.position(b)),
              inserted,
              round + 2);
      TextDocument fresh = new TextDocument("file:///t/x.bib", round + 2, edited.text());
      for (int o = 0; o <= edited.text().length(); o++) {
        assertEquals(
            fresh.position(o), edited.position(o), "offset " + o + " after round " + round);
      }
    }
  }
}
