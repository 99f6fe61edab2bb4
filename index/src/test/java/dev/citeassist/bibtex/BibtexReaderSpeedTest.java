package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads a large generated file and checks the time against the budget of 3 s for 30 MB. Runs only
 * when {@code -Dciteassist.bench.bib=FILE} names a file from {@code genbib.py}, optionally with
 * {@code -Dciteassist.bench.entries=N} (the count it must yield, default 100000). Measures thread
 * CPU time, best of three, because wall time on a shared machine mostly measures the neighbours.
 */
class BibtexReaderSpeedTest {

  @Test
  void readsAGeneratedFileWithinTheBudget() throws IOException {
    String file = System.getProperty("citeassist.bench.bib");
    Assumptions.assumeTrue(file != null && Files.isRegularFile(Path.of(file)), "no bench file");
    Path bib = Path.of(file);
    int expected = Integer.getInteger("citeassist.bench.entries", 100_000);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestCpu = Long.MAX_VALUE;
    long bestWall = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      int[] count = new int[1];
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      try (InputStream in = Files.newInputStream(bib)) {
        new BibtexReader()
            .read(
                bib.getFileName().toString(),
                in,
                new PaperSink() {
                  @Override
                  public void paper(Paper paper) {
                    count[0]++;
                  }

                  @Override
                  public void problem(ReadProblem problem) {}
                });
      }
      bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
      bestWall = Math.min(bestWall, System.nanoTime() - wall);
      assertEquals(expected, count[0]);
    }
    double megabytes = Files.size(bib) / 1e6;
    double budgetMillis = 3000 * megabytes / 30;
    System.out.printf(
        "%s: %.1f MB, %d entries, best of 3: %d ms CPU, %d ms wall (budget %.0f ms)%n",
        bib, megabytes, expected, bestCpu / 1_000_000, bestWall / 1_000_000, budgetMillis);
    assertTrue(bestCpu / 1e6 < budgetMillis, "CPU ms " + bestCpu / 1e6);
  }
}
