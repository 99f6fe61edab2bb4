package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.files.AtomicFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir Path base;

  @Test
  void containsWhatLiesInsideAFolderByItsRealPath() throws Exception {
    Path ws = Files.createDirectories(base.resolve("ws"));
    Path out = Files.createDirectories(base.resolve("out"));
    Files.createSymbolicLink(ws.resolve("escape"), out);
    Workspace w = new Workspace();
    w.set(List.of(ws));
    assertTrue(w.contains(AtomicFile.realTarget(ws.resolve("refs.bib")), null));
    assertTrue(w.contains(AtomicFile.realTarget(ws.resolve("new/sub/refs.bib")), null));
    assertFalse(w.contains(AtomicFile.realTarget(ws.resolve("../out/refs.bib")), null));
    assertFalse(w.contains(AtomicFile.realTarget(ws.resolve("escape/refs.bib")), null));
    assertFalse(w.contains(AtomicFile.realTarget(base.resolve("ws-sibling/refs.bib")), null));
  }

  @Test
  void aLinkedWorkspaceFolderIsComparedByWhereItPoints() throws Exception {
    Path real = Files.createDirectories(base.resolve("real"));
    Path link = Files.createSymbolicLink(base.resolve("link"), real);
    Workspace w = new Workspace();
    w.set(List.of(link));
    assertTrue(w.contains(AtomicFile.realTarget(real.resolve("refs.bib")), null));
  }

  @Test
  void withoutFoldersTheRootDocumentsFolderStandsIn() throws Exception {
    Path project = Files.createDirectories(base.resolve("paper"));
    Workspace w = new Workspace();
    Path root = project.resolve("main.tex");
    assertTrue(w.contains(AtomicFile.realTarget(project.resolve("refs.bib")), root));
    assertFalse(w.contains(AtomicFile.realTarget(base.resolve("refs.bib")), root));
    assertFalse(w.contains(AtomicFile.realTarget(project.resolve("refs.bib")), null));
  }

  @Test
  void foldersFollowTheClientsChanges() throws Exception {
    Path a = Files.createDirectories(base.resolve("a"));
    Path b = Files.createDirectories(base.resolve("b"));
    Workspace w = new Workspace();
    w.set(List.of(a));
    w.add(b);
    w.remove(a);
    assertFalse(w.contains(AtomicFile.realTarget(a.resolve("x.bib")), null));
    assertTrue(w.contains(AtomicFile.realTarget(b.resolve("x.bib")), null));
  }
}
