package dev.citeassist.completion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BibAppendTest {

  private static final String ENTRY = "@misc{k,\n  title = {T}\n}\n";

  @Test
  void appendsAfterBlankLineWhenFileEndsWithNewline() {
    assertEquals(new BibAppend(11, "\n" + ENTRY), BibAppend.of("@misc{a,\n}\n", ENTRY));
  }

  @Test
  void doesNotAddSecondBlankLine() {
    assertEquals(new BibAppend(12, ENTRY), BibAppend.of("@misc{a,\n}\n\n", ENTRY));
  }

  @Test
  void endsUnterminatedLastLineFirst() {
    assertEquals(new BibAppend(10, "\n\n" + ENTRY), BibAppend.of("@misc{a,\n}", ENTRY));
  }

  @Test
  void emptyOrMissingFileGetsJustTheEntry() {
    assertEquals(new BibAppend(0, ENTRY), BibAppend.of("", ENTRY));
    assertEquals(new BibAppend(0, ENTRY), BibAppend.of(null, ENTRY));
  }

  @Test
  void keepsWindowsLineEndings() {
    assertEquals(
        new BibAppend(13, "\r\n@misc{k,\r\n  title = {T}\r\n}\r\n"),
        BibAppend.of("@misc{a,\r\n}\r\n", ENTRY));
  }

  @TempDir Path dir;

  @Test
  void atomicWriteKeepsEveryOtherByte() throws Exception {
    Path bib = dir.resolve("refs.bib");
    byte[] old = "% caf\u00e9 in Latin-1\n@misc{a,\n}".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(bib, old);
    AddEntryCommand.writeAtomically(bib, ENTRY);
    byte[] now = Files.readAllBytes(bib);
    assertArrayEquals(old, Arrays.copyOf(now, old.length));
    assertEquals(
        "\n\n" + ENTRY,
        new String(now, old.length, now.length - old.length, StandardCharsets.UTF_8));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "temporary file left behind");
    }
  }
}
