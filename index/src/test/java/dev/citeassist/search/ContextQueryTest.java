package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suggestions from prose: which words count, and what BM25 over the context ranks first. */
class ContextQueryTest {

  @Test
  void keepsTopicWordsAndDropsStopWordsNumbersAndShortWords() {
    ContextQuery q =
        ContextQuery.builder()
            .add("In 2021, we show that the Kalman filter is used for tracking of a target", 1)
            .build();
    assertEquals(
        List.of("kalman", "filter", "tracking", "target"), List.copyOf(q.weights().keySet()));
  }

  @Test
  void weightsAddUpOverTexts() {
    ContextQuery q =
        ContextQuery.builder()
            .add("symmetry breaking", 1)
            .add("Symmetry in \\emph{networks}", 0.5f)
            .build();
    assertEquals(Map.of("symmetry", 1.5f, "breaking", 1f, "networks", 0.5f), q.weights());
  }

  @Test
  void emptyContextFindsNothing() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(SamplePapers.all());
      index.refresh();
      ContextQuery q = ContextQuery.builder().add("the and of, 1999", 1).build();
      assertTrue(q.isEmpty());
      assertEquals(List.of(), index.search(q, 10));
    }
  }

  @Test
  void ranksThePaperTheSentenceIsAboutFirstAndSaysWhichWordsMatched() throws IOException {
    try (PaperIndex index = PaperIndex.inMemory()) {
      index.addAll(SamplePapers.all());
      Paper keyworded =
          Paper.builder()
              .key("doe2020sensor")
              .title("A note on sensors")
              .authors(List.of(new Person("Jane", "Doe")))
              .fields(Map.of("keywords", "unknown noise, covariance estimation"))
              .build();
      index.addAll(List.of(keyworded));
      index.refresh();
      ContextQuery q =
          ContextQuery.builder()
              .add(
                  "Tracking a target when the noise statistics are unknown calls for Kalman filtering",
                  1)
              .build();
      List<SearchHit> hits = index.search(q, 5);
      assertEquals("symeonidis2019kalman", hits.get(0).paper().key());
      assertEquals(
          List.of("tracking", "target", "noise", "statistics", "unknown", "kalman", "filtering")
              .stream()
              .filter(w -> hits.get(0).paper().title().toLowerCase().contains(w))
              .toList(),
          q.matched(hits.get(0).paper()));
      ContextQuery byKeyword = ContextQuery.builder().add("covariance estimation", 1).build();
      assertEquals("doe2020sensor", index.search(byKeyword, 1).get(0).paper().key());
      assertEquals(List.of("covariance", "estimation"), byKeyword.matched(keyworded));
    }
  }
}
