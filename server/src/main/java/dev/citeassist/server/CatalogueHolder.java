package dev.citeassist.server;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.remote.ClusterSettings;
import dev.citeassist.remote.FailSoftCatalogue;
import dev.citeassist.remote.RemoteCatalogue;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.watchdog.Watchdog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the catalogue in the background so that {@code initialize} answers at once, and hands out
 * its index: a request waits for the first opening a bounded time, then goes on without it.
 * Reopened when its configuration changes or on request; while a new index is built (reported as
 * work-done progress) the previous one keeps answering and nobody waits for the build. When the
 * settings name a shared catalogue ({@link #useRemote}), that one is handed out instead, at once
 * (nothing is built here), failing soft: an unreachable cluster is reported once and answers as an
 * empty catalogue until it is back. Thread-safe.
 */
final class CatalogueHolder implements Supplier<CatalogueBackend>, Closeable {

  private static final Logger LOG = Logger.getLogger(CatalogueHolder.class.getName());
  // how long shutdown waits for a catalogue build in progress
  private static final long CLOSE_WAIT_SECONDS = 5;

  /** How often an unreachable shared catalogue is tried again. */
  private static final Duration PROBE_EVERY = Duration.ofSeconds(2);

  private final long waitMillis;
  private final Supplier<WorkDoneProgress> progress;
  // Its own thread: the common pool may be small (one thread on two cores) and busy.
  private final java.util.concurrent.ExecutorService opener =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "citeassist-catalogue");
            t.setDaemon(true);
            return t;
          });
  private volatile CatalogueConfig config;
  private volatile CompletableFuture<Catalogue> catalogue;
  // The last catalogue that opened: answers while a newer one is built.
  private volatile Catalogue previous;
  // The last opening whose failure was logged.
  private volatile CompletableFuture<Catalogue> reported;
  // A catalogue whose every checksum was verified when it opened: a failing search of it is not
  // the files' fault, and reopening it would only fail again.
  private volatile Catalogue verified;

  // The shared catalogue, when the settings name one; then it answers instead of the local one.
  private volatile FailSoftCatalogue remote;

  CatalogueHolder(long waitMillis) {
    this(waitMillis, () -> new WorkDoneProgress(null, ""));
  }

  /**
   * @param progress makes the progress reporter of one (re)opening
   */
  CatalogueHolder(long waitMillis, Supplier<WorkDoneProgress> progress) {
    this.waitMillis = waitMillis;
    this.progress = progress;
  }

  /** Opens the catalogue for {@code config} unless it is already open (or opening) for it. */
  void open(CatalogueConfig newConfig) {
    open(newConfig, false);
  }

  /**
   * Opens the catalogue for {@code config}; with {@code again}, even when it is open for it (the
   * index is rebuilt when a source changed since).
   *
   * @return completes when this opening is done
   */
  synchronized CompletableFuture<Catalogue> open(CatalogueConfig newConfig, boolean again) {
    return open(newConfig, again, false);
  }

  private synchronized CompletableFuture<Catalogue> open(
      CatalogueConfig newConfig, boolean again, boolean checksums) {
    if (!again && same(newConfig, config) && catalogue != null) {
      return catalogue;
    }
    config = newConfig;
    WorkDoneProgress task = progress.get();
    CompletableFuture<Catalogue> next =
        CompletableFuture.supplyAsync(
            () -> {
              long t0 = System.nanoTime();
              // A build of a large catalogue takes minutes; opening a snapshot, a second.
              try (Watchdog.Task watched =
                  Watchdog.global().watch("opening the catalogue", Duration.ofMinutes(15))) {
                Catalogue c;
                try {
                  c = Catalogue.open(newConfig, task, checksums);
                } catch (IOException first) {
                  // Another process may have put the same snapshot in place as this one finished
                  // (Linux reports "Directory not empty" as a plain FileSystemException): once
                  // more.
                  LOG.log(Level.INFO, "opening the catalogue failed; trying once more", first);
                  c = Catalogue.open(newConfig, task);
                }
                Catalogue opened = c;
                opened.repairs().forEach(r -> LOG.warning(r));
                if (checksums && opened.repairs().isEmpty()) {
                  verified = opened;
                }
                if (!opened.problems().isEmpty()) {
                  // a source missing or not a file, or records that could not be read
                  LOG.warning(
                      opened.problems().size()
                          + " problem(s) reading the catalogue sources, first: "
                          + opened.problems().subList(0, Math.min(5, opened.problems().size())));
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.info(() -> "catalogue open in " + ms + " ms (" + newConfig.cacheDir() + ")");
                task.done(opened.index().size() + " papers indexed in " + ms + " ms");
                return opened;
              } catch (IOException e) {
                task.done("the catalogue could not be built: " + e.getMessage());
                throw new java.io.UncheckedIOException(e);
              } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // the progress ends whatever went wrong; the previous catalogue keeps answering
                task.done("the catalogue could not be built: " + e.getMessage());
                throw e;
              }
            },
            opener);
    catalogue = next;
    next.thenAccept(
        c -> {
          Catalogue before = previous;
          previous = c;
          if (before != null && before != c) {
            closeQuietly(before);
          }
        });
    return next;
  }

  private static boolean same(CatalogueConfig a, CatalogueConfig b) {
    return b != null
        && a.cacheDir().equals(b.cacheDir())
        && a.sources().equals(b.sources())
        && a.keyPattern().toString().equals(b.keyPattern().toString());
  }

  /**
   * Searches the shared catalogue of {@code settings} from now on (unless it already does), telling
   * {@code say} once when it becomes unreachable and once when it is back.
   */
  synchronized void useRemote(ClusterSettings settings, Consumer<String> say) throws IOException {
    FailSoftCatalogue before = remote;
    if (before != null && before.settings().equals(settings)) {
      return;
    }
    remote = new FailSoftCatalogue(RemoteCatalogue.connect(settings), say, PROBE_EVERY);
    LOG.info(() -> "catalogue: the shared catalogue at " + settings.where());
    if (before != null) {
      before.close();
    }
  }

  /** The client's settings of a shared catalogue as the remote backend's. */
  static ClusterSettings clusterSettings(dev.citeassist.settings.RemoteCatalogueSettings r) {
    ClusterSettings c =
        ClusterSettings.parse(r.url()).withTimeout(Duration.ofMillis(r.timeoutMillis()));
    if (r.apiKey() != null) {
      c = c.withApiKey(r.apiKey());
    } else if (r.user() != null) {
      c = c.withBasicAuth(r.user(), r.password() == null ? "" : r.password());
    }
    return r.caCertificate() == null ? c : c.withCaCertificate(r.caCertificate());
  }

  /** Searches the local catalogue again (the shared one is let go). */
  synchronized void useLocal() {
    FailSoftCatalogue before = remote;
    remote = null;
    if (before != null) {
      before.close();
    }
  }

  /** The catalogue, waiting for the first opening at most the bound given at construction. */
  @Override
  public CatalogueBackend get() {
    return get(waitMillis);
  }

  /**
   * The catalogue, or null when there is none yet: the shared one when set, else the local index,
   * waiting for its first opening at most {@code budgetMillis} (a reopening never makes anyone
   * wait; the previous index answers).
   */
  CatalogueBackend get(long budgetMillis) {
    FailSoftCatalogue shared = remote;
    if (shared != null) {
      return shared;
    }
    CompletableFuture<Catalogue> c = catalogue;
    if (c == null) {
      return null;
    }
    Catalogue before = previous;
    if (!c.isDone() && before != null) {
      // Reopening: answer from the previous catalogue, never wait for the new one.
      return before.index();
    }
    try {
      Catalogue current = c.get(budgetMillis, TimeUnit.MILLISECONDS);
      if (current.failure() != null) {
        healIfDamaged(c, current);
      }
      return current.index();
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | RuntimeException e) {
      if (reported != c) {
        // once per opening, not on every request that asks for it
        reported = c;
        LOG.log(Level.WARNING, "the catalogue could not be opened", e);
      }
      return before == null ? null : before.index();
    }
  }

  /**
   * A search found the open catalogue's files damaged (changed or truncated on disk since it was
   * opened): logged once, and the catalogue is opened again with its checksums verified, which
   * rebuilds it; meanwhile the damaged one answers what it still can.
   */
  private synchronized void healIfDamaged(CompletableFuture<Catalogue> seen, Catalogue current) {
    String failure = current.failure();
    if (failure == null || catalogue != seen || current == verified) {
      return;
    }
    LOG.warning("the catalogue index is damaged (" + failure + "); rebuilding it");
    open(config, true, true);
  }

  private void closeQuietly(Catalogue c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the old catalogue failed", e);
    }
  }

  @Override
  public void close() {
    useLocal();
    CompletableFuture<Catalogue> c = catalogue;
    if (c != null) {
      c.thenAccept(this::closeQuietly);
    }
    opener.shutdown();
    // A build still running keeps writing into the cache folder; give it a moment to finish so
    // that the folder is left quiet at shutdown. A longer build is abandoned: the index swap is
    // atomic, so the next start finds the old catalogue or the new one, never a mix.
    try {
      if (!opener.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.info("the catalogue is still being built at shutdown; leaving it unfinished");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
