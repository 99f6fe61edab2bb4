package dev.citeassist.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * A time budget for one search that never costs completeness below the page: scoring stops once the
 * deadline has passed <em>and</em> at least {@code needed} papers have been collected, so a slow
 * search (a cold JVM, a loaded machine) still fills its list, and only the ranking among many
 * matches of very common words may come from part of the index. Used by one search on one thread;
 * not thread-safe.
 */
final class ScoringBudget implements QueryTimeout {

  private final long deadline;
  private int needed;
  private int collected;

  ScoringBudget(long nanos) {
    this.deadline = System.nanoTime() + nanos;
  }

  @Override
  public boolean shouldExit() {
    return collected >= needed && System.nanoTime() - deadline > 0;
  }

  /** A collector of the top {@code n} hits that counts what it collects against this budget. */
  CollectorManager<FilterCollector, TopDocs> top(int n) {
    needed = n;
    collected = 0;
    TopScoreDocCollectorManager inner = new TopScoreDocCollectorManager(n, n);
    return new CollectorManager<>() {
      final List<TopScoreDocCollector> collectors = new ArrayList<>();

      @Override
      public FilterCollector newCollector() throws IOException {
        TopScoreDocCollector collector = inner.newCollector();
        collectors.add(collector);
        return new FilterCollector(collector) {
          @Override
          public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new FilterLeafCollector(super.getLeafCollector(context)) {
              @Override
              public void collect(int doc) throws IOException {
                collected++;
                super.collect(doc);
              }
            };
          }
        };
      }

      @Override
      public TopDocs reduce(Collection<FilterCollector> ignored) throws IOException {
        return inner.reduce(collectors);
      }
    };
  }
}
