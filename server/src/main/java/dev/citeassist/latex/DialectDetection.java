package dev.citeassist.latex;

import dev.citeassist.tex.BibtexDialect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which bibliography processor a root document is written for: biblatex when it loads the
 * {@code biblatex} package (outside comments and verbatim), else classic bibtex. Stateless.
 */
public final class DialectDetection {

  private static final Pattern BIBLATEX =
      Pattern.compile(
          "\\\\(?:usepackage|RequirePackage)\\s*(?:\\[[^\\]]*\\])?\\s*\\{[^}]*\\bbiblatex\\b[^}]*\\}");

  private DialectDetection() {}

  public static BibtexDialect detect(String rootText) {
    if (rootText == null) {
      return BibtexDialect.BIBTEX;
    }
    Exclusions exclusions = Exclusions.of(rootText);
    Matcher m = BIBLATEX.matcher(rootText);
    while (m.find()) {
      if (!exclusions.contains(m.start() + 1)) {
        return BibtexDialect.BIBLATEX;
      }
    }
    return BibtexDialect.BIBTEX;
  }
}
