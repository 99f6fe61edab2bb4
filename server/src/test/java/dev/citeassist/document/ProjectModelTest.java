package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectModelTest {

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void followsInputsFromRootToBibFiles() throws IOException {
    write(
        "main.tex",
        "\\documentclass{article}\n\\input{chapters/one}\n\\bibliography{refs,lib/more.bib}\n");
    write("chapters/one.tex", "\\include{chapters/two}\n");
    write("chapters/two.tex", "\\addbibresource{extra.bib}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(dir.resolve("main.tex"), p.root());
    assertEquals(
        List.of(
            dir.resolve("main.tex"),
            dir.resolve("chapters/one.tex"),
            dir.resolve("chapters/two.tex")),
        p.texFiles());
    assertEquals(
        List.of(dir.resolve("refs.bib"), dir.resolve("lib/more.bib"), dir.resolve("extra.bib")),
        p.bibFiles());
  }

  @Test
  void includeReadsTheTexFileBesideAFolderOfTheSameName() throws IOException {
    write("main.tex", "\\documentclass{book}\n\\include{Chapters/Chapter1}\n");
    write("Chapters/Chapter1.tex", "\\bibliography{chapter}\n");
    write("Chapters/Chapter1/figure.tex", "% a folder named like the chapter\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(
        List.of(dir.resolve("main.tex"), dir.resolve("Chapters/Chapter1.tex")), p.texFiles());
    assertEquals(List.of(dir.resolve("chapter.bib")), p.bibFiles());
  }

  @Test
  void inputReadsANameWithAnotherExtensionWhenNoTexFileHasIt() throws IOException {
    write("main.tex", "\\documentclass{article}\n\\input{notes.ltx}\n\\input{gone}\n");
    write("notes.ltx", "\\bibliography{notes}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(
        List.of(dir.resolve("main.tex"), dir.resolve("notes.ltx"), dir.resolve("gone.tex")),
        p.texFiles());
    assertEquals(List.of(dir.resolve("notes.bib")), p.bibFiles());
  }

  @Test
  void commentsAndLineBreaksInsideBibliographyAreNoPartOfTheNames() throws IOException {
    write("main.tex", "\\documentclass{article}\n\\bibliography{a,% the lab's file\n  b ,\n c}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(
        List.of(dir.resolve("a.bib"), dir.resolve("b.bib"), dir.resolve("c.bib")), p.bibFiles());
  }

  @Test
  void followsImportAndSubimportFromTheFoldersTheyName() throws IOException {
    write(
        "main.tex",
        """
        \\documentclass{article}
        \\usepackage{import}
        \\import{parts/one/}{intro}
        \\inputfrom{parts/two/}{two}
        \\includefrom{parts/three/}{three}
        \\bibliography{refs}
        """);
    // inside an imported file, \\input looks in the import folder first
    write("parts/one/intro.tex", "\\input{details}\n\\subimport{sub/}{deep}\n");
    write("parts/one/details.tex", "\\cite{x}\n");
    write("parts/one/sub/deep.tex", "\\subinputfrom{more/}{deeper}\n\\addbibresource{deep.bib}\n");
    write("parts/one/sub/more/deeper.tex", "\\subincludefrom{../}{sibling}\n");
    write("parts/one/sub/sibling.tex", "\\cite{y}\n");
    write("parts/two/two.tex", "\\cite{z}\n");
    write("parts/three/three.tex", "\\cite{w}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(
        List.of(
            dir.resolve("main.tex"),
            dir.resolve("parts/one/intro.tex"),
            dir.resolve("parts/two/two.tex"),
            dir.resolve("parts/three/three.tex"),
            dir.resolve("parts/one/details.tex"),
            dir.resolve("parts/one/sub/deep.tex"),
            dir.resolve("parts/one/sub/more/deeper.tex"),
            dir.resolve("parts/one/sub/sibling.tex")),
        p.texFiles());
    // bibtex runs in the root's folder: .bib names are relative to it wherever they are written
    assertEquals(List.of(dir.resolve("refs.bib"), dir.resolve("deep.bib")), p.bibFiles());
    // a file of an imported part, three folders below, finds its root
    assertEquals(
        dir.resolve("main.tex"),
        new ProjectModel(new Documents()).resolve(dir.resolve("parts/one/sub/deep.tex")).root());
  }

  @Test
  void followsUserCommandsThatIncludeFiles() throws IOException {
    write(
        "main.tex",
        """
        \\documentclass{book}
        \\input{preamble}
        \\newcommand{\\chapterfile}[1]{\\input{chapters/#1}}
        \\begin{document}
        \\chapterfile{intro}
        \\inc{appendix}
        \\end{document}
        """);
    // defined in a file the root includes, used in the root
    write("preamble.tex", "\\def\\inc#1{\\include{#1}}\n");
    write("chapters/intro.tex", "\\bibliography{intro}\n");
    write("appendix.tex", "\\bibliography{appendix}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("main.tex"));
    assertEquals(
        List.of(
            dir.resolve("main.tex"),
            dir.resolve("preamble.tex"),
            dir.resolve("chapters/intro.tex"),
            dir.resolve("appendix.tex")),
        p.texFiles());
    assertEquals(List.of(dir.resolve("intro.bib"), dir.resolve("appendix.bib")), p.bibFiles());
  }

  @Test
  void honoursMagicRootComment() throws IOException {
    write("main.tex", "\\documentclass{article}\n\\bibliography{refs}\n");
    write("sub/part.tex", "% !TEX root = ../main.tex\n\\cite{x}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("sub/part.tex"));
    assertEquals(dir.resolve("main.tex"), p.root());
    assertEquals(List.of(dir.resolve("refs.bib")), p.bibFiles());
  }

  @Test
  void findsRootThatIncludesAFileWithoutDocumentClass() throws IOException {
    write("paper.tex", "\\documentclass{article}\n\\input{intro}\n\\bibliography{refs}\n");
    write("intro.tex", "\\cite{x}\n");
    Project p = new ProjectModel(new Documents()).resolve(dir.resolve("intro.tex"));
    assertEquals(dir.resolve("paper.tex"), p.root());
  }

  @Test
  void openBufferWinsOverDisk() throws IOException {
    write("main.tex", "\\documentclass{article}\n\\bibliography{old}\n");
    Documents docs = new Documents();
    docs.open(
        new TextDocument(
            Documents.uri(dir.resolve("main.tex")),
            2,
            "\\documentclass{article}\n\\bibliography{new}\n"));
    Project p = new ProjectModel(docs).resolve(dir.resolve("main.tex"));
    assertEquals(List.of(dir.resolve("new.bib")), p.bibFiles());
  }

  @Test
  void targetIsFirstNamedBibElseReferencesBesideRoot() {
    Path root = dir.resolve("main.tex");
    assertEquals(
        dir.resolve("a.bib"),
        new Project(root, List.of(root), List.of(dir.resolve("a.bib"), dir.resolve("b.bib")))
            .targetBib());
    assertEquals(
        dir.resolve("references.bib"), new Project(root, List.of(root), List.of()).targetBib());
  }
}
