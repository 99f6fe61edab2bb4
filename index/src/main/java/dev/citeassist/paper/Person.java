package dev.citeassist.paper;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One author's name, split the way BibTeX splits it. {@code family} includes any "von" particle
 * ("van der Waals") and a "Jr." suffix is kept at the end of {@code given} ("Martin Luther Jr.");
 * either may be empty, never null. Values are Unicode (LaTeX accents already decoded).
 */
public record Person(String given, String family) {

  public Person {
    given = Objects.requireNonNullElse(given, "").strip();
    family = Objects.requireNonNullElse(family, "").strip();
  }

  /** The name as a listing shows it: "Given Family", a suffix last ("Martin Luther King Jr."). */
  public String display() {
    if (given.isEmpty()) {
      return family;
    }
    if (family.isEmpty()) {
      return given;
    }
    Matcher m = GIVEN_WITH_SUFFIX.matcher(given);
    if (m.matches()) {
      return m.group(1) + " " + family + " " + m.group(2);
    }
    return given + " " + family;
  }

  /** The name in BibTeX's unambiguous "Family, Given" ("Family, Jr., Given") form. */
  public String bibtex() {
    Matcher m = GIVEN_WITH_SUFFIX.matcher(given);
    if (m.matches()) {
      return family + ", " + m.group(2) + ", " + m.group(1);
    }
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
    if (words.length >= 3 && SUFFIX.matcher(words[words.length - 1]).matches()) {
      // "Martin Luther King Jr.": the suffix is kept at the end of the given name.
      Person rest = parse(String.join(" ", Arrays.copyOf(words, words.length - 1)));
      return new Person(rest.given + " " + words[words.length - 1], rest.family);
    }
    int familyStart = words.length - 1;
    while (familyStart > 1 && isParticle(words[familyStart - 1])) {
      familyStart--;
    }
    return new Person(
        String.join(" ", Arrays.copyOfRange(words, 0, familyStart)),
        String.join(" ", Arrays.copyOfRange(words, familyStart, words.length)));
  }

  private static final Pattern SUFFIX = Pattern.compile("[JjSs]r\\.?|II|III|IV");
  private static final Pattern GIVEN_WITH_SUFFIX =
      Pattern.compile("(.+?),? ([JjSs]r\\.?|II|III|IV)");

  private static boolean isParticle(String word) {
    return !word.isEmpty() && Character.isLowerCase(word.codePointAt(0));
  }
}
