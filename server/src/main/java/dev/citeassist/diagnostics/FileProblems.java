package dev.citeassist.diagnostics;

import dev.citeassist.document.DiskFiles;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.latex.NamedFiles;
import dev.citeassist.latex.NamedFiles.NamedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files that a project's {@code .tex} files name ({@code \bibliography}, {@code
 * \addbibresource}, {@code \input}, ...) and that cannot be read: missing, a directory, a FIFO, a
 * symbolic link loop, unreadable, or over the size limit of {@link DiskFiles}. Each is found on the
 * name in the {@code .tex}; an open buffer or a {@code .bib} written by a {@code filecontents}
 * environment counts as readable. Asks the file system for each name's attributes only (never opens
 * a file, so a FIFO cannot block). Stateless apart from its collaborators; thread-safe.
 */
final class FileProblems {

  /** A name at {@code [start, end)} of {@code file} whose file cannot be read, and why. */
  record Problem(Path file, int start, int end, String message) {}

  private final Documents documents;
  private final ProjectModel projects;

  FileProblems(Documents documents, ProjectModel projects) {
    this.documents = documents;
    this.projects = projects;
  }

  /**
   * Per {@code .tex} file of the project that names an unreadable file, its problems in order.
   *
   * @param provided {@code .bib} files that the project itself writes ({@code filecontents})
   */
  Map<Path, List<Problem>> find(Project project, Set<Path> provided) {
    Map<Path, List<Problem>> byFile = new LinkedHashMap<>();
    for (Path tex : project.texFiles()) {
      String text = documents.text(tex);
      if (text == null) {
        continue;
      }
      for (NamedFile named : NamedFiles.of(text)) {
        // A name made by a macro (other than \jobname), quoted, or a shell escape is not resolved.
        String plain = named.name().replace("\\jobname", "");
        if (plain.indexOf('\\') >= 0
            || plain.indexOf('#') >= 0
            || plain.indexOf('"') >= 0
            || plain.startsWith("|")) {
          continue;
        }
        Path target =
            named.bibliography()
                ? projects.bibFile(project.root(), named.name())
                : projects.inputFile(project.root(), named.name());
        if (documents.get(target).isPresent() || provided.contains(target)) {
          continue;
        }
        String problem = DiskFiles.problem(target);
        if (problem != null) {
          byFile
              .computeIfAbsent(tex, k -> new ArrayList<>())
              .add(
                  new Problem(
                      tex,
                      named.start(),
                      named.end(),
                      shown(project.root(), target) + ": " + problem));
        }
      }
    }
    return byFile;
  }

  /** The file's path relative to the root's folder when it is inside it, else absolute. */
  private static String shown(Path root, Path file) {
    Path dir = root.getParent();
    return dir != null && file.startsWith(dir) ? dir.relativize(file).toString() : file.toString();
  }
}
