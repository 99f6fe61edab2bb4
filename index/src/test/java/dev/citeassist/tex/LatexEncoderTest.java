package dev.citeassist.tex;

import static dev.citeassist.tex.BibtexDialect.BIBLATEX;
import static dev.citeassist.tex.BibtexDialect.BIBTEX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatexEncoderTest {

  @Test
  void escapesTexSpecials() {
    assertEquals(
        "A \\& B, 50\\% \\#1 a\\_b {\\textasciitilde}5 x{\\textasciicircum}2",
        LatexEncoder.encode("A & B, 50% #1 a_b ~5 x^2", BIBLATEX));
  }

  @Test
  void keepsTildeBeforeControlWordAsTie() {
    assertEquals(
        "as in~\\cite{x} at {\\textasciitilde}5",
        LatexEncoder.encode("as in~\\cite{x} at ~5", BIBLATEX));
  }

  @Test
  void keepsMathAsWritten() {
    assertEquals(
        "$O(n \\log n)$ and $x_1^2 & y$",
        LatexEncoder.encode("$O(n \\log n)$ and $x_1^2 & y$", BIBTEX));
  }

  @Test
  void dollarsThatOpenNoMathAreEscaped() {
    assertEquals("costs \\$5 and \\$10", LatexEncoder.encode("costs $5 and $10", BIBLATEX));
    assertEquals("a lone \\$", LatexEncoder.encode("a lone $", BIBLATEX));
  }

  @Test
  void keepsControlSequencesAndEscapesStrayBackslashes() {
    assertEquals(
        "i.i.d.\\ Gaussian, \\emph{x}, \\& kept, {\\textbackslash}1 and end{\\textbackslash}",
        LatexEncoder.encode("i.i.d.\\ Gaussian, \\emph{x}, \\& kept, \\1 and end\\", BIBLATEX));
  }

  @Test
  void keepsPairedBracesAndEscapesUnpairedOnes() {
    assertEquals(
        "{paired} {\\textbraceright} and {\\textbraceleft} lone",
        LatexEncoder.encode("{paired} } and { lone", BIBLATEX));
    assertEquals("$\\{x\\}{\\rbrace}$", LatexEncoder.encode("$\\{x\\}\\}$", BIBLATEX));
  }

  @Test
  void writesAccentsAsBibtexSpecialCharacters() {
    assertEquals(
        "{\\'e} {\\\"o} {\\l} {\\~n} {\\ss} {\\'\\i} {\\v{c}} {\\H{o}} {\\o} {\\AA} {\\'{\\\"u}}"
            + " {\\c{c}} {\\k{a}} {\\.I}",
        LatexEncoder.encode("é ö ł ñ ß í č ő ø Å ǘ ç ą İ", BIBTEX));
  }

  @Test
  void composesDecomposedInputFirst() {
    assertEquals("{\\'e}", LatexEncoder.encode("e\u0301", BIBTEX));
    assertEquals("é", LatexEncoder.encode("e\u0301", BIBLATEX));
  }

  @Test
  void keepsUnicodeForBiblatex() {
    assertEquals(
        "Dereziński — Zdeborová π", LatexEncoder.encode("Dereziński — Zdeborová π", BIBLATEX));
  }

  @Test
  void writesPunctuationAndSymbolsAsCommandsForBibtex() {
    assertEquals(
        "{\\textendash} {\\textemdash} {\\textquotedblleft}q{\\textquotedblright} {\\ldots} a~b"
            + " $\\approx$ {$\\Delta$}",
        LatexEncoder.encode("– — “q” … a\u00A0b ≈ Δ", BIBTEX));
  }

  @Test
  void keepsCharactersWithoutLatexFormAsUtf8InText() {
    assertEquals("深度学习 🚀", LatexEncoder.encode("深度学习 🚀", BIBTEX));
  }

  @Test
  void wrapsCharactersWithoutLatexFormInNamesSoBibtexNeverSplitsThem() {
    assertEquals("{\\relax 李}", LatexEncoder.encodeNamePart("李", BIBTEX));
    assertEquals("李", LatexEncoder.encodeNamePart("李", BIBLATEX));
  }

  @Test
  void collapsesWhitespaceAndDropsControlCharacters() {
    assertEquals("one two three", LatexEncoder.encode("  one\n\ntwo\t\u0007three \n", BIBLATEX));
  }

  /** Found by LatexDecoderFuzzTest#encodeThenDecode: "50% \u0359 #1" kept two spaces. */
  @Test
  void anOrphanCombiningMarkLeavesSingleSpaces() {
    assertEquals("50% #1", LatexEncoder.prepare("50% \u0359 #1"));
    assertEquals("a", LatexEncoder.prepare("a \u0301"));
  }
}
