package dev.citeassist.search;

/**
 * What the user typed, as-you-type: the last token is a prefix. {@code fromYear}/{@code toYear}
 * bound the year inclusively when not null.
 */
public record SearchQuery(String text, int limit, Integer fromYear, Integer toYear) {

  public static SearchQuery of(String text, int limit) {
    return new SearchQuery(text, limit, null, null);
  }
}
