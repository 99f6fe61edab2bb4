package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The committed catalogue shards of one catalogue (one index per source, see {@link
 * PaperIndex#add(ShardEntry)}), opened read-only for deciding duplicates and keys across sources:
 * walks of their identity and key terms in sorted order, and the few records those walks name.
 * Nothing per record is held on the heap. {@link #record} and {@link #contains} may be called from
 * several threads; a {@link #scan} belongs to its thread. Close it after use.
 */
public final class ShardSet implements Closeable {

  /** Terms sort as Lucene sorts them: by their UTF-8 bytes. */
  public static final Comparator<String> TERM_ORDER =
      Comparator.comparing(s -> new BytesRef(s), BytesRef::compareTo);

  /** A document of shard {@code shard} (its position in the set). */
  public record DocRef(int shard, int doc) {}

  /**
   * A shard's record, see {@link ShardEntry}; {@code rawStored} tells whether {@code raw} was
   * stored apart from {@code paper}.
   */
  public record ShardRecord(Paper paper, Paper raw, long ordinal, boolean rawStored) {}

  /** Told of each term found often enough by {@link #scan}. */
  @FunctionalInterface
  public interface TermVisitor {
    void term(String term, List<DocRef> docs) throws IOException;
  }

  private final List<FSDirectory> directories = new ArrayList<>();
  private final List<DirectoryReader> readers = new ArrayList<>();

  private ShardSet() {}

  /** Opens the shards in this order. */
  public static ShardSet open(List<Path> shards) throws IOException {
    ShardSet set = new ShardSet();
    try {
      for (Path shard : shards) {
        // read through the page cache, not mapped: a build walks whole shards once and its
        // resident memory should not grow with them (searches map them, see PaperIndex)
        FSDirectory directory = new org.apache.lucene.store.NIOFSDirectory(shard);
        set.directories.add(directory);
        set.readers.add(DirectoryReader.open(directory));
      }
      return set;
    } catch (IOException | RuntimeException e) {
      set.close();
      throw e;
    }
  }

  public int size() {
    return readers.size();
  }

  /** The number of documents of shard {@code shard} (doc ids are below it). */
  public int maxDoc(int shard) {
    return readers.get(shard).maxDoc();
  }

  /**
   * Walks the terms of {@code field} over every shard in sorted order ({@link #TERM_ORDER}), merged
   * with the sorted {@code extra} terms (term to count, held by the caller), and tells {@code
   * visitor} of each term with at least {@code minCount} occurrences: live shard documents not in
   * {@code hidden} (one set per shard, or null) plus its count in {@code extra}. Costs a walk of
   * the term dictionaries; postings are read only for terms that occur at least {@code minCount}
   * times.
   */
  public void scan(
      ShardField field,
      NavigableMap<String, Integer> extra,
      List<BitSet> hidden,
      int minCount,
      TermVisitor visitor)
      throws IOException {
    record Cursor(int shard, int leaf, TermsEnum terms, LeafReaderContext context) {}
    PriorityQueue<Cursor> queue =
        new PriorityQueue<>(
            (a, b) -> {
              try {
                return a.terms().term().compareTo(b.terms().term());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    for (int s = 0; s < readers.size(); s++) {
      List<LeafReaderContext> leaves = readers.get(s).leaves();
      for (int l = 0; l < leaves.size(); l++) {
        Terms terms = leaves.get(l).reader().terms(field.field);
        if (terms != null) {
          TermsEnum e = terms.iterator();
          if (e.next() != null) {
            queue.add(new Cursor(s, l, e, leaves.get(l)));
          }
        }
      }
    }
    Iterator<java.util.Map.Entry<String, Integer>> more = extra.entrySet().iterator();
    java.util.Map.Entry<String, Integer> nextExtra = more.hasNext() ? more.next() : null;
    BytesRef nextExtraBytes = nextExtra == null ? null : new BytesRef(nextExtra.getKey());
    List<Cursor> same = new ArrayList<>();
    PostingsEnum postings = null;
    while (!queue.isEmpty() || nextExtra != null) {
      BytesRef term;
      if (queue.isEmpty()
          || (nextExtraBytes != null
              && nextExtraBytes.compareTo(queue.peek().terms().term()) < 0)) {
        term = nextExtraBytes;
      } else {
        term = BytesRef.deepCopyOf(queue.peek().terms().term());
      }
      same.clear();
      int count = 0;
      while (!queue.isEmpty() && queue.peek().terms().term().equals(term)) {
        Cursor c = queue.poll();
        same.add(c);
        count += c.terms().docFreq();
      }
      String text = null;
      if (nextExtraBytes != null && nextExtraBytes.equals(term)) {
        count += nextExtra.getValue();
        text = nextExtra.getKey();
        nextExtra = more.hasNext() ? more.next() : null;
        nextExtraBytes = nextExtra == null ? null : new BytesRef(nextExtra.getKey());
      }
      // document frequencies count deleted documents too (a shard replaces the documents whose
      // keys it suffixes): an upper bound, checked before any postings are read
      if (count >= minCount) {
        List<DocRef> docs = new ArrayList<>();
        int visible = count;
        for (Cursor c : same) {
          visible -= c.terms().docFreq();
          postings = c.terms().postings(postings, PostingsEnum.NONE);
          BitSet hide = hidden == null ? null : hidden.get(c.shard());
          org.apache.lucene.util.Bits live = c.context().reader().getLiveDocs();
          for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
            int doc = c.context().docBase + d;
            if ((live == null || live.get(d)) && (hide == null || !hide.get(doc))) {
              docs.add(new DocRef(c.shard(), doc));
              visible++;
            }
          }
        }
        if (visible >= minCount) {
          visitor.term(text != null ? text : term.utf8ToString(), docs);
        }
      }
      for (Cursor c : same) {
        if (c.terms().next() != null) {
          queue.add(c);
        }
      }
    }
  }

  /** Whether any shard has {@code term} in {@code field}. */
  public boolean contains(ShardField field, String term) throws IOException {
    BytesRef bytes = new BytesRef(term);
    for (DirectoryReader reader : readers) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field.field);
        if (terms != null && terms.iterator().seekExact(bytes)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The stored record of one document. */
  public ShardRecord record(DocRef ref) throws IOException {
    StoredFields stored = readers.get(ref.shard()).storedFields();
    Document doc = stored.document(ref.doc());
    BytesRef paperBytes = doc.getBinaryValue(Fields.PAPER);
    Paper paper = PaperCodec.decode(paperBytes.bytes, paperBytes.offset, paperBytes.length);
    BytesRef rawBytes = doc.getBinaryValue(Fields.SHARD_RAW);
    Paper raw;
    if (rawBytes != null) {
      raw = PaperCodec.decode(rawBytes.bytes, rawBytes.offset, rawBytes.length);
    } else {
      raw = paper.toBuilder().key(doc.get(Fields.PRESET_KEY)).build();
    }
    long ordinal = doc.getField(Fields.SHARD_ORDINAL).numericValue().longValue();
    return new ShardRecord(paper, raw, ordinal, rawBytes != null);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (java.io.Closeable c : readers) {
      try {
        c.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    for (java.io.Closeable c : directories) {
      try {
        c.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
