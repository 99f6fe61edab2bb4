package dev.citeassist.formats;

import dev.citeassist.paper.Months;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as listings and daily-papers pages show it: "Feb 27, 2023", or "Mar 26" when the page
 * leaves the (current) year out. The year stays null then: guessing it would invent data.
 */
record ShownDate(int month, int day, Integer year) {

  private static final List<String> MONTHS = Months.ABBREVIATIONS;

  /** Month, day and optional year; callers anchor it inside their own line patterns. */
  static final String REGEX = "(" + String.join("|", MONTHS) + ") (\\d{1,2})(?:, (\\d{4}))?";

  private static final Pattern WHOLE = Pattern.compile(REGEX);

  ShownDate {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw new IllegalArgumentException("no such date: " + month + "/" + day);
    }
  }

  /** Parses a whole string ("Feb 27, 2023"); empty when it is not exactly a date. */
  static Optional<ShownDate> parse(String text) {
    Matcher m = WHOLE.matcher(text);
    return m.matches() ? from(m, 1) : Optional.empty();
  }

  /**
   * Reads the three groups of {@link #REGEX} starting at group {@code first} of a match; empty when
   * the day does not exist in any month (day 0, day 32).
   */
  static Optional<ShownDate> from(Matcher m, int first) {
    int month = MONTHS.indexOf(m.group(first)) + 1;
    int day = Integer.parseInt(m.group(first + 1));
    Integer year = m.group(first + 2) == null ? null : Integer.valueOf(m.group(first + 2));
    if (day < 1 || day > 31) {
      return Optional.empty();
    }
    return Optional.of(new ShownDate(month, day, year));
  }
}
