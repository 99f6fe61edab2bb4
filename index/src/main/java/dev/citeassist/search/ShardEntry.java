package dev.citeassist.search;

import dev.citeassist.paper.Paper;
import java.util.Objects;

/**
 * One record of a catalogue source as a shard stores it (see {@link PaperIndex#add(ShardEntry)}):
 * the paper as searched and shown, and what deciding duplicates and keys across sources needs later
 * without reading the source again.
 *
 * @param paper the paper as shown (dates completed), keyed with {@code presetKey} or {@code
 *     baseKey}
 * @param raw the record as read, or null when it is {@code paper} with the key {@code presetKey}
 * @param ordinal the record's position in its source (0, 1, …)
 * @param doi normalised DOI or null; likewise {@code arxivId} and {@code title} (see {@code
 *     SamePaper})
 * @param baseKey the key the pattern gives the paper, or null when the source gave one
 * @param presetKey the key the source gave, or null
 */
public record ShardEntry(
    Paper paper,
    Paper raw,
    long ordinal,
    String doi,
    String arxivId,
    String title,
    String baseKey,
    String presetKey) {

  public ShardEntry {
    Objects.requireNonNull(paper);
    if ((baseKey == null) == (presetKey == null)) {
      throw new IllegalArgumentException("a shard entry has either a base key or a preset key");
    }
  }
}
