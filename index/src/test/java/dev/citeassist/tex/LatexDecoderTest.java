package dev.citeassist.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexDecoderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Zdeborov{\\'a}            | Zdeborová",
        "Dereli{\\'n}ski           | Dereliński",
        "{\\\"o}                   | ö",
        "\\\"{o}                   | ö",
        "\\\"o                     | ö",
        "\\'a                      | á",
        "\\l{}ukasz                | łukasz",
        "{\\L}{\\'o}d{\\'z}        | Łódź",
        "Stra\\ss e                | Straße",
        "\\o ystein                | øystein",
        "{\\aa}                    | å",
        "\\AA{}ngstr\\\"om         | Ångström",
        "\\c{c}                    | ç",
        "\\c c                     | ç",
        "\\v{s}                    | š",
        "\\v s                     | š",
        "\\~n                      | ñ",
        "\\'{\\i}                  | í",
        "\\'\\i                    | í",
        "\\H{o}                    | ő",
        "\\k{e}                    | ę",
        "\\r{u}                    | ů",
        "\\u{g}                    | ğ",
        "\\={a}                    | ā",
        "\\.{z}                    | ż",
        "\\d{s}                    | ṣ",
        "\\^{o}                    | ô",
        "\\`{a}                    | à",
        "pages 1--10               | pages 1–10",
        "a---b                     | a—b",
        "\\&                       | &",
        "50\\%                     | 50%",
        "\\$5                      | $5",
        "\\_x                      | _x",
        "{Case} {PROTECTED}        | Case PROTECTED",
        "{{Double}}                | Double",
        "``quoted''                | “quoted”",
        "D.~E. Knuth               | D. E. Knuth",
        "\\emph{word}              | word",
        "{\\sc Small Caps}         | Small Caps",
        "\\textbf{bold} text       | bold text",
        "\\noopsort{a}Zebra        | Zebra",
        "\\href{http://x}{link}    | link",
        "\\url{http://x.org/a_b%c} | http://x.org/a_b%c",
        "\\LaTeX{} rocks           | LaTeX rocks",
        "line\\\\break             | line break",
        "\\'{}                     | ´",
        "unknown \\foo{arg}        | unknown arg",
      })
  void decodesLatexToUnicode(String latex, String unicode) {
    assertEquals(unicode, LatexDecoder.decode(latex));
  }

  @Test
  void keepsMathAsWritten() {
    assertEquals("Cu$_2$O films", LatexDecoder.decode("{Cu$_2$O} films"));
    assertEquals("$O(n \\log n)$ time", LatexDecoder.decode("$O(n \\log n)$ time"));
    assertEquals("a $$x^{2}$$ b", LatexDecoder.decode("a $$x^{2}$$ b"));
    assertEquals("$\\{x\\}$ and --", LatexDecoder.decode("$\\{x\\}$ and --").replace("–", "--"));
  }

  @Test
  void collapsesWhiteSpaceAndDropsControlCharacters() {
    assertEquals("one two three", LatexDecoder.decode("  one\n\t two   three \r\n"));
    assertEquals("From cyclic", LatexDecoder.decode("Fro\u0008m cyclic\u0007"));
  }

  @Test
  void accentShutInItsGroupGoesOnTheNextLetter() {
    assertEquals("Florian Schäfer", LatexDecoder.decode("Florian Sch{\\\"}afer"));
    assertEquals("Büring", LatexDecoder.decode("B{\\\"}{u}ring"));
  }

  @Test
  void leavesPlainTextAloneAndNullNull() {
    String plain = "Plain text, 2020: a-b";
    assertEquals(plain, LatexDecoder.decode(plain));
    assertNull(LatexDecoder.decode(null));
  }

  @Test
  void survivesBrokenLatex() {
    assertEquals("a b", LatexDecoder.decode("a {b"));
    assertEquals("a b", LatexDecoder.decode("a} b"));
    assertEquals("$ 5", LatexDecoder.decode("$ 5"));
    assertEquals("x", LatexDecoder.decode("x\\"));
    assertEquals("¨", LatexDecoder.decode("\\\""));
  }

  @Test
  void verbatimFieldsLoseOnlyTheirEscapes() {
    assertEquals(
        "https://x.org/a_b%20c#d",
        LatexDecoder.decodeVerbatim(" {https://x.org/a\\_b\\%20c\\#d} "));
    assertEquals("10.1000/x--y", LatexDecoder.decodeVerbatim("10.1000/x--y"));
  }

  /** Found by LatexDecoderFuzzTest: the mark went between the two chars of 𝔸 (U+1D538). */
  @Test
  void accentOnALetterOutsideTheBasicPlaneKeepsItWhole() {
    assertEquals("𝔸\u0308x", LatexDecoder.decode("\\\"{𝔸x}"));
    assertEquals("😀\u0327", LatexDecoder.decode("\\c😀"));
  }

  /** Found by LatexDecoderFuzzTest#decode: a control symbol outside the BMP lost its low half. */
  @Test
  void accentOnAControlSymbolOutsideTheBasicPlaneKeepsItWhole() {
    assertEquals("\uD800\uDC00\u0303", LatexDecoder.decode("\\~\\\uD800\uDC00"));
  }

  /** Found by LatexDecoderFuzzTest#encodeThenDecode: the BibTeX writer spells ¡ and ¿ so. */
  @Test
  void readsTheInvertedMarkLigatures() {
    assertEquals("¡Hola! ¿Qué?", LatexDecoder.decode("!`Hola! ?`Qu{\\'e}?"));
  }
}
