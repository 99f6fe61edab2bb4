package dev.citeassist.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-overwriting progress line on stderr while a catalogue builds: papers read, rate, and the
 * time left estimated from the bytes of the sources still to read. At most four updates a second,
 * so that printing never slows reading.
 */
final class ProgressLine {

  private final PrintStream err;
  private final long start = System.nanoTime();
  private long lastPrint;

  ProgressLine(PrintStream err) {
    this.err = err;
  }

  void update(long papers, long bytesDone, long bytesTotal) {
    long now = System.nanoTime();
    if (now - lastPrint < 250_000_000L) {
      return;
    }
    lastPrint = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    String left = "";
    if (bytesDone > 0 && bytesTotal > bytesDone) {
      long remaining = (long) (seconds * (bytesTotal - bytesDone) / bytesDone);
      left = String.format(Locale.ROOT, " · %d:%02d left", remaining / 60, remaining % 60);
    }
    err.printf(Locale.ROOT, "\r%,d papers · %,.0f/s%s\u001b[K", papers, papers / seconds, left);
    err.flush();
  }

  void finish(long papers) {
    double seconds = (System.nanoTime() - start) / 1e9;
    if (lastPrint != 0) {
      err.print("\r\u001b[K");
    }
    err.printf(Locale.ROOT, "Indexed %,d papers in %.1f s%n", papers, seconds);
  }
}
