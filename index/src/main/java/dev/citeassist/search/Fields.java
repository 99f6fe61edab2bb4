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
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
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
 * <p>No field has positions (no phrase queries are used) and none has term vectors; the whole paper
 * is stored once, as {@link #PAPER}.
 */
final class Fields {

  /** The stored paper (see {@link PaperCodec}); the only stored field. */
  static final String PAPER = "paper";

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

  /** Authors' family names (with particles), one value per author. */
  static final String FAMILY = "family";

  static final String FAMILY_PREFIX = "family.prefix";

  /** Authors' given names, one value per author. */
  static final String GIVEN = "given";

  static final String VENUE = "venue";
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

  private static final Analyzer WORDS = new FoldingAnalyzer(false, 0);
  private static final Analyzer WORD_PREFIXES = new FoldingAnalyzer(false, GRAMS);
  private static final Analyzer WHOLE = new FoldingAnalyzer(true, 0);
  private static final Analyzer WHOLE_PREFIXES = new FoldingAnalyzer(true, KEY_GRAMS);

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
          default -> WORDS;
        };
      }
    };
  }

  /** The folded words of {@code text}, as the text fields index them. */
  static List<String> words(String text) {
    return tokens(WORDS, LatexText.plain(text));
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
   * n-grams; the text has been through {@link LatexText#plain} before.
   */
  private static final class FoldingAnalyzer extends Analyzer {
    private final boolean whole;
    private final int grams;

    /** {@code grams}: how many leading n-grams of each token to emit instead of it (0: none). */
    FoldingAnalyzer(boolean whole, int grams) {
      this.whole = whole;
      this.grams = grams;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = whole ? new KeywordTokenizer() : new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      if (grams > 0) {
        // a whole key is kept beside its prefixes, for longer prefixes to expand to
        stream = new EdgeNGramTokenFilter(stream, 1, grams, whole);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
