package dev.citeassist.search;

import java.util.List;

/**
 * A search query as plain data, translated from the Lucene query that {@link TypedQuery} or {@link
 * ContextQuery} builds (see {@link QueryPlans}), for a backend that does not run Lucene in this
 * process. Each node keeps the Lucene query's scoring meaning: a boost multiplies the node's score.
 */
public sealed interface QueryNode {

  /** One term of one field, scored by BM25. */
  record Term(String field, String text, float boost) implements QueryNode {}

  /** Papers matching {@code filter}, each scoring {@code score}. */
  record Constant(QueryNode filter, float score) implements QueryNode {}

  /** Terms starting with {@code prefix} (only inside {@link Constant}: it does not score). */
  record Prefix(String field, String prefix) implements QueryNode {}

  /**
   * Terms within {@code edits} of {@code text} (the first {@code prefixLength} characters exact),
   * the {@code maxExpansions} nearest, scored blended as Lucene's {@code FuzzyQuery} does.
   */
  record Fuzzy(
      String field,
      String text,
      int edits,
      int prefixLength,
      int maxExpansions,
      boolean transpositions,
      float boost)
      implements QueryNode {}

  /**
   * A typed prefix as its {@code size} completions in {@code field} with the most papers, scored as
   * one term whose document frequency is the largest of theirs (Lucene's {@code SynonymQuery}; see
   * {@code Completions}).
   */
  record Completion(String field, String prefix, int size, float boost) implements QueryNode {}

  /** The best-scoring of {@code queries}, plus {@code tieBreaker} times the others. */
  record DisMax(List<QueryNode> queries, float tieBreaker, float boost) implements QueryNode {}

  /**
   * All of {@code must} (scored), any of {@code should} (scored; at least one when {@code must} and
   * {@code filter} are empty), all of {@code filter} (not scored).
   */
  record Bool(List<QueryNode> must, List<QueryNode> should, List<QueryNode> filter, float boost)
      implements QueryNode {}

  /** An integer field within {@code from}..{@code to}, inclusive; not scored. */
  record Range(String field, int from, int to) implements QueryNode {}

  /** Matches nothing. */
  record None() implements QueryNode {}
}
