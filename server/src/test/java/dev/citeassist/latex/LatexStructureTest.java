package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatexStructureTest {

  @Test
  void readsBibliographiesInputsAndRoot() {
    LatexStructure s =
        LatexStructure.parse(
            """
            % !TEX root = ../main.tex
            \\documentclass{article}
            \\addbibresource[label=x]{extra.bib}
            \\input{chapters/intro}
            % \\bibliography{commented}
            \\include{appendix}
            \\bibliography{refs, more}
            """);
    assertEquals(List.of("extra.bib", "refs", "more"), s.bibliographies());
    assertEquals(List.of("chapters/intro", "appendix"), s.inputs());
    assertEquals("../main.tex", s.texRoot());
    assertEquals(true, s.hasDocumentClass());
  }

  @Test
  void fileWithoutDocumentClassIsNoRoot() {
    LatexStructure s = LatexStructure.parse("\\section{A}\n\\cite{x}\n");
    assertEquals(new LatexStructure(List.of(), List.of(), null, false), s);
  }

  @Test
  void dropsCommentsAndBlanksAroundBibliographyNames() {
    LatexStructure s =
        LatexStructure.parse(
            """
            \\bibliography{refs,% the group's shared file
              shared/lab ,
              % old,
              extra}
            \\addbibresource{ % the data
              data.bib}
            """);
    assertEquals(List.of("refs", "shared/lab", "extra", "data.bib"), s.bibliographies());
  }

  @Test
  void readsTheImportPackagesCommands() {
    LatexStructure s =
        LatexStructure.parse(
            """
            \\import{parts/one/}{intro}
            \\subimport*{sections/}{methods.tex}
            \\inputfrom{/abs/dir/}{a}
            \\includefrom{b/}{c}
            \\subinputfrom{d/}{e}
            \\subincludefrom{f/}{g}
            \\input{plain}
            \\includegraphics{figure}
            """);
    assertEquals(
        List.of(
            new LatexStructure.Inclusion("intro", "parts/one/", false),
            new LatexStructure.Inclusion("methods.tex", "sections/", true),
            new LatexStructure.Inclusion("a", "/abs/dir/", false),
            new LatexStructure.Inclusion("c", "b/", false),
            new LatexStructure.Inclusion("e", "d/", true),
            new LatexStructure.Inclusion("g", "f/", true),
            new LatexStructure.Inclusion("plain", null, false)),
        s.inclusions());
    assertEquals(List.of("plain"), s.inputs());
  }

  @Test
  void readsUserCommandsThatIncludeFilesAndExpandsTheirUses() {
    String text =
        """
        \\newcommand{\\chapterfile}[1]{\\input{chapters/#1}}
        \\newcommand\\part[2]{\\subimport{#1/}{#2}}
        \\def\\inc#1{\\include{#1}}
        \\newcommand{\\bold}[1]{\\textbf{#1}}
        \\renewcommand*{\\appendixfile}{\\input{appendix}}
        \\chapterfile{intro}
        \\chapterfile
          {methods}
        % \\chapterfile{hidden}
        \\part{results}{main}
        \\inc{conclusion}
        \\appendixfile
        \\bold{text}
        """;
    LatexStructure s = LatexStructure.parse(text);
    assertEquals(
        java.util.Set.of("chapterfile", "part", "inc", "appendixfile"),
        s.includingMacros().keySet());
    assertEquals(
        List.of(
            new LatexStructure.Inclusion("chapters/intro", null, false),
            new LatexStructure.Inclusion("chapters/methods", null, false),
            new LatexStructure.Inclusion("main", "results/", true),
            new LatexStructure.Inclusion("conclusion", null, false),
            new LatexStructure.Inclusion("appendix", null, false)),
        LatexStructure.expand(text, s.includingMacros()));
    // the definitions' own bodies are not inclusions of the file
    assertEquals(List.of(), s.inclusions());
  }
}
