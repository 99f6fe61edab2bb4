package dev.citeassist.catalogue;

import dev.citeassist.citekey.KeyAssigner;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SamePaper;
import dev.citeassist.search.ShardField;
import dev.citeassist.search.ShardSet;
import dev.citeassist.search.ShardSet.DocRef;
import dev.citeassist.search.ShardSet.ShardRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, over the built-in records (in memory, read first) and the shards of the user's sources
 * (one index per source, ranked), which records are one paper and which key each paper gets, with
 * the results of {@link Catalogue#read} — {@link PaperMerger} and {@link KeyAssigner} over every
 * record — without a list of every paper:
 *
 * <ol>
 *   <li>Records that share a DOI, arXiv id or normalised title are found by walking the sorted term
 *       dictionaries of the shards (merged with the built-in records' terms); only those records
 *       are loaded, grouped (union-find) and merged by {@link PaperMerger} in reading order:
 *       built-in records first, then the shards by rank, each in its source's order. Merging is
 *       confined to such groups, so the result equals merging everything.
 *   <li>Keys: the pattern keys of the shards (and of the papers in memory) are walked in sorted
 *       order; a key that one paper alone has stays; the papers of a key that several have are
 *       ordered by {@link SamePaper#identity} and get {@code a}, {@code b}, … as {@link
 *       KeyAssigner} does. A suffixed key skips every key a source gave and every pattern key of
 *       the catalogue.
 * </ol>
 *
 * <p>What changes is written to the main index: built-in papers, merged papers and shard papers
 * whose key got a suffix; the shard documents they replace are hidden ({@link #hidden}). Memory
 * grows with the duplicates and colliding keys, not with the catalogue. Ranks and term order, never
 * reading order, decide everything, so the catalogue is the same whatever order its sources are
 * given in. Not thread-safe; one use.
 */
final class CatalogueResolver {

  /** Where the papers of the main index go. */
  @FunctionalInterface
  interface Sink {
    void paper(Paper paper) throws IOException;
  }

  private final List<Paper> builtIn;
  private final ShardSet shards;
  private final KeyPattern pattern;
  private final Map<String, CatalogueSource> byName;
  private final List<BitSet> hidden = new ArrayList<>();

  /**
   * @param builtIn records of the built-in sources in reading order (merged before any shard's)
   * @param shards the user's sources' shards, by rank
   * @param byName every source by name, for completing dates of merged papers
   */
  CatalogueResolver(
      List<Paper> builtIn,
      ShardSet shards,
      KeyPattern pattern,
      Map<String, CatalogueSource> byName) {
    this.builtIn = builtIn;
    this.shards = shards;
    this.pattern = pattern;
    this.byName = byName;
    for (int s = 0; s < shards.size(); s++) {
      hidden.add(new BitSet());
    }
  }

  /** Shard documents replaced by papers of the main index, one set of doc ids per shard. */
  List<BitSet> hidden() {
    return hidden;
  }

  /** A paper of the main index before its key is settled; {@code rank} orders the output. */
  private record Held(Paper paper, long rank, long ordinal) {}

  /** Resolves, writing the main index's papers to {@code sink}. */
  void resolve(Sink sink) throws IOException {
    List<Held> held = mergeDuplicates();
    assignKeys(held, sink);
  }

  // ---- duplicates ----

  private static long node(int shard, int doc) {
    return ((long) (shard + 1) << 32) | doc;
  }

  private List<Held> mergeDuplicates() throws IOException {
    Map<Long, Long> parent = new HashMap<>();
    for (ShardField field : List.of(ShardField.DOI, ShardField.ARXIV, ShardField.TITLE)) {
      Map<String, List<Integer>> builtInTerms = new HashMap<>();
      TreeMap<String, Integer> counts = new TreeMap<>(ShardSet.TERM_ORDER);
      for (int i = 0; i < builtIn.size(); i++) {
        String term = identityTerm(field, builtIn.get(i));
        if (term != null && !term.isEmpty()) {
          builtInTerms.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
          counts.merge(term, 1, Integer::sum);
        }
      }
      shards.scan(
          field,
          counts,
          null,
          2,
          (term, docs) -> {
            List<Long> nodes = new ArrayList<>();
            builtInTerms.getOrDefault(term, List.of()).forEach(i -> nodes.add((long) i));
            docs.forEach(d -> nodes.add(node(d.shard(), d.doc())));
            for (int n = 1; n < nodes.size(); n++) {
              union(parent, nodes.get(0), nodes.get(n));
            }
          });
    }
    Map<Long, List<Long>> groups = new HashMap<>();
    for (Long n : parent.keySet()) {
      groups.computeIfAbsent(find(parent, n), r -> new ArrayList<>()).add(n);
    }
    List<Held> held = new ArrayList<>();
    Set<Long> grouped = parent.keySet();
    for (int i = 0; i < builtIn.size(); i++) {
      if (!grouped.contains((long) i)) {
        held.add(new Held(complete(builtIn.get(i)), 0, i));
      }
    }
    record Member(long node, long rank, long ordinal, Paper raw) {}
    for (List<Long> group : groups.values()) {
      List<Member> members = new ArrayList<>();
      for (long n : group) {
        int shard = (int) (n >>> 32) - 1;
        if (shard < 0) {
          members.add(new Member(n, 0, n, builtIn.get((int) n)));
        } else {
          ShardRecord r = shards.record(new DocRef(shard, (int) n));
          members.add(new Member(n, shard + 1, r.ordinal(), r.raw()));
        }
      }
      members.sort(Comparator.comparingLong(Member::rank).thenComparingLong(Member::ordinal));
      List<Paper> raws = members.stream().map(Member::raw).toList();
      for (PaperMerger.Group g : PaperMerger.mergeGroups(raws)) {
        Member first = members.get(g.members().get(0));
        if (g.members().size() == 1 && first.rank() > 0) {
          continue; // a shard's record that merged with nothing: its shard document stands
        }
        for (int m : g.members()) {
          long n = members.get(m).node();
          if (n >>> 32 != 0) {
            hidden.get((int) (n >>> 32) - 1).set((int) n);
          }
        }
        held.add(new Held(complete(g.paper()), first.rank(), first.ordinal()));
      }
    }
    held.sort(Comparator.comparingLong(Held::rank).thenComparingLong(Held::ordinal));
    return held;
  }

  private static String identityTerm(ShardField field, Paper p) {
    return switch (field) {
      case DOI -> SamePaper.doi(p);
      case ARXIV -> SamePaper.arxivId(p);
      case TITLE -> SamePaper.normalisedTitle(p);
      default -> throw new IllegalArgumentException(field.toString());
    };
  }

  private Paper complete(Paper paper) {
    CatalogueSource source = paper.origin() == null ? null : byName.get(paper.origin().source());
    return source == null ? paper : source.completeDate(paper);
  }

  private static long find(Map<Long, Long> parent, long n) {
    long root = n;
    Long p;
    while ((p = parent.get(root)) != null && p != root) {
      root = p;
    }
    long at = n;
    while (at != root) {
      long next = parent.get(at);
      parent.put(at, root);
      at = next;
    }
    return root;
  }

  private static void union(Map<Long, Long> parent, long a, long b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    long ra = find(parent, a);
    long rb = find(parent, b);
    if (ra != rb) {
      // the smaller node is the root, so roots do not depend on the order of the walks
      parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }
  }

  // ---- keys ----

  private void assignKeys(List<Held> held, Sink sink) throws IOException {
    Set<String> presets = new HashSet<>();
    TreeMap<String, List<Integer>> byBase = new TreeMap<>(ShardSet.TERM_ORDER);
    String[] keys = new String[held.size()];
    for (int i = 0; i < held.size(); i++) {
      Paper p = held.get(i).paper();
      if (p.key() != null && !p.key().isBlank()) {
        presets.add(p.key());
        keys[i] = p.key();
      } else {
        byBase.computeIfAbsent(pattern.apply(p), k -> new ArrayList<>()).add(i);
      }
    }
    TreeMap<String, Integer> counts = new TreeMap<>(ShardSet.TERM_ORDER);
    byBase.forEach((k, v) -> counts.put(k, v.size()));
    ShardKeys.KeySet assigned = new ShardKeys.KeySet();
    TreeMap<String, Integer> mainKeys = new TreeMap<>(ShardSet.TERM_ORDER);
    Sink replace =
        paper -> {
          mainKeys.merge(paper.key(), 1, Integer::sum);
          sink.paper(paper);
        };
    // (1) pattern keys that several papers share across sources, or with the main index's papers
    shards.scan(
        ShardField.BASE_KEY,
        counts,
        hidden,
        2,
        (base, docs) -> {
          List<Integer> inMemory = byBase.getOrDefault(base, List.of());
          if (inMemory.isEmpty() && docs.stream().map(DocRef::shard).distinct().count() == 1) {
            return; // one source's own: its shard suffixed them (see ShardKeys)
          }
          record Member(ShardRecord record, Paper paper, String identity, DocRef doc, int held) {}
          List<Member> members = new ArrayList<>();
          for (DocRef d : docs) {
            ShardRecord r = shards.record(d);
            members.add(new Member(r, r.paper(), SamePaper.identity(r.paper()), d, -1));
          }
          for (int i : inMemory) {
            Paper p = held.get(i).paper();
            members.add(new Member(null, p, SamePaper.identity(p), null, i));
          }
          members.sort(Comparator.comparing(Member::identity));
          int suffix = 0;
          for (Member m : members) {
            String key;
            do {
              key = base + KeyAssigner.suffix(suffix++);
            } while (taken(key, presets, byBase, assigned, null));
            assigned.add(key);
            if (m.doc() == null) {
              keys[m.held()] = key;
            } else if (!key.equals(m.paper().key())) {
              hidden.get(m.doc().shard()).set(m.doc().doc());
              replace.paper(ShardKeys.withKey(m.record(), base, key).paper());
            }
          }
        });
    // papers of the main index whose pattern key no other paper has
    for (Map.Entry<String, List<Integer>> e : byBase.entrySet()) {
      for (int i : e.getValue()) {
        if (keys[i] == null) {
          keys[i] = e.getKey();
        }
      }
    }
    for (String key : keys) {
      mainKeys.merge(key, 1, Integer::sum);
    }
    // (2) a key that a source's own suffixes gave and another paper has: the shard's paper gives
    // way (a key the source gave, a key of the main index and a pattern key without suffix stay)
    TreeMap<String, Integer> settled = new TreeMap<>(mainKeys);
    shards.scan(
        ShardField.KEY,
        settled,
        hidden,
        2,
        (key, docs) -> {
          record Holder(ShardRecord record, DocRef doc, int rank, String base) {}
          List<Holder> holders = new ArrayList<>();
          for (DocRef d : docs) {
            ShardRecord r = shards.record(d);
            boolean preset = r.raw().key() != null && !r.raw().key().isBlank();
            String base = preset ? null : pattern.apply(r.paper());
            int rank = preset ? 0 : key.equals(base) ? 1 : 2;
            holders.add(new Holder(r, d, rank, base));
          }
          holders.sort(
              Comparator.comparingInt(Holder::rank)
                  .thenComparingInt(h -> h.doc().shard())
                  .thenComparingLong(h -> h.record().ordinal()));
          boolean claimed = settled.containsKey(key);
          for (Holder h : holders) {
            if (h.rank() == 0 || !claimed) {
              claimed = true;
              continue; // keeps its key
            }
            int suffix = 0;
            String other;
            do {
              other = h.base() + KeyAssigner.suffix(suffix++);
            } while (taken(other, presets, byBase, assigned, settled));
            assigned.add(other);
            hidden.get(h.doc().shard()).set(h.doc().doc());
            sink.paper(ShardKeys.withKey(h.record(), h.base(), other).paper());
          }
        });
    for (int i = 0; i < held.size(); i++) {
      sink.paper(held.get(i).paper().toBuilder().key(keys[i]).build());
    }
  }

  private boolean taken(
      String key,
      Set<String> presets,
      Map<String, List<Integer>> byBase,
      ShardKeys.KeySet assigned,
      Map<String, Integer> settled)
      throws IOException {
    return assigned.contains(key)
        || presets.contains(key)
        || byBase.containsKey(key)
        || (settled != null && (settled.containsKey(key) || shards.contains(ShardField.KEY, key)))
        || shards.contains(ShardField.PRESET_KEY, key)
        || shards.contains(ShardField.BASE_KEY, key);
  }
}
