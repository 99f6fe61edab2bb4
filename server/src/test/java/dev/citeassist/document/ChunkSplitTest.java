package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkSplitTest {

  private static String bib(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append("@article{key")
          .append(i)
          .append(",\n  title = {Title number ")
          .append(i)
          .append("},\n  year = {2020}\n}\n\n");
    }
    return b.toString();
  }

  @Test
  void chunksCoverTheTextAtEntryBoundariesWithTheirStartLines() {
    String text = bib(0, 2000);
    List<ProjectBibliography.ChunkText> chunks = ProjectBibliography.split(text).chunks();
    assertTrue(chunks.size() > 10, "only " + chunks.size() + " chunks");
    StringBuilder joined = new StringBuilder();
    int line = 1;
    for (ProjectBibliography.ChunkText c : chunks) {
      assertEquals(line, c.startLine());
      assertTrue(c.text().startsWith("@article{"));
      joined.append(c.text());
      line += (int) c.text().chars().filter(ch -> ch == '\n').count();
    }
    assertEquals(text, joined.toString());
  }

  @Test
  void anEditChangesOnlyTheChunkItTouches() {
    String text = bib(0, 2000);
    String edited = text.replace("Title number 1000}", "Title number 1000 edited}");
    List<ProjectBibliography.ChunkText> before = ProjectBibliography.split(text).chunks();
    List<ProjectBibliography.ChunkText> after = ProjectBibliography.split(edited).chunks();
    long changed =
        after.stream()
            .filter(c -> before.stream().noneMatch(b -> b.text().equals(c.text())))
            .count();
    assertTrue(changed <= 2, changed + " chunks changed");
  }

  @Test
  void stringMacrosAreReadBeforeEveryChunkAndBlankedInIt() {
    String text = "@string{j = {Journal}}\n@STRING(k = \"K\")\n" + bib(0, 500);
    ProjectBibliography.Split split = ProjectBibliography.split(text);
    assertEquals("@string{j = {Journal}}\n@STRING(k = \"K\")\n", split.macros());
    assertTrue(split.chunks().size() > 1);
    String first = split.chunks().get(0).text();
    assertTrue(
        first.startsWith(" ".repeat(22) + "\n" + " ".repeat(16) + "\n@article{key0,"), first);
  }

  @Test
  void fileWithCrossrefIsOneChunk() {
    String text = bib(0, 500) + "@misc{x,\n  crossref = {key1}\n}\n";
    assertEquals(1, ProjectBibliography.split(text).chunks().size());
  }
}
