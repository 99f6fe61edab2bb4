package dev.citeassist.paper;

/**
 * A record that could not be read (or was read only in part): the source, the 1-based line where
 * the problem is, a sentence saying what is wrong, and its kind, so that a caller tells problems
 * apart by kind and never by the sentence's words.
 */
public record ReadProblem(String source, int line, String message, Kind kind) {

  /** What kind of problem; the sentence says the particulars. */
  public enum Kind {
    /** Text that does not read as its format says (the kind of every problem not named below). */
    MALFORMED,
    /** A BibTeX entry whose closing delimiter is missing before the next entry or the end. */
    NOT_CLOSED,
    /** A BibTeX {@code @name} not followed by '{' or '('. */
    NOT_AN_ENTRY,
    /** A BibTeX entry without a citation key. */
    NO_KEY,
    /** A citation key that an earlier entry of the same source has already. */
    DUPLICATE_KEY,
    /** A BibTeX {@code @string} macro used but not defined. */
    UNDEFINED_MACRO
  }

  /** A problem of kind {@link Kind#MALFORMED}. */
  public ReadProblem(String source, int line, String message) {
    this(source, line, message, Kind.MALFORMED);
  }

  @Override
  public String toString() {
    return source + ":" + line + ": " + message;
  }
}
