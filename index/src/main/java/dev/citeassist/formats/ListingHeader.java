package dev.citeassist.formats;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a listing record: a two-letter category code glued to a shown date and an
 * optional "Code" flag, as in "LGFeb 27, 2023", "DBMar 26", "CVMar 24, 2022Code".
 */
record ListingHeader(String category, ShownDate date, boolean code) {

  private static final Pattern LINE = Pattern.compile("([A-Z]{2})" + ShownDate.REGEX + "(Code)?");

  /** Empty when {@code line} is not a whole header line. */
  static Optional<ListingHeader> parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return ShownDate.from(m, 2)
        .map(date -> new ListingHeader(m.group(1), date, m.group(5) != null));
  }
}
