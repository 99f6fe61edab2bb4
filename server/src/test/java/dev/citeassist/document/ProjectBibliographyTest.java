package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.search.PaperIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectBibliographyTest {

  private static final Path FILE = Path.of("/project/refs.bib");

  @BeforeAll
  static void needsIndex() {
    boolean ok;
    try (PaperIndex index = PaperIndex.inMemory()) {
      ok = true;
    } catch (UnsupportedOperationException | java.io.IOException e) {
      ok = false;
    }
    assumeTrue(ok, "the index module's PaperIndex is not implemented yet");
  }

  private static String bib(int n) {
    StringBuilder b = new StringBuilder("@string{aop = {The Annals of Probability}}\n\n");
    for (int i = 0; i < n; i++) {
      b.append("@article{key")
          .append(i)
          .append(",\n  title = {Study number ")
          .append(i)
          .append("},\n  journal = aop,\n  year = {2020}\n}\n\n");
    }
    return b.toString();
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void entriesKeepTheirLinesAndMacrosAcrossChunks() throws Exception {
    try (ProjectBibliography bib = new ProjectBibliography()) {
      String text = bib(3000);
      bib.update(FILE, text).get(60, TimeUnit.SECONDS);
      assertEquals(3000, bib.count(List.of(FILE)));
      BibEntry e = bib.entry("key2500", List.of(FILE)).orElseThrow();
      assertEquals(lineOf(text, "@article{key2500,"), e.line());
      assertEquals("The Annals of Probability", e.paper().venue());
    }
  }

  @Test
  void anEditIsSearchableAndShiftsLaterLines() throws Exception {
    try (ProjectBibliography bib = new ProjectBibliography()) {
      String text = bib(3000);
      bib.update(FILE, text).get(60, TimeUnit.SECONDS);
      String edited =
          text.replace(
              "@article{key10,", "@misc{zebra2021, title = {Zebra stripes}}\n\n@article{key10,");
      bib.update(FILE, edited).get(60, TimeUnit.SECONDS);
      assertEquals(3001, bib.count(List.of(FILE)));
      assertEquals("zebra2021", bib.search("zebra", 5, Set.of(FILE)).get(0).paper().key());
      assertEquals(
          lineOf(edited, "@article{key2999,"),
          bib.entry("key2999", List.of(FILE)).orElseThrow().line());
      bib.update(FILE, text).get(60, TimeUnit.SECONDS);
      assertTrue(bib.search("zebra", 5, Set.of(FILE)).isEmpty());
    }
  }

  private static List<String> described(ProjectBibliography bib) {
    return bib.entries(List.of(FILE)).stream()
        .map(e -> e.key() + "@" + e.line() + ":" + e.paper().title() + "/" + e.paper().venue())
        .toList();
  }

  @Test
  void aSeriesOfEditsReadsAsAFreshReadingOfTheLastText() throws Exception {
    String text = bib(3000);
    List<java.util.function.UnaryOperator<String>> edits =
        List.of(
            t ->
                t.replace(
                    "@article{key1500,", "@misc{zebra2021, title = {Zebra}}\n\n@article{key1500,"),
            t -> t.replace("Study number 2000}", "Study number 2000, revised}"),
            t ->
                t.replace(
                    "@article{key10,\n  title = {Study number 10},\n  journal = aop,\n  year = {2020}\n}\n\n",
                    ""),
            t -> t + "@misc{last2022, title = {Last}",
            t -> t + "}\n",
            t -> t.replace("@article{key2999,", "@article{key2999b,"),
            t -> t.replace("@article{key0,", "@misc{first, title={First}}\n@article{key0,"),
            t -> t.replace("{The Annals of Probability}", "{Annals}"));
    try (ProjectBibliography edited = new ProjectBibliography()) {
      edited.update(FILE, text).get(60, TimeUnit.SECONDS);
      for (var edit : edits) {
        text = edit.apply(text);
        edited.update(FILE, text).get(60, TimeUnit.SECONDS);
        try (ProjectBibliography fresh = new ProjectBibliography()) {
          fresh.update(FILE, text).get(60, TimeUnit.SECONDS);
          assertEquals(described(fresh), described(edited));
          assertEquals(
              fresh.search("zebra", 5, Set.of(FILE)).size(),
              edited.search("zebra", 5, Set.of(FILE)).size());
        }
      }
      assertTrue(edited.entry("last2022", List.of(FILE)).isPresent());
    }
  }
}
