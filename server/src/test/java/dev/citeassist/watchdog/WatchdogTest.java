package dev.citeassist.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.fixture.Poll;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  private final ByteArrayOutputStream dumps = new ByteArrayOutputStream();
  private final Watchdog watchdog =
      new Watchdog(new PrintStream(dumps, true, StandardCharsets.UTF_8));

  private String dumped() {
    return dumps.toString(StandardCharsets.UTF_8);
  }

  @Test
  void taskPastItsBoundIsReportedOnceWithAThreadDump() {
    try (Watchdog.Task t = watchdog.watch("indexing refs.bib", Duration.ZERO)) {
      watchdog.check();
      watchdog.check();
      assertEquals(1, watchdog.reports());
      assertTrue(dumped().contains("'indexing refs.bib' has run for"), dumped());
      // The dump shows where the stuck thread is: here, in this test method.
      assertTrue(dumped().contains("taskPastItsBoundIsReportedOnceWithAThreadDump"), dumped());
    }
  }

  @Test
  void taskWithinItsBoundOrFinishedIsNotReported() {
    try (Watchdog.Task t = watchdog.watch("opening the catalogue", Duration.ofHours(1))) {
      watchdog.check();
    }
    Watchdog.Task done = watchdog.watch("diagnostics", Duration.ZERO);
    done.close();
    watchdog.check();
    assertEquals(0, watchdog.reports());
    assertEquals("", dumped());
  }

  @Test
  void deadlockIsReportedWithTheLocksInvolved() throws Exception {
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch bothHeld = new CountDownLatch(2);
    Thread one = new Thread(() -> cross(a, b, bothHeld), "deadlock-one");
    Thread two = new Thread(() -> cross(b, a, bothHeld), "deadlock-two");
    one.setDaemon(true);
    two.setDaemon(true);
    one.start();
    two.start();
    try {
      Poll.until(
          Duration.ofSeconds(30),
          "the two threads deadlocked",
          () -> ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null);
      watchdog.check();
      watchdog.check();
      assertEquals(1, watchdog.reports());
      assertTrue(dumped().contains("threads are deadlocked"), dumped());
      assertTrue(dumped().contains("\"deadlock-one\" WAITING"), dumped());
      assertTrue(dumped().contains("owned by \"deadlock-two\""), dumped());
    } finally {
      one.interrupt();
      two.interrupt();
      one.join(10_000);
      two.join(10_000);
    }
  }

  /** Holds {@code first}, then waits (interruptibly) for {@code second}. */
  private static void cross(ReentrantLock first, ReentrantLock second, CountDownLatch bothHeld) {
    first.lock();
    try {
      bothHeld.countDown();
      bothHeld.await();
      second.lockInterruptibly();
      second.unlock();
    } catch (InterruptedException e) {
      // The test ends the deadlock by interrupting both threads.
    } finally {
      first.unlock();
    }
  }
}
