package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

/**
 * The local schema ({@link Fields}) in plain terms, for a backend that indexes elsewhere: every
 * indexed field with how it is indexed, and a paper's analysed terms per field, computed by the
 * very document ({@link PaperDocuments}) and analyzers that the local index uses. A remote index
 * that stores these terms verbatim (one term per value, no analysis of its own) holds the same
 * postings, frequencies and (but for the prefix twins, see {@link #field}) norms as the local one,
 * so BM25 scores them alike. Stateless and thread-safe.
 */
public final class IndexSchema {

  /** The cite key, exact. */
  public static final String KEY = Fields.KEY;

  /** The source a paper was filed under. */
  public static final String SOURCE = Fields.SOURCE;

  /** Normalised DOIs and arXiv ids (see {@link QueryPlans#identifiers}). */
  public static final String IDENTIFIER = Fields.IDENTIFIER;

  /** The year as an integer, for ranges. */
  public static final String YEAR = Fields.YEAR;

  /** How a field's terms are indexed. */
  public enum Indexing {
    /** Frequencies and norms: scored by BM25 with term frequency and length. */
    FREQS_AND_NORMS,
    /** Presence and norms. */
    DOCS_AND_NORMS,
    /** Presence only. */
    DOCS
  }

  /**
   * One indexed text field.
   *
   * @param completable whether a typed prefix is completed from its terms ({@link Completions}): a
   *     remote index keeps its terms countable (doc values) for that
   */
  public record Field(String name, Indexing indexing, boolean completable) {}

  private static final Analyzer ANALYZER = Fields.indexAnalyzer();

  private IndexSchema() {}

  /**
   * The schema's version: a remote index built with another one must be rebuilt (it is part of the
   * remote index's name).
   */
  public static String version() {
    return PaperIndex.SCHEMA_VERSION;
  }

  /**
   * Every field a paper's terms go into (besides the integer {@link #YEAR}), as the local index
   * defines it. The prefix twins hold each word's first letters at the word's position locally, so
   * their lengths count words; a remote index without positions counts the prefixes, a difference
   * that BM25's length normalisation all but cancels (both the length and the average grow).
   */
  public static List<Field> fields() {
    return List.of(
        field(Fields.KEY, StringField.TYPE_NOT_STORED, false),
        field(Fields.KEY_PREFIX, Fields.KEY_PREFIXES, false),
        field(Fields.SOURCE, StringField.TYPE_NOT_STORED, false),
        field(Fields.IDENTIFIER, StringField.TYPE_NOT_STORED, false),
        field(Fields.YEAR_TERM, StringField.TYPE_NOT_STORED, false),
        field(Fields.TITLE, Fields.TEXT, true),
        field(Fields.TITLE_PREFIX, Fields.PREFIXES, false),
        field(Fields.TITLE_STEM, Fields.TEXT, false),
        field(Fields.FAMILY, Fields.TEXT, true),
        field(Fields.FAMILY_PREFIX, Fields.PREFIXES, false),
        field(Fields.FIRST_FAMILY, Fields.TEXT, true),
        field(Fields.GIVEN, Fields.TEXT, true),
        field(Fields.VENUE, Fields.TEXT, true),
        field(Fields.ABSTRACT, Fields.TEXT, false),
        field(Fields.KEYWORDS, Fields.TEXT, false));
  }

  private static Field field(String name, FieldType type, boolean completable) {
    Indexing indexing =
        type.indexOptions() == IndexOptions.DOCS_AND_FREQS
            ? Indexing.FREQS_AND_NORMS
            : type.omitNorms() ? Indexing.DOCS : Indexing.DOCS_AND_NORMS;
    return new Field(name, indexing, completable);
  }

  /**
   * The terms of each indexed field of {@code paper} filed under {@code source} (may be null), in
   * the order the local index receives them: exactly what {@link PaperIndex} would index.
   */
  public static Map<String, List<String>> terms(Paper paper, String source) {
    Document doc = PaperDocuments.toDocument(paper, source);
    Map<String, List<String>> terms = new LinkedHashMap<>();
    for (IndexableField f : doc) {
      if (f.fieldType().indexOptions() == IndexOptions.NONE) {
        continue; // the stored paper, the year's point and the key's doc values
      }
      List<String> out = terms.computeIfAbsent(f.name(), n -> new ArrayList<>());
      try (TokenStream ts = f.tokenStream(ANALYZER, null)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          out.add(term.toString());
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysing a string cannot fail", e);
      }
    }
    return terms;
  }

  /** The stored form of a paper (compact JSON, UTF-8), as the local index stores it. */
  public static byte[] encode(Paper paper) {
    return PaperCodec.encode(paper);
  }

  /** The paper of {@link #encode}'s bytes. */
  public static Paper decode(byte[] json) {
    return PaperCodec.decode(json, 0, json.length);
  }
}
