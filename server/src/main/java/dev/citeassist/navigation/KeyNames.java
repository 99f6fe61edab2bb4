package dev.citeassist.navigation;

/**
 * What a cite key may be: not empty, and none of the characters that end a key or break BibTeX,
 * biber or {@code \cite}: whitespace and {@code , { } % # ~ \ " ' ( ) =}.
 */
final class KeyNames {

  private static final String FORBIDDEN = ",{}%#~\\\"'()=";

  private KeyNames() {}

  /** Why {@code key} is not a valid key, or null when it is. */
  static String problem(String key) {
    if (key == null || key.isEmpty()) {
      return "A cite key cannot be empty.";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c)) {
        return "A cite key cannot contain whitespace.";
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return "A cite key cannot contain '" + c + "'.";
      }
    }
    return null;
  }
}
