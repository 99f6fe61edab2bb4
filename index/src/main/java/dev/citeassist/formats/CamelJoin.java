package dev.citeassist.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a lower-to-upper case junction inside a word most likely is: "TianQi" (a Chinese given name
 * written with two capitals), "LeCun" (a surname prefix), "ModelsTian" (an English word glued to a
 * name: where a title ends and an author begins), or "mmWave", "PyTorch" (a coined word). Decided
 * from the shape of the two sides only, with no list of titles or names, so that it holds for
 * listings never seen. Stateless.
 */
enum CamelJoin {
  /** Both sides are one Hanyu Pinyin syllable: a given name such as "TianQi", "ShanSuo". */
  NAME_SYLLABLES,
  /** The left side is a surname prefix: "McDonald", "MacKay", "LeCun", "DeWitt", "VanDyke". */
  SURNAME_PREFIX,
  /** The left side ends the way English words do ("Models", "Sensing", "Automation"). */
  WORD_THEN_NAME,
  /** Anything else: a coined word ("mmWave", "ImageNet") or an unusual name. */
  OTHER;

  /** One junction: the letters just before it and just after it. */
  record Junction(String left, String right, CamelJoin kind) {}

  // One syllable of Hanyu Pinyin without tones: optional initial, then a final.
  private static final Pattern PINYIN =
      Pattern.compile(
          "(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
              + "(iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in"
              + "|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v|ü|üe|üan|ün)");

  private static final Set<String> SURNAME_PREFIXES =
      Set.of("mc", "mac", "le", "la", "de", "di", "da", "du", "van", "von", "fitz", "o", "st");

  // Endings of English nouns, adjectives and participles that words in titles carry and the
  // first syllables of given names (Jing, Ming, Tian) do not.
  private static final List<String> ENGLISH_ENDINGS =
      List.of(
          "ing", "ion", "ment", "ness", "ity", "ics", "ive", "ous", "ance", "ence", "ism", "ogy",
          "able", "ible", "ful", "less", "ated", "ized", "ised", "ical", "ial", "al", "ic", "er",
          "ry", "py", "cy", "gy", "ty");

  static CamelJoin classify(String left, String right) {
    String l = left.toLowerCase(Locale.ROOT);
    String r = right.toLowerCase(Locale.ROOT);
    if (isPinyinSyllable(l) && isPinyinSyllable(r)) {
      return NAME_SYLLABLES;
    }
    if (SURNAME_PREFIXES.contains(l)) {
      return SURNAME_PREFIX;
    }
    if (endsLikeEnglishWord(l)) {
      return WORD_THEN_NAME;
    }
    return OTHER;
  }

  static boolean isPinyinSyllable(String lowerCase) {
    return PINYIN.matcher(lowerCase).matches();
  }

  private static boolean endsLikeEnglishWord(String l) {
    if (l.length() < 5 || isPinyinSyllable(l)) {
      return false;
    }
    if (l.endsWith("s")) {
      // plurals and -ics, -ness; not the -us/-ss of Latin names and words
      char before = l.charAt(l.length() - 2);
      return before != 's' && before != 'u';
    }
    if (l.endsWith("ing")) {
      return l.length() >= 6; // Sensing, Mining; not the syllables Jing, Ming, Ying
    }
    return ENGLISH_ENDINGS.stream().anyMatch(l::endsWith);
  }

  /**
   * The junctions inside {@code token}, in order. A junction is a lower-case letter followed by an
   * upper-case one; its sides are the letter runs between neighbouring junctions (or the token's
   * non-letters), so "ImageNetTian" has (Image, Net) and (Net, Tian).
   */
  static List<Junction> junctions(String token) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 1; i < token.length(); i++) {
      if (Character.isLowerCase(token.charAt(i - 1)) && Character.isUpperCase(token.charAt(i))) {
        starts.add(i);
      }
    }
    List<Junction> result = new ArrayList<>(starts.size());
    for (int k = 0; k < starts.size(); k++) {
      int at = starts.get(k);
      int leftStart = k == 0 ? letterRunStart(token, at) : starts.get(k - 1);
      int rightEnd = k + 1 < starts.size() ? starts.get(k + 1) : letterRunEnd(token, at);
      String left = token.substring(leftStart, at);
      String right = token.substring(at, rightEnd);
      result.add(new Junction(left, right, classify(left, right)));
    }
    return result;
  }

  private static int letterRunStart(String s, int at) {
    int i = at;
    while (i > 0 && isLetterOrMark(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int letterRunEnd(String s, int at) {
    int i = at;
    while (i < s.length() && isLetterOrMark(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isLetterOrMark(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
