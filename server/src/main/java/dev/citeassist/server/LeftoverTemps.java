package dev.citeassist.server;

import dev.citeassist.document.Project;
import dev.citeassist.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Removes the temporary files that a killed process left beside a project's {@code .bib} files (see
 * {@link AtomicFile#cleanStale}), once per folder per server, when the project is first seen.
 * Thread-safe.
 */
final class LeftoverTemps {

  private static final Logger LOG = Logger.getLogger(LeftoverTemps.class.getName());

  private final Set<Path> cleaned = ConcurrentHashMap.newKeySet();

  void clean(Project project) {
    List<Path> bibs = new ArrayList<>(project.bibFiles());
    bibs.add(project.targetBib());
    for (Path bib : bibs) {
      Path folder;
      try {
        folder = AtomicFile.realTarget(bib).getParent();
      } catch (IOException | RuntimeException e) {
        continue; // a dangling link: nothing was ever written there
      }
      if (folder != null && cleaned.add(folder)) {
        int n = AtomicFile.cleanStale(folder);
        if (n > 0) {
          LOG.info(() -> "deleted " + n + " temporary file(s) left by a stopped writer");
        }
      }
    }
  }
}
