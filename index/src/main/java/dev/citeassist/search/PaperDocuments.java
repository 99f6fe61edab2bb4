package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

/**
 * Converts between {@link Paper} and the Lucene document of the schema in {@link Fields}: what is
 * indexed for search, and the one stored field from which the paper is rebuilt. Stateless.
 */
final class PaperDocuments {

  private PaperDocuments() {}

  /**
   * The document of {@code paper}, filed under {@code source} (which {@code replaceSource} deletes
   * by); {@code source} may be null for a paper that belongs to none.
   */
  static Document toDocument(Paper paper, String source) {
    if (paper.key() == null || paper.key().isBlank()) {
      throw new IllegalArgumentException("a paper needs a key to be indexed: " + paper.title());
    }
    Document doc = new Document();
    doc.add(new StoredField(Fields.PAPER, PaperCodec.encode(paper)));
    doc.add(new StringField(Fields.KEY, paper.key(), Field.Store.NO));
    // read by searchKeys without decoding the stored paper
    doc.add(new SortedDocValuesField(Fields.KEY, new BytesRef(paper.key())));
    doc.add(new Field(Fields.KEY_PREFIX, LatexText.plain(paper.key()), Fields.KEY_PREFIXES));
    if (source != null) {
      doc.add(new StringField(Fields.SOURCE, source, Field.Store.NO));
    }
    for (String id : identifiers(paper)) {
      doc.add(new StringField(Fields.IDENTIFIER, id, Field.Store.NO));
    }
    if (paper.year() != null) {
      doc.add(new IntPoint(Fields.YEAR, paper.year()));
      doc.add(new StringField(Fields.YEAR_TERM, paper.year().toString(), Field.Store.NO));
    }
    addText(doc, Fields.TITLE, Fields.TITLE_PREFIX, Fields.TITLE_STEM, paper.title());
    if (!paper.authors().isEmpty()) {
      addText(doc, Fields.FIRST_FAMILY, null, null, paper.authors().get(0).family());
    }
    for (Person author : paper.authors()) {
      addText(doc, Fields.FAMILY, Fields.FAMILY_PREFIX, null, author.family());
      addText(doc, Fields.GIVEN, null, null, author.given());
    }
    addText(doc, Fields.VENUE, null, null, paper.venue());
    addText(
        doc,
        Fields.ABSTRACT,
        null,
        null,
        leadingWords(paper.abstractText(), Fields.ABSTRACT_WORDS));
    addText(doc, Fields.KEYWORDS, null, null, paper.fields().get("keywords"));
    return doc;
  }

  /**
   * The document of a catalogue shard's record: {@link #toDocument(Paper, String)} of its paper,
   * its identity terms, base or preset key, position in the source and, when it differs, the record
   * as read. The extra stored fields come after {@link Fields#PAPER}, so loading a hit still stops
   * at the paper.
   */
  static Document toDocument(ShardEntry entry) {
    Paper paper = entry.paper();
    Document doc = toDocument(paper, paper.origin() == null ? null : paper.origin().source());
    doc.add(new StoredField(Fields.SHARD_ORDINAL, entry.ordinal()));
    doc.add(new StringField(Fields.SHARD_ID, Long.toString(entry.ordinal()), Field.Store.NO));
    if (entry.raw() != null) {
      doc.add(new StoredField(Fields.SHARD_RAW, PaperCodec.encode(entry.raw())));
    }
    addTerm(doc, Fields.SAME_DOI, entry.doi(), Field.Store.NO);
    addTerm(doc, Fields.SAME_ARXIV, entry.arxivId(), Field.Store.NO);
    addTerm(doc, Fields.SAME_TITLE, entry.title(), Field.Store.NO);
    addTerm(doc, Fields.BASE_KEY, entry.baseKey(), Field.Store.NO);
    // stored: it tells that the record's own key is this one (see ShardSet.record)
    addTerm(doc, Fields.PRESET_KEY, entry.presetKey(), Field.Store.YES);
    return doc;
  }

  private static void addTerm(Document doc, String field, String term, Field.Store store) {
    if (term != null && !term.isEmpty()) {
      doc.add(new StringField(field, term, store));
    }
  }

  /** The paper stored in document {@code docId}. */
  static Paper paper(StoredFields stored, int docId) throws IOException {
    PaperVisitor visitor = new PaperVisitor();
    stored.document(docId, visitor);
    if (visitor.paper == null) {
      throw new IllegalStateException("document " + docId + " has no stored paper");
    }
    return visitor.paper;
  }

  /**
   * The first {@code words} words of {@code text}, a word being a run of characters other than
   * white space (null stays null); {@code text} itself when it has no more.
   */
  static String leadingWords(String text, int words) {
    if (text == null || text.length() <= words) {
      return text;
    }
    int seen = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c <= ' ' || (c >= 0x80 && Character.isWhitespace(c));
      if (!space && !inWord && ++seen > words) {
        return text.substring(0, i);
      }
      inWord = !space;
    }
    return text;
  }

  /** {@code text} in {@code field} and, when not null, its prefix and stem twins. */
  private static void addText(
      Document doc, String field, String prefixField, String stemField, String text) {
    if (text != null && !text.isEmpty()) {
      String plain = LatexText.plain(text);
      doc.add(new Field(field, plain, Fields.TEXT));
      if (prefixField != null) {
        doc.add(new Field(prefixField, plain, Fields.PREFIXES));
      }
      if (stemField != null) {
        doc.add(new Field(stemField, plain, Fields.TEXT));
      }
    }
  }

  private static Set<String> identifiers(Paper paper) {
    Set<String> ids = new LinkedHashSet<>();
    ids.addAll(Identifiers.of(paper.doi()));
    ids.addAll(Identifiers.of(paper.arxivId()));
    // a source that gives only a link to the paper still lets the paper be found by its id
    ids.addAll(Identifiers.recognised(paper.url()));
    return ids;
  }

  /** Reads the one stored field and stops. */
  private static final class PaperVisitor extends StoredFieldVisitor {
    Paper paper;

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      if (paper != null) {
        return Status.STOP;
      }
      return Fields.PAPER.equals(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, byte[] value) {
      paper = PaperCodec.decode(value, 0, value.length);
    }
  }
}
