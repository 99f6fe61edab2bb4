package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the class-initialisation race behind the server's start-up hang (apache/lucene #12419,
 * #15119): each round loads Lucene afresh in its own class loader and lets several threads
 * initialise the classes of the cycle at the same instant, as the catalogue and {@code .bib}
 * threads do at start-up. A round whose threads do not all finish within seconds is a deadlock (the
 * threads stay stuck for good; they are daemons and leak with their loader).
 *
 * <p>{@code -Dciteassist.race.rounds=N} sets the rounds (default 60 per test); {@code
 * -Dciteassist.lucene.jar=/path/lucene-core-10.3.2.jar} runs the rounds against another Lucene:
 * with 10.3.2 the rounds without warm-up deadlock, those with {@link LuceneClasses} never.
 */
class LuceneClassInitRaceTest {

  private static final int ROUNDS = Integer.getInteger("citeassist.race.rounds", 60);

  /** The racing threads' first Lucene touch, as in the server: writer, merge scheduler, reader. */
  private static final List<String> RACERS =
      List.of(
          "org.apache.lucene.index.IndexWriter",
          "org.apache.lucene.index.ConcurrentMergeScheduler",
          "org.apache.lucene.index.SegmentReader",
          "org.apache.lucene.index.IndexWriterConfig",
          "org.apache.lucene.store.FilterIndexInput");

  @Test
  void classesInitialisedUpFrontNeverDeadlock() throws Exception {
    List<String> stuck = deadlocks(true);
    assertEquals(0, stuck.size(), () -> report(stuck, "after LuceneClasses.initialise"));
  }

  @Test
  void luceneInUseHasNoInitialisationCycle() throws Exception {
    List<String> stuck = deadlocks(false);
    assertEquals(0, stuck.size(), () -> report(stuck, "without warm-up"));
  }

  /** Runs the rounds and returns a description of each deadlocked one. */
  private static List<String> deadlocks(boolean warmUp) throws Exception {
    URL[] path = {lucene(), codeSource(LuceneClasses.class)};
    List<String> stuck = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      // Not closed: a deadlocked round's threads still hold classes of this loader.
      URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
      if (warmUp) {
        Class.forName(LuceneClasses.class.getName(), true, loader)
            .getMethod("initialise")
            .invoke(null);
      }
      List<String> order = new ArrayList<>(RACERS);
      // A different pairing each round: which class each thread reaches first matters.
      java.util.Collections.rotate(order, round % order.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (String name : order) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    go.await();
                    Class.forName(name, true, loader);
                  } catch (ReflectiveOperationException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                },
                "race-" + round + "-" + name.substring(name.lastIndexOf('.') + 1));
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
      go.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (Thread t : threads) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      List<String> alive = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
      if (!alive.isEmpty()) {
        stuck.add("round " + round + ": " + alive + " stuck");
      } else {
        loader.close();
      }
    }
    return stuck;
  }

  private static String report(List<String> stuck, String how) {
    return stuck.size()
        + " of "
        + ROUNDS
        + " rounds deadlocked "
        + how
        + ", first: "
        + stuck.subList(0, Math.min(3, stuck.size()));
  }

  private static URL lucene() throws Exception {
    String other = System.getProperty("citeassist.lucene.jar", "");
    return other.isBlank() ? codeSource(IndexWriter.class) : Path.of(other).toUri().toURL();
  }

  private static URL codeSource(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }
}
