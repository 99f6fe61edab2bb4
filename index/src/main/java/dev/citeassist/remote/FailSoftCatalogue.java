package dev.citeassist.remote;

import dev.citeassist.paper.Paper;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A remote catalogue for the language server, which must keep answering: when the cluster cannot be
 * reached (or has no catalogue), the failure is reported once through {@code onChange}, and every
 * call answers at once as an empty catalogue (so completion serves the project's own entries)
 * instead of waiting on the cluster again. A daemon thread probes the cluster every {@code
 * probeEvery}; when it answers, that is reported once and calls go to it again. Errors that are the
 * query's own (a 400) are thrown as before. Thread-safe.
 */
public final class FailSoftCatalogue implements CatalogueBackend {

  private final RemoteCatalogue remote;
  private final Consumer<String> onChange;
  private final Duration probeEvery;
  private final Object lock = new Object();
  private volatile String down;
  private Thread prober;
  private volatile boolean closed;

  /**
   * @param onChange told, once per change, "… unreachable …" when the cluster goes away and "…
   *     reachable again …" when it is back
   */
  public FailSoftCatalogue(RemoteCatalogue remote, Consumer<String> onChange, Duration probeEvery) {
    this.remote = remote;
    this.onChange = onChange;
    this.probeEvery = probeEvery;
  }

  /** Where the catalogue is. */
  public ClusterSettings settings() {
    return remote.settings();
  }

  /** Why the cluster is not used now, or null when it is. */
  public String down() {
    return down;
  }

  /** One call to the cluster. */
  private interface Call<T> {
    T run() throws IOException;
  }

  private <T> T guarded(Call<T> call, T whenDown) throws IOException {
    if (down != null) {
      return whenDown;
    }
    try {
      return call.run();
    } catch (ClusterException e) {
      if (e.unreachable()
          || e.status() == 404
          || e.status() >= 500
          || e.status() == 401
          || e.status() == 403) {
        wentDown(e.getMessage());
        return whenDown;
      }
      throw e;
    }
  }

  private void wentDown(String why) {
    synchronized (lock) {
      if (down != null || closed) {
        return;
      }
      down = why;
      prober = Thread.ofPlatform().daemon().name("citeassist-cluster-probe").start(this::probe);
    }
    onChange.accept(
        "The shared catalogue is unreachable; completing from the project's own entries until it"
            + " is back. "
            + why);
  }

  /** Tries the cluster until it answers, then lets calls through again. */
  private void probe() {
    while (!closed) {
      try {
        Thread.sleep(probeEvery.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      try {
        remote.size();
      } catch (IOException e) {
        continue;
      }
      synchronized (lock) {
        down = null;
        prober = null;
      }
      onChange.accept(
          "The shared catalogue at " + remote.settings().where() + " is reachable again.");
      return;
    }
  }

  @Override
  public List<SearchHit> search(SearchQuery query) throws IOException {
    return guarded(() -> remote.search(query), List.of());
  }

  @Override
  public List<SearchHit> search(ContextQuery query, int limit) throws IOException {
    return guarded(() -> remote.search(query, limit), List.of());
  }

  @Override
  public Optional<Paper> byKey(String key) throws IOException {
    return guarded(() -> remote.byKey(key), Optional.empty());
  }

  @Override
  public List<Paper> byIdentifier(String doiOrArxivId) throws IOException {
    return guarded(() -> remote.byIdentifier(doiOrArxivId), List.of());
  }

  @Override
  public int size() throws IOException {
    return guarded(remote::size, 0);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (prober != null) {
        prober.interrupt();
      }
    }
    remote.close();
  }
}
