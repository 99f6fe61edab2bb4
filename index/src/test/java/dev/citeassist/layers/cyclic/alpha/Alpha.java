package dev.citeassist.layers.cyclic.alpha;

import dev.citeassist.layers.cyclic.beta.Beta;

/** Half of a deliberate package cycle that {@code PackageEdgesTest} must find. */
public final class Alpha {

  private Alpha() {}

  public static int depth(Beta beta) {
    return beta == null ? 0 : 1;
  }
}
