package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzz targets for reading LaTeX: the cite scanner at any offset of any text, and the project
 * structure ({@code \bibliography}, {@code \input}, {@code % !TEX root}). {@code mvn verify}
 * replays {@code src/test/resources/dev/citeassist/latex/LatexFuzzTestInputs/<method>/}.
 */
class LatexFuzzTest {

  private static final CitationScanner SCANNER = CitationScanner.standard().with(Set.of("mycite"));

  /**
   * The first two bytes choose the offset, the rest is the text. Whatever they are: the context
   * found lies inside the text, its prefix is the text before the cursor in the key's range, the
   * key and the other keys hold no separator, and the command is a cite command. Every key that
   * {@code citations} lists is the text at its range, trimmed, in order.
   */
  @FuzzTest
  @DictionaryEntries({
    "\\cite{",
    "\\citep[see][p.~3]{",
    "\\cites{a}{",
    "\\volcite[2]{3}[4]{",
    "\\mycite{",
    "\\nocite{*}",
    "\\parencite*{",
    "\\textcites(pre)(post)[a][b]{",
    "%",
    "\\verb|",
    "\\\\",
    "\\begin{verbatim}",
    "\\end{verbatim}",
    "\\begin{comment}",
    "}",
    ","
  })
  void citationScanner(byte[] bytes) {
    if (bytes.length < 2) {
      return;
    }
    String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8);
    int offset = ((bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF)) % (text.length() + 3) - 1;
    Optional<CitationContext> found = SCANNER.scan(text, offset);
    if (found.isPresent()) {
      CitationContext c = found.get();
      String what = "at " + offset + ": " + c;
      assertTrue(offset >= 0 && offset <= text.length(), what);
      assertTrue(c.replaceStart() >= 0 && c.replaceStart() <= offset, what);
      assertTrue(c.replaceEnd() >= offset && c.replaceEnd() <= text.length(), what);
      assertEquals(text.substring(c.replaceStart(), offset), c.prefix(), what);
      String key = c.key(text);
      assertTrue(key.chars().allMatch(ch -> CitationScanner.isKeyChar((char) ch)), what);
      for (String other : c.keys()) {
        assertFalse(other.isEmpty(), what);
        assertTrue(other.chars().allMatch(ch -> CitationScanner.isKeyChar((char) ch)), what);
        assertTrue(text.contains(other), what);
      }
      String name =
          c.command().endsWith("*")
              ? c.command().substring(0, c.command().length() - 1)
              : c.command();
      assertTrue(CitationScanner.isKnown(name) || name.equals("mycite"), what);
    }
    List<CitationScanner.CitedKey> keys = SCANNER.citations(text);
    int previous = -1;
    for (CitationScanner.CitedKey k : keys) {
      String what = k.toString();
      assertTrue(k.start() >= 0 && k.start() < k.end() && k.end() <= text.length(), what);
      assertEquals(text.substring(k.start(), k.end()), k.key(), what);
      assertEquals(k.key().strip(), k.key(), what);
      assertTrue(k.start() > previous, "out of order: " + what);
      previous = k.start();
    }
    assertEquals(
        keys.stream().map(CitationScanner.CitedKey::key).toList(), SCANNER.citedKeys(text));
  }

  /** Every name found is written in the text, stripped and not blank; the root is in the text. */
  @FuzzTest
  @DictionaryEntries({
    "\\bibliography{", "\\addbibresource[label=x]{", "\\addglobalbib{", "\\input{", "\\include{",
    "\\subfile{", "\\documentclass[a4paper]{", "% !TEX root = ", "%!TeX root=", "\\verb|",
    "\\begin{verbatim}", "\\end{verbatim}", "%", ","
  })
  void latexStructure(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    LatexStructure s = LatexStructure.parse(text);
    for (String name : s.bibliographies()) {
      assertFalse(name.isBlank());
      assertEquals(name.strip(), name);
      assertTrue(text.contains(name), name);
    }
    for (String name : s.inputs()) {
      assertFalse(name.isBlank());
      assertEquals(name.strip(), name);
      assertTrue(text.contains(name), name);
    }
    if (s.texRoot() != null) {
      assertTrue(text.contains(s.texRoot()), s.texRoot());
    }
  }
}
