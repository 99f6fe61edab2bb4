package dev.citeassist.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size limits and the reasons a file is not read; sparse files cost no disk. */
class DiskFilesTest {

  @TempDir Path dir;

  private Path sparse(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  @Test
  void aBibUpToItsLimitIsReadAndOneByteMoreIsNot() throws IOException {
    assertNull(DiskFiles.problem(sparse("at.bib", DiskFiles.MAX_BIB_BYTES)));
    assertEquals(
        "is 268,435,457 bytes, over the 256 MB limit for .bib files",
        DiskFiles.problem(sparse("over.bib", DiskFiles.MAX_BIB_BYTES + 1)));
  }

  @Test
  void aTexHasItsOwnLimit() throws IOException {
    assertNull(DiskFiles.problem(sparse("at.tex", DiskFiles.MAX_TEX_BYTES)));
    assertEquals(
        "is 3.0 GB, over the 64 MB limit for .tex files",
        DiskFiles.problem(sparse("huge.tex", 3L << 30)));
    assertNull(DiskFiles.read(dir.resolve("huge.tex")));
  }

  @Test
  void textIsUtf8ElseLatin1() throws IOException {
    Path utf8 = Files.writeString(dir.resolve("a.bib"), "Zdeborová");
    Path latin1 = dir.resolve("b.bib");
    Files.write(latin1, "Zdeborová".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Zdeborová", DiskFiles.read(utf8));
    assertEquals("Zdeborová", DiskFiles.read(latin1));
  }

  @Test
  void aFifoIsNotOpenedSoNothingBlocks() throws Exception {
    Path fifo = dir.resolve("refs.bib");
    int code;
    try {
      code = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    } catch (IOException e) {
      code = -1;
    }
    assumeTrue(code == 0, "mkfifo is not available");
    assertEquals("is not a regular file", DiskFiles.problem(fifo));
    // would block for good if it opened the FIFO: no writer ever comes
    assertNull(DiskFiles.read(fifo));
  }

  @Test
  void missingDirectoryAndLinkLoopAreNamed() throws IOException {
    assertEquals("no such file", DiskFiles.problem(dir.resolve("none.bib")));
    assertEquals("is a directory", DiskFiles.problem(Files.createDirectory(dir.resolve("d.bib"))));
    Path loop = Files.createSymbolicLink(dir.resolve("loop.bib"), Path.of("loop.bib"));
    assertEquals("cannot be read: symbolic link loop", DiskFiles.problem(loop));
    assertNull(DiskFiles.read(loop));
  }
}
