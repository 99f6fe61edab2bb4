package dev.citeassist.cli;

import dev.citeassist.search.LuceneClasses;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code citeassist} command; everything but the process exit lives in {@link Cli}. */
public final class Main {

  /**
   * Held so that the setting is not garbage-collected: Lucene's notice that the incubating vector
   * API is not enabled is of no use to a user and would clutter every command's stderr.
   */
  private static final Logger LUCENE_VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private Main() {}

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(Level.SEVERE);
    // Before any thread of the server or of an index build touches Lucene.
    LuceneClasses.initialise();
    int code = new Cli(System.in, System.out, System.err).run(args);
    if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
      System.exit(code);
    }
  }
}
