package dev.citeassist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Rewrites a prefix query to its {@code size} most frequent completions, scored as one term (a
 * {@link SynonymQuery}: frequencies summed, document frequency of the most frequent), so that
 * {@code symm} scores a paper as if it contained the word "symm…" once per completion, rare
 * completions do not outweigh common ones, and block-max scoring still applies.
 *
 * <p>Lucene's top-terms rewrites keep the first terms in term order when the boosts tie, as they
 * do for a prefix; this one ranks them by document frequency. At most {@code scan} terms are read
 * per segment, which bounds the cost of a short prefix; the index gives prefixes of up to {@link
 * Fields#GRAMS} characters their own terms, so only longer prefixes, with few completions, come
 * here.
 */
final class FrequentTermsRewrite extends MultiTermQuery.RewriteMethod {

  private final int size;
  private final int scan;

  FrequentTermsRewrite(int size, int scan) {
    this.size = size;
    this.scan = scan;
  }

  @Override
  public Query rewrite(IndexSearcher searcher, MultiTermQuery query) throws IOException {
    Map<BytesRef, Integer> docFreqs = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(query.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum completions = getTermsEnum(query, terms, null);
      int read = 0;
      for (BytesRef term; read < scan && (term = completions.next()) != null; read++) {
        int docFreq = completions.docFreq();
        Integer before = docFreqs.get(term);
        if (before == null) {
          docFreqs.put(BytesRef.deepCopyOf(term), docFreq);
        } else {
          docFreqs.put(term, before + docFreq);
        }
      }
    }
    if (docFreqs.isEmpty()) {
      return new MatchNoDocsQuery("no completion of " + query);
    }
    List<Map.Entry<BytesRef, Integer>> ranked = new ArrayList<>(docFreqs.entrySet());
    ranked.sort(
        Map.Entry.<BytesRef, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    SynonymQuery.Builder synonyms = new SynonymQuery.Builder(query.getField());
    for (Map.Entry<BytesRef, Integer> e : ranked.subList(0, Math.min(size, ranked.size()))) {
      synonyms.addTerm(e.getKey(), 1f);
    }
    return synonyms.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrequentTermsRewrite other && other.size == size && other.scan == scan;
  }

  @Override
  public int hashCode() {
    return 31 * size + scan;
  }
}
