package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one LaTeX file defines about citations: commands made into cite commands ({@code
 * \newcommand\mycite{\citep}}, {@code \renewcommand{\cite}[1]{\citep{#1}}}, {@code
 * \let\mycite\citet}), the keys of its {@code \bibitem}s, and the main file a {@code subfiles}
 * document names. Comments and verbatim are ignored. Immutable.
 *
 * @param aliases command names (no backslash) whose body starts with a known cite command
 * @param bibitems keys defined by {@code \bibitem[label]{key}}
 * @param subfilesMain the main file of {@code \documentclass[main]{subfiles}}, or null
 * @param literals commands that print their argument as text ({@code \detokenize}, {@code
 *     \string}): a {@code \cite} in their argument cites nothing
 * @param fileContents the files written by {@code filecontents} environments, by name as written
 *     (LaTeX writes them when the file does not exist)
 */
public record CiteDefinitions(
    Set<String> aliases,
    List<String> bibitems,
    String subfilesMain,
    Set<String> literals,
    java.util.Map<String, String> fileContents) {

  private static final Pattern DEFINITION =
      Pattern.compile(
          "\\\\(?:re|provide)?newcommand\\*?\\s*\\{?\\s*\\\\([A-Za-z]+)\\s*\\}?\\s*"
              + "(?:\\[\\d\\]\\s*)?(?:\\[[^\\]]*\\]\\s*)?\\{\\s*\\\\([A-Za-z]+)");
  private static final Pattern HEADER =
      Pattern.compile(
          "\\\\(?:re|provide)?newcommand\\*?\\s*\\{?\\s*\\\\([A-Za-z]+)\\s*\\}?\\s*"
              + "(?:\\[\\d\\]\\s*)?\\{");
  private static final Pattern FILE_CONTENTS =
      Pattern.compile(
          "\\\\begin\\{filecontents\\*?\\}\\s*(?:\\[[^\\]]*\\]\\s*)?\\{([^}]*)\\}(.*?)"
              + "\\\\end\\{filecontents\\*?\\}",
          Pattern.DOTALL);
  private static final Pattern LET =
      Pattern.compile("\\\\let\\s*\\\\([A-Za-z]+)\\s*=?\\s*\\\\([A-Za-z]+)");
  private static final Pattern BIBITEM =
      Pattern.compile("\\\\bibitem\\s*(?:\\[[^\\]]*\\]\\s*)?\\{([^}]*)\\}");
  private static final Pattern SUBFILES =
      Pattern.compile("\\\\documentclass\\s*\\[([^\\]]*)\\]\\s*\\{subfiles\\}");

  public CiteDefinitions {
    aliases = Set.copyOf(aliases);
    bibitems = List.copyOf(bibitems);
    literals = Set.copyOf(literals);
    fileContents = java.util.Map.copyOf(fileContents);
  }

  public static CiteDefinitions parse(String text) {
    Exclusions exclusions = Exclusions.of(text);
    Set<String> aliases = new LinkedHashSet<>();
    for (Pattern p : new Pattern[] {DEFINITION, LET}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (!exclusions.contains(m.start() + 1) && CitationScanner.isKnown(m.group(2))) {
          aliases.add(m.group(1));
        }
      }
    }
    List<String> bibitems = new ArrayList<>();
    Matcher b = BIBITEM.matcher(text);
    while (b.find()) {
      if (!exclusions.contains(b.start() + 1) && !b.group(1).isBlank()) {
        bibitems.add(b.group(1).strip());
      }
    }
    Matcher s = SUBFILES.matcher(text);
    String main = null;
    while (s.find()) {
      if (!exclusions.contains(s.start() + 1)) {
        main = s.group(1).strip();
        break;
      }
    }
    Set<String> literals = new LinkedHashSet<>();
    Matcher h = HEADER.matcher(text);
    while (h.find()) {
      String body = text.substring(h.end(), Math.min(text.length(), h.end() + 80));
      if (!exclusions.contains(h.start() + 1)
          && (body.contains("\\detokenize") || body.contains("\\string"))) {
        literals.add(h.group(1));
      }
    }
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    Matcher f = FILE_CONTENTS.matcher(text);
    while (f.find()) {
      files.putIfAbsent(f.group(1).strip(), f.group(2));
    }
    return new CiteDefinitions(aliases, bibitems, main, literals, files);
  }
}
