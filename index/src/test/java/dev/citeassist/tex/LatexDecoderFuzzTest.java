package dev.citeassist.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.citeassist.formats.ReadProperties;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the LaTeX decoder and the encoder that writes values back. {@code mvn verify}
 * replays {@code src/test/resources/dev/citeassist/bibtex/LatexDecoderFuzzTestInputs/<method>/}.
 */
class LatexDecoderFuzzTest {

  /**
   * Any text (UTF-8, so well-formed) decodes to well-formed text (no lone surrogate), verbatim or
   * not.
   */
  @FuzzTest
  @DictionaryEntries({
    "\\'",
    "\\\"",
    "\\^",
    "\\`",
    "\\~",
    "\\c{",
    "\\v{",
    "\\H{",
    "\\u{",
    "\\k{",
    "\\r{",
    "\\.",
    "\\=",
    "{\\i}",
    "\\ss",
    "\\o",
    "\\l",
    "\\aa",
    "\\AE",
    "\\textendash",
    "\\emph{",
    "\\url{",
    "\\char",
    "\\symbol{",
    "^^",
    "$",
    "--",
    "---",
    "``",
    "''",
    "~",
    "\\&",
    "\\%",
    "{",
    "}"
  })
  void decode(byte[] bytes) {
    String latex = new String(bytes, StandardCharsets.UTF_8);
    ReadProperties.assertWellFormed(LatexDecoder.decode(latex), "decode");
    ReadProperties.assertWellFormed(LatexDecoder.decodeVerbatim(latex), "decodeVerbatim");
  }

  /**
   * Text with nothing TeX would read as markup (no backslash, dollar, brace, tilde or no-break
   * space, quote, dash or hat) comes back from the encoder and the decoder as it went in, once
   * prepared (spaces and Unicode normal form): always for biblatex, and for BibTeX unless the
   * encoder chose math (Greek, symbols), which the decoder keeps as written by contract.
   */
  @FuzzTest
  void encodeThenDecode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.chars().anyMatch(c -> "\\${}~^-`'\"\u00A0".indexOf(c) >= 0)) {
      return;
    }
    String prepared = LatexEncoder.prepare(text);
    for (BibtexDialect dialect : BibtexDialect.values()) {
      String encoded = LatexEncoder.encode(text, dialect);
      ReadProperties.assertWellFormed(encoded, "encode");
      if (dialect == BibtexDialect.BIBLATEX || encoded.indexOf('$') < 0) {
        assertEquals(prepared, LatexDecoder.decode(encoded), dialect + " wrote " + encoded);
      }
    }
  }
}
