package dev.citeassist.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workspace folders the client opened (initialize's {@code workspaceFolders}, else {@code
 * rootUri}, else {@code rootPath}; later {@code didChangeWorkspaceFolders}), as real paths: the
 * places the server may write without asking. With no folder at all (a single file opened), the
 * folder of the project's root document stands in for the workspace. Thread-safe.
 */
public final class Workspace {

  private final CopyOnWriteArrayList<Path> folders = new CopyOnWriteArrayList<>();

  /** Replaces the folders. */
  public void set(Collection<Path> paths) {
    List<Path> real = new ArrayList<>();
    paths.forEach(p -> real.add(real(p)));
    folders.clear();
    folders.addAll(real);
  }

  public void add(Path folder) {
    folders.addIfAbsent(real(folder));
  }

  public void remove(Path folder) {
    folders.remove(real(folder));
  }

  public List<Path> folders() {
    return List.copyOf(folders);
  }

  /**
   * Whether {@code realFile} (a path with symbolic links already resolved) lies inside a workspace
   * folder, or, when there is none, inside the folder of {@code projectRoot}.
   */
  public boolean contains(Path realFile, Path projectRoot) {
    List<Path> roots = folders();
    if (roots.isEmpty() && projectRoot != null && projectRoot.getParent() != null) {
      roots = List.of(real(projectRoot.getParent()));
    }
    for (Path root : roots) {
      if (realFile.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs; // not there (yet): compared as named
    }
  }
}
