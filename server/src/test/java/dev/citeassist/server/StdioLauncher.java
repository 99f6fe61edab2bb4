package dev.citeassist.server;

import java.util.Arrays;

/** A test-only {@code main} that runs {@code serve} as the packaged jar's entry point does. */
public final class StdioLauncher {

  private StdioLauncher() {}

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      System.err.println("usage: serve [--socket PORT]");
      System.exit(2);
    }
    System.exit(
        ServeCommand.run(
            Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err));
  }
}
