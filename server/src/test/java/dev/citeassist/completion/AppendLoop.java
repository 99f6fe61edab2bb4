package dev.citeassist.completion;

import java.nio.file.Path;

/**
 * The writing process of {@link CrashSafeAppendTest}: appends entries {@code crashN} (N from the
 * first argument on) to a {@code .bib} through the server's own write path, one append per line
 * read from stdin (so the test knows which append is under way), saying on stdout when each starts
 * and ends (and how long it took) so the test can kill it at a random instant. Test code only.
 *
 * <p>Usage: {@code AppendLoop FILE FIRST_INDEX}.
 */
public final class AppendLoop {

  private AppendLoop() {}

  static String entry(int n) {
    return "@misc{crash"
        + n
        + ",\n  title = {Entry {\\'e} number "
        + n
        + "},\n  year = {2024}\n}\n";
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    System.out.println("started");
    System.out.flush();
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
    while (in.readLine() != null) {
      System.out.println("appending " + n);
      System.out.flush();
      long t = System.nanoTime();
      AddEntryCommand.writeAtomically(file, entry(n));
      System.out.println("appended " + n + " " + (System.nanoTime() - t));
      System.out.flush();
      n++;
    }
  }
}
