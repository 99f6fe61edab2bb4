package dev.citeassist.paper;

import java.util.List;
import java.util.Locale;

/**
 * The months as sources and BibTeX write them, January first: the one list behind every date a
 * reader parses and every month a writer prints. Stateless.
 */
public final class Months {

  /** "January" to "December". */
  public static final List<String> NAMES =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");

  /** "Jan" to "Dec": the form listings and daily-papers pages show. */
  public static final List<String> ABBREVIATIONS =
      NAMES.stream().map(name -> name.substring(0, 3)).toList();

  private Months() {}

  /** "Feb" for 2. */
  public static String abbreviation(int month) {
    return ABBREVIATIONS.get(month - 1);
  }

  /** "feb" for 2: the macro that BibTeX styles predefine for the month. */
  public static String macro(int month) {
    return abbreviation(month).toLowerCase(Locale.ROOT);
  }

  /**
   * 1 to 12 when {@code word} starts with a month's three letters, in any case ("Sept", "february",
   * "DEC."); 0 otherwise.
   */
  public static int byFirstLetters(String word) {
    if (word.length() < 3) {
      return 0;
    }
    String prefix = word.substring(0, 3);
    for (int m = 0; m < ABBREVIATIONS.size(); m++) {
      if (ABBREVIATIONS.get(m).equalsIgnoreCase(prefix)) {
        return m + 1;
      }
    }
    return 0;
  }
}
