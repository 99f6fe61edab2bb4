package dev.citeassist.layers.cyclic.beta;

import dev.citeassist.layers.cyclic.alpha.Alpha;
import java.util.List;

/**
 * The other half of the deliberate cycle: it names {@link Alpha} only in a generic signature, which
 * the checker must still see.
 */
public final class Beta {

  public List<Alpha> alphas = List.of();

  /** Only a string: a resource path like this is no dependency. */
  public static final String PATH = "dev/citeassist/layers/cyclic/gamma/Nothing";
}
