package dev.citeassist.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.latex.CitationScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndefinedCitationsTest {

  @TempDir Path dir;

  private List<String> undefined(Path root) throws Exception {
    Documents documents = new Documents();
    ProjectModel model = new ProjectModel(documents);
    try (ProjectBibliography bibliography = new ProjectBibliography()) {
      Project project = model.resolve(root);
      bibliography.track(project.bibFiles(), documents::text);
      bibliography.idle().get();
      List<String> found = new ArrayList<>();
      new UndefinedCitations(documents, bibliography)
          .find(project, CitationScanner.standard())
          .forEach(
              (file, list) -> list.forEach(u -> found.add(dir.relativize(file) + ":" + u.key())));
      return found;
    }
  }

  @Test
  void aliasDefinedInTheRootCountsInIncludedChaptersAndSubfilesUseTheirMain() throws Exception {
    Files.writeString(
        dir.resolve("main.tex"),
        """
        \\documentclass{book}
        \\newcommand{\\mycite}[1]{\\citep{#1}}
        \\begin{verbatim}
        \\bibliography{wrong}
        \\end{verbatim}
        \\include{chapter}
        \\subfile{part}
        \\bibliography{refs}
        """);
    Files.writeString(dir.resolve("chapter.tex"), "\\mycite[see][]{missing} \\cite{known}\n");
    Files.writeString(
        dir.resolve("part.tex"),
        "\\documentclass[main.tex]{subfiles}\n\\begin{document}\\cite{gone}\\end{document}\n");
    Files.writeString(dir.resolve("refs.bib"), "@misc{known, title={K}}\n");

    assertEquals(
        List.of("chapter.tex:missing", "part.tex:gone"), undefined(dir.resolve("main.tex")));
    assertEquals(
        List.of("chapter.tex:missing", "part.tex:gone"), undefined(dir.resolve("part.tex")));
  }

  @Test
  void citeInsideACommandThatPrintsItsArgumentCitesNothing() throws Exception {
    Files.writeString(
        dir.resolve("main.tex"),
        """
        \\documentclass{article}
        \\newcommand*{\\code}[1]{%
          \\detokenize\\expandafter{\\string#1}}
        \\code{\\cite[26]{a1}} \\cite{b2}
        \\bibliography{refs}
        """);
    assertEquals(List.of("main.tex:b2"), undefined(dir.resolve("main.tex")));
  }

  @Test
  void bibtexFindsAKeyWhateverItsCaseBiberDoesNot() throws Exception {
    Files.writeString(dir.resolve("refs.bib"), "@misc{known, title={K}}\n");
    Files.writeString(
        dir.resolve("bibtex.tex"), "\\documentclass{article}\\cite{Known}\\bibliography{refs}\n");
    Files.writeString(
        dir.resolve("biber.tex"),
        "\\documentclass{article}\\usepackage[style=numeric]{biblatex}\\addbibresource{refs.bib}"
            + "\\cite{Known}\n");
    assertEquals(List.of(), undefined(dir.resolve("bibtex.tex")));
    assertEquals(List.of("biber.tex:Known"), undefined(dir.resolve("biber.tex")));
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(0, QuickFixes.distance("abc", "abc"));
    assertEquals(1, QuickFixes.distance("liao2018randm", "liao2018ranom"));
    assertEquals(2, QuickFixes.distance("liao2018random", "liao2018randm1"));
  }
}
