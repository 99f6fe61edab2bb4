package dev.citeassist.search;

import java.util.ArrayList;
import java.util.List;
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
 * What the user typed, as Lucene queries for search-as-you-type, in three tiers.
 *
 * <p>The text is split at white space into words. The last word is a prefix (see {@link Fields} and
 * {@link Completions}), earlier words are whole terms, except against the key, which is always
 * matched by prefix ({@code xu2025} finds {@code xu2025fundamental}). A word of four digits is a
 * year and matches only the year; a last word of one to three digits may also be the start of a
 * year. A word that is a DOI or an arXiv id matches the paper that has it. Key, title and authors'
 * family names weigh most, given names and venue less, the abstract least. A title word also
 * matches by its stem ({@code symmetry} finds "Symmetries"), weighed below the same word as written
 * (see {@link Fields}); the last word too, so a finished word finds its other forms while a partial
 * one is still a prefix.
 *
 * <p>{@link #all}: every word must be found in the key, title, authors, venue or year (not the
 * abstract), each word scored by its best field. {@link #forgiving}, run only when {@link #all}
 * finds fewer papers than asked for: the same, except that a word may also be a misspelt family
 * name (see {@link #edits}), so that {@code zdeborva 2016} finds Zdeborová's 2016 paper before
 * anything else; null when no word is long enough to be misspelt. {@link #any}, run only when the
 * tiers above find fewer papers than asked for, fills the rest of the list below them: at least one
 * word (a year alone does not count) in any field including the abstract, or a misspelt family
 * name. Its clauses are one flat disjunction over (word, field) pairs, so BM25 ranks papers that
 * match more words, in more fields, higher.
 *
 * <p>Why this split: the abstract holds most of the index's postings and a common word is in most
 * abstracts, so requiring every word in any field including the abstract would make the conjunction
 * visit most of the index; fuzzy expansions are costly too, and are only built when no paper has
 * the name as typed. In the flat disjunction Lucene sets aside the low-scoring abstract clauses
 * once the top hits score above them (MaxScore), so the tiers stay fast at a million papers. All
 * are restricted to the year range when one is given (papers without a year are then excluded).
 */
record TypedQuery(Query all, Query forgiving, Query any) {

  static final float KEY_BOOST = 6;

  /** What a long key prefix scores: about what a short one does in a large catalogue. */
  static final float KEY_SCORE = 12;

  static final float TITLE_BOOST = 3;

  /**
   * Below {@link #TITLE_BOOST}: a stem's frequency is at least its form's, so exact stays first.
   */
  static final float TITLE_STEM_BOOST = 2;

  static final float FAMILY_BOOST = 4;

  /** Above {@link #FAMILY_BOOST}: the name a writer cites a paper by is its first author's. */
  static final float FIRST_FAMILY_BOOST = 5;

  static final float GIVEN_BOOST = 1.5f;
  static final float VENUE_BOOST = 1;
  static final float ABSTRACT_BOOST = 0.5f;
  static final float FUZZY_BOOST = 2;
  static final float FIRST_FUZZY_BOOST = 2.5f;

  /** A year is a constant: the other words decide the ranking among papers of that year. */
  static final float YEAR_SCORE = 1;

  static final float IDENTIFIER_SCORE = 20;

  /**
   * In {@link #all} a word scores by its best field only: with no tie-breaker Lucene can skip the
   * documents that no field scores high enough for the top hits (block-max).
   */
  static final float TIE_BREAKER = 0;

  private static final Pattern YEAR = Pattern.compile("[12]\\d{3}");
  private static final Pattern YEAR_START = Pattern.compile("[12]\\d{0,2}");

  /** The queries for {@code query}, or null when it holds no searchable word. */
  static TypedQuery of(SearchQuery query) {
    if (query.text() == null) {
      return null;
    }
    String[] raw = query.text().strip().split("\\s+");
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    BooleanQuery.Builder forgiving = new BooleanQuery.Builder();
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    BooleanQuery.Builder years = new BooleanQuery.Builder();
    boolean anyWord = false;
    boolean anyClause = false;
    boolean anyTypo = false;
    for (int i = 0; i < raw.length; i++) {
      boolean last = i == raw.length - 1;
      String whole = Fields.whole(raw[i]);
      if (whole.isEmpty()) {
        continue;
      }
      anyClause = true;
      if (YEAR.matcher(whole).matches()) {
        Query year = constant(new TermQuery(new Term(Fields.YEAR_TERM, whole)), YEAR_SCORE);
        all.add(year, Occur.MUST);
        forgiving.add(year, Occur.MUST);
        years.add(year, Occur.SHOULD);
        continue;
      }
      anyWord = true;
      List<Query> exact = new ArrayList<>();
      List<Query> loose = new ArrayList<>();
      exact.add(keyPrefix(whole));
      for (String id : Identifiers.recognised(raw[i])) {
        exact.add(constant(new TermQuery(new Term(Fields.IDENTIFIER, id)), IDENTIFIER_SCORE));
      }
      if (last && YEAR_START.matcher(whole).matches()) {
        exact.add(constant(new PrefixQuery(new Term(Fields.YEAR_TERM, whole)), YEAR_SCORE));
      }
      loose.addAll(exact);
      List<Query> typo = new ArrayList<>(exact);
      List<String> tokens = Fields.words(raw[i]);
      if (tokens.size() == 1) {
        String token = tokens.get(0);
        exact.addAll(strong(token, last));
        typo.addAll(strong(token, last));
        Query misspelt = misspeltName(token);
        if (misspelt != null) {
          typo.add(misspelt);
          anyTypo = true;
        }
      } else if (tokens.size() > 1) {
        // "low-rank" is two words that must both match
        BooleanQuery.Builder each = new BooleanQuery.Builder();
        BooleanQuery.Builder eachTypo = new BooleanQuery.Builder();
        for (int t = 0; t < tokens.size(); t++) {
          List<Query> fields = strong(tokens.get(t), last && t == tokens.size() - 1);
          each.add(new DisjunctionMaxQuery(fields, TIE_BREAKER), Occur.MUST);
          List<Query> typoFields = new ArrayList<>(fields);
          Query misspelt = misspeltName(tokens.get(t));
          if (misspelt != null) {
            typoFields.add(misspelt);
            anyTypo = true;
          }
          eachTypo.add(new DisjunctionMaxQuery(typoFields, TIE_BREAKER), Occur.MUST);
        }
        exact.add(each.build());
        typo.add(eachTypo.build());
      }
      for (int t = 0; t < tokens.size(); t++) {
        String token = tokens.get(t);
        loose.addAll(strong(token, last && t == tokens.size() - 1));
        loose.addAll(weak(token));
      }
      all.add(new DisjunctionMaxQuery(exact, TIE_BREAKER), Occur.MUST);
      forgiving.add(new DisjunctionMaxQuery(typo, TIE_BREAKER), Occur.MUST);
      loose.forEach(q -> words.add(q, Occur.SHOULD));
    }
    if (!anyClause) {
      return null;
    }
    Query range = yearRange(query.fromYear(), query.toYear());
    if (range != null) {
      all.add(range, Occur.FILTER);
      forgiving.add(range, Occur.FILTER);
    }
    if (!anyWord) {
      return new TypedQuery(all.build(), null, null);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
    any.add(years.build(), Occur.SHOULD);
    if (range != null) {
      any.add(range, Occur.FILTER);
    }
    return new TypedQuery(all.build(), anyTypo ? forgiving.build() : null, any.build());
  }

  /** The tiers in the order they fill a list (those that exist). */
  List<Query> tiers() {
    List<Query> tiers = new ArrayList<>(3);
    for (Query tier : new Query[] {all, forgiving, any}) {
      if (tier != null) {
        tiers.add(tier);
      }
    }
    return tiers;
  }

  /**
   * How many edits a typed family name of this length may be from the name: none up to two letters
   * (one edit from {@code xu} reaches {@code wu}, {@code hu}, {@code x}: most two-letter names);
   * one from three letters, because short names are common (Wang, Liu, Xie) and their slips are
   * real ({@code wng}, {@code xuu}; with none below five letters, as often proposed, a dropped
   * vowel in a four-letter name would find nothing); two from eight letters, where a long name is
   * as likely to carry two slips as a short one one, and two edits still reach few other names.
   * Exact matches rank first whatever this allows: they fill the first tier.
   */
  static int edits(String token) {
    return token.length() >= 8 ? 2 : token.length() >= 3 ? 1 : 0;
  }

  /**
   * Family names within {@link #edits} of {@code token}, transpositions counting as one edit (a
   * swap is the commonest slip), or null when the token is too short or holds digits. The first
   * letter must match: typos rarely hit it, and it keeps the automaton small.
   */
  private static Query misspeltName(String token) {
    int edits = edits(token);
    if (edits == 0 || token.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    return new DisjunctionMaxQuery(
        List.of(
            fuzzy(Fields.FAMILY, token, edits, FUZZY_BOOST),
            fuzzy(Fields.FIRST_FAMILY, token, edits, FIRST_FUZZY_BOOST)),
        TIE_BREAKER);
  }

  private static Query fuzzy(String field, String token, int edits, float boost) {
    return new BoostQuery(new FuzzyQuery(new Term(field, token), edits, 1, 50, true), boost);
  }

  /** Where a token counts in every tier: title (as written and by stem), authors, venue. */
  private static List<Query> strong(String token, boolean isPrefix) {
    List<Query> fields = new ArrayList<>();
    fields.add(term(Fields.TITLE_STEM, Fields.stem(token), TITLE_STEM_BOOST));
    if (isPrefix) {
      fields.add(prefix(Fields.TITLE_PREFIX, Fields.TITLE, token, TITLE_BOOST));
      fields.add(prefix(Fields.FAMILY_PREFIX, Fields.FAMILY, token, FAMILY_BOOST));
      if (token.length() > Fields.GRAMS) {
        // a prefix of one to three letters says too little of a name to prefer first authors
        fields.add(prefix(null, Fields.FIRST_FAMILY, token, FIRST_FAMILY_BOOST));
        // given names and venues have no twin: not worth the tokens for a prefix of 1-3 letters
        fields.add(prefix(null, Fields.GIVEN, token, GIVEN_BOOST));
        fields.add(prefix(null, Fields.VENUE, token, VENUE_BOOST));
      }
    } else {
      fields.add(term(Fields.TITLE, token, TITLE_BOOST));
      fields.add(term(Fields.FAMILY, token, FAMILY_BOOST));
      fields.add(term(Fields.FIRST_FAMILY, token, FIRST_FAMILY_BOOST));
      fields.add(term(Fields.GIVEN, token, GIVEN_BOOST));
      fields.add(term(Fields.VENUE, token, VENUE_BOOST));
    }
    return fields;
  }

  /** Where a token counts only when the strong fields fall short: abstract, typos of names. */
  private static List<Query> weak(String token) {
    List<Query> fields = new ArrayList<>();
    // the abstract has no prefix twin: a finished word still counts, in any of its forms
    fields.add(term(Fields.ABSTRACT, Fields.stem(token), ABSTRACT_BOOST));
    Query misspelt = misspeltName(token);
    if (misspelt != null) {
      fields.add(misspelt);
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
