package dev.citeassist.catalogue;

import dev.citeassist.paper.Paper;

/**
 * CONTRACT SKETCH (being implemented on main by the integrator): decides whether two records are
 * the same paper: same DOI or arXiv id, else same normalised title + first author + year.
 */
public final class SamePaper {

  private SamePaper() {}

  public static boolean test(Paper a, Paper b) {
    throw new UnsupportedOperationException();
  }
}
