package dev.citeassist.bibtex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times {@link BibOutline#of} on a file, as an editor asks for it on each keystroke: {@code
 * BibOutlineRun FILE.bib [N]} prints the entries, fields and problems found and the median and best
 * of N runs (default 30, after 10 warm-up runs), beside the median of one plain pass over the
 * text's chars (the floor of any scan, and a gauge of the machine's load). Not a test (no timed
 * assertions); run by {@code scripts/bench-outline.sh}.
 */
public final class BibOutlineRun {

  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]));
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    BibOutline outline = null;
    for (int i = 0; i < 10; i++) {
      outline = BibOutline.of(text);
    }
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      outline = BibOutline.of(text);
      times[i] = System.nanoTime() - t0;
    }
    Arrays.sort(times);
    // The same text read once char by char, to tell the outline's cost from the machine's load.
    long[] plain = new long[n];
    int braces = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < text.length(); k++) {
        if (text.charAt(k) == '{') {
          braces++;
        }
      }
      plain[i] = System.nanoTime() - t0;
    }
    Arrays.sort(plain);
    int fields = outline.entries().stream().mapToInt(e -> e.fields().size()).sum();
    System.out.printf(
        "%s: %,d chars, %,d entries, %,d fields, %d problems; outline median %.1f ms, best %.1f"
            + " ms (%d runs); one plain pass over the chars (%,d braces) median %.1f ms%n",
        args[0],
        text.length(),
        outline.entries().size(),
        fields,
        outline.problems().size(),
        times[n / 2] / 1e6,
        times[0] / 1e6,
        n,
        braces / n,
        plain[n / 2] / 1e6);
  }
}
