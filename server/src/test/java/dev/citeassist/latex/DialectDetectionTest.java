package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.tex.BibtexDialect;
import org.junit.jupiter.api.Test;

class DialectDetectionTest {

  @Test
  void biblatexPackageMeansBiblatex() {
    assertEquals(
        BibtexDialect.BIBLATEX,
        DialectDetection.detect(
            "\\documentclass{article}\n\\usepackage[backend=biber,style=authoryear]{biblatex}\n"));
    assertEquals(
        BibtexDialect.BIBLATEX, DialectDetection.detect("\\usepackage{csquotes,biblatex}\n"));
  }

  @Test
  void bibliographystyleOrNothingMeansBibtex() {
    assertEquals(
        BibtexDialect.BIBTEX,
        DialectDetection.detect("\\bibliographystyle{plain}\n\\bibliography{refs}\n"));
    assertEquals(BibtexDialect.BIBTEX, DialectDetection.detect(null));
  }

  @Test
  void aCommentedOutBiblatexDoesNotCount() {
    assertEquals(
        BibtexDialect.BIBTEX,
        DialectDetection.detect("% \\usepackage{biblatex}\n\\bibliographystyle{plain}\n"));
  }

  @Test
  void requirePackageWithOptionsOrAnAddedResourceMeansBiblatex() {
    assertEquals(
        BibtexDialect.BIBLATEX, DialectDetection.detect("\\RequirePackage[style=apa]{biblatex}"));
    assertEquals(BibtexDialect.BIBLATEX, DialectDetection.detect("\\addbibresource{refs.bib}\n"));
    assertEquals(
        BibtexDialect.BIBTEX, DialectDetection.detect("\\addbibresourcesomething{refs.bib}\n"));
    assertEquals(BibtexDialect.BIBTEX, DialectDetection.detect("\\usepackage{biblatexish}\n"));
  }

  @Test
  void usesBiblatexSkipsCommentsAndVerbatim() {
    assertEquals(false, DialectDetection.usesBiblatex("% \\addbibresource{refs.bib}\n"));
    assertEquals(
        false,
        DialectDetection.usesBiblatex(
            "\\begin{verbatim}\n\\usepackage{biblatex}\n\\end{verbatim}\n"));
    assertEquals(
        true, DialectDetection.usesBiblatex("% \\usepackage{biblatex}\n\\usepackage{biblatex}\n"));
  }
}
