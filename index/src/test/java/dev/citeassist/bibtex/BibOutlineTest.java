package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.bibtex.BibOutline.Entry;
import dev.citeassist.bibtex.BibOutline.Field;
import dev.citeassist.bibtex.BibOutline.Problem;
import dev.citeassist.paper.CollectingSink;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.ReadProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BibOutlineTest {

  @Test
  void listsEntriesWithKeysAndSpansWhateverTheDelimiters() {
    String text =
        """
        @string{jmlr = {JMLR}}
        @Article{a2020, title = {A {B} C}, journal = jmlr # { Volume}}
        @comment{whatever {nested}}
        @misc(b2021, title = "x (y)", note = {)})
        @preamble{"\\newcommand{\\x}{y}"}
        @ book { c2022 ,
          title = {T}
        }
        """;
    BibOutline outline = BibOutline.of(text);
    assertEquals(
        List.of(
            "string:jmlr", "article:a2020", "comment:", "misc:b2021", "preamble:", "book:c2022"),
        outline.entries().stream().map(e -> e.type() + ":" + e.key()).toList());
    Entry a = outline.entries().get(1);
    assertEquals(
        "@Article{a2020, title = {A {B} C}, journal = jmlr # { Volume}}",
        span(text, a.start(), a.end()));
    assertEquals("a2020", span(text, a.keyStart(), a.keyEnd()));
    assertEquals(2, a.line());
    assertEquals(
        List.of("title={A {B} C}/A {B} C", "journal=jmlr # { Volume}/jmlr # { Volume}"),
        fields(outline, a));
    Entry b = outline.entries().get(3);
    assertEquals("@misc(b2021, title = \"x (y)\", note = {)})", span(text, b.start(), b.end()));
    assertEquals(List.of("title=\"x (y)\"/x (y)", "note={)}/)"), fields(outline, b));
    Entry macro = outline.entries().get(0);
    assertEquals("jmlr", span(text, macro.keyStart(), macro.keyEnd()));
    assertFalse(macro.isReference());
    Entry c = outline.entries().get(5);
    assertEquals("c2022", span(text, c.keyStart(), c.keyEnd()));
    assertEquals('}', text.charAt(c.end() - 1));
    assertEquals(List.of(), outline.problems());
  }

  @Test
  void percentCommentsOutsideEntriesHideThem() {
    String text =
        "% @article{hidden, title = {H}}\n@misc{shown, note = {50%}, % a comment, x = y\n}\n";
    BibOutline outline = BibOutline.of(text);
    assertEquals(List.of("shown"), keys(outline));
    assertEquals(List.of("note={50%}/50%"), fields(outline, outline.entries().get(0)));
  }

  @Test
  void anEntryNotClosedEndsBeforeTheNextAndIsAProblem() {
    String text =
        """
        @book{c2022, title = {open
        @misc{d2023,}
        @article{liao""";
    BibOutline outline = BibOutline.of(text);
    assertEquals(List.of("c2022", "d2023", "liao"), keys(outline));
    Entry c = outline.entries().get(0);
    assertFalse(c.closed());
    assertEquals("@book{c2022, title = {open", span(text, c.start(), c.end()));
    Entry typed = outline.entries().get(2);
    assertEquals("liao", span(text, typed.keyStart(), typed.keyEnd()));
    assertEquals(
        List.of(
            "NOT_CLOSED 1 @book{c2022: @book{c2022} is not closed before line 2 (a '{' without"
                + " its '}', or the closing delimiter missing); skipped",
            "NOT_CLOSED 3 @article{liao: @article{liao} is not closed before the end of the file"
                + " (a '{' without its '}', or the closing delimiter missing); skipped"),
        problems(outline));
  }

  @Test
  void duplicateKeysCaseIgnoredAndMissingKeysAreProblems() {
    String text =
        """
        @article{same, title = {One}}
        @article{,
          title = {No key}
        }
        @misc{
          title = {No key either}}
        @book{Same, title = {Two}}
        @misc trailing words
        @comment more words
        """;
    BibOutline outline = BibOutline.of(text);
    assertEquals(
        List.of(
            "NO_KEY 2 @article{: @article entry has no citation key",
            "NO_KEY 5 @misc{: @misc entry has no citation key",
            "DUPLICATE_KEY 7 Same: key 'Same' is used again (first at line 1)",
            "NOT_AN_ENTRY 8 @misc: '@misc' is not followed by '{' or '('; skipped"),
        problems(outline));
    assertEquals(1, outline.first("SAME").orElseThrow().line());
    assertEquals(7, outline.entry("Same").orElseThrow().line());
    assertTrue(outline.entry("SAME").isEmpty());
  }

  @Test
  void offsetsAreUtf16IndexesOfTheTextAsGivenWithCrlfAndBom() {
    String text =
        "\uFEFF% 😀 smile\r\n@misc{日本2020,\r\n  title = {😀 Émile},\r\n}\r\n\r\n@misc{x😀y, a = b}";
    BibOutline outline = BibOutline.of(text);
    assertEquals(List.of("日本2020", "x😀y"), keys(outline));
    Entry first = outline.entries().get(0);
    assertEquals(2, first.line());
    assertEquals(text.indexOf("@misc{日本"), first.start());
    assertEquals(text.indexOf("}\r\n\r\n") + 1, first.end());
    assertEquals("日本2020", span(text, first.keyStart(), first.keyEnd()));
    assertEquals(List.of("title={😀 Émile}/😀 Émile"), fields(outline, first));
    Entry second = outline.entries().get(1);
    assertEquals(6, second.line());
    assertEquals("x😀y", span(text, second.keyStart(), second.keyEnd()));
    assertEquals(text.length(), second.end());
  }

  @Test
  void keyAtFindsTheKeyUnderTheCursorWithBothEndsIncluded() {
    String text = "@string{m = {M}}\n@article{a2020, title = {T}}\n@misc{b, x = y}";
    BibOutline outline = BibOutline.of(text);
    int a = text.indexOf("a2020");
    assertEquals("a2020", outline.keyAt(a).orElseThrow().key());
    assertEquals("a2020", outline.keyAt(a + 5).orElseThrow().key());
    assertTrue(outline.keyAt(a + 6).isEmpty());
    assertTrue(outline.keyAt(a - 1).isEmpty());
    assertEquals("m", outline.keyAt(8).orElseThrow().key());
    assertTrue(outline.keyAt(0).isEmpty());
    assertEquals("b", outline.keyAt(text.indexOf("{b,") + 1).orElseThrow().key());
  }

  @Test
  void crossrefContentIsTheKeyItNames() {
    String text =
        "@inproceedings{p, crossref = { other2020 }}\n@inproceedings{q, crossref = other2020,}\n"
            + "@misc{r, xref = \"other2020\" # x}";
    BibOutline outline = BibOutline.of(text);
    List<String> contents = new ArrayList<>();
    for (Entry e : outline.entries()) {
      for (Field f : e.fields()) {
        contents.add(outline.content(f));
      }
    }
    assertEquals(List.of("other2020", "other2020", "\"other2020\" # x"), contents);
    assertEquals("other2020", outline.content(outline.entries().get(1).field("CROSSREF").get()));
  }

  @Test
  void agreesWithTheReaderOnSmallTexts() {
    for (String text :
        List.of(
            "@article{before, title = {Before}}\n\n@article{broken,\n  title = {Missing,\n"
                + "  year = 2020,\n}\n\n@article{after, title = {After}}\n@article{after}\n",
            "@article{\n  title = {No key},\n}\n@misc{k, title = {K}}\n",
            "@misc text\n@misc{a,}\n@misc{A,}\n@misc{a, title = {x}\n")) {
      assertAgrees("text", text);
    }
  }

  /** Every .bib of the shared corpus (skipped when absent): the outline agrees with the reader. */
  @TestFactory
  Stream<DynamicTest> agreesWithTheReaderOnTheCorpus() throws IOException {
    Path corpus = BibtexCorpusTest.corpus();
    List<Path> bibs;
    try (Stream<Path> files = Files.walk(corpus)) {
      bibs = files.filter(p -> p.toString().endsWith(".bib")).sorted().toList();
    }
    return bibs.stream()
        .map(
            bib ->
                DynamicTest.dynamicTest(
                    corpus.relativize(bib).toString(),
                    () -> assertAgrees(bib.toString(), read(bib))));
  }

  /**
   * The reader's structure problems are the outline's (an outline also finds a key used again where
   * the reader could not read the first entry), and each paper is an outline entry with its key at
   * its line.
   */
  static void assertAgrees(String name, String text) {
    BibOutline outline = BibOutline.of(text);
    assertWellFormed(outline);
    CollectingSink r = BibtexReaderTest.readBib(text);
    Set<Kind> structure = EnumSet.of(Kind.NOT_CLOSED, Kind.NOT_AN_ENTRY, Kind.NO_KEY);
    TreeSet<String> fromReader = new TreeSet<>();
    TreeSet<String> duplicatesFromReader = new TreeSet<>();
    for (ReadProblem p : r.problems) {
      if (structure.contains(p.kind())) {
        fromReader.add(p.kind() + " " + p.line() + " " + p.message());
      } else if (p.kind() == Kind.DUPLICATE_KEY) {
        duplicatesFromReader.add(p.line() + " " + p.message());
      }
    }
    TreeSet<String> fromOutline = new TreeSet<>();
    TreeSet<String> duplicatesFromOutline = new TreeSet<>();
    for (Problem p : outline.problems()) {
      if (p.kind() == Kind.DUPLICATE_KEY) {
        duplicatesFromOutline.add(p.line() + " " + p.message());
      } else {
        fromOutline.add(p.kind() + " " + p.line() + " " + p.message());
      }
    }
    assertEquals(fromReader, fromOutline, name);
    TreeSet<String> missing = new TreeSet<>(duplicatesFromReader);
    missing.removeAll(duplicatesFromOutline);
    assertEquals(Set.of(), missing, name + ": duplicates the outline does not see");
    TreeSet<String> outlineKeys = new TreeSet<>();
    for (Entry e : outline.entries()) {
      outlineKeys.add(e.line() + " " + e.key());
    }
    for (Paper p : r.papers) {
      if (p.key() != null) {
        String at = p.origin().line() + " " + p.key();
        assertTrue(outlineKeys.contains(at), name + ": no entry " + at);
      }
    }
  }

  /**
   * Entries in order, each from its {@code @}, not overlapping the next; keys, fields and problems
   * inside the text and in their entries; the key under the cursor is the entry's.
   */
  static void assertWellFormed(BibOutline outline) {
    String text = outline.text();
    int previousEnd = 0;
    for (Entry e : outline.entries()) {
      String what = "entry at line " + e.line() + " (" + e.start() + ")";
      assertTrue(e.start() >= previousEnd && e.start() < e.end(), what + " overlaps or is empty");
      assertTrue(e.end() <= text.length(), what + " ends after the text");
      assertEquals('@', text.charAt(e.start()), what);
      assertTrue(
          e.start() <= e.keyStart() && e.keyStart() <= e.keyEnd() && e.keyEnd() <= e.end(),
          what + ": key outside");
      assertEquals(e.key(), text.substring(e.keyStart(), e.keyEnd()), what);
      if (e.closed()) {
        char close = text.charAt(e.end() - 1);
        assertTrue(close == '}' || close == ')', what + " closed by " + close);
      }
      if (e.hasKey()) {
        assertEquals(e, outline.keyAt(e.keyStart()).orElseThrow(), what);
      }
      int previousField = e.isReference() ? e.keyEnd() : e.start(); // a macro's key is its name
      for (Field f : e.fields()) {
        assertTrue(
            previousField <= f.nameStart()
                && f.nameStart() < f.nameEnd()
                && f.nameEnd() <= f.valueStart()
                && f.valueStart() <= f.contentStart()
                && f.contentStart() <= f.contentEnd()
                && f.contentEnd() <= f.valueEnd()
                && f.valueEnd() <= e.end(),
            what + ": field " + f);
        previousField = f.valueEnd();
      }
      previousEnd = e.end();
    }
    for (Problem p : outline.problems()) {
      assertTrue(0 <= p.start() && p.start() <= p.end() && p.end() <= text.length(), "" + p);
    }
  }

  /** As the reader reads bytes: UTF-8, a line that is not valid UTF-8 as Latin-1. */
  private static String read(Path bib) throws IOException {
    byte[] bytes = Files.readAllBytes(bib);
    StringBuilder out = new StringBuilder(bytes.length);
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        out.append(SourceLines.decode(bytes, start, i));
        if (i < bytes.length) {
          out.append('\n');
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  private static String span(String text, int start, int end) {
    return text.substring(start, end);
  }

  private static List<String> keys(BibOutline outline) {
    return outline.entries().stream().map(Entry::key).toList();
  }

  private static List<String> fields(BibOutline outline, Entry e) {
    return e.fields().stream()
        .map(f -> f.name() + "=" + outline.value(f) + "/" + outline.content(f))
        .toList();
  }

  private static List<String> problems(BibOutline outline) {
    String text = outline.text();
    return outline.problems().stream()
        .map(
            p ->
                p.kind()
                    + " "
                    + p.line()
                    + " "
                    + text.substring(p.start(), p.end())
                    + ": "
                    + p.message())
        .toList();
  }
}
