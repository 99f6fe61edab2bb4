package dev.citeassist.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What the user typed, as Lucene queries for search-as-you-type.
 *
 * <p>The text is split at white space into words. Each word must be found in one of the fields,
 * scored by the best field (a disjunction-max, so that a word present in both title and abstract is
 * not counted twice): key, title and authors' family names weigh most, given names and venue less,
 * the abstract least. The last word is a prefix (see {@link Fields} and {@link Completions}),
 * earlier words are whole terms, except against the key, which is always matched by prefix ({@code
 * xu2025} finds {@code xu2025fundamental}). A word of four digits is a year and matches only the
 * year; a last word of one to three digits may also be the start of a year. A word that is a DOI or
 * an arXiv id matches the paper that has it. A word of four letters or more, in {@link #any} only,
 * also matches family names within one edit (two from eight letters), at a lower weight, so that
 * {@code zdeborva} finds Zdeborová.
 *
 * <p>Every word should match: {@link #all} requires every word, exactly (or by prefix). When it
 * finds fewer papers than asked for, {@link #any} asks for at least one word, or a typo of it, and
 * fills the rest of the list, below all the papers that matched every word; BM25 ranks papers that
 * match more words higher within it. {@link #any} is null when it could find nothing more (one word
 * too short for typos). Keeping typos out of {@link #all} keeps the common case cheap: fuzzy
 * expansions are costly to score, and are needed only when exact matching falls short. Both are
 * restricted to the year range when one is given (papers without a year are then excluded).
 */
record TypedQuery(Query all, Query any) {

  static final float KEY_BOOST = 6;

  /** What a long key prefix scores: about what a short one does in a large catalogue. */
  static final float KEY_SCORE = 12;

  static final float TITLE_BOOST = 3;
  static final float FAMILY_BOOST = 4;
  static final float GIVEN_BOOST = 1.5f;
  static final float VENUE_BOOST = 1;
  static final float ABSTRACT_BOOST = 0.5f;
  static final float FUZZY_BOOST = 2;

  /** A year is a constant: the other words decide the ranking among papers of that year. */
  static final float YEAR_SCORE = 1;

  static final float IDENTIFIER_SCORE = 20;

  /**
   * A word scores by its best field only: with no tie-breaker, Lucene can skip the documents that
   * no field scores high enough for the top hits (block-max), which keeps short prefixes fast.
   */
  static final float TIE_BREAKER = 0;

  private static final Pattern YEAR = Pattern.compile("[12]\\d{3}");
  private static final Pattern YEAR_START = Pattern.compile("[12]\\d{0,2}");

  /** The queries for {@code query}, or null when it holds no searchable word. */
  static TypedQuery of(SearchQuery query) {
    if (query.text() == null) {
      return null;
    }
    String[] words = query.text().strip().split("\\s+");
    List<Query> exact = new ArrayList<>();
    List<Query> loose = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      Query clause = word(words[i], i == words.length - 1, false);
      if (clause != null) {
        exact.add(clause);
        loose.add(word(words[i], i == words.length - 1, true));
      }
    }
    if (exact.isEmpty()) {
      return null;
    }
    Query range = yearRange(query.fromYear(), query.toYear());
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    exact.forEach(c -> all.add(c, Occur.MUST));
    if (range != null) {
      all.add(range, Occur.FILTER);
    }
    if (exact.size() == 1 && exact.equals(loose)) {
      return new TypedQuery(all.build(), null);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    loose.forEach(c -> any.add(c, Occur.SHOULD));
    if (range != null) {
      any.add(range, Occur.FILTER);
    }
    return new TypedQuery(all.build(), any.build());
  }

  /** One typed word; {@code fuzzy}: also family names a typo away. */
  private static Query word(String raw, boolean last, boolean fuzzy) {
    String whole = Fields.whole(raw);
    if (whole.isEmpty()) {
      return null;
    }
    if (YEAR.matcher(whole).matches()) {
      return constant(new TermQuery(new Term(Fields.YEAR_TERM, whole)), YEAR_SCORE);
    }
    List<Query> alternatives = new ArrayList<>();
    alternatives.add(keyPrefix(whole));
    Set<String> ids = Identifiers.recognised(raw);
    for (String id : ids) {
      alternatives.add(constant(new TermQuery(new Term(Fields.IDENTIFIER, id)), IDENTIFIER_SCORE));
    }
    if (last && YEAR_START.matcher(whole).matches()) {
      alternatives.add(constant(new PrefixQuery(new Term(Fields.YEAR_TERM, whole)), YEAR_SCORE));
    }
    List<String> tokens = Fields.words(raw);
    if (tokens.size() == 1) {
      alternatives.addAll(token(tokens.get(0), last, fuzzy));
    } else if (tokens.size() > 1) {
      // "low-rank" is two words that must both match
      BooleanQuery.Builder each = new BooleanQuery.Builder();
      for (int i = 0; i < tokens.size(); i++) {
        boolean isPrefix = last && i == tokens.size() - 1;
        List<Query> fields = token(tokens.get(i), isPrefix, fuzzy);
        each.add(new DisjunctionMaxQuery(fields, TIE_BREAKER), Occur.MUST);
      }
      alternatives.add(each.build());
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** The fields where one folded token may be found. */
  private static List<Query> token(String token, boolean isPrefix, boolean fuzzy) {
    List<Query> fields = new ArrayList<>();
    if (isPrefix) {
      fields.add(prefix(Fields.TITLE_PREFIX, Fields.TITLE, token, TITLE_BOOST));
      fields.add(prefix(Fields.FAMILY_PREFIX, Fields.FAMILY, token, FAMILY_BOOST));
      if (token.length() > Fields.GRAMS) {
        // given names and venues have no twin: not worth the tokens for a prefix of 1-3 letters
        fields.add(prefix(null, Fields.GIVEN, token, GIVEN_BOOST));
        fields.add(prefix(null, Fields.VENUE, token, VENUE_BOOST));
      }
    } else {
      fields.add(term(Fields.TITLE, token, TITLE_BOOST));
      fields.add(term(Fields.FAMILY, token, FAMILY_BOOST));
      fields.add(term(Fields.GIVEN, token, GIVEN_BOOST));
      fields.add(term(Fields.VENUE, token, VENUE_BOOST));
    }
    // the abstract has no prefix twin: a finished word still counts
    fields.add(term(Fields.ABSTRACT, token, ABSTRACT_BOOST));
    int edits = token.length() >= 8 ? 2 : token.length() >= 4 ? 1 : 0;
    if (fuzzy && edits > 0 && token.chars().noneMatch(Character::isDigit)) {
      // prefix length 1: typos rarely hit the first letter, and it keeps the automaton small
      fields.add(
          new BoostQuery(
              new FuzzyQuery(new Term(Fields.FAMILY, token), edits, 1, 50, true), FUZZY_BOOST));
    }
    return fields;
  }

  /**
   * A prefix: one term of the twin field when it is that short, else its most frequent completions
   * in {@code field}.
   */
  private static Query prefix(String twin, String field, String prefix, float boost) {
    if (prefix.length() <= Fields.GRAMS) {
      return term(twin, prefix, boost);
    }
    return new BoostQuery(new Completions(field, prefix), boost);
  }

  /**
   * A key prefix: one term up to {@link Fields#KEY_GRAMS} characters, else every key that starts
   * with it (few by then), scored alike.
   */
  private static Query keyPrefix(String prefix) {
    if (prefix.length() <= Fields.KEY_GRAMS) {
      return term(Fields.KEY_PREFIX, prefix, KEY_BOOST);
    }
    return constant(new PrefixQuery(new Term(Fields.KEY_PREFIX, prefix)), KEY_SCORE);
  }

  private static Query term(String field, String text, float boost) {
    return new BoostQuery(new TermQuery(new Term(field, text)), boost);
  }

  private static Query constant(Query query, float score) {
    return new BoostQuery(new ConstantScoreQuery(query), score);
  }

  private static Query yearRange(Integer from, Integer to) {
    if (from == null && to == null) {
      return null;
    }
    return IntPoint.newRangeQuery(
        Fields.YEAR, from == null ? Integer.MIN_VALUE : from, to == null ? Integer.MAX_VALUE : to);
  }
}
