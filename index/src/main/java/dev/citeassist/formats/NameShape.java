package dev.citeassist.formats;

import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how much a string looks like one person's name as listings show it: "Yizhou Xu", "Aidan Z.
 * H. Yang", "S.V. Shanmugam", "Michał Dereziński", "Zeyuan Allen-Zhu", "TianQi Hou", "Laurens van
 * der Maaten", "Sean O'Brien". Empty when it cannot be a name (a lower-case word that is not a
 * particle, digits, punctuation, a run of capitals glued to lower case like "SVMZhenyu", five or
 * more words); otherwise a score that is highest (2) for a plain two-word name and lower for shapes
 * that names rarely have (one word, four words, camel-case junctions that read like an English word
 * glued to a name). Works on letters of any script with case; stateless.
 */
final class NameShape {

  static final double PLAIN = 2.0;

  // Initials and abbreviated given names: "Z.", "Th.", "J.-P.", and runs written without spaces,
  // "S.V.", "J.R.R.", "D.M.L.", which are one part of the name (the suffixes "Jr.", "Sr." match
  // too).
  private static final Pattern INITIAL =
      Pattern.compile("\\p{Lu}\\p{Ll}?\\.(-?\\p{Lu}\\p{Ll}?\\.)*");

  // An initial written without its period, as BibTeX exports of Google Scholar show them
  // ("Nitesh V Chawla", "George EP Box"); only before the family name.
  private static final Pattern BARE_INITIAL = Pattern.compile("\\p{Lu}{1,3}");

  // Initials glued to the family name: "H.Karloff", "S.V.Shanmugam".
  static final Pattern INITIALS_THEN_WORD =
      Pattern.compile("((?:\\p{Lu}\\.-?)+)(\\p{Lu}[\\p{Ll}\\p{M}].*)");

  // A part of a name after a hyphen or an apostrophe may be lower case: "Chi-kiu", "Jin-ichi",
  // "Mel'čuk", "Falc’hun".
  private static final Pattern LOWER_CASE_PART = Pattern.compile("[\\p{Ll}\\p{M}]+");

  // One part of a word between hyphens and apostrophes: capitalised, possibly camel-case
  // ("Dereziński", "TianQi", "McDonald").
  private static final Pattern CAPITALISED =
      Pattern.compile("\\p{Lu}[\\p{Ll}\\p{M}]+(\\p{Lu}[\\p{Ll}\\p{M}]+)*");
  private static final Pattern ALL_CAPITALS = Pattern.compile("\\p{Lu}{2,}");

  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "del", "della", "dela", "di", "da", "du", "dos", "das",
          "do", "le", "la", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "st.");

  private static final Set<String> SUFFIXES = Set.of("Jr.", "Sr.", "II", "III", "IV");

  private NameShape() {}

  /**
   * @param mayStartWithParticle false for the first author of a glued line, whose name starts where
   *     a capital letter follows the title
   */
  static OptionalDouble score(String name, boolean mayStartWithParticle) {
    if (name.isEmpty() || name.startsWith(" ") || name.endsWith(" ")) {
      return OptionalDouble.empty();
    }
    String[] tokens = name.split(" ", -1);
    double score = PLAIN;
    int words = 0;
    int initials = 0;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      boolean last = i == tokens.length - 1;
      Matcher glued = INITIALS_THEN_WORD.matcher(token);
      if ((INITIAL.matcher(token).matches() || BARE_INITIAL.matcher(token).matches()) && !last) {
        initials++;
      } else if (glued.matches() && wordScore(glued.group(2)).isPresent()) {
        // rarer than "H. Karloff", still a name
        initials++;
        words++;
        score += wordScore(glued.group(2)).getAsDouble() - 0.5;
      } else if (PARTICLES.contains(token) && !last && (i > 0 || mayStartWithParticle)) {
        // a particle belongs to the family name that follows
      } else if (SUFFIXES.contains(token) && last && words > 0) {
        // "Jr.", "III" after a name
      } else {
        OptionalDouble word = wordScore(token);
        if (word.isEmpty()) {
          return OptionalDouble.empty();
        }
        score += word.getAsDouble();
        words++;
      }
    }
    if (words == 0 || words > 4 || initials > 3) {
      return OptionalDouble.empty();
    }
    score +=
        switch (words) {
          // mononyms exist, but a lone word is more often a cut-off fragment ("J. Smith" is not)
          case 1 -> initials > 0 ? 0.0 : -3.0;
          case 2 -> 0.0;
          case 3 -> -1.0;
          default -> -2.5;
        };
    return OptionalDouble.of(score);
  }

  /** 0 for a plain word, negative for unusual shapes, empty when it cannot be part of a name. */
  private static OptionalDouble wordScore(String token) {
    double score = 0;
    String[] parts = token.split("[-'’]", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        return OptionalDouble.empty();
      }
      if (i > 0 && LOWER_CASE_PART.matcher(part).matches() && !parts[0].isEmpty()) {
        if (!CAPITALISED.matcher(parts[0]).matches()) {
          return OptionalDouble.empty();
        }
        score -= 0.5;
      } else if (CAPITALISED.matcher(part).matches()) {
        for (CamelJoin.Junction j : CamelJoin.junctions(part)) {
          score += junctionScore(j.kind());
        }
      } else if (ALL_CAPITALS.matcher(part).matches()) {
        score -= 1.5; // "LIAO", "III": some listings write family names in capitals
      } else if (!isApostrophePrefix(token, part)) {
        return OptionalDouble.empty();
      }
    }
    if (token.codePointCount(0, token.length()) > 16) {
      score -= 1.0;
    }
    return OptionalDouble.of(score);
  }

  // "O'Brien", "D'Amour", "d'Alembert": a one-letter part before an apostrophe.
  private static boolean isApostrophePrefix(String token, String part) {
    return part.length() == 1
        && Character.isLetter(part.charAt(0))
        && token.length() > 2
        && (token.charAt(1) == '\'' || token.charAt(1) == '’')
        && token.startsWith(part);
  }

  static double junctionScore(CamelJoin kind) {
    return switch (kind) {
      case NAME_SYLLABLES, SURNAME_PREFIX -> 0.0;
      case WORD_THEN_NAME -> -3.0;
      case OTHER -> -1.0;
    };
  }
}
