package dev.citeassist.paper;

import java.util.Objects;

/**
 * One author's name, split the way BibTeX splits it. {@code family} includes any "von" particle
 * ("van der Waals") and a "Jr." suffix is kept at the end of {@code given}; either may be empty,
 * never null. Values are Unicode (LaTeX accents already decoded).
 */
public record Person(String given, String family) {

  public Person {
    given = Objects.requireNonNullElse(given, "").strip();
    family = Objects.requireNonNullElse(family, "").strip();
  }

  /** The name as a listing shows it: "Given Family". */
  public String display() {
    if (given.isEmpty()) {
      return family;
    }
    if (family.isEmpty()) {
      return given;
    }
    return given + " " + family;
  }

  /** The name in BibTeX's unambiguous "Family, Given" form. */
  public String bibtex() {
    return given.isEmpty() ? family : family + ", " + given;
  }

  /**
   * Parses a name written either "Family, Given" or "Given von Family". Lower-case particles (van,
   * von, de, der, di, da, du, le, la, del, dos, ...) that precede the last word go to the family
   * name, as BibTeX does.
   */
  public static Person parse(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    int comma = n.indexOf(',');
    if (comma >= 0) {
      return new Person(n.substring(comma + 1), n.substring(0, comma));
    }
    String[] words = n.split(" ");
    if (words.length == 1) {
      return new Person("", words[0]);
    }
    int familyStart = words.length - 1;
    while (familyStart > 1 && isParticle(words[familyStart - 1])) {
      familyStart--;
    }
    return new Person(
        String.join(" ", java.util.Arrays.copyOfRange(words, 0, familyStart)),
        String.join(" ", java.util.Arrays.copyOfRange(words, familyStart, words.length)));
  }

  private static boolean isParticle(String word) {
    return !word.isEmpty() && Character.isLowerCase(word.codePointAt(0));
  }
}
