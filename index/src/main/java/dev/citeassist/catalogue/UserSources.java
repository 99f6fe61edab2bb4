package dev.citeassist.catalogue;

import dev.citeassist.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The list of the user's own catalogue sources that {@code citeassist index} adds to: one absolute
 * path per line in {@code $XDG_CONFIG_HOME/citeassist/sources} (default {@code
 * ~/.config/citeassist/sources}; see {@link UserFolders#config()}). Kept with the configuration,
 * not the cache, because it is the user's choice, not derived data. Written atomically.
 */
public final class UserSources {

  private final Path file;

  public UserSources(Path file) {
    this.file = file;
  }

  public static UserSources atDefaultLocation() {
    return new UserSources(UserFolders.ofThisProcess().config().resolve("sources"));
  }

  /** The saved sources, in the order they were added; empty when none were. */
  public List<Path> load() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Path> paths = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        paths.add(Path.of(line.strip()));
      }
    }
    return List.copyOf(paths);
  }

  /** Adds sources (absolute, normalised, each once) and saves the list; returns the new list. */
  public List<Path> add(List<Path> sources) throws IOException {
    Set<Path> all = new LinkedHashSet<>(load());
    for (Path p : sources) {
      all.add(p.toAbsolutePath().normalize());
    }
    StringBuilder text = new StringBuilder("# CiteAssist catalogue sources, one per line\n");
    all.forEach(p -> text.append(p).append('\n'));
    Files.createDirectories(file.getParent());
    AtomicFile.cleanStale(file.getParent());
    AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return List.copyOf(all);
  }
}
