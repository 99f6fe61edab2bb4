package dev.citeassist.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The index schema, defined once for writing ({@link PaperDocuments}) and searching ({@link
 * TypedQuery}): field names, how each is indexed, and the analyzers.
 *
 * <p>Every text is folded the same way: LaTeX markup stripped ({@link LatexText}), Unicode word
 * boundaries, lower case, ASCII folding, so that {@code Zdeborová}, {@code Zdeborov{\'a}} and
 * {@code zdeborova} are one term.
 *
 * <p>Search-as-you-type needs the last typed token to be a prefix. A prefix of more than {@link
 * #GRAMS} characters has few completions, which {@link Completions} expands cheaply; a shorter one
 * ("s", "sy") would expand to thousands of terms, so the fields a short prefix is looked up in
 * (key, title, family names) have a {@code .prefix} twin holding the first one to {@link #GRAMS}
 * characters of each word, where such a prefix is one term. The twins add about a fifth to the
 * tokens of a typical paper; the abstract, two thirds of them, has no twin. Measured at a million
 * papers: a one-letter prefix costs under a millisecond.
 *
 * <p>The abstract is indexed only up to its first {@link #ABSTRACT_WORDS} words (it is stored whole
 * in {@link #PAPER}, for hover and BibTeX). It is the weakest field: it counts only in the fallback
 * tier of {@link TypedQuery}, below every paper that matched all words in key, title, authors or
 * venue, so what it adds is the topic of a paper, which its first sentences state. Cut there, it
 * holds a third of the postings it would hold whole (arXiv abstracts run to about 150 words) and
 * indexing costs about a quarter less CPU (measured on 200,000 generated arXiv records: 14.4 s
 * instead of 17 to 21 s); see {@code index/BENCHMARKS.md}.
 *
 * <p>Titles and abstracts are also matched by stem, so that {@code symmetry} finds "Symmetries" and
 * {@code regularized networks} finds "Regularizing Network…". The title keeps its exact words and
 * has a stemmed twin, {@link #TITLE_STEM}, which {@link TypedQuery} weighs below the exact field: a
 * stem is at least as frequent as any of its forms, so the exact form always scores higher. The
 * abstract is indexed stemmed only: it counts only in the fallback tier, where exact-form priority
 * decides little, and a second abstract field would double the largest postings of the index.
 * Family and given names, keys and venues are never stemmed ({@code Adams} is not {@code Adam}).
 *
 * <p>The stemmer is Krovetz's (Lucene's {@link KStemFilter}), a light inflectional stemmer: it
 * removes plural, {@code -ed} and {@code -ing} endings and a few derivational ones ({@code
 * -ization}), and only when the result is a word of its dictionary, so it leaves {@code physics},
 * {@code bias}, {@code news}, {@code dynamics} alone and keeps {@code learning} and {@code
 * training} (nouns in their own right). Porter conflates far more ({@code general}, {@code
 * generalization} and {@code generalize} are one stem; so are {@code universe} and {@code
 * university}), which a known-item search pays for in precision; the minimal S-stemmer handles only
 * plurals and mangles {@code analysis}, {@code series} and {@code bias}. Neither Krovetz nor the
 * others know the Latin and Greek plurals of science ({@code matrices}, {@code vertices}, {@code
 * analyses}), which {@link #IRREGULAR_PLURALS} maps first. Words of {@code symmetric} stay apart
 * from {@code symmetry}: a symmetric matrix is not a paper about symmetry; a prefix reaches both.
 *
 * <p>No field has positions (no phrase queries are used) and none has term vectors; the whole paper
 * is stored once, as {@link #PAPER}.
 */
final class Fields {

  /** The stored paper (see {@link PaperCodec}); the only stored field. */
  static final String PAPER = "paper";

  /**
   * Catalogue shards only (see {@link ShardEntry}): the record's position in its source, stored, so
   * that duplicates merge in reading order whatever order the shard's documents were written in.
   */
  static final String SHARD_ORDINAL = "shard.ordinal";

  /** Catalogue shards only: the record as read, stored when it differs from {@link #PAPER}. */
  static final String SHARD_RAW = "shard.raw";

  /** Catalogue shards only: the record's position as a term, to replace its document by. */
  static final String SHARD_ID = "shard.id";

  /** Catalogue shards only: the identity terms duplicates are found by (see {@link ShardField}). */
  static final String SAME_DOI = "same.doi";

  static final String SAME_ARXIV = "same.arxiv";
  static final String SAME_TITLE = "same.title";

  /** Catalogue shards only: the key the pattern gives the record, before any suffix. */
  static final String BASE_KEY = "key.base";

  /** Catalogue shards only: a key the source itself gave (a BibTeX key), which is never changed. */
  static final String PRESET_KEY = "key.preset";

  /** The cite key exactly as given (case-sensitive), for {@code byKey}. */
  static final String KEY = "key";

  /**
   * The folded, lower-cased key as one token, with its first one to {@link #KEY_GRAMS} characters.
   * Keys are unique, so frequencies cannot rank their completions: key prefixes get terms up to the
   * length where few keys remain ({@code zhang2021} is nine characters).
   */
  static final String KEY_PREFIX = "key.prefix";

  /** The origin source, for {@code replaceSource}. */
  static final String SOURCE = "source";

  /** Normalised DOIs and arXiv ids (see {@link Identifiers}). */
  static final String IDENTIFIER = "identifier";

  /** The year as a point, for ranges. */
  static final String YEAR = "year";

  /** The year as a term ("2021"), so that a typed year matches exactly rather than as text. */
  static final String YEAR_TERM = "year.term";

  static final String TITLE = "title";
  static final String TITLE_PREFIX = "title.prefix";

  /** The title's stems (see the class comment), weighed below {@link #TITLE}. */
  static final String TITLE_STEM = "title.stem";

  /** Authors' family names (with particles), one value per author. */
  static final String FAMILY = "family";

  static final String FAMILY_PREFIX = "family.prefix";

  /**
   * The first author's family name again: "Liao 2020" means the paper Liao et al. wrote, so the
   * first author weighs more than a co-author of the same name (see {@link TypedQuery}).
   */
  static final String FIRST_FAMILY = "family.first";

  /** Authors' given names, one value per author. */
  static final String GIVEN = "given";

  static final String VENUE = "venue";

  /** The abstract's leading words, stemmed (see {@link #stems}). */
  static final String ABSTRACT = "abstract";

  /**
   * A BibTeX entry's {@code keywords} field, for suggestions from context ({@link ContextQuery}).
   */
  static final String KEYWORDS = "keywords";

  /** How many leading words of the abstract are indexed (white-space separated). */
  static final int ABSTRACT_WORDS = 64;

  /** Longest prefix indexed as a term in the twins; longer ones are expanded at search time. */
  static final int GRAMS = 3;

  /** Longest key prefix indexed as a term; longer ones match all their completions. */
  static final int KEY_GRAMS = 10;

  /** Tokenized words with frequencies and norms (BM25), no positions. */
  static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS, false);

  /** Prefix n-grams: a prefix rarely repeats in one field, so no frequencies; norms kept. */
  static final FieldType PREFIXES = textType(IndexOptions.DOCS, false);

  /** Key n-grams: one key per paper, so norms say nothing. */
  static final FieldType KEY_PREFIXES = textType(IndexOptions.DOCS, true);

  /**
   * Plurals of science that no English stemmer knows, mapped to their singular before stemming.
   * Only forms that are not also another English word ({@code bases}, {@code axes} are left out).
   */
  static final List<String> IRREGULAR_PLURALS =
      List.of(
          "matrices=matrix",
          "vertices=vertex",
          "indices=index",
          "simplices=simplex",
          "appendices=appendix",
          "analyses=analysis",
          "hypotheses=hypothesis",
          "syntheses=synthesis",
          "theses=thesis",
          "parentheses=parenthesis",
          "criteria=criterion",
          "phenomena=phenomenon",
          "spectra=spectrum",
          "maxima=maximum",
          "minima=minimum",
          "optima=optimum",
          "extrema=extremum",
          "formulae=formula",
          "lemmata=lemma",
          "schemata=schema",
          "nuclei=nucleus",
          "radii=radius",
          "loci=locus",
          "stimuli=stimulus");

  private static final StemmerOverrideMap OVERRIDES = overrides();

  private static final Analyzer WORDS = new FoldingAnalyzer(false, 0, false);
  private static final Analyzer WORD_PREFIXES = new FoldingAnalyzer(false, GRAMS, false);
  private static final Analyzer STEMS = new FoldingAnalyzer(false, 0, true);
  private static final Analyzer WHOLE = new FoldingAnalyzer(true, 0, false);
  private static final Analyzer WHOLE_PREFIXES = new FoldingAnalyzer(true, KEY_GRAMS, false);

  private Fields() {}

  /** The analyzer for IndexWriter: words for text fields, n-grams for the prefix twins. */
  static Analyzer indexAnalyzer() {
    // a switch rather than PerFieldAnalyzerWrapper's map: it is asked several times per field
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return switch (fieldName) {
          case KEY_PREFIX -> WHOLE_PREFIXES;
          case TITLE_PREFIX, FAMILY_PREFIX -> WORD_PREFIXES;
          case TITLE_STEM, ABSTRACT -> STEMS;
          default -> WORDS;
        };
      }
    };
  }

  /** The folded words of {@code text}, as the text fields index them. */
  static List<String> words(String text) {
    return tokens(WORDS, LatexText.plain(text));
  }

  /**
   * The folded, stemmed words of {@code text}, as {@link #TITLE_STEM} and {@link #ABSTRACT} index
   * them; one for each of {@link #words}, in the same order.
   */
  static List<String> stems(String text) {
    return tokens(STEMS, LatexText.plain(text));
  }

  /** The stem of one folded word (as {@link #words} gives it). */
  static String stem(String word) {
    List<String> tokens = tokens(STEMS, word);
    return tokens.size() == 1 ? tokens.get(0) : word;
  }

  /** {@code text} folded as one token, as {@link #KEY_PREFIX} holds a key; may be empty. */
  static String whole(String text) {
    List<String> tokens = tokens(WHOLE, LatexText.plain(text).strip());
    return tokens.isEmpty() ? "" : tokens.get(0);
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(TITLE, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 0) {
          out.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return out;
  }

  private static StemmerOverrideMap overrides() {
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    for (String pair : IRREGULAR_PLURALS) {
      int eq = pair.indexOf('=');
      builder.add(pair.substring(0, eq), pair.substring(eq + 1));
    }
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("building a map in memory cannot fail", e);
    }
  }

  private static FieldType textType(IndexOptions options, boolean omitNorms) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(options);
    type.setOmitNorms(omitNorms);
    type.freeze();
    return type;
  }

  /**
   * Words (or the whole text as one token), lower case, ASCII folding, and optionally leading
   * n-grams or stems; the text has been through {@link LatexText#plain} before.
   */
  private static final class FoldingAnalyzer extends Analyzer {
    private final boolean whole;
    private final int grams;
    private final boolean stem;

    /**
     * {@code grams}: how many leading n-grams of each token to emit instead of it (0: none); {@code
     * stem}: each token replaced by its stem.
     */
    FoldingAnalyzer(boolean whole, int grams, boolean stem) {
      this.whole = whole;
      this.grams = grams;
      this.stem = stem;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = whole ? new KeywordTokenizer() : new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      if (grams > 0) {
        // a whole key is kept beside its prefixes, for longer prefixes to expand to
        stream = new EdgeNGramTokenFilter(stream, 1, grams, whole);
      }
      if (stem) {
        // the override marks its words as keywords, which KStem then leaves alone
        stream = new KStemFilter(new StemmerOverrideFilter(stream, OVERRIDES));
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
