package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  static List<String> command() {
    return List.of(StdioProcessTest.java(), "-jar", JAR.toString(), "serve");
  }

  @Test
  void packagedJarCompletesAcceptsAndHoversOverStdio() throws Exception {
    StdioProcessTest.runDoneWhenScenario(command(), dir, cache);
  }

  /** The jar's entry point, not only the test launcher, answers in words and exits on damage. */
  @Test
  void packagedJarAnswersAMissingParamAndExitsOnABrokenFrame() throws Exception {
    try (RawStdioServer s = RawStdioServer.start(command(), dir, cache, "jar")) {
      s.send(
          RawStdioServer.frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\"}"));
      JsonObject r =
          s.await(RawStdioServer.responseTo(new JsonPrimitive(1)), Duration.ofSeconds(60));
      assertEquals(
          "textDocument/hover: needs params",
          r.getAsJsonObject("error").get("message").getAsString());
      assertFalse(r.getAsJsonObject("error").has("data"), r.toString());
      s.send("Content-Length: -1\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
      assertEquals(1, s.awaitExit(Duration.ofSeconds(60)));
      assertTrue(
          s.stderrText().contains("closing the connection: Content-Length '-1' is not a number"),
          s.stderrText());
      assertEquals(List.of(), s.violations());
    }
  }
}
