package dev.citeassist.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Finds where a listing's title ends and its author list begins when the two are glued with no
 * space between them: "…Reinforcement LearningHaoyi Niu, Kun Ren, Yizhou Xu".
 *
 * <p>The rule, which knows no title and no name in advance:
 *
 * <ol>
 *   <li>A candidate split is every upper-case letter that follows a character other than a space
 *       (the first author's first letter is glued to the title's last character).
 *   <li>The text after the candidate is split at ", "; every piece must have the shape of a name
 *       ({@link NameShape}), else the candidate is dropped. Each name scores about 2, so a split
 *       that leaves a real name in the title (inside the list) scores less.
 *   <li>The title before the candidate must end like a title (not with a space, hyphen, comma,
 *       colon or opening bracket). If its last word has a camel-case junction reaching its end, the
 *       split is suspect: "…ModelsTian" + "Qi Hou" leaves an English word glued to a name fragment
 *       in the title (-3), "…Tian"+"Qi" a Chinese given name cut in two (-2), a coined word
 *       ("mmWave") costs little (-0.5).
 *   <li>Symmetrically, a camel-case junction inside a name costs what {@link NameShape} says:
 *       nothing for "TianQi" or "LeCun", much for "SensingDi" (an English word glued to a name).
 *   <li>The best total wins; on a tie, the earlier split (the longer author list).
 * </ol>
 *
 * <p>A title cannot end in initials glued to its last word ("…LearningS." + "V. Shanmugam"): they
 * belong to the first author's name ("S.V. Shanmugam"), which {@link NameShape} reads whole.
 *
 * <p>When no candidate gives a title and names (an author written in lower case, with digits or
 * brackets, in a script without case), {@link #guess} still gives the most likely split, so that
 * the record is kept and flagged rather than lost.
 *
 * <p>Acronyms at the end of a title ("RFIC", "LS-SVM", "RL") need no special case: a split inside
 * them leaves a name that starts with a run of capitals glued to lower case ("LZihan"), which is
 * not a name. Stateless and thread-safe.
 */
final class TitleAuthorSplitter {

  /** A title and the author names as shown. */
  record Split(String title, List<String> authors) {}

  // punctuation that leads into more text, opening quotes included ("von ‘" + "Vaterjuden'…")
  private static final String BAD_TITLE_ENDINGS =
      ",;:([{/&-\u2010\u2013\u2014\u2018\u201c\u201e\u00ab\u2039";

  // The start of a surname cut off at its inner capital: "Robert Mc" + "Coll Millar", "Joseph O'"
  // + "Rourke", "Peter Le" + "Fanu Lumsdaine".
  private static final Pattern SURNAME_PREFIX_END =
      Pattern.compile("(?:^|\\s)(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Von|Fitz|\\p{Lu}['’])$");

  // A run of initials glued to the end of the title's last word: "LearningS.", "RingsJ.R.".
  private static final Pattern GLUED_INITIALS =
      Pattern.compile("[\\p{Ll}\\p{Nd})\\]](\\p{Lu}\\.)+$");

  /** In {@link #guess}: what an author that has no shape of a name costs. */
  private static final double NOT_A_NAME = -4.0;

  /** In {@link #guess}: what a title ending in punctuation that titles do not end in costs. */
  private static final double BAD_TITLE_END = -3.0;

  private TitleAuthorSplitter() {}

  /** The most likely split of {@code glued}; empty when no candidate gives a title and names. */
  static Optional<Split> split(String glued) {
    Split best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < glued.length(); i++) {
      if (!isGlueAt(glued, i)) {
        continue;
      }
      String title = glued.substring(0, i);
      List<String> names = List.of(glued.substring(i).split(", ", -1));
      OptionalDouble score = score(title, names);
      if (score.isPresent() && score.getAsDouble() > bestScore) {
        bestScore = score.getAsDouble();
        best = new Split(title, names);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The most likely split of {@code glued} even when {@link #split} finds none: every candidate is
   * scored as there, except that an author without the shape of a name costs {@link #NOT_A_NAME}
   * and a title with a bad ending {@link #BAD_TITLE_END} instead of ruling the candidate out. The
   * whole line as the title, with no authors, scores as one such author: a guessed split needs at
   * least one author that looks like a name to win over it.
   */
  static Split guess(String glued) {
    Optional<Split> sure = split(glued);
    if (sure.isPresent()) {
      return sure.get();
    }
    Split best = new Split(glued, List.of());
    double bestScore = NOT_A_NAME;
    for (int i = 1; i < glued.length(); i++) {
      if (!isGlueAt(glued, i)) {
        continue;
      }
      String title = glued.substring(0, i);
      if (title.codePoints().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      List<String> names = List.of(glued.substring(i).split(", ", -1));
      double total = titleEndScore(title).orElse(BAD_TITLE_END);
      for (int k = 0; k < names.size(); k++) {
        total += NameShape.score(names.get(k), k > 0).orElse(notAName(names.get(k)));
      }
      if (total > bestScore) {
        bestScore = total;
        best = new Split(title, names);
      }
    }
    return best;
  }

  /**
   * What a piece of the list without the shape of a name costs in {@link #guess}: more the more
   * words it has, so that a split that leaves title text in the first "name" loses to one that
   * takes only one odd name (an organisation, a name with a bracket) into the list.
   */
  private static double notAName(String piece) {
    int words = piece.split(" ").length;
    return NOT_A_NAME - 0.5 * Math.max(0, words - 3);
  }

  private static boolean isGlueAt(String s, int i) {
    return !Character.isLowSurrogate(s.charAt(i))
        && Character.isUpperCase(s.codePointAt(i))
        && !Character.isWhitespace(s.charAt(i - 1));
  }

  static OptionalDouble score(String title, List<String> names) {
    OptionalDouble titleScore = titleEndScore(title);
    if (titleScore.isEmpty()) {
      return OptionalDouble.empty();
    }
    double total = titleScore.getAsDouble();
    for (int k = 0; k < names.size(); k++) {
      OptionalDouble name = NameShape.score(names.get(k), k > 0);
      if (name.isEmpty()) {
        return OptionalDouble.empty();
      }
      total += name.getAsDouble();
    }
    return OptionalDouble.of(total);
  }

  private static OptionalDouble titleEndScore(String title) {
    char end = title.charAt(title.length() - 1);
    if (Character.isWhitespace(end)
        || BAD_TITLE_ENDINGS.indexOf(end) >= 0
        || title.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return OptionalDouble.empty();
    }
    String lastWord = title.substring(title.lastIndexOf(' ') + 1);
    if (SURNAME_PREFIX_END.matcher(title).find()) {
      return OptionalDouble.of(-3.0);
    }
    if (GLUED_INITIALS.matcher(lastWord).find()) {
      return OptionalDouble.of(-2.0); // "…LearningS." cut "S.V. Shanmugam" inside the initials
    }
    List<CamelJoin.Junction> junctions = CamelJoin.junctions(lastWord);
    if (junctions.isEmpty()) {
      return OptionalDouble.of(0);
    }
    CamelJoin.Junction lastJunction = junctions.get(junctions.size() - 1);
    if (!lastWord.endsWith(lastJunction.right())) {
      return OptionalDouble.of(0); // "DeepSDF)" or "GPT-4": the junction does not end the title
    }
    return OptionalDouble.of(
        switch (lastJunction.kind()) {
          case WORD_THEN_NAME -> -3.0;
          case NAME_SYLLABLES -> -2.0;
          case SURNAME_PREFIX -> -1.0;
          case OTHER ->
              CamelJoin.isPinyinSyllable(lastJunction.right().toLowerCase(Locale.ROOT))
                  ? -1.0
                  : -0.5;
        });
  }

  /** Every candidate with its score ("--" when dropped): explains a decision in a failing test. */
  static List<String> candidates(String glued) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < glued.length(); i++) {
      if (isGlueAt(glued, i)) {
        String title = glued.substring(0, i);
        List<String> names = List.of(glued.substring(i).split(", ", -1));
        OptionalDouble s = score(title, names);
        out.add(
            (s.isPresent() ? String.format(Locale.ROOT, "%.1f", s.getAsDouble()) : "--")
                + " | "
                + title.substring(Math.max(0, title.length() - 12))
                + " | "
                + names);
      }
    }
    return out;
  }
}
