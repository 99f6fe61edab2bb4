package dev.citeassist.document;

import dev.citeassist.latex.LatexStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Resolves the project of a {@code .tex} file: its root ({@code % !TEX root}, else itself when it
 * has a {@code \documentclass}, else an open or neighbouring root that includes it), the files the
 * root includes and the {@code .bib} files they name, relative to the root's folder. Open buffers
 * win over disk. Parsed structures are cached by text identity; thread-safe.
 */
public final class ProjectModel {

  private record Cached(String text, LatexStructure structure) {}

  private final Documents documents;
  private final ConcurrentHashMap<Path, Cached> structures = new ConcurrentHashMap<>();
  // Where a .bib not beside the root is looked for, as bibtex does: settings, then BIBINPUTS.
  private volatile List<Path> bibFolders = List.of();
  private final List<Path> bibInputs = bibInputs(System.getenv("BIBINPUTS"));

  public ProjectModel(Documents documents) {
    this.documents = documents;
  }

  /** The folders searched for a {@code .bib} that is not beside the root, before BIBINPUTS. */
  public void setBibFolders(List<Path> folders) {
    bibFolders = List.copyOf(folders);
  }

  static List<Path> bibInputs(String value) {
    List<Path> folders = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(java.io.File.pathSeparator)) {
        // kpathsea's "//" (search subfolders) and an empty part (the default path) are not
        // followed: the folder itself is searched.
        String p = part.replaceAll("/+$", "");
        if (!p.isBlank() && !p.equals(".")) {
          folders.add(Path.of(p));
        }
      }
    }
    return folders;
  }

  public Project resolve(Path texFile) {
    Path file = texFile.toAbsolutePath().normalize();
    Path root = findRoot(file);
    return traverse(root);
  }

  LatexStructure structure(Path file) {
    String text = documents.text(file);
    if (text == null) {
      return new LatexStructure(List.of(), List.of(), null, false);
    }
    Cached c = structures.get(file);
    if (c == null || c.text() != text) {
      c = new Cached(text, LatexStructure.parse(text));
      structures.put(file, c);
    }
    return c.structure();
  }

  private Path findRoot(Path file) {
    Path current = file;
    Set<Path> seen = new LinkedHashSet<>();
    while (seen.add(current)) {
      LatexStructure s = structure(current);
      if (s.texRoot() != null) {
        Path next = texPath(current.getParent(), s.texRoot());
        if (next.equals(current)) {
          return current;
        }
        current = next;
        continue;
      }
      String text = documents.text(current);
      String main =
          text == null || !text.contains("subfiles")
              ? null
              : dev.citeassist.latex.CiteDefinitions.parse(text).subfilesMain();
      if (main != null) {
        Path next = texPath(current.getParent(), main);
        if (!next.equals(current)) {
          current = next;
          continue;
        }
      }
      if (s.hasDocumentClass()) {
        return current;
      }
      Path including = includingRoot(current);
      return including != null ? including : current;
    }
    return current;
  }

  /** A root document, open or next to this file (or one folder up), whose tree includes it. */
  private Path includingRoot(Path file) {
    List<Path> candidates = new ArrayList<>();
    for (TextDocument d : documents.all()) {
      candidates.add(Documents.path(d.uri()));
    }
    for (Path dir : new Path[] {file.getParent(), file.getParent().getParent()}) {
      if (dir == null) {
        continue;
      }
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.toString().endsWith(".tex")).limit(200).forEach(candidates::add);
      } catch (IOException e) {
        // An unreadable folder holds no candidate.
      }
    }
    for (Path candidate : candidates) {
      Path c = candidate.toAbsolutePath().normalize();
      if (!c.equals(file)
          && c.toString().endsWith(".tex")
          && structure(c).hasDocumentClass()
          && traverse(c).texFiles().contains(file)) {
        return c;
      }
    }
    return null;
  }

  private Project traverse(Path root) {
    Set<Path> tex = new LinkedHashSet<>();
    Set<Path> bibs = new LinkedHashSet<>();
    Deque<Path> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty() && tex.size() < 1000) {
      Path f = queue.removeFirst();
      if (!tex.add(f)) {
        continue;
      }
      LatexStructure s = structure(f);
      for (String b : s.bibliographies()) {
        bibs.add(bibFile(root, b));
      }
      for (String in : s.inputs()) {
        queue.add(inputFile(root, in));
      }
    }
    return new Project(root, new ArrayList<>(tex), new ArrayList<>(bibs));
  }

  /**
   * The {@code .bib} that {@code \bibliography} or {@code \addbibresource} names {@code name} in
   * the project of {@code root}: {@code .bib} added, {@code \jobname} replaced, looked for beside
   * the root, then in the bibliography folders.
   */
  public Path bibFile(Path root, String name) {
    // \addbibresource{\jobname.bib}: the root's name (with a filecontents environment).
    String n = name.replace("\\jobname", jobName(root));
    return bibPath(root.getParent(), n.endsWith(".bib") ? n : n + ".bib");
  }

  /** The file that {@code \input}, {@code \include} or {@code \subfile} names in a project. */
  public Path inputFile(Path root, String name) {
    return texPath(root.getParent(), name);
  }

  /** The name LaTeX gives the job of this root: its file name without {@code .tex}. */
  public static String jobName(Path root) {
    return root.getFileName().toString().replaceFirst("\\.tex$", "");
  }

  private Path bibPath(Path dir, String name) {
    Path here = dir.resolve(name).normalize();
    if (Files.exists(here) || documents.get(here).isPresent() || Path.of(name).isAbsolute()) {
      return here;
    }
    for (List<Path> folders : List.of(bibFolders, bibInputs)) {
      for (Path f : folders) {
        Path there = dir.resolve(f).resolve(name).normalize();
        if (Files.exists(there)) {
          return there;
        }
      }
    }
    return here;
  }

  private static Path texPath(Path dir, String name) {
    Path p = dir.resolve(name).normalize();
    if (!name.endsWith(".tex") && !Files.exists(p)) {
      return dir.resolve(name + ".tex").normalize();
    }
    return p;
  }
}
