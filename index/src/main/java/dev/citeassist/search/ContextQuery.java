package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words of the prose around a cursor, weighted, as a query for the papers it may cite: BM25
 * over title, abstract, keywords and authors' family names (a flat disjunction, so a paper that
 * matches more of the context, in more fields, ranks higher). Unlike {@link SearchQuery} nothing is
 * a prefix: the text is finished prose. Words are folded as the index folds them ({@link
 * Fields#words}); stop words (English, French, German) and numbers are dropped, since they say
 * nothing about a topic. Immutable.
 *
 * @param weights each folded word and its weight (the sum of the weights of the texts it came from)
 */
public record ContextQuery(Map<String, Float> weights) {

  /** Field boosts: a word in the title says most about what a paper is. */
  static final float TITLE_BOOST = 2;

  static final float KEYWORDS_BOOST = 1.5f;

  /** The stemmed title, in the typed search's proportion to the exact title (2 to 3). */
  static final float TITLE_STEM_BOOST =
      TITLE_BOOST * TypedQuery.TITLE_STEM_BOOST / TypedQuery.TITLE_BOOST;

  static final float FAMILY_BOOST = 1.5f;
  static final float ABSTRACT_BOOST = 1;

  /** More words than this add latency and little else: the heaviest ones are kept. */
  static final int MAX_WORDS = 48;

  private static final java.util.regex.Pattern COMMAND =
      java.util.regex.Pattern.compile(
          "\\\\(?!(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j|[uvHcdbkrt])(?![A-Za-z]))[A-Za-z]+\\*?");

  public ContextQuery {
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects texts with weights (the cursor's sentence weighs more than its neighbours). */
  public static final class Builder {
    private final Map<String, Float> weights = new LinkedHashMap<>();

    private Builder() {}

    /** Adds every useful word of {@code text} (LaTeX-written or plain) with {@code weight}. */
    public Builder add(String text, float weight) {
      if (text == null || text.isBlank() || weight <= 0) {
        return this;
      }
      // Command names (\emph, \cite) are markup, not words; accent commands stay for LatexText.
      String prose = text.indexOf('\\') < 0 ? text : COMMAND.matcher(text).replaceAll(" ");
      for (String w : Fields.words(prose)) {
        if (useful(w)) {
          weights.merge(w, weight, Float::sum);
        }
      }
      return this;
    }

    public ContextQuery build() {
      if (weights.size() <= MAX_WORDS) {
        return new ContextQuery(weights);
      }
      Map<String, Float> kept = new LinkedHashMap<>();
      weights.entrySet().stream()
          .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
          .limit(MAX_WORDS)
          .forEach(e -> kept.put(e.getKey(), e.getValue()));
      return new ContextQuery(kept);
    }
  }

  public boolean isEmpty() {
    return weights.isEmpty();
  }

  /** The words of this query that {@code paper} has in its title, abstract, keywords or authors. */
  public List<String> matched(Paper paper) {
    return matched(words(paper));
  }

  /** The words of this query among {@code words} (a paper's {@link #words}), weightiest first. */
  public List<String> matched(Set<String> words) {
    List<String> found = new ArrayList<>();
    weights.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
        .forEach(
            e -> {
              if (words.contains(e.getKey())) {
                found.add(e.getKey());
              }
            });
    return found;
  }

  /**
   * The folded words of a paper's title, indexed abstract, keywords and family names, for {@link
   * #matched(Set)}; a caller that asks often keeps them.
   */
  public static Set<String> words(Paper paper) {
    Set<String> words = new HashSet<>();
    if (paper.title() != null) {
      words.addAll(Fields.words(paper.title()));
    }
    if (paper.abstractText() != null) {
      words.addAll(
          Fields.words(PaperDocuments.leadingWords(paper.abstractText(), Fields.ABSTRACT_WORDS)));
    }
    String keywords = paper.fields().get("keywords");
    if (keywords != null) {
      words.addAll(Fields.words(keywords));
    }
    for (Person a : paper.authors()) {
      if (a.family() != null) {
        words.addAll(Fields.words(a.family()));
      }
    }
    return words;
  }

  /** The Lucene query, or null when no word is left. */
  Query toQuery() {
    if (weights.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      String w = e.getKey();
      float weight = e.getValue();
      // The abstract is indexed stemmed only, and a title also stemmed: prose says "filters"
      // where a title says "Filter". The exact title still counts more, as in the typed search.
      String stem = Fields.stem(w);
      any.add(boosted(Fields.TITLE, w, TITLE_BOOST * weight), Occur.SHOULD);
      any.add(boosted(Fields.TITLE_STEM, stem, TITLE_STEM_BOOST * weight), Occur.SHOULD);
      any.add(boosted(Fields.ABSTRACT, stem, ABSTRACT_BOOST * weight), Occur.SHOULD);
      any.add(boosted(Fields.KEYWORDS, w, KEYWORDS_BOOST * weight), Occur.SHOULD);
      any.add(boosted(Fields.FAMILY, w, FAMILY_BOOST * weight), Occur.SHOULD);
    }
    return any.build();
  }

  private static Query boosted(String field, String word, float boost) {
    return new BoostQuery(new TermQuery(new Term(field, word)), boost);
  }

  /** Whether a folded word can say something about a topic. */
  static boolean useful(String w) {
    if (w.length() < 3 || STOP.contains(w)) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Function words of English, French and German (the corpus has all three), and the words of
   * academic prose that name no topic. Folded (no accents), as {@link Fields#words} gives them.
   */
  static final Set<String> STOP =
      Set.copyOf(
          List.of(
              """
      the and for are but not you all any can had her was one our out has have him his how
      its may new now see two who did get let put say she too use that this with from they
      will would there their what about which when make like time just know take into year
      your some could them than then only come over also back after first well even want
      because these give most such where been were being does done each both more other same
      very many much should must might here those while between through during before under
      again further once why own off above below upon whose whom thus hence therefore however
      since although though whether either neither via within without among along across yet
      etc al e.g i.e cf ibid instead rather still already often always never usually several
      various given certain show shown shows showed used uses using based work works paper
      papers study studies approach approaches method methods result results propose proposed
      proposes present presented presents introduce introduced follow following follows
      recent recently previous previously prior example examples case cases way ways thesis
      chapter section figure table seen refer note noted called known described describe
      discussed discuss similar different second third three number large small good best
      better high low due able related e.g. i.e. et fig eq define defined definition
      les des une dans pour que qui est sont par sur pas plus avec aux ces ses son sa leur
      leurs mais comme ont elle elles ils nous vous cette cet celui celle dont entre sans
      sous tout tous toute toutes aussi donc ainsi peut faire fait etre avoir chez lors alors
      encore meme tres bien autre autres deux quand voir selon car puis ceux non oui ici
      der die das und den dem ein eine einer eines einem einen ist sind mit von auf fur nicht
      sich auch als wie bei aus nach oder zum zur wird werden dass uber
              """
                  .strip()
                  .split("\\s+")));
}
