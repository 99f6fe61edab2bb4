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
    List<ProjectBibliography.ChunkText> chunks = ProjectBibliography.split(text);
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
    List<ProjectBibliography.ChunkText> before = ProjectBibliography.split(text);
    List<ProjectBibliography.ChunkText> after = ProjectBibliography.split(edited);
    long changed =
        after.stream()
            .filter(c -> before.stream().noneMatch(b -> b.text().equals(c.text())))
            .count();
    assertTrue(changed <= 2, changed + " chunks changed");
  }

  @Test
  void fileWithStringMacrosIsOneChunk() {
    String text = "@string{j = {Journal}}\n" + bib(0, 500);
    assertEquals(1, ProjectBibliography.split(text).size());
  }
}
