package dev.citeassist.latex;

import dev.citeassist.tex.BibtexDialect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which bibliography processor a document is written for: biblatex when it loads the {@code
 * biblatex} package (with usepackage or RequirePackage, options allowed) or names a resource with
 * addbibresource, outside comments and verbatim; else classic bibtex. The one place that recognises
 * biblatex. Stateless.
 */
public final class DialectDetection {

  private static final Pattern BIBLATEX =
      Pattern.compile(
          "\\\\(?:(?:usepackage|RequirePackage)\\s*(?:\\[[^\\]]*\\])?\\s*\\{[^}]*\\bbiblatex\\b[^}]*\\}"
              + "|addbibresource(?![A-Za-z]))");

  private DialectDetection() {}

  /** The dialect of a root document; bibtex when its text is unknown (null). */
  public static BibtexDialect detect(String rootText) {
    return usesBiblatex(rootText) ? BibtexDialect.BIBLATEX : BibtexDialect.BIBTEX;
  }

  /** Whether {@code text} loads biblatex or adds a biblatex resource (false for null). */
  public static boolean usesBiblatex(String text) {
    if (text == null) {
      return false;
    }
    Exclusions exclusions = null;
    Matcher m = BIBLATEX.matcher(text);
    while (m.find()) {
      if (exclusions == null) {
        exclusions = Exclusions.of(text);
      }
      if (!exclusions.contains(m.start() + 1)) {
        return true;
      }
    }
    return false;
  }
}
