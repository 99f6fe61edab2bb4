package dev.citeassist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * A typed prefix as its {@link #SIZE} most frequent completions in one field, scored as one term (a
 * {@link SynonymQuery}: frequencies summed, the document frequency of the most frequent), so that
 * {@code symm} scores a paper as if it held the word "symm…", rare completions do not outweigh
 * common ones, and block-max scoring still applies.
 *
 * <p>Lucene's top-terms rewrites keep the first terms in term order when boosts tie, as they do for
 * a prefix; this one ranks them by document frequency. It reads at most {@link #SCAN} terms a
 * segment from the prefix on (no automaton), which bounds the cost; the index gives prefixes of up
 * to {@link Fields#GRAMS} characters their own terms, so only longer prefixes, which have few
 * completions, come here.
 */
final class Completions extends Query {

  static final int SIZE = 10;
  static final int SCAN = 1024;

  private final String field;
  private final BytesRef prefix;

  Completions(String field, String prefix) {
    this.field = field;
    this.prefix = new BytesRef(prefix);
  }

  /** The field whose terms complete the prefix. */
  String field() {
    return field;
  }

  /** The typed prefix, folded. */
  String prefix() {
    return prefix.utf8ToString();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Map<BytesRef, Integer> docFreqs = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      BytesRef term = te.term();
      for (int read = 0;
          read < SCAN && term != null && StringHelper.startsWith(term, prefix);
          read++, term = te.next()) {
        int docFreq = te.docFreq();
        Integer before = docFreqs.get(term);
        if (before == null) {
          docFreqs.put(BytesRef.deepCopyOf(term), docFreq);
        } else {
          docFreqs.put(term, before + docFreq);
        }
      }
    }
    if (docFreqs.isEmpty()) {
      return new MatchNoDocsQuery("no completion");
    }
    List<Map.Entry<BytesRef, Integer>> ranked = new ArrayList<>(docFreqs.entrySet());
    ranked.sort(
        Map.Entry.<BytesRef, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
    for (Map.Entry<BytesRef, Integer> e : ranked.subList(0, Math.min(SIZE, ranked.size()))) {
      synonyms.addTerm(e.getKey(), 1f);
    }
    return synonyms.build();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String defaultField) {
    return (field.equals(defaultField) ? "" : field + ":") + prefix.utf8ToString() + "…";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && field.equals(((Completions) o).field)
        && prefix.equals(((Completions) o).prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, prefix);
  }
}
