package dev.citeassist.catalogue;

import dev.citeassist.citekey.KeyAssigner;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.ShardSet;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's catalogue: the built-in seed listings plus their own sources, read, merged (one entry
 * per paper), keyed and indexed on disk under the cache directory. A snapshot is rebuilt only when
 * the sources' fingerprint (contents of the built-in seeds; path, size and modification time of
 * each user source, in any order; the key pattern) differs from the one stored in its last commit.
 *
 * <p>A snapshot is a main index plus one shard per user source (see {@link ShardBuild}): the shards
 * are built by streaming, so memory does not grow with the catalogue, and a shard is reused
 * (hard-linked) while its source is unchanged, so a change to one source reads that source only.
 * {@link CatalogueResolver} merges duplicates and suffixes keys across sources with the results of
 * {@link #read}, whatever order the sources are given in; the main index holds the papers this
 * changes and the built-in ones. Everything is memory-mapped when open.
 *
 * <p>Owns its {@link PaperIndex}; close the catalogue to close it. Thread-safe for searching.
 */
public final class Catalogue implements Closeable {

  /** Bump when parsing, merging or keying changes, so existing caches are rebuilt. */
  private static final String FORMAT_VERSION = "2";

  private static final String FINGERPRINT = "citeassist.fingerprint";

  /** Commit data of a snapshot's main index: its shard folders by rank, one per line. */
  private static final String SHARDS = "citeassist.shards";

  /** Name prefix of a user source's shard folder inside a snapshot. */
  private static final String SHARD = "source-";

  /** Name suffix of the file beside a shard folder that lists its hidden documents. */
  private static final String HIDDEN = ".hidden";

  /**
   * Name prefix of a snapshot being built ({@code building-<pid>-…}); renamed to its fingerprint
   * when committed.
   */
  private static final String BUILDING = "building-";

  private static final java.util.regex.Pattern BUILDING_NAME =
      java.util.regex.Pattern.compile("building-(\\d{1,18})-.*");

  /** Name prefix of a damaged snapshot moved aside to be deleted. */
  private static final String DAMAGED = "damaged-";

  /**
   * How long an unlocked build folder may stand still before it counts as abandoned: covers the
   * moments between creating the folder and locking it, and between committing and renaming.
   */
  private static final long ABANDONED_MILLIS = 60_000;

  private final PaperIndex index;
  private final List<ReadProblem> problems;
  private final List<String> repairs;
  private final boolean rebuilt;
  private final List<String> sourcesRead;

  private Catalogue(
      PaperIndex index,
      List<ReadProblem> problems,
      List<String> repairs,
      boolean rebuilt,
      List<String> sourcesRead) {
    this.index = index;
    this.problems = List.copyOf(problems);
    this.repairs = List.copyOf(repairs);
    this.rebuilt = rebuilt;
    this.sourcesRead = List.copyOf(sourcesRead);
  }

  /** Opens the catalogue, building or rebuilding its index if its sources changed. */
  public static Catalogue open(CatalogueConfig config) throws IOException {
    return open(config, CatalogueProgress.NONE);
  }

  /**
   * As {@link #open(CatalogueConfig)}, reporting reading progress while it (re)builds.
   *
   * <p>Each build is an immutable snapshot in its own folder named by the fingerprint, written
   * under a temporary name and renamed into place when committed, then opened read-only. So any
   * number of processes (editors, the command line) share one index without locks, a crash
   * mid-build leaves no half-built index in use, and a changed source makes a new snapshot; older
   * snapshots are deleted. A damaged snapshot (see {@link PaperIndex#damage}) is moved aside and
   * built again, and reported in {@link #repairs()}.
   */
  public static Catalogue open(CatalogueConfig config, CatalogueProgress progress)
      throws IOException {
    return open(config, progress, false);
  }

  /**
   * As {@link #open(CatalogueConfig, CatalogueProgress)}; with {@code checksums}, the snapshot's
   * every file is verified (it is read whole), for reopening after a search found it damaged (see
   * {@link #failure()}).
   */
  public static Catalogue open(
      CatalogueConfig config, CatalogueProgress progress, boolean checksums) throws IOException {
    List<CatalogueSource> sources = new ArrayList<>(CatalogueSource.builtIn());
    List<ReadProblem> unreadable = new ArrayList<>();
    for (Path path : config.sources()) {
      // A source that is gone or cannot be read costs its own papers, not the catalogue's.
      try {
        sources.add(CatalogueSource.of(path));
      } catch (IOException | IllegalArgumentException e) {
        unreadable.add(new ReadProblem(path.toString(), 0, unreadableReason(e)));
      }
    }
    String fingerprint = fingerprint(sources, config.keyPattern());
    Path parent = config.cacheDir().resolve(directoryName(config));
    Path snapshot = parent.resolve(fingerprint.substring(0, 16));
    Files.createDirectories(parent);
    List<ReadProblem> problems = new ArrayList<>(unreadable);
    List<String> repairs = new ArrayList<>();
    boolean rebuilt = false;
    Object checked = fileKey(snapshot);
    String damage = checked == null ? null : PaperIndex.damage(snapshot, checksums);
    if (checked != null && damage == null) {
      damage = shardDamage(snapshot, checksums);
    }
    if (damage != null) {
      // A snapshot that cannot be opened (deleted or damaged files, a copy from another version)
      // is derived data: it is moved aside, deleted and built again.
      repairs.add("the catalogue cache " + snapshot + " was damaged (" + damage + "); rebuilt");
      moveAside(parent, snapshot, checked);
    }
    List<String> sourcesRead = new ArrayList<>();
    if (!PaperIndex.exists(snapshot)) {
      // The process id in the name tells a later open whether the build was abandoned.
      Path building =
          Files.createTempDirectory(parent, BUILDING + ProcessHandle.current().pid() + "-");
      try {
        build(
            sources,
            config.keyPattern(),
            fingerprint,
            parent,
            building,
            problems,
            progress,
            sourcesRead);
        moveIntoPlace(building, snapshot);
        rebuilt = true;
      } finally {
        deleteTree(building);
      }
    }
    PaperIndex index = openSnapshot(snapshot);
    deleteOtherSnapshots(parent, snapshot, repairs);
    return new Catalogue(index, problems, repairs, rebuilt, sourcesRead);
  }

  /**
   * Builds a snapshot in {@code building}: a shard (an index of one source, see {@link ShardBuild})
   * in a folder of its own for each user source, reused from an earlier snapshot of this catalogue
   * when that source is unchanged (its files hard-linked: shards are never written after their
   * commit), and the main index (the built-in papers, and the papers that duplicates or key
   * suffixes change, see {@link CatalogueResolver}) with the list of hidden shard documents. The
   * main index's write lock is held from the start, so another process does not take the folder for
   * abandoned.
   */
  private static void build(
      List<CatalogueSource> sources,
      KeyPattern pattern,
      String fingerprint,
      Path parent,
      Path building,
      List<ReadProblem> problems,
      CatalogueProgress progress,
      List<String> sourcesRead)
      throws IOException {
    List<CatalogueSource> builtInSources = new ArrayList<>();
    List<CatalogueSource> user = new ArrayList<>();
    for (CatalogueSource source : sources) {
      (source.isBuiltIn() ? builtInSources : user).add(source);
    }
    try (PaperIndex main = PaperIndex.openForBuild(building)) {
      long total = 0;
      for (CatalogueSource source : sources) {
        total += source.size();
      }
      List<Paper> builtIn = readRecords(builtInSources, problems);
      long done = 0;
      for (CatalogueSource source : builtInSources) {
        done += source.size();
      }
      long papers = builtIn.size();
      progress.update(papers, done, total);
      List<String> shardNames = new ArrayList<>();
      List<Path> shardDirs = new ArrayList<>();
      for (CatalogueSource source : ranked(user)) {
        String name =
            SHARD
                + sha256(
                        "v"
                            + FORMAT_VERSION
                            + "\nschema "
                            + PaperIndex.schemaVersion()
                            + "\n"
                            + pattern
                            + "\n"
                            + source.fingerprint())
                    .substring(0, 16);
        Path dir = building.resolve(name);
        if (shardNames.contains(name)) {
          continue; // the same file given twice
        }
        if (!linkEarlierShard(parent, name, dir)) {
          long before = done;
          long papersBefore = papers;
          long grandTotal = total;
          papers +=
              ShardBuild.build(
                  source,
                  pattern,
                  dir,
                  Map.of(),
                  problems,
                  (records, bytes) ->
                      progress.update(papersBefore + records, before + bytes, grandTotal));
          sourcesRead.add(source.name());
        }
        done += source.size();
        progress.update(papers, done, total);
        shardNames.add(name);
        shardDirs.add(dir);
      }
      Map<String, CatalogueSource> byName = new java.util.HashMap<>();
      sources.forEach(s -> byName.putIfAbsent(s.name(), s));
      List<Paper> batch = new ArrayList<>();
      try (ShardSet shards = ShardSet.open(shardDirs)) {
        CatalogueResolver resolver = new CatalogueResolver(builtIn, shards, pattern, byName);
        resolver.resolve(
            paper -> {
              batch.add(paper);
              if (batch.size() == 10_000) {
                main.addAll(batch);
                batch.clear();
              }
            });
        main.addAll(batch);
        for (int s = 0; s < shardNames.size(); s++) {
          writeHidden(building.resolve(shardNames.get(s) + HIDDEN), resolver.hidden().get(s));
        }
      }
      main.commit(Map.of(FINGERPRINT, fingerprint, SHARDS, String.join("\n", shardNames)));
    }
  }

  /**
   * User sources in an order that does not depend on the order they were given in: by absolute
   * path. It decides which record's values win when a paper is in several sources.
   */
  private static List<CatalogueSource> ranked(List<CatalogueSource> user) {
    List<CatalogueSource> ranked = new ArrayList<>(user);
    ranked.sort(java.util.Comparator.comparing(CatalogueSource::fingerprint));
    return ranked;
  }

  /** Records of sources as read, in order (the built-in seeds: small). */
  private static List<Paper> readRecords(List<CatalogueSource> sources, List<ReadProblem> problems)
      throws IOException {
    List<Paper> papers = new ArrayList<>();
    for (CatalogueSource source : sources) {
      try (InputStream in = source.open()) {
        source
            .reader()
            .read(
                source.name(),
                in,
                new PaperSink() {
                  @Override
                  public void paper(Paper paper) {
                    papers.add(paper);
                  }

                  @Override
                  public void problem(ReadProblem problem) {
                    problems.add(problem);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return papers;
  }

  /**
   * Hard-links the files of shard {@code name} from a committed snapshot in the cache into {@code
   * target}; false when no snapshot has it (or links are not possible here).
   */
  private static boolean linkEarlierShard(Path parent, String name, Path target) {
    // this catalogue's snapshots first, then those of the other catalogues of the cache (another
    // set of sources: adding a source makes another catalogue)
    List<Path> candidates = new ArrayList<>();
    List<Path> parents = new ArrayList<>(List.of(parent));
    try (var catalogues = Files.list(parent.getParent())) {
      catalogues
          .filter(p -> !p.equals(parent) && Files.isDirectory(p))
          .sorted()
          .forEach(parents::add);
    } catch (IOException e) {
      // this catalogue's own snapshots still count
    }
    for (Path folder : parents) {
      try (var children = Files.list(folder)) {
        for (Path child : children.sorted().toList()) {
          String n = child.getFileName().toString();
          if (!n.startsWith(BUILDING) && !n.startsWith(DAMAGED)) {
            candidates.add(child.resolve(name));
          }
        }
      } catch (IOException e) {
        // a folder that cannot be listed offers nothing
      }
    }
    for (Path earlier : candidates) {
      if (!Files.isDirectory(earlier) || PaperIndex.damage(earlier) != null) {
        continue;
      }
      try {
        Files.createDirectories(target);
        try (var files = Files.list(earlier)) {
          for (Path f : files.toList()) {
            if (!f.getFileName().toString().equals("write.lock")) {
              Files.createLink(target.resolve(f.getFileName()), f);
            }
          }
        }
        if (PaperIndex.damage(target) == null) {
          return true;
        }
      } catch (IOException | UnsupportedOperationException e) {
        // fall through: read the source again
      }
      deleteTree(target);
    }
    return false;
  }

  private static void writeHidden(Path file, BitSet hidden) throws IOException {
    try (var out =
        new java.io.DataOutputStream(
            new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(hidden.cardinality());
      for (int d = hidden.nextSetBit(0); d >= 0; d = hidden.nextSetBit(d + 1)) {
        out.writeInt(d);
      }
    }
  }

  private static BitSet readHidden(Path file) throws IOException {
    BitSet hidden = new BitSet();
    try (var in =
        new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        hidden.set(in.readInt());
      }
    } catch (java.io.EOFException e) {
      throw new IOException(file + " is cut short", e);
    }
    return hidden;
  }

  /** Opens a committed snapshot: its main index and its shards, less their hidden documents. */
  private static PaperIndex openSnapshot(Path snapshot) throws IOException {
    PaperIndex main = PaperIndex.openReadOnly(snapshot);
    String names = main.commitData().getOrDefault(SHARDS, "");
    if (names.isEmpty()) {
      return main;
    }
    main.close();
    List<Path> dirs = new ArrayList<>();
    List<BitSet> hidden = new ArrayList<>();
    for (String name : names.split("\n")) {
      dirs.add(snapshot.resolve(name));
      hidden.add(readHidden(snapshot.resolve(name + HIDDEN)));
    }
    return PaperIndex.openReadOnly(snapshot, dirs, hidden);
  }

  /**
   * Why the shards of a snapshot cannot be opened (see {@link PaperIndex#damage}), or null when
   * they can or there are none.
   */
  private static String shardDamage(Path snapshot, boolean checksums) {
    try (var children = Files.list(snapshot)) {
      for (Path child : children.toList()) {
        if (child.getFileName().toString().startsWith(SHARD) && Files.isDirectory(child)) {
          String damage = PaperIndex.damage(child, checksums);
          if (damage != null) {
            return child.getFileName() + ": " + damage;
          }
        }
      }
    } catch (IOException e) {
      return null; // the snapshot's own check reports what is wrong with the folder
    }
    return null;
  }

  private static String unreadableReason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file; its papers are left out";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "cannot be read: permission denied; its papers are left out";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason() + "; its papers are left out";
    }
    return e.getMessage() + "; its papers are left out";
  }

  /**
   * Renames a damaged snapshot out of the way, then deletes it. The rename is atomic, so another
   * process never sees a half-deleted snapshot under the current name, and one still searching it
   * keeps its open files (POSIX); if another process moved it first, nothing is left to do.
   */
  private static void moveAside(Path parent, Path snapshot, Object checked) throws IOException {
    if (!checked.equals(fileKey(snapshot))) {
      // Another process already replaced the damaged snapshot (with a good one) while it was
      // checked here: that one stays.
      return;
    }
    Path aside = parent.resolve(DAMAGED + snapshot.getFileName() + "-" + System.nanoTime());
    try {
      Files.move(snapshot, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    }
    deleteTree(aside);
  }

  /**
   * What identifies the folder or file at {@code path} (its inode on POSIX; else its modification
   * time), or null when there is nothing there.
   */
  private static Object fileKey(Path path) {
    try {
      var attributes =
          Files.readAttributes(
              path, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
    } catch (IOException e) {
      return null;
    }
  }

  /** Renames a finished build into place; if another process got there first, its copy stays. */
  private static void moveIntoPlace(Path building, Path snapshot) throws IOException {
    try {
      Files.move(building, snapshot, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileSystemException e) {
      // Linux reports a rename onto a non-empty folder as a plain FileSystemException: when the
      // snapshot is there, another process built the same fingerprint (identical content).
      if (!PaperIndex.exists(snapshot)) {
        throw e;
      }
    }
  }

  /**
   * Deletes snapshots of earlier fingerprints, damaged snapshots moved aside, and abandoned builds
   * (see {@link #abandoned}). Best effort: a process still searching an old snapshot keeps its open
   * files (POSIX), and a failure to delete only costs disk space.
   */
  private static void deleteOtherSnapshots(Path parent, Path current, List<String> repairs) {
    try (var children = Files.list(parent)) {
      for (Path child : children.toList()) {
        if (child.equals(current)) {
          continue;
        }
        if (!child.getFileName().toString().startsWith(BUILDING)) {
          deleteTree(child);
        } else if (abandoned(child)) {
          repairs.add("removed an abandoned catalogue build " + child);
          deleteTree(child);
        }
      }
    } catch (IOException e) {
      // best effort, see above
    }
  }

  /**
   * A build folder that no process will finish: nobody holds its index's write lock (a build holds
   * it from its first paper to its commit) and either the process named in it ({@code
   * building-<pid>-…}) is gone, or, for a name without a process or a process id reused since, it
   * has stood still for {@link #ABANDONED_MILLIS} (which covers the moments between creating the
   * folder and locking it, and between committing and renaming) or an hour.
   */
  private static boolean abandoned(Path building) throws IOException {
    // Its age first: asking for the lock may create the lock file, which touches the folder.
    long age = System.currentTimeMillis() - Files.getLastModifiedTime(building).toMillis();
    if (PaperIndex.isLocked(building)) {
      return false;
    }
    java.util.regex.Matcher m = BUILDING_NAME.matcher(building.getFileName().toString());
    if (!m.matches()) {
      return age > ABANDONED_MILLIS; // an older release's name: only its age tells
    }
    long pid = Long.parseLong(m.group(1));
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || age > 3_600_000L;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover folder is deleted by a later open
    }
  }

  /** The catalogue's search index (keys assigned, duplicates merged). */
  public PaperIndex index() {
    return index;
  }

  /**
   * What could not be read: user sources that are missing or not files (always), and records of the
   * sources read while building (none when an existing snapshot was used).
   */
  public List<ReadProblem> problems() {
    return problems;
  }

  /**
   * What {@link #open} found wrong in the cache and mended, one sentence each with its reason (a
   * damaged snapshot rebuilt, an abandoned build removed); for the caller to log once.
   */
  public List<String> repairs() {
    return repairs;
  }

  /**
   * Why a search of this catalogue found its snapshot damaged since it was opened, or null; then
   * the snapshot is to be opened again with checksums, which rebuilds it.
   */
  public String failure() {
    return index.failure();
  }

  /**
   * The user sources that {@link #open} read, by name: those whose shard no earlier snapshot had
   * (new or changed). Empty when nothing was rebuilt. The built-in seeds are not counted: they are
   * read from the jar whenever the catalogue is rebuilt.
   */
  public List<String> sourcesRead() {
    return sourcesRead;
  }

  /** Whether {@link #open} had to (re)build the index. */
  public boolean rebuilt() {
    return rebuilt;
  }

  /** All papers of the built-in catalogue, merged and keyed with the default pattern. */
  public static List<Paper> builtIn() throws IOException {
    List<ReadProblem> problems = new ArrayList<>();
    List<Paper> papers =
        read(CatalogueSource.builtIn(), KeyPattern.DEFAULT, problems, CatalogueProgress.NONE);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the built-in catalogue does not read cleanly: " + problems);
    }
    return papers;
  }

  /**
   * Reads, merges and keys papers from sources, without an index: what {@code records} and tests
   * use. Read problems are added to {@code problems}.
   */
  public static List<Paper> read(
      List<CatalogueSource> sources,
      KeyPattern pattern,
      List<ReadProblem> problems,
      CatalogueProgress progress)
      throws IOException {
    long total = 0;
    for (CatalogueSource source : sources) {
      total += source.size();
    }
    List<Paper> papers = new ArrayList<>();
    long doneBefore = 0;
    for (CatalogueSource source : sources) {
      long before = doneBefore;
      long grandTotal = total;
      try (CountingInputStream in = new CountingInputStream(source.open())) {
        PaperSink sink =
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                papers.add(paper);
                if (papers.size() % 1000 == 0) {
                  progress.update(papers.size(), before + in.count(), grandTotal);
                }
              }

              @Override
              public void problem(ReadProblem problem) {
                problems.add(problem);
              }
            };
        source.reader().read(source.name(), in, sink);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      doneBefore += source.size();
      progress.update(papers.size(), doneBefore, total);
    }
    // Dates without a year are completed after merging, so that a page's "Jul 8" does not stop it
    // from matching the same paper listed elsewhere as "Jul 8, 2024".
    Map<String, CatalogueSource> byName = new java.util.HashMap<>();
    sources.forEach(s -> byName.putIfAbsent(s.name(), s));
    List<Paper> merged = new ArrayList<>();
    for (Paper paper : PaperMerger.merge(papers)) {
      CatalogueSource source = paper.origin() == null ? null : byName.get(paper.origin().source());
      merged.add(source == null ? paper : source.completeDate(paper));
    }
    return new KeyAssigner(pattern).assign(merged);
  }

  @Override
  public void close() throws IOException {
    index.close();
  }

  private static String directoryName(CatalogueConfig config) {
    if (config.sources().isEmpty()) {
      return "catalogue-builtin";
    }
    StringBuilder s = new StringBuilder();
    config.sources().stream()
        .map(p -> p.toAbsolutePath().normalize().toString())
        .sorted()
        .forEach(p -> s.append(p).append('\n'));
    return "catalogue-" + sha256(s.toString()).substring(0, 12);
  }

  private static String fingerprint(List<CatalogueSource> sources, KeyPattern pattern)
      throws IOException {
    StringBuilder s = new StringBuilder("v").append(FORMAT_VERSION).append('\n');
    // A new index layout makes a new snapshot instead of failing to open the old one.
    s.append("schema ").append(PaperIndex.schemaVersion()).append('\n');
    s.append(pattern).append('\n');
    // sorted: the catalogue does not depend on the order its sources are given in
    sources.stream()
        .map(CatalogueSource::fingerprint)
        .sorted()
        .forEach(f -> s.append(f).append('\n'));
    return sha256(s.toString());
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Where the index lives and what goes into it.
   *
   * @param cacheDir parent directory of the index (see {@link UserFolders#cache()})
   * @param sources user sources added to the built-in seeds
   * @param keyPattern how keys are made
   */
  public record CatalogueConfig(Path cacheDir, List<Path> sources, KeyPattern keyPattern) {

    public CatalogueConfig {
      Objects.requireNonNull(cacheDir);
      sources = List.copyOf(sources);
      keyPattern = Objects.requireNonNullElse(keyPattern, KeyPattern.DEFAULT);
    }

    public CatalogueConfig(Path cacheDir, List<Path> sources) {
      this(cacheDir, sources, KeyPattern.DEFAULT);
    }

    /** The built-in catalogue in the user's cache directory. */
    public static CatalogueConfig defaults() {
      return new CatalogueConfig(UserFolders.ofThisProcess().cache(), List.of());
    }
  }

  /** Counts bytes read, for progress; reading a source fully makes {@code count} its size. */
  public static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    public CountingInputStream(InputStream in) {
      super(in);
    }

    public long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  static boolean isPage(SourceFormat format) {
    return format == SourceFormat.LISTING || format == SourceFormat.DAILY_PAPERS;
  }
}
