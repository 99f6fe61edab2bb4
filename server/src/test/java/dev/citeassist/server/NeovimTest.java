package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.fixture.CursorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: headless Neovim (0.7+, Debian's {@code neovim}) with its built-in LSP client
 * starts the server, completes in {@code \citep{symm|}} and hovers a catalogue key, through {@code
 * src/test/nvim/nvim_probe.sh}. Skipped when {@code nvim} is not installed.
 */
class NeovimTest {

  static final Path PROBE = Path.of("src", "test", "nvim", "nvim_probe.sh").toAbsolutePath();

  @TempDir Path dir;
  @TempDir Path cache;
  @TempDir Path logs;

  @BeforeAll
  static void needsNeovim() throws Exception {
    IndexAvailable.assume();
    boolean found;
    try {
      Path out = Files.createTempFile("nvim-version", ".txt");
      try {
        found = finished(new ProcessBuilder("nvim", "--version"), out, 30) == 0;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (java.io.IOException | AssertionError e) {
      found = false;
    }
    assumeTrue(found, "nvim is not installed (apt-get install neovim)");
  }

  @Test
  void neovimCompletesCatalogueKeyAndHoverShowsAbstract() throws Exception {
    CursorFixture f =
        CursorFixture.parse(
            """
            %! main.tex
            \\documentclass{article}
            \\begin{document}
            As shown by \\citep{symm|}.
            Earlier work \\cite{ziyin2024remove}.
            \\bibliography{refs}
            \\end{document}
            %! refs.bib
            """
                + CompletionProtocolTest.REFS);
    Path tex = f.writeTo(dir);
    String server =
        String.join(
            " ",
            List.of(
                StdioProcessTest.java(),
                "-cp",
                "'" + System.getProperty("java.class.path") + "'",
                StdioLauncher.class.getName(),
                "serve"));
    ProcessBuilder pb =
        new ProcessBuilder(
            PROBE.toString(), "-m", "10", "-H", "3:22", server, tex.toString(), "2:23");
    pb.environment().put("CITEASSIST_CACHE", cache.toString());
    Path log = logs.resolve("probe.log");
    int exit = finished(pb, log, 300);
    String out = Files.readString(log);
    assertEquals(0, exit, out);
    String completion = out.substring(out.indexOf("completion at"), out.indexOf("hover at"));
    List<String> labels =
        completion.lines().skip(1).limit(3).map(l -> l.strip().split("\t")[0]).toList();
    assertTrue(labels.contains("ziyin2024remove"), out);
    String hover = out.substring(out.indexOf("hover at"));
    assertTrue(hover.contains("When symmetry is present in the loss function"), out);
    assertTrue(hover.contains("from the catalogue, not in your bibliography yet"), out);
    assertTrue(Files.readString(tex).contains("\\citep{symm}"), "the probe saved the file");
  }

  @Test
  void aProbeThatNeverEndsIsStoppedAtTheTimeoutWithWhatItWrote() throws Exception {
    Path log = logs.resolve("hung.log");
    ProcessBuilder hung = new ProcessBuilder("sh", "-c", "echo started; exec sleep 600");
    AssertionError e = assertThrows(AssertionError.class, () -> finished(hung, log, 1));
    assertTrue(
        e.getMessage().contains("did not finish in 1 s; it wrote:\nstarted"), e.getMessage());
  }

  /**
   * Runs {@code pb} with its output and errors in {@code log} (a file, so that nothing blocks on a
   * full pipe and the timeout holds), and returns its exit code. Past the timeout it and its
   * children are killed and the test fails with what it wrote.
   */
  static int finished(ProcessBuilder pb, Path log, long timeoutSeconds) throws Exception {
    Process p =
        pb.redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      fail(
          String.join(" ", pb.command())
              + " did not finish in "
              + timeoutSeconds
              + " s; it wrote:\n"
              + Files.readString(log));
    }
    return p.exitValue();
  }
}
