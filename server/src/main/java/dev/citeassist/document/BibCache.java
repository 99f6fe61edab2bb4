package dev.citeassist.document;

import dev.citeassist.search.PaperIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The indexed form of project {@code .bib} files, kept in the cache folder by content: {@code
 * bibs/<key>} holds the committed index of exactly the text whose {@link #key} is {@code key}, so
 * reopening a project (or another project with the same file) opens it instead of reading the file.
 * An entry is written under a temporary name and renamed (see {@link PaperIndex#snapshot}), so it
 * is complete or absent; one found damaged (a file missing, truncated or with a wrong checksum) is
 * deleted and rebuilt, never used. At most {@link #KEEP} entries stay, the least recently used go
 * first. The live, editable index of an open file lives in {@code bibs/work/}, a folder per process
 * that the process deletes when done (and a later process, if it died). Thread-safe.
 */
final class BibCache {

  private static final Logger LOG = Logger.getLogger(BibCache.class.getName());

  /** Bump when the cutting into chunks or the reading of a chunk changes what is indexed. */
  static final String FORMAT = "2";

  /** Commit data: the content key the entry was built from, and its number of papers. */
  static final String KEY = "bib.key";

  static final String PAPERS = "bib.papers";

  /** How many files' indexes are kept. */
  static final int KEEP = 16;

  private final Supplier<Path> root;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger stores = new AtomicInteger();
  private final AtomicInteger works = new AtomicInteger();
  private final AtomicBoolean swept = new AtomicBoolean();

  /**
   * @param root the cache folder (the catalogue's); asked at each use, so a changed setting applies
   */
  BibCache(Supplier<Path> root) {
    this.root = root;
  }

  /** The key of a text: SHA-256 of the index schema, this format and the text. */
  static String key(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          (PaperIndex.schemaVersion() + "/" + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      // in slices: no second copy of a large file at once
      int n = text.length();
      for (int i = 0; i < n; ) {
        int end = Math.min(n, i + (1 << 16));
        if (end < n && Character.isHighSurrogate(text.charAt(end - 1))) {
          end++;
        }
        sha.update(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private Path entries() {
    return root.get().resolve("bibs");
  }

  /** Where the entry of {@code key} goes. */
  Path path(String key) {
    return entries().resolve(key);
  }

  /**
   * The entry of {@code key} when there is a sound one; a damaged one is deleted. Verifies every
   * file's checksum (reads the whole index, a few milliseconds per 10,000 entries).
   */
  Optional<Path> find(String key) {
    Path dir = path(key);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String damage = PaperIndex.damage(dir, true);
    if (damage != null) {
      discard(key, damage);
      return Optional.empty();
    }
    try {
      Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // only the eviction order suffers
    }
    return Optional.of(dir);
  }

  /** Counts a use of a stored entry (observable by tests and in the log). */
  void hit() {
    hits.incrementAndGet();
  }

  /** How many times a stored entry served a file's first opening. */
  int hits() {
    return hits.get();
  }

  /** How many entries this process stored. */
  int stores() {
    return stores.get();
  }

  /** Deletes the entry of {@code key}, which cannot be used: {@code why}. */
  void discard(String key, String why) {
    LOG.warning(() -> "the cached index of a .bib is unusable (" + why + "); rebuilding it");
    deleteTree(path(key));
  }

  /** Notes that an entry was stored, and drops the least recently used beyond {@link #KEEP}. */
  void stored() {
    stores.incrementAndGet();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> list = Files.list(entries())) {
      list.filter(p -> !p.getFileName().toString().equals("work"))
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(all::add);
    } catch (IOException | UncheckedIOException e) {
      return;
    }
    // a temporary folder of a writer that died: an hour old at least
    long stale = System.currentTimeMillis() - 3_600_000;
    all.removeIf(
        p -> {
          if (p.getFileName().toString().startsWith(".") && modified(p) < stale) {
            deleteTree(p);
          }
          return p.getFileName().toString().startsWith(".");
        });
    all.sort(Comparator.comparingLong(BibCache::modified).reversed());
    for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
      deleteTree(old);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * A new, empty folder for the live index of one file, named by this process; the first call
   * deletes the folders of processes that are gone.
   */
  Path newWork() throws IOException {
    Path work = entries().resolve("work");
    Files.createDirectories(work);
    long pid = ProcessHandle.current().pid();
    if (swept.compareAndSet(false, true)) {
      try (Stream<Path> list = Files.list(work)) {
        for (Path p : list.toList()) {
          String name = p.getFileName().toString();
          int dash = name.indexOf('-');
          try {
            long owner = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
            if (owner != pid && ProcessHandle.of(owner).map(h -> !h.isAlive()).orElse(true)) {
              deleteTree(p);
            }
          } catch (NumberFormatException e) {
            // not ours
          }
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.log(Level.FINE, "could not clean " + work, e);
      }
    }
    Path dir = work.resolve(pid + "-" + works.incrementAndGet() + "-" + System.nanoTime());
    Files.createDirectories(dir);
    return dir;
  }

  /** Deletes a folder and what it holds; what cannot be deleted is left for a later clean-up. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left for a later clean-up
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // left for a later clean-up
    }
  }
}
