package dev.citeassist.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "done when" scenario against {@code java -jar server/target/citeassist.jar serve}. */
class JarStdioIT {

  static final Path JAR = Path.of("target", "citeassist.jar").toAbsolutePath();

  @TempDir Path dir;
  @TempDir Path cache;

  @BeforeAll
  static void needsJarWithEntryPoint() throws Exception {
    IndexAvailable.assume();
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR);
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      assumeTrue(
          zip.getEntry("dev/citeassist/cli/Main.class") != null,
          "the jar has no dev.citeassist.cli.Main yet");
    }
  }

  @Test
  void packagedJarCompletesAcceptsAndHoversOverStdio() throws Exception {
    StdioProcessTest.runDoneWhenScenario(
        List.of(StdioProcessTest.java(), "-jar", JAR.toString(), "serve"), dir, cache);
  }
}
