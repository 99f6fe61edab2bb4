package dev.citeassist.suggestion;

import dev.citeassist.document.Project;
import dev.citeassist.suggestion.ProjectCitations.Cite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences that help a person choose among suggestions, as plain text: why a paper is
 * suggested ({@code matches "kalman", "filter" · cited with a and b}) and where the project already
 * cites an entry ({@code cited 3× — intro.tex:12, method.tex:40, method.tex:51}). Stateless.
 */
public final class SuggestionText {

  /** How many matching words and citing places are named; the rest are counted. */
  static final int SHOWN = 3;

  private SuggestionText() {}

  /** One line on why a paper is suggested, or null when nothing but its place in the file does. */
  public static String why(Suggester.Why why) {
    List<String> parts = new ArrayList<>(2);
    if (!why.words().isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String w : why.words().subList(0, Math.min(SHOWN, why.words().size()))) {
        quoted.add("\"" + w + "\"");
      }
      parts.add("matches " + String.join(", ", quoted));
    }
    if (!why.citedWith().isEmpty()) {
      parts.add("cited with " + String.join(" and ", why.citedWith()));
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  /**
   * How often and where the project cites a key ({@code uses} in project order), file names
   * relative to the root's folder; null when it does not.
   */
  public static String uses(List<Cite> uses, Project project) {
    if (uses.isEmpty()) {
      return null;
    }
    Path dir = project == null ? null : project.root().getParent();
    List<String> places = new ArrayList<>();
    for (Cite c : uses.subList(0, Math.min(SHOWN, uses.size()))) {
      Path f = c.file();
      String name =
          dir != null && f.startsWith(dir)
              ? dir.relativize(f).toString()
              : String.valueOf(f.getFileName());
      places.add(name + ":" + c.line());
    }
    String more = uses.size() > SHOWN ? ", …" : "";
    return "cited " + uses.size() + "× — " + String.join(", ", places) + more;
  }
}
