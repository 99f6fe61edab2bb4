package dev.citeassist.document;

import dev.citeassist.latex.LatexStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /** The uses of including commands in a text, expanded with the commands known then. */
  private record Expanded(
      String text,
      Map<String, LatexStructure.IncludingMacro> macros,
      List<LatexStructure.Inclusion> inclusions) {}

  /** How many folders above a file without a root of its own are searched for one. */
  private static final int ROOT_LEVELS_UP = 3;

  private final Documents documents;
  private final ConcurrentHashMap<Path, Cached> structures = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, Expanded> expansions = new ConcurrentHashMap<>();
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

  /**
   * A root document, open or next to this file or up to {@link #ROOT_LEVELS_UP} folders up, whose
   * tree includes it (files of an imported part sit two or three folders below their root).
   */
  private Path includingRoot(Path file) {
    List<Path> candidates = new ArrayList<>();
    for (TextDocument d : documents.all()) {
      candidates.add(Documents.path(d.uri()));
    }
    Path dir = file.getParent();
    for (int up = 0; up <= ROOT_LEVELS_UP && dir != null; up++, dir = dir.getParent()) {
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

  /** A file to visit, with the folder it was imported from (null: not imported). */
  private record Visit(Path file, Path importDir) {}

  /**
   * The files and {@code .bib} files of the project of {@code root}. User commands that include
   * files are expanded one level wherever they are used in the project, so the traversal runs again
   * while it finds new ones (a preamble file may define a command the root uses).
   */
  private Project traverse(Path root) {
    Map<String, LatexStructure.IncludingMacro> macros = new LinkedHashMap<>();
    while (true) {
      int known = macros.size();
      Project project = traverse(root, macros);
      if (macros.size() == known) {
        return project;
      }
    }
  }

  private Project traverse(Path root, Map<String, LatexStructure.IncludingMacro> macros) {
    Path dir = root.getParent();
    Set<Path> tex = new LinkedHashSet<>();
    Set<Path> bibs = new LinkedHashSet<>();
    Deque<Visit> queue = new ArrayDeque<>();
    queue.add(new Visit(root, null));
    while (!queue.isEmpty() && tex.size() < 1000) {
      Visit visit = queue.removeFirst();
      Path f = visit.file();
      if (!tex.add(f)) {
        continue;
      }
      LatexStructure s = structure(f);
      s.includingMacros().forEach(macros::putIfAbsent);
      for (String b : s.bibliographies()) {
        bibs.add(bibFile(root, b));
      }
      List<LatexStructure.Inclusion> inclusions = new ArrayList<>(s.inclusions());
      if (!macros.isEmpty()) {
        inclusions.addAll(expanded(f, macros));
      }
      for (LatexStructure.Inclusion in : inclusions) {
        queue.add(resolve(dir, visit, in));
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

  /**
   * The file that {@code \input}, {@code \include} or {@code \subfile} names in a project, as TeX
   * finds it from the root's folder (an imported file's inclusions are resolved as the project is
   * walked; this is for naming a file that is missing).
   */
  public Path inputFile(Path root, String name) {
    return texPath(root.getParent(), name);
  }

  /** The inclusions of the uses of {@code macros} in {@code file}, cached by text and commands. */
  private List<LatexStructure.Inclusion> expanded(
      Path file, Map<String, LatexStructure.IncludingMacro> macros) {
    String text = documents.text(file);
    if (text == null) {
      return List.of();
    }
    Expanded e = expansions.get(file);
    if (e == null || e.text() != text || !e.macros().equals(macros)) {
      e = new Expanded(text, Map.copyOf(macros), LatexStructure.expand(text, macros));
      expansions.put(file, e);
    }
    return e.inclusions();
  }

  /**
   * Where an inclusion in the file of {@code from} leads, as TeX and the import package find it:
   * {@code \input} relative to the root's folder (TeX's working folder), but first to the folder
   * the including file was imported from; {@code \import{dir}{file}} relative to the root's folder;
   * {@code \subimport{dir}{file}} relative to the folder the including file was imported from (the
   * root's folder when it was not), else to the including file's own folder.
   */
  private Visit resolve(Path rootDir, Visit from, LatexStructure.Inclusion in) {
    if (in.importDir() == null) {
      if (from.importDir() != null) {
        Path there = texPath(from.importDir(), in.file());
        if (isFile(there)) {
          return new Visit(there, from.importDir());
        }
      }
      return new Visit(texPath(rootDir, in.file()), from.importDir());
    }
    if (!in.relative()) {
      Path importDir = rootDir.resolve(in.importDir()).normalize();
      return new Visit(texPath(importDir, in.file()), importDir);
    }
    Path base = from.importDir() != null ? from.importDir() : rootDir;
    Path importDir = base.resolve(in.importDir()).normalize();
    Path file = texPath(importDir, in.file());
    if (!isFile(file) && from.file().getParent() != null) {
      Path beside = from.file().getParent().resolve(in.importDir()).normalize();
      if (isFile(texPath(beside, in.file()))) {
        return new Visit(texPath(beside, in.file()), beside);
      }
    }
    return new Visit(file, importDir);
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

  /**
   * The file TeX reads for {@code \\input{name}} in {@code dir}: {@code name.tex} when that is a
   * file, else {@code name} itself when that is a file (not a folder: {@code Chapters/Chapter1} may
   * be both), else {@code name.tex}, which does not exist yet. A name ending in {@code .tex} is
   * taken as it is. Open buffers count as files.
   */
  private Path texPath(Path dir, String name) {
    Path asGiven = dir.resolve(name).normalize();
    if (name.endsWith(".tex")) {
      return asGiven;
    }
    Path withTex = dir.resolve(name + ".tex").normalize();
    if (isFile(withTex) || !isFile(asGiven)) {
      return withTex;
    }
    return asGiven;
  }

  /** Whether {@code path} is a regular file on disk or an open buffer. */
  private boolean isFile(Path path) {
    return Files.isRegularFile(path) || documents.get(path).isPresent();
  }
}
