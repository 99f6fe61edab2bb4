package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./citeassist} launcher as a user runs it: it finds a JDK 21+ by itself (the default
 * java may be 17) and nothing but the command's own output reaches stdout, also on the run that
 * records the JVM's start-up cache (which prints messages of its own) and on the runs that use it.
 */
class LauncherIT {

  static final Path LAUNCHER = Path.of("..", "citeassist").toAbsolutePath().normalize();

  @TempDir Path home;

  @Test
  void stdoutHoldsOnlyTheCommandsOutputOnEveryRun() throws Exception {
    assumeTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
    assumeTrue(Files.exists(JarStdioIT.JAR), "no packaged jar at " + JarStdioIT.JAR);
    for (int run = 1; run <= 2; run++) {
      assertEquals("[]\n", stdout("search", "qqqqzzzz", "--json"), "run " + run);
    }
  }

  private String stdout(String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add(LAUNCHER.toString());
    pb.command().addAll(java.util.List.of(args));
    pb.environment().put("CITEASSIST_CACHE", home.resolve("cache").toString());
    pb.environment().put("CITEASSIST_CONFIG", home.resolve("config").toString());
    pb.redirectError(home.resolve("stderr.txt").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish in 2 minutes");
    assertEquals(0, p.exitValue(), Files.readString(home.resolve("stderr.txt")));
    return out;
  }
}
