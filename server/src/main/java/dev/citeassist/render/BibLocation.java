package dev.citeassist.render;

import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Project;
import java.nio.file.Path;

/** Where an entry is defined, as a person reads it: {@code refs.bib:42}, relative to the root. */
public final class BibLocation {

  private BibLocation() {}

  public static String of(BibEntry entry, Project project) {
    Path dir = project == null ? null : project.root().getParent();
    Path file = entry.file();
    String name =
        dir != null && file.startsWith(dir)
            ? dir.relativize(file).toString()
            : String.valueOf(file.getFileName());
    return name + ":" + entry.line();
  }
}
