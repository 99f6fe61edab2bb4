package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Where a LaTeX text names other files: each name of {@code \bibliography{a,b}}, {@code
 * \addbibresource{x.bib}} and of {@code \input}, {@code \include}, {@code \subfile}, with its
 * offsets, as written (no extension added, not resolved). The same commands as {@link
 * LatexStructure}, for putting a diagnostic on the name. Stateless.
 */
public final class NamedFiles {

  /** A file name at {@code [start, end)}; {@code bibliography} tells a database from an input. */
  public record NamedFile(String name, boolean bibliography, int start, int end) {}

  private NamedFiles() {}

  public static List<NamedFile> of(String text) {
    Exclusions exclusions = Exclusions.of(text);
    List<NamedFile> names = new ArrayList<>();
    Matcher m = LatexStructure.COMMAND.matcher(text);
    while (m.find()) {
      if (exclusions.contains(m.start() + 1)) {
        continue;
      }
      switch (m.group(1)) {
        case "documentclass" -> {}
        case "bibliography" -> {
          int from = m.start(2);
          for (String part : m.group(2).split(",", -1)) {
            add(names, part, true, from);
            from += part.length() + 1;
          }
        }
        case "addbibresource", "addglobalbib" -> add(names, m.group(2), true, m.start(2));
        default -> add(names, m.group(2), false, m.start(2));
      }
    }
    return names;
  }

  private static void add(List<NamedFile> names, String part, boolean bib, int from) {
    String name = part.strip();
    if (name.isEmpty()) {
      return;
    }
    int start = from + part.indexOf(name);
    names.add(new NamedFile(name, bib, start, start + name.length()));
  }
}
