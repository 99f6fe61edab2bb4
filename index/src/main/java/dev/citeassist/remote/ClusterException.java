package dev.citeassist.remote;

import java.io.IOException;

/**
 * A call to the cluster that failed: {@link #status()} is the HTTP status of the answer, or 0 when
 * no node answered in time (unreachable, refused, timed out).
 */
public final class ClusterException extends IOException {

  private final int status;

  ClusterException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when no node answered. */
  public int status() {
    return status;
  }

  /** Whether no node answered: the cluster is down or cannot be reached from here. */
  public boolean unreachable() {
    return status == 0;
  }
}
