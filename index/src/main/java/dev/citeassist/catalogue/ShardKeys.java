package dev.citeassist.catalogue;

import dev.citeassist.citekey.KeyAssigner;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SamePaper;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.ShardEntry;
import dev.citeassist.search.ShardField;
import dev.citeassist.search.ShardSet;
import dev.citeassist.search.ShardSet.DocRef;
import dev.citeassist.search.ShardSet.ShardRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Gives the records of one shard that share a pattern key their suffixes, as {@link KeyAssigner}
 * does within one source: ordered by {@link SamePaper#identity}, {@code a}, {@code b}, …, skipping
 * every key the source gave and every pattern key of the shard. Walks the shard's committed pattern
 * keys in sorted order and replaces only the documents of shared keys. {@link CatalogueResolver}
 * redoes this over several sources only for keys that several sources share. Stateless.
 */
final class ShardKeys {

  private ShardKeys() {}

  /** Suffixes the shared keys of the shard committed in {@code dir}; returns how many changed. */
  static long suffix(Path dir, PaperIndex shard) throws IOException {
    long[] changed = {0};
    KeySet assigned = new KeySet();
    // this thread walks the keys and loads the records; indexing threads replace the documents
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 2);
    List<ShardEntry> batch = new ArrayList<>();
    List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    try (ShardSet set = ShardSet.open(List.of(dir));
        java.util.concurrent.ExecutorService pool =
            java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      Replacer replacer =
          entries -> {
            inFlight.acquireUninterruptibly();
            pending.removeIf(java.util.concurrent.Future::isDone);
            pending.add(
                pool.submit(
                    () -> {
                      try {
                        for (ShardEntry e : entries) {
                          shard.replace(e);
                        }
                      } finally {
                        inFlight.release();
                      }
                      return null;
                    }));
          };
      // groups are loaded and ordered on the pool (decoding stored papers is most of the work) and
      // suffixed here in key order, which the suffixes' clash checks depend on
      java.util.ArrayDeque<Loading> loading = new java.util.ArrayDeque<>();
      Suffixer suffixer =
          next -> {
            List<Member> members = await(next.members());
            int suffix = 0;
            for (Member m : members) {
              String key;
              do {
                key = next.base() + KeyAssigner.suffix(suffix++);
              } while (assigned.contains(key)
                  || set.contains(ShardField.BASE_KEY, key)
                  || set.contains(ShardField.PRESET_KEY, key));
              assigned.add(key);
              batch.add(withKey(m.record(), next.base(), key));
              changed[0]++;
            }
            if (batch.size() >= ShardBuild.BATCH) {
              replacer.replace(List.copyOf(batch));
              batch.clear();
            }
          };
      set.scan(
          ShardField.BASE_KEY,
          new TreeMap<>(ShardSet.TERM_ORDER),
          null,
          2,
          (base, docs) -> {
            loading.add(
                new Loading(
                    base,
                    pool.submit(
                        () -> {
                          List<Member> members = new ArrayList<>();
                          for (DocRef d : docs) {
                            ShardRecord r = set.record(d);
                            members.add(new Member(r, SamePaper.identity(r.paper())));
                          }
                          members.sort(Comparator.comparing(Member::identity));
                          return members;
                        })));
            if (loading.size() > 64) {
              suffixer.suffix(loading.poll());
            }
          });
      while (!loading.isEmpty()) {
        suffixer.suffix(loading.poll());
      }
      replacer.replace(List.copyOf(batch));
      for (java.util.concurrent.Future<?> f : pending) {
        await(f);
      }
    }
    return changed[0];
  }

  private record Member(ShardRecord record, String identity) {}

  /** A group of records sharing {@code base}, being loaded. */
  private record Loading(String base, java.util.concurrent.Future<List<Member>> members) {}

  private interface Suffixer {
    void suffix(Loading next) throws IOException;
  }

  private interface Replacer {
    void replace(List<ShardEntry> entries);
  }

  private static <T> T await(java.util.concurrent.Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while suffixing keys");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** The entry of a shard's record under another key. */
  static ShardEntry withKey(ShardRecord r, String base, String key) {
    Paper raw = r.raw();
    return new ShardEntry(
        r.paper().toBuilder().key(key).build(),
        r.rawStored() ? raw : null,
        r.ordinal(),
        SamePaper.doi(raw),
        SamePaper.arxivId(raw),
        SamePaper.normalisedTitle(raw),
        base,
        null);
  }

  /**
   * A set of keys held as 64-bit hashes (open addressing): about 16 bytes a key instead of a
   * hundred for a set of strings. Two keys with one hash count as one, which only skips a suffix
   * that was free, the same way on every build.
   */
  static final class KeySet {
    private long[] slots = new long[1024];
    private int size;

    boolean contains(String key) {
      long h = hash(key);
      int mask = slots.length - 1;
      for (int i = (int) h & mask; slots[i] != 0; i = (i + 1) & mask) {
        if (slots[i] == h) {
          return true;
        }
      }
      return false;
    }

    void add(String key) {
      if (contains(key)) {
        return;
      }
      if (++size * 2 > slots.length) {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long h : old) {
          if (h != 0) {
            put(h);
          }
        }
      }
      put(hash(key));
    }

    private void put(long h) {
      int mask = slots.length - 1;
      int i = (int) h & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = h;
    }

    private static long hash(String key) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < key.length(); i++) {
        h = (h ^ key.charAt(i)) * 0x100000001b3L;
      }
      h ^= h >>> 29;
      h *= 0xbf58476d1ce4e5b9L;
      h ^= h >>> 32;
      return h == 0 ? 1 : h;
    }
  }
}
