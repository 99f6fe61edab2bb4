package dev.citeassist.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheBytesAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("refs.bib");
    Files.writeString(f, "old\r\n");
    byte[] out = AtomicFile.update(f, old -> (new String(old) + "new").getBytes());
    assertEquals("old\r\nnew", Files.readString(f));
    assertArrayEquals(Files.readAllBytes(f), out);
    assertEquals(List.of("refs.bib"), names());
  }

  @Test
  void keepsTheModeOfTheFile() throws IOException {
    Path f = bibWithPermissions("rw-r--r--");
    AtomicFile.write(f, "y".getBytes());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFile.write(f, "z".getBytes());
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void keepsTheOwnerAndGroupWhereTheProcessMaySetThem() throws Exception {
    assumeTrue(posix());
    Path f = dir.resolve("refs.bib");
    Files.writeString(f, "x");
    var lookup = f.getFileSystem().getUserPrincipalLookupService();
    java.nio.file.attribute.UserPrincipal nobody;
    java.nio.file.attribute.GroupPrincipal group;
    try {
      nobody = lookup.lookupPrincipalByName("nobody");
      group = lookup.lookupPrincipalByGroupName("nogroup");
      Files.setOwner(f, nobody);
      Files.getFileAttributeView(f, java.nio.file.attribute.PosixFileAttributeView.class)
          .setGroup(group);
    } catch (IOException e) {
      assumeTrue(false, "this process cannot give a file away (not root): " + e);
      return;
    }
    AtomicFile.write(f, "y".getBytes());
    assertEquals(nobody, Files.getOwner(f));
    assertEquals(
        group, Files.readAttributes(f, java.nio.file.attribute.PosixFileAttributes.class).group());
  }

  @Test
  void followsASymbolicLinkAndKeepsIt() throws IOException {
    Path real = Files.createDirectories(dir.resolve("shared")).resolve("library.bib");
    Files.writeString(real, "a");
    Path link = Files.createSymbolicLink(dir.resolve("refs.bib"), Path.of("shared/library.bib"));
    AtomicFile.update(link, old -> (new String(old) + "b").getBytes());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("ab", Files.readString(real));
    assertEquals(real.toRealPath(), AtomicFile.realTarget(link));
    assertEquals(List.of("library.bib"), names(dir.resolve("shared")));
  }

  /** {@code refs.bib} holding "x" with these POSIX permissions (the test is skipped elsewhere). */
  private Path bibWithPermissions(String permissions) throws IOException {
    assumeTrue(posix());
    Path f = dir.resolve("refs.bib");
    Files.writeString(f, "x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void refusesAReadOnlyFile() throws IOException {
    Path f = bibWithPermissions("r--r--r--");
    assumeTrue(!Files.isWritable(f), "this process may write any file (root)");
    assertThrows(
        java.nio.file.AccessDeniedException.class, () -> AtomicFile.write(f, "y".getBytes()));
    assertEquals("x", Files.readString(f));
    assertEquals(List.of("refs.bib"), names());
  }

  @Test
  void refusesADanglingLink() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("refs.bib"), dir.resolve("gone/x.bib"));
    assertThrows(NoSuchFileException.class, () -> AtomicFile.write(link, "x".getBytes()));
    assertFalse(Files.exists(dir.resolve("gone")));
  }

  @Test
  void refusesAFileWithSeveralHardLinks() throws IOException {
    Path f = dir.resolve("refs.bib");
    Files.writeString(f, "x");
    Files.createLink(dir.resolve("other.bib"), f);
    assertThrows(IOException.class, () -> AtomicFile.write(f, "y".getBytes()));
    assertEquals("x", Files.readString(dir.resolve("other.bib")));
    assertEquals(List.of("other.bib", "refs.bib"), names());
  }

  @Test
  void aFailureLeavesTheFileAndNoTemporaryFile() throws IOException {
    Path f = dir.resolve("refs.bib");
    Files.writeString(f, "x");
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFile.update(
                f,
                old -> {
                  throw new IllegalStateException("no");
                }));
    assertEquals("x", Files.readString(f));
    assertEquals(List.of("refs.bib"), names());
  }

  @Test
  void cleanStaleDeletesOnlyLeftoversOfDeadOrOldProcesses() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    long self = ProcessHandle.current().pid();
    Path ofDead = dir.resolve(".refs.bib.citeassist-" + dead.pid() + ".tmp");
    Path ofSelf = dir.resolve(".refs.bib.citeassist-" + self + ".tmp");
    Path alive =
        dir.resolve(
            ".refs.bib.citeassist-" + ProcessHandle.current().parent().get().pid() + ".tmp");
    Path aliveButOld =
        dir.resolve(".x.bib.citeassist-" + ProcessHandle.current().parent().get().pid() + ".tmp");
    Path notOurs = dir.resolve(".refs.bib.other-1.tmp");
    for (Path p : List.of(ofDead, ofSelf, alive, aliveButOld, notOurs)) {
      Files.writeString(p, "x", StandardCharsets.UTF_8);
    }
    Files.setLastModifiedTime(
        aliveButOld, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
    assertEquals(2, AtomicFile.cleanStale(dir));
    assertFalse(Files.exists(ofDead));
    assertFalse(Files.exists(aliveButOld));
    assertTrue(Files.exists(ofSelf));
    assertTrue(Files.exists(alive));
    assertTrue(Files.exists(notOurs));
  }

  @Test
  void realTargetOfAMissingFileResolvesItsExistingFolders() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertEquals(
        real.toRealPath().resolve("new/refs.bib"),
        AtomicFile.realTarget(link.resolve("new/refs.bib")));
  }
}
