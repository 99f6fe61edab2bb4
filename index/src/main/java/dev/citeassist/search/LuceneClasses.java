package dev.citeassist.search;

/**
 * Initialises Lucene's classes with circular static initialisers on the calling thread, once,
 * before any worker thread touches Lucene.
 *
 * <p>Why: in Lucene up to 10.3, {@code IndexWriter}, {@code ConcurrentMergeScheduler}, {@code
 * SegmentReader} and {@code FilterIndexInput} register with {@code TestSecrets} in their static
 * initialisers while {@code TestSecrets}' own initialiser forces those classes to load
 * (apache/lucene #12419, #15119, fixed by #15864). Two threads that first touch two of them at once
 * (the catalogue opening a {@code DirectoryReader} while a {@code .bib} gets an {@code
 * IndexWriter}) each hold one class-initialisation lock and wait for the other's: a JVM-level
 * deadlock that no timeout breaks. The Lucene in use has the upstream fix; initialising the classes
 * up front on one thread keeps the server safe against any such cycle whatever the version, at a
 * cost of a few milliseconds.
 *
 * <p>Thread-safe and idempotent: class initialisation happens once per class loader.
 */
public final class LuceneClasses {

  /** In the order a single thread may initialise them without waiting on another thread. */
  static final String[] CYCLE = {
    "org.apache.lucene.internal.tests.TestSecrets",
    "org.apache.lucene.index.ConcurrentMergeScheduler",
    "org.apache.lucene.index.SegmentReader",
    "org.apache.lucene.index.IndexWriter",
    "org.apache.lucene.index.IndexWriterConfig",
    "org.apache.lucene.store.FilterIndexInput",
    "org.apache.lucene.index.DirectoryReader",
    "org.apache.lucene.index.SegmentInfos",
  };

  private LuceneClasses() {}

  /**
   * Initialises the classes of {@link #CYCLE} on this thread. Call it before starting any thread
   * that uses Lucene.
   *
   * @throws IllegalStateException when Lucene is not on the class path (a broken installation)
   */
  public static void initialise() {
    ClassLoader loader = LuceneClasses.class.getClassLoader();
    for (String name : CYCLE) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException e) {
        // A class that a later Lucene renamed or dropped cannot take part in a cycle.
        if (name.startsWith("org.apache.lucene.index.IndexWriter")) {
          throw new IllegalStateException("Lucene is not on the class path: " + name, e);
        }
      }
    }
  }
}
