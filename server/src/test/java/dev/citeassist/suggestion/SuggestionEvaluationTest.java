package dev.citeassist.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.suggestion.SuggestionEvaluation.Corpus;
import dev.citeassist.suggestion.SuggestionEvaluation.Scores;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of {@code server/EVALUATION.md} on one small held-out project of the corpus: the
 * suggestions beat plain BM25 of the sentence and the order completion had before. Skipped without
 * the corpus.
 */
class SuggestionEvaluationTest {

  @Test
  void contextAwareSuggestionsBeatPlainBm25OnAHeldOutThesis() throws Exception {
    var corpus = SuggestionEvaluation.defaultCorpus();
    Assumptions.assumeTrue(
        Files.isDirectory(corpus.resolve("thammegowda-dissertation")), "no corpus at " + corpus);
    Corpus thesis =
        new Corpus("thammegowda-dissertation", List.of("thammegowda-dissertation/main1.tex"));
    Map<String, Scores> s =
        new SuggestionEvaluation(corpus)
            .evaluate(thesis, SuggestionEvaluation.methods(Suggester.Weights.DEFAULT));
    Scores context = s.get("context");
    // every method scored the same citations
    assertEquals(Set.of(context.keys), Set.copyOf(s.values().stream().map(x -> x.keys).toList()));
    assertTrue(context.keys > 200, "keys scored: " + context.keys);
    assertTrue(
        context.recall10() > s.get("bm25").recall10(),
        context.recall10() + " vs BM25 " + s.get("bm25").recall10());
    assertTrue(context.mrr() > s.get("bm25").mrr(), context.mrr() + " vs " + s.get("bm25").mrr());
    assertTrue(context.recall10() > s.get("today").recall10());
  }

  @Test
  void aKeyRanksAmongTheOtherEntriesOnlyNotTheOtherKeysOfItsCitation() {
    List<String> ranking = List.of("x", "b", "y", "a");
    assertEquals(3, SuggestionEvaluation.rank(ranking, "a", Set.of("a", "b")));
    assertEquals(2, SuggestionEvaluation.rank(ranking, "b", Set.of("a", "b")));
    assertEquals(Integer.MAX_VALUE, SuggestionEvaluation.rank(ranking, "z", Set.of("z")));
  }
}
