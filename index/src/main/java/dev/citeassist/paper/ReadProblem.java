package dev.citeassist.paper;

/**
 * A record that could not be read (or was read only in part): the source, the 1-based line where
 * the problem is, and a sentence saying what is wrong.
 */
public record ReadProblem(String source, int line, String message) {

  @Override
  public String toString() {
    return source + ":" + line + ": " + message;
  }
}
