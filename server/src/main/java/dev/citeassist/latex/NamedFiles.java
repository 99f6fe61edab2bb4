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
      boolean bib;
      switch (m.group(1)) {
        case "bibliography", "addbibresource", "addglobalbib" -> bib = true;
        case "input", "include", "subfile" -> bib = false;
        // the import package's names are resolved against folders the walk of the project knows
        default -> {
          continue;
        }
      }
      int open = Arguments.open(text, m.end());
      int close = open < 0 ? -1 : Arguments.end(text, open);
      if (close < 0) {
        continue;
      }
      names(text, open + 1, close - 1, bib, m.group(1).equals("bibliography"), names);
    }
    return names;
  }

  /**
   * The names in {@code text[from, to)}, the inside of an argument: split at commas when {@code
   * list}, each stripped of blanks and comments (as TeX reads {@code \bibliography{a,% note⏎ b}}).
   */
  private static void names(
      String text, int from, int to, boolean bib, boolean list, List<NamedFile> names) {
    StringBuilder name = new StringBuilder();
    int start = -1;
    int end = -1;
    int i = from;
    while (i <= to) {
      char c = i < to ? text.charAt(i) : ',';
      if (i < to && c == '%') {
        i = Arguments.skipComment(text, i);
        continue;
      }
      if (i == to || (list && c == ',')) {
        String n = name.toString().strip();
        if (!n.isEmpty()) {
          names.add(new NamedFile(n, bib, start, end));
        }
        name.setLength(0);
        start = -1;
        if (i == to) {
          return;
        }
      } else {
        name.append(c);
        if (!Character.isWhitespace(c)) {
          start = start < 0 ? i : start;
          end = i + 1;
        }
      }
      i++;
    }
  }
}
