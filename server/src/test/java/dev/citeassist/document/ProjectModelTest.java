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
