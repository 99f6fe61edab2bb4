package dev.citeassist.citekey;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SamePaper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every paper of a catalogue a unique key. Papers whose pattern keys collide are ordered by
 * their identity (DOI, arXiv id, normalised title, authors, year) — not by input order — and get
 * {@code a}, {@code b}, … in that order, so the same catalogue gets the same keys whatever order
 * its sources were read in, and across rebuilds. Stateless.
 */
public final class KeyAssigner {

  private final KeyPattern pattern;

  public KeyAssigner(KeyPattern pattern) {
    this.pattern = pattern;
  }

  /** The papers with keys, in input order. Papers that already have a key keep it. */
  public List<Paper> assign(List<Paper> papers) {
    Set<String> taken = new HashSet<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      if (p.key() != null && !p.key().isBlank()) {
        taken.add(p.key());
      } else {
        groups.computeIfAbsent(pattern.apply(p), k -> new ArrayList<>()).add(i);
      }
    }
    Paper[] out = papers.toArray(new Paper[0]);
    // Unsuffixed keys first, so that a suffix never steals another group's base key.
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      if (g.getValue().size() == 1 && taken.add(g.getKey())) {
        int i = g.getValue().get(0);
        out[i] = out[i].toBuilder().key(g.getKey()).build();
        g.setValue(List.of());
      }
    }
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      List<Integer> members = new ArrayList<>(g.getValue());
      members.sort(Comparator.comparing(i -> SamePaper.identity(papers.get(i))));
      int suffix = 0;
      for (int i : members) {
        String key;
        do {
          key = g.getKey() + suffix(suffix++);
        } while (!taken.add(key));
        out[i] = out[i].toBuilder().key(key).build();
      }
    }
    return List.of(out);
  }

  /** a, b, …, z, aa, ab, … */
  public static String suffix(int n) {
    StringBuilder s = new StringBuilder();
    int k = n;
    do {
      s.insert(0, (char) ('a' + k % 26));
      k = k / 26 - 1;
    } while (k >= 0);
    return s.toString();
  }
}
