package dev.citeassist.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopTermsRewrite;

/**
 * The queries of the local index as {@link QueryNode} trees, for a remote backend: translated from
 * the very Lucene queries that {@link PaperIndex} runs, so both backends search the same terms with
 * the same boosts by construction. Stateless.
 */
public final class QueryPlans {

  private QueryPlans() {}

  /**
   * The tiers of a typed search ({@link TypedQuery}: all words, all words with misspelt names, any
   * word), in the order they fill a list; empty when the text holds no searchable word.
   */
  public static List<QueryNode> typed(SearchQuery query) {
    TypedQuery typed = TypedQuery.of(query);
    if (typed == null) {
      return List.of();
    }
    List<QueryNode> tiers = new ArrayList<>();
    for (Query tier : typed.tiers()) {
      tiers.add(node(tier, 1));
    }
    return tiers;
  }

  /** The query of a context search, or null when it has no word. */
  public static QueryNode context(ContextQuery query) {
    Query q = query.toQuery();
    return q == null ? null : node(q, 1);
  }

  /** The terms of {@link IndexSchema#IDENTIFIER} that a DOI or arXiv id stands for. */
  public static Set<String> identifiers(String doiOrArxivId) {
    return Identifiers.of(doiOrArxivId);
  }

  /** The longest list a search returns, whatever it is asked for (as {@link PaperIndex}). */
  public static int maxLimit() {
    return PaperIndex.MAX_LIMIT;
  }

  static QueryNode node(Query query, float boost) {
    return switch (query) {
      case BoostQuery b -> node(b.getQuery(), boost * b.getBoost());
      case ConstantScoreQuery c -> new QueryNode.Constant(node(c.getQuery(), 1), boost);
      case TermQuery t -> new QueryNode.Term(t.getTerm().field(), t.getTerm().text(), boost);
      case PrefixQuery p -> new QueryNode.Prefix(p.getField(), p.getPrefix().text());
      case FuzzyQuery f ->
          new QueryNode.Fuzzy(
              f.getField(),
              f.getTerm().text(),
              f.getMaxEdits(),
              f.getPrefixLength(),
              expansions(f.getRewriteMethod()),
              f.getTranspositions(),
              boost);
      case Completions c ->
          new QueryNode.Completion(c.field(), c.prefix(), Completions.SIZE, boost);
      case DisjunctionMaxQuery d -> {
        List<QueryNode> queries = new ArrayList<>();
        d.getDisjuncts().forEach(q -> queries.add(node(q, 1)));
        yield new QueryNode.DisMax(queries, d.getTieBreakerMultiplier(), boost);
      }
      case BooleanQuery b -> bool(b, boost);
      case PointRangeQuery r -> range(r);
      default ->
          throw new IllegalArgumentException(
              "no remote form for " + query.getClass().getSimpleName() + ": " + query);
    };
  }

  private static QueryNode bool(BooleanQuery b, float boost) {
    if (b.getMinimumNumberShouldMatch() > 1) {
      throw new IllegalArgumentException("minimumNumberShouldMatch is not translated: " + b);
    }
    List<QueryNode> must = new ArrayList<>();
    List<QueryNode> should = new ArrayList<>();
    List<QueryNode> filter = new ArrayList<>();
    for (BooleanClause clause : b.clauses()) {
      // an empty boolean query matches nothing in Lucene (and everything elsewhere): left out
      if (clause.query() instanceof BooleanQuery inner && inner.clauses().isEmpty()) {
        if (clause.occur() == BooleanClause.Occur.MUST
            || clause.occur() == BooleanClause.Occur.FILTER) {
          return new QueryNode.None();
        }
        continue;
      }
      QueryNode node = node(clause.query(), 1);
      switch (clause.occur()) {
        case MUST -> must.add(node);
        case SHOULD -> should.add(node);
        case FILTER -> filter.add(node);
        case MUST_NOT -> throw new IllegalArgumentException("MUST_NOT is not translated: " + b);
      }
    }
    if (must.isEmpty() && should.isEmpty() && filter.isEmpty()) {
      return new QueryNode.None();
    }
    return new QueryNode.Bool(List.copyOf(must), List.copyOf(should), List.copyOf(filter), boost);
  }

  /** An integer range of one dimension (the year's). */
  private static QueryNode range(PointRangeQuery r) {
    if (r.getNumDims() != 1 || r.getBytesPerDim() != Integer.BYTES) {
      throw new IllegalArgumentException("no remote form for " + r);
    }
    return new QueryNode.Range(
        r.getField(),
        IntPoint.decodeDimension(r.getLowerPoint(), 0),
        IntPoint.decodeDimension(r.getUpperPoint(), 0));
  }

  private static int expansions(MultiTermQuery.RewriteMethod rewrite) {
    if (rewrite instanceof TopTermsRewrite<?> top) {
      return top.getSize();
    }
    throw new IllegalArgumentException("a fuzzy query without a top-terms rewrite: " + rewrite);
  }
}
