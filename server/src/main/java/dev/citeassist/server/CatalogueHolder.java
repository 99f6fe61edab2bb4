package dev.citeassist.server;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.search.PaperIndex;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the catalogue in the background so that {@code initialize} answers at once, and hands out
 * its index: a request waits for it a bounded time, then goes on without it. Reopened when its
 * configuration changes. Thread-safe.
 */
final class CatalogueHolder implements Supplier<PaperIndex>, Closeable {

  private static final Logger LOG = Logger.getLogger(CatalogueHolder.class.getName());

  private final long waitMillis;
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

  CatalogueHolder(long waitMillis) {
    this.waitMillis = waitMillis;
  }

  /** Opens the catalogue for {@code config} unless it is already open (or opening) for it. */
  synchronized void open(CatalogueConfig newConfig) {
    if (newConfig.equals(config) && catalogue != null) {
      return;
    }
    CompletableFuture<Catalogue> old = catalogue;
    config = newConfig;
    catalogue =
        CompletableFuture.supplyAsync(
            () -> {
              long t0 = System.nanoTime();
              try {
                Catalogue c = Catalogue.open(newConfig);
                LOG.info(
                    () ->
                        "catalogue open in "
                            + (System.nanoTime() - t0) / 1_000_000
                            + " ms ("
                            + newConfig.cacheDir()
                            + ")");
                return c;
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            opener);
    if (old != null) {
      old.thenAccept(this::closeQuietly);
    }
  }

  @Override
  public PaperIndex get() {
    CompletableFuture<Catalogue> c = catalogue;
    if (c == null) {
      return null;
    }
    try {
      return c.get(waitMillis, TimeUnit.MILLISECONDS).index();
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | RuntimeException e) {
      LOG.log(Level.WARNING, "the catalogue could not be opened", e);
      return null;
    }
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
    CompletableFuture<Catalogue> c = catalogue;
    if (c != null) {
      c.thenAccept(this::closeQuietly);
    }
    opener.shutdown();
  }
}
