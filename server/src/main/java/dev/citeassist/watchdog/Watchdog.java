package dev.citeassist.watchdog;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Watches the server's background work so that a hang is seen, not guessed. Each background task
 * (opening the catalogue, indexing a {@code .bib}, a diagnostics run) runs inside {@link
 * #watch(String, Duration)} with a bound far beyond its normal time; a task still running past its
 * bound is logged once, and a JVM-level deadlock among any threads is logged once, each with a
 * thread dump written to stderr (never to stdout, which belongs to JSON-RPC; the client's log gets
 * one line). Nothing is interrupted: the watchdog reports, the requests themselves never wait on
 * background work without a bound of their own.
 *
 * <p>One per process, as the thread dump it takes: {@link #global()}. Checks every {@link #PERIOD}
 * on a daemon thread started at the first watched task. Thread-safe.
 */
public final class Watchdog {

  private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());

  static final Duration PERIOD = Duration.ofSeconds(1);

  private static final Watchdog GLOBAL = new Watchdog(System.err);

  /** A watched task; closing it ends the watch. */
  public interface Task extends AutoCloseable {
    @Override
    void close();
  }

  private record Running(String name, Thread thread, long startNanos, long boundNanos) {}

  private final PrintStream dumps;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private final Set<Running> reported = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean deadlockReported = new AtomicBoolean();
  private volatile int reports;

  /**
   * @param dumps where thread dumps go (stderr)
   */
  Watchdog(PrintStream dumps) {
    this.dumps = dumps;
  }

  /** The process's watchdog. */
  public static Watchdog global() {
    return GLOBAL;
  }

  /**
   * Watches the calling thread's task until the returned handle is closed.
   *
   * @param name what the task does, for a person reading the log ("indexing refs.bib")
   * @param bound how long the task may take before it counts as stuck
   */
  public Task watch(String name, Duration bound) {
    startChecking();
    Running r = new Running(name, Thread.currentThread(), System.nanoTime(), bound.toNanos());
    running.add(r);
    return () -> {
      running.remove(r);
      reported.remove(r);
    };
  }

  /** How many stuck tasks or deadlocks were reported so far. */
  public int reports() {
    return reports;
  }

  private void startChecking() {
    if (started.compareAndSet(false, true)) {
      ScheduledExecutorService checker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "citeassist-watchdog");
                t.setDaemon(true);
                return t;
              });
      checker.scheduleWithFixedDelay(
          this::checkSafely, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // The watchdog must outlive whatever it watches.
      LOG.warning("watchdog check failed: " + e);
    }
  }

  /** Reports tasks past their bound and a deadlock, each once. */
  void check() {
    long now = System.nanoTime();
    for (Running r : running) {
      if (now - r.startNanos() > r.boundNanos() && reported.add(r)) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - r.startNanos());
        report(
            "'"
                + r.name()
                + "' has run for "
                + seconds
                + " s on thread "
                + r.thread().getName()
                + " (expected under "
                + TimeUnit.NANOSECONDS.toSeconds(r.boundNanos())
                + " s); it may be stuck");
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = threads.findDeadlockedThreads();
    if (deadlocked != null && deadlockReported.compareAndSet(false, true)) {
      report(deadlocked.length + " threads are deadlocked");
    }
  }

  private void report(String what) {
    reports++;
    LOG.severe("CiteAssist: " + what + "; a thread dump follows on stderr. Please report it.");
    dumps.println("citeassist: " + what + ". Thread dump:");
    dumps.print(threadDump());
    dumps.flush();
  }

  /** Every thread's stack with the locks it holds and waits for. */
  static String threadDump() {
    StringBuilder b = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      b.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        b.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        b.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      b.append('\n');
      // ThreadInfo.toString() cuts the stack at 8 frames; the whole stack is what a bug needs.
      for (StackTraceElement e : info.getStackTrace()) {
        b.append("\tat ").append(e).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
