package dev.citeassist.diagnostics;

import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.latex.CitationScanner.CitedKey;
import dev.citeassist.latex.CiteDefinitions;
import dev.citeassist.latex.DialectDetection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cited keys of a project that no project {@code .bib} entry and no {@code \bibitem} defines,
 * per {@code .tex} file. Cite commands are the scanner's plus those the project's files define
 * ({@code \newcommand\mycite{\citep}}); {@code \nocite{*}} defines nothing and is never undefined.
 * Each file's scan is cached by its text, so an edit re-scans only the edited file. Thread-safe.
 */
final class UndefinedCitations {

  /** A key cited at {@code [start, end)} of {@code file} that nothing defines. */
  record Undefined(Path file, String key, int start, int end) {}

  private record Scan(
      String text, CiteDefinitions definitions, Set<String> commands, List<CitedKey> keys) {}

  private final Documents documents;
  private final ProjectBibliography bibliography;
  private final Map<Path, Scan> scans = new ConcurrentHashMap<>();

  // Closed files by their size and time on disk: a keystroke in one chapter re-reads no other.
  private record OnDisk(long size, long modified, String text) {}

  private final Map<Path, OnDisk> disk = new ConcurrentHashMap<>();

  UndefinedCitations(Documents documents, ProjectBibliography bibliography) {
    this.documents = documents;
    this.bibliography = bibliography;
  }

  /** Per file of the project (every one, even when it has none), its undefined keys in order. */
  Map<Path, List<Undefined>> find(Project project, CitationScanner base) {
    Map<Path, String> texts = new LinkedHashMap<>();
    Set<String> aliases = new HashSet<>();
    Set<String> bibitems = new HashSet<>();
    Set<String> literals = new HashSet<>();
    for (Path f : project.texFiles()) {
      String text = text(f);
      if (text == null) {
        continue;
      }
      texts.put(f, text);
      CiteDefinitions d = definitions(f, text);
      aliases.addAll(d.aliases());
      bibitems.addAll(d.bibitems());
      literals.addAll(d.literals());
    }
    CitationScanner scanner = base.with(aliases);
    // BibTeX finds an entry whatever the case of the cited key; biber does not.
    boolean biber = texts.values().stream().anyMatch(DialectDetection::usesBiblatex);
    Set<String> lowerCase = new HashSet<>();
    if (!biber) {
      bibitems.forEach(k -> lowerCase.add(k.toLowerCase(java.util.Locale.ROOT)));
    }
    boolean ignoreCase = !biber;
    Map<Path, List<Undefined>> result = new LinkedHashMap<>();
    for (Map.Entry<Path, String> e : texts.entrySet()) {
      List<Undefined> undefined = new ArrayList<>();
      List<int[]> printed = literalArguments(e.getValue(), literals);
      for (CitedKey k : keys(e.getKey(), e.getValue(), scanner, aliases)) {
        if (inside(printed, k.start())) {
          continue;
        }
        // A macro's body (\newcommand\mycite{\citep}, \citet{#1}) is not a citation.
        if (k.key().equals("*")
            || k.key().indexOf('\\') >= 0
            || k.key().indexOf('#') >= 0
            || bibitems.contains(k.key())
            || bibliography.entry(k.key(), project.bibFiles()).isPresent()
            || (ignoreCase
                && (lowerCase.contains(k.key().toLowerCase(java.util.Locale.ROOT))
                    || bibliography.hasKeyIgnoringCase(k.key(), project.bibFiles())))) {
          continue;
        }
        undefined.add(new Undefined(e.getKey(), k.key(), k.start(), k.end()));
      }
      result.put(e.getKey(), undefined);
    }
    return result;
  }

  /** The brace-delimited arguments of {@code \\name{…}} for the given command names. */
  static List<int[]> literalArguments(String text, Set<String> names) {
    List<int[]> ranges = new ArrayList<>();
    for (String name : names) {
      String call = "\\" + name + "{";
      for (int i = text.indexOf(call); i >= 0; i = text.indexOf(call, i + 1)) {
        int open = i + call.length() - 1;
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
          char c = text.charAt(j);
          if (c == '{') {
            depth++;
          } else if (c == '}' && --depth == 0) {
            ranges.add(new int[] {open, j});
            break;
          }
        }
      }
    }
    return ranges;
  }

  private static boolean inside(List<int[]> ranges, int offset) {
    for (int[] r : ranges) {
      if (offset > r[0] && offset < r[1]) {
        return true;
      }
    }
    return false;
  }

  private String text(Path f) {
    if (documents.get(f).isPresent()) {
      return documents.text(f);
    }
    try {
      var attributes =
          java.nio.file.Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
      long size = attributes.size();
      long modified = attributes.lastModifiedTime().toMillis();
      OnDisk known = disk.get(f);
      if (known != null && known.size() == size && known.modified() == modified) {
        return known.text();
      }
      String text = documents.text(f);
      if (text != null) {
        disk.put(f, new OnDisk(size, modified, text));
      }
      return text;
    } catch (java.io.IOException e) {
      disk.remove(f);
      return null;
    }
  }

  private CiteDefinitions definitions(Path file, String text) {
    Scan s = scans.get(file);
    if (s != null && s.text().equals(text)) {
      return s.definitions();
    }
    Scan fresh = new Scan(text, CiteDefinitions.parse(text), null, null);
    scans.put(file, fresh);
    return fresh.definitions();
  }

  private List<CitedKey> keys(
      Path file, String text, CitationScanner scanner, Set<String> aliases) {
    Scan s = scans.get(file);
    if (s != null && s.text().equals(text) && s.keys() != null && aliases.equals(s.commands())) {
      return s.keys();
    }
    List<CitedKey> keys = scanner.citations(text);
    scans.put(
        file,
        new Scan(
            text,
            s != null && s.text().equals(text) ? s.definitions() : CiteDefinitions.parse(text),
            Set.copyOf(aliases),
            keys));
    return keys;
  }
}
