package dev.citeassist.search;

import java.util.BitSet;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A segment of a catalogue shard with some documents hidden from searches (they are in the main
 * index in another form). Holds one bit per document of the segment. Closing it leaves the segment
 * open: the shard's own reader owns it.
 */
final class HiddenDocs extends FilterLeafReader {

  private final FixedBitSet live;
  private final int numDocs;

  private HiddenDocs(LeafReader in, FixedBitSet live) {
    super(in);
    this.live = live;
    this.numDocs = live.cardinality();
  }

  /**
   * {@code leaf} less the documents of {@code hidden} (doc ids of the shard, from {@code base}).
   */
  static LeafReader wrap(LeafReader leaf, int base, BitSet hidden) {
    FixedBitSet live = new FixedBitSet(leaf.maxDoc());
    Bits own = leaf.getLiveDocs();
    for (int d = 0; d < leaf.maxDoc(); d++) {
      if ((own == null || own.get(d)) && !hidden.get(base + d)) {
        live.set(d);
      }
    }
    return new HiddenDocs(leaf, live);
  }

  @Override
  public Bits getLiveDocs() {
    return live;
  }

  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  protected void doClose() {
    // the shard's DirectoryReader closes the segment
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return in.getCoreCacheHelper();
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null; // its live documents differ from the segment's
  }
}
