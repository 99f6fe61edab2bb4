package dev.citeassist.completion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.files.AtomicFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crash safety of the server's {@code .bib} append, proven with real kills: a child JVM ({@link
 * AppendLoop}) appends to a 5 MB {@code .bib} through the production write path and is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) at random instants, most of them inside a
 * write. After each kill the file must be the original bytes plus exactly k whole entries (never a
 * mix), with every entry whose end was reported present, and the stale-temporary cleanup that runs
 * on the next start must leave no temporary file.
 *
 * <p>Kills go on until both figures are reached. The default build does a few; {@code
 * -Dciteassist.crash.kills=250 -Dciteassist.crash.appends=1000} is the full run (see {@code
 * scripts/crash-writes.sh}).
 */
class CrashSafeAppendTest {

  private static final int KILLS = Integer.getInteger("citeassist.crash.kills", 12);
  private static final int APPENDS = Integer.getInteger("citeassist.crash.appends", KILLS * 2);
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  @TempDir Path dir;

  /** A .bib of about {@code size} bytes: LF or CRLF lines, UTF-8 or Latin-1 accents. */
  static byte[] bib(int size, String eol, Charset charset) {
    StringBuilder b = new StringBuilder("% caf\u00e9 na\u00efve \u00fcber" + eol);
    for (int i = 0; b.length() < size; i++) {
      b.append("@article{k")
          .append(i)
          .append(',')
          .append(eol)
          .append("  author = {M\u00fcller, J\u00fcrgen and G\u00f6del, Kurt},")
          .append(eol)
          .append("  title = {On the stability of r\u00e9sum\u00e9 number ")
          .append(i)
          .append("},")
          .append(eol)
          .append("  year = {1999}")
          .append(eol)
          .append('}')
          .append(eol)
          .append(eol);
    }
    // No final line break: the append must add one without touching a byte.
    return b.toString().strip().getBytes(charset);
  }

  /** What the file must be after one more append of entry {@code n}, computed independently. */
  private static byte[] plusEntry(byte[] current, int n, Charset charset, String eol) {
    String text = new String(current, charset);
    String sep = text.endsWith(eol + eol) ? "" : text.endsWith(eol) ? eol : eol + eol;
    byte[] insert = (sep + AppendLoop.entry(n).replace("\n", eol)).getBytes(charset);
    byte[] next = Arrays.copyOf(current, current.length + insert.length);
    System.arraycopy(insert, 0, next, current.length, insert.length);
    return next;
  }

  private static List<Path> temps(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"UTF-8, LF", "ISO-8859-1, CRLF"})
  void killedAppendsLeaveOldOrNewBytesAndNoTemporaryFile(String charsetName, String eolName)
      throws Exception {
    Charset charset = Charset.forName(charsetName);
    String eol = eolName.equals("CRLF") ? "\r\n" : "\n";
    Path bib = dir.resolve("refs.bib");
    byte[] original = bib(5_000_000, eol, charset);
    Files.write(bib, original);
    byte[] expected = original;
    int appended = 0;
    int kills = 0;
    int caught = 0;
    int torn = 0;
    int left = 0;
    SplittableRandom random = new SplittableRandom(Long.getLong("citeassist.crash.seed", 8L));
    long lastWrite = TimeUnit.MILLISECONDS.toNanos(20);
    long window = TimeUnit.MILLISECONDS.toNanos(10);
    while (kills < KILLS || appended < APPENDS) {
      int perRun = Math.max(1, 2 * APPENDS / KILLS);
      int before = random.nextInt(perRun);
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  AppendLoop.class.getName(),
                  bib.toString(),
                  String.valueOf(appended))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (BufferedReader r =
                        new BufferedReader(
                            new InputStreamReader(
                                child.getInputStream(), StandardCharsets.UTF_8))) {
                      for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                      }
                    } catch (java.io.IOException e) {
                      // the child was killed
                    }
                  });
      var go = new java.io.PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
      int reported = appended;
      long deadline = System.nanoTime() + TIMEOUT_NANOS;
      // `before` whole appends, then the start of one more, killed within a write's time.
      for (int i = 0; i <= before; i++) {
        go.println("go");
        String expect = (i < before ? "appended " : "appending ") + (appended + i);
        while (true) {
          String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (line == null) {
            child.destroyForcibly();
            throw new AssertionError("the writer said nothing for 60 s");
          }
          if (line.startsWith("appended ")) {
            reported++;
            lastWrite = Long.parseLong(line.split(" ")[2]);
          }
          if (line.startsWith(expect)) {
            break;
          }
        }
      }
      // A third of the kills at a random instant of the whole append (reading, building, writing,
      // renaming); the rest aimed at the window where the temporary file exists (writing,
      // flushing, renaming), which is what atomicity is about. That window's length is learnt from
      // the earlier aimed kills: one that found the write over bounds it.
      long delay = random.nextLong(Math.max(1, lastWrite * 6 / 5));
      boolean aimed = random.nextInt(3) > 0;
      if (aimed) {
        Path tmp =
            dir.toRealPath().resolve(".refs.bib" + AtomicFile.TEMP_MARK + child.pid() + ".tmp");
        while (!Files.exists(tmp) && lines.isEmpty() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        delay = random.nextLong(Math.max(1, window));
      }
      LockSupport.parkNanos(delay);
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      reader.join();
      kills++;
      for (String line : lines) {
        if (line.startsWith("appended ")) {
          reported++;
        }
      }

      if (!temps(dir).isEmpty()) {
        caught++;
        if (aimed) {
          window = Math.max(window, delay * 3 / 2);
        }
      } else if (aimed && lines.stream().anyMatch(l -> l.startsWith("appended "))) {
        window = Math.max(TimeUnit.MICROSECONDS.toNanos(100), delay);
      }
      byte[] now = Files.readAllBytes(bib);
      int k = appended;
      byte[] candidate = expected;
      while (candidate.length < now.length) {
        candidate = plusEntry(candidate, k++, charset, eol);
      }
      if (!Arrays.equals(candidate, now)) {
        torn++;
      } else {
        expected = candidate;
        appended = k;
      }
      assertArrayEquals(original, Arrays.copyOf(now, original.length), "an old byte changed");
      assertTrue(appended >= reported, "an append reported done is missing");
      AtomicFile.cleanStale(dir);
      left += temps(dir).size();
      assertEquals(0, torn, "torn file after kill " + kills);
      assertEquals(0, left, "temporary files left after cleanup: " + temps(dir));
    }
    System.err.printf(
        "crash-safe appends (%s %s): %d kills, %d caught a write, %d appends, %d torn, %d temp"
            + " files left after cleanup%n",
        charsetName, eolName, kills, caught, appended, torn, left);
    assertEquals(
        List.of("refs.bib"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
  }
}
