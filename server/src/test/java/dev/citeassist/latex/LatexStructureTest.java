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
}
