package dev.citeassist.navigation;

import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.latex.Exclusions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a cite key is used in a {@code .tex} text: every occurrence of the key's characters
 * that the {@link CitationScanner} reads as exactly that key of a citation's key list (so not in
 * comments, verbatim, prose or a longer key). Stateless.
 */
final class KeyUses {

  /** A use of a key: offsets of its first character and after its last. */
  record Use(int start, int end) {}

  private KeyUses() {}

  static List<Use> find(String text, String key, CitationScanner scanner) {
    List<Use> uses = new ArrayList<>();
    if (key.isEmpty() || text.indexOf(key) < 0) {
      return uses;
    }
    Exclusions exclusions = Exclusions.of(text);
    for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      int end = i + key.length();
      Optional<CitationContext> c = scanner.scan(text, end, exclusions);
      if (c.isPresent() && c.get().replaceStart() == i && c.get().replaceEnd() == end) {
        uses.add(new Use(i, end));
      }
    }
    return uses;
  }
}
