package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.citeassist.formats.ReadProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzz targets for reading {@code .bib} files: the whole {@link BibtexReader}, the {@link
 * EntryScanner} that cuts a source into entries, and the {@link BibOutline} built on it. {@code mvn
 * verify} replays the inputs under {@code
 * src/test/resources/dev/citeassist/bibtex/BibtexFuzzTestInputs/<method>/}; {@code scripts/fuzz.sh}
 * runs them for real.
 */
class BibtexFuzzTest {

  /** Entry types that are not papers and may vanish without a word. */
  private static final Set<String> NOT_PAPERS = Set.of("comment", "string", "preamble", "xdata");

  /**
   * Besides the common reader properties: a line that starts an entry ({@code @type{} at the start
   * of a line) is never lost: it gives a paper at that line or a problem before the next entry.
   */
  @FuzzTest
  @DictionaryEntries({
    "@article{",
    "@string{",
    "@comment{",
    "@preamble{",
    "@xdata{",
    "@book(",
    "crossref = {",
    "xdata = {",
    "author = {",
    "title = {",
    " and ",
    "{\\'e}",
    "\\\"o",
    "#",
    "\"",
    "month = jan",
    "year = 2020",
    "date = {2020-01-02}",
    "eprint = {",
    "doi = {",
    "},",
    "}"
  })
  void bib(byte[] bytes) {
    ReadProperties.Read read = ReadProperties.check(new BibtexReader(), bytes);
    List<String> lines = lines(bytes);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (EntryScanner.startsEntry(lines.get(i))) {
        starts.add(i + 1);
      }
    }
    for (int k = 0; k < starts.size(); k++) {
      int line = starts.get(k);
      int next = k + 1 < starts.size() ? starts.get(k + 1) : lines.size() + 1;
      if (!NOT_PAPERS.contains(type(lines.get(line - 1)))) {
        assertTrue(read.accountsFor(line, next), "entry at line " + line + " was lost");
      }
    }
  }

  /**
   * Chunks come in order, each from an {@code @} at a line that exists, a closed one ends with its
   * closing brace, and the braced values it lists are brace pairs of its text in order.
   */
  @FuzzTest
  @DictionaryEntries({"@article{", "@comment{", "@misc(", "{", "}", "\\{", "\"", "%", ","})
  void entryScanner(byte[] bytes) throws IOException {
    int lines = ReadProperties.lineCount(bytes);
    List<EntryScanner.Chunk> chunks = new ArrayList<>();
    List<Integer> notEntries = new ArrayList<>();
    new EntryScanner(
            new EntryScanner.Listener() {
              @Override
              public void chunk(EntryScanner.Chunk chunk) {
                chunks.add(chunk);
              }

              @Override
              public void notAnEntry(int line, int offset, String type) {
                notEntries.add(line);
              }
            })
        .scan(SourceLines.of(new ByteArrayInputStream(bytes)));
    int previous = 0;
    for (EntryScanner.Chunk c : chunks) {
      String what = "chunk at line " + c.line();
      assertTrue(c.line() >= 1 && c.line() <= lines, what + " is not in 1.." + lines);
      assertTrue(c.line() >= previous, what + " comes after line " + previous);
      previous = c.line();
      assertTrue(c.text().startsWith("@"), what + " does not start with @: " + c.text());
      if (c.closed()) {
        assertTrue(c.text().endsWith("}"), what + " is closed but does not end with }");
        assertEquals(0, c.cutLine(), what);
      } else {
        assertTrue(
            c.cutLine() == 0 || (c.cutLine() > c.line() && c.cutLine() <= lines),
            what + " was cut at line " + c.cutLine());
      }
      int[] v = c.values();
      assertEquals(0, v.length % 2, what + ": odd value offsets");
      int end = -1;
      for (int k = 0; k < v.length; k += 2) {
        assertTrue(v[k] > end && v[k] < v[k + 1] && v[k + 1] < c.text().length(), what);
        assertEquals('{', c.text().charAt(v[k]), what + ": value does not open with {");
        assertEquals('}', c.text().charAt(v[k + 1]), what + ": value does not close with }");
        end = v[k + 1];
      }
    }
    for (int line : notEntries) {
      assertTrue(line >= 1 && line <= lines, "not-an-entry at line " + line);
    }
  }

  /**
   * The outline of any text is well formed (see {@link BibOutlineTest#assertWellFormed}) and agrees
   * with the reader on its structure problems and keys.
   */
  @FuzzTest
  @DictionaryEntries({
    "@article{",
    "@string{",
    "@comment{",
    "@misc(",
    "{",
    "}",
    "\"",
    "%",
    ",",
    "=",
    "#",
    "\r\n",
    "crossref = "
  })
  void outline(byte[] bytes) {
    BibOutlineTest.assertAgrees("input", new String(bytes, StandardCharsets.UTF_8));
  }

  /** The lines as the reader sees them: each UTF-8 when it can be, else Latin-1. */
  private static List<String> lines(byte[] bytes) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r') {
        out.add(decode(bytes, start, i));
        if (i < bytes.length && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static String decode(byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }

  private static String type(String line) {
    String s = line.strip().substring(1).strip();
    int end = 0;
    while (end < s.length() && EntryScanner.isTypeChar(s.charAt(end))) {
      end++;
    }
    return s.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
