package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes, near-real-time visibility, commits and reopening. */
class PaperIndexLifecycleTest {

  @TempDir Path dir;

  @Test
  void writesAreInvisibleUntilRefresh() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(List.of(paper("a2020first", "First Paper", "refs.bib")));
      assertEquals(0, index.size());
      assertEquals(List.of(), keys(index, "first"));
      index.refresh();
      assertEquals(1, index.size());
      assertEquals(List.of("a2020first"), keys(index, "first"));
    }
  }

  @Test
  void replaceSourceSwapsThatSourcesPapersOnRefresh() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(
          List.of(
              paper("old2020alpha", "Alpha Paper", "refs.bib"),
              paper("old2020beta", "Beta Paper", "refs.bib"),
              paper("other2020gamma", "Gamma Paper", "other.bib")));
      index.refresh();

      index.replaceSource(
          "refs.bib",
          List.of(
              paper("new2021alpha", "Alpha Paper Revised", "refs.bib"),
              paper("new2021delta", "Delta Paper", "refs.bib")));
      assertEquals(List.of("old2020alpha"), keys(index, "alpha"));

      index.refresh();
      assertEquals(List.of("new2021alpha"), keys(index, "alpha"));
      assertEquals(List.of(), keys(index, "beta"));
      assertEquals(List.of("new2021delta"), keys(index, "delta"));
      assertEquals(List.of("other2020gamma"), keys(index, "gamma"));
      assertEquals(3, index.size());
    }
  }

  @Test
  void replaceSourceFilesPapersUnderTheGivenSource() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.replaceSource("refs.bib", List.of(paper("a2020alpha", "Alpha", "elsewhere.bib")));
      index.replaceSource("refs.bib", List.of(paper("b2020beta", "Beta", "elsewhere.bib")));
      index.refresh();
      assertEquals(List.of("b2020beta"), keys(index, "a2020alpha b2020beta"));
    }
  }

  @Test
  void replaceSourceWithNothingDeletesTheSource() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(
          List.of(paper("a2020alpha", "Alpha", "refs.bib"), paper("b2020beta", "Beta", "x.bib")));
      index.replaceSource("refs.bib", List.of());
      index.refresh();
      assertEquals(1, index.size());
      assertEquals(List.of(), keys(index, "alpha"));
    }
  }

  @Test
  void clearDeletesEverything() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(SamplePapers.all());
      index.refresh();
      index.clear();
      index.refresh();
      assertEquals(0, index.size());
    }
  }

  @Test
  void reopenAfterCommitKeepsPapersAndCommitData() throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(Map.of(), index.commitData());
      index.addAll(SamplePapers.all());
      index.commit(Map.of("sample.bib", "size=1234;mtime=5678"));
      assertEquals(Map.of("sample.bib", "size=1234;mtime=5678"), index.commitData());
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(Map.of("sample.bib", "size=1234;mtime=5678"), index.commitData());
      assertEquals(SamplePapers.all().size(), index.size());
      assertEquals(List.of("xu2025fundamental", "xu2025learning"), keys(index, "xu2025"));
    }
  }

  @Test
  void closeWithoutCommitDiscardsWrites() throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addAll(List.of(paper("a2020alpha", "Alpha", "refs.bib")));
      index.commit(Map.of("refs.bib", "1"));
      index.clear();
      index.addAll(List.of(paper("b2020beta", "Beta", "refs.bib")));
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(Map.of("refs.bib", "1"), index.commitData());
      assertEquals(List.of("a2020alpha"), keys(index, "a2020alpha b2020beta"));
    }
  }

  @Test
  void commitReplacesThePreviousCommitData() throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.commit(Map.of("a", "1", "b", "2"));
      index.commit(Map.of("b", "3"));
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(Map.of("b", "3"), index.commitData());
    }
  }

  @Test
  void indexOfAnotherSchemaOpensEmptyForARebuild() throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addAll(SamplePapers.all());
      index.commit(Map.of("sample.bib", "1"));
    }
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(PaperIndex.SCHEMA_KEY, "0", "sample.bib", "1").entrySet());
      writer.commit();
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(Map.of(), index.commitData());
      assertEquals(0, index.size());
    }
  }

  @Test
  void schemaKeyIsReserved() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      assertThrows(
          IllegalArgumentException.class, () -> index.commit(Map.of(PaperIndex.SCHEMA_KEY, "0")));
    }
  }

  @Test
  void largeBatchIsIndexedCompletely() throws IOException {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      papers.add(paper("k" + i, "Paper number " + i, "big.json"));
    }
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(papers);
      index.refresh();
      assertEquals(5_000, index.size());
      assertEquals(List.of("k4321"), keys(index, "4321"));
    }
  }

  @Test
  void paperWithoutKeyIsRejected() {
    try (PaperIndex index = PaperIndex.inMemory()) {
      Paper unkeyed = paper("x", "Title", "refs.bib").toBuilder().key(null).build();
      assertThrows(IllegalArgumentException.class, () -> index.addAll(List.of(unkeyed)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Paper paper(String key, String title, String source) {
    return Paper.builder()
        .key(key)
        .title(title)
        .origin(new Origin(source, 1, SourceFormat.BIBTEX))
        .build();
  }

  private static List<String> keys(PaperIndex index, String text) throws IOException {
    return index.search(SearchQuery.of(text, 10)).stream().map(h -> h.paper().key()).toList();
  }
}
