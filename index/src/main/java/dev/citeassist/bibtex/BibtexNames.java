package dev.citeassist.bibtex;

import dev.citeassist.paper.Person;
import dev.citeassist.tex.LatexDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw BibTeX name list ({@code author}, {@code editor}) the way BibTeX does: names are
 * separated by a top-level {@code and}; each is "von Last, First", "von Last, Jr, First" or "First
 * von Last", where "von" words start with a lower-case letter; a braced word ({@code {Corporate
 * Name}}) is one word of no case and stays whole; {@code and others} sets et al. The parts are
 * decoded with {@link LatexDecoder}. A "Jr" part goes to the end of the given name, as {@link
 * Person} asks. Stateless.
 */
final class BibtexNames {

  /** The names of a list and whether it ended with "and others". */
  record Names(List<Person> persons, boolean etAl) {}

  private BibtexNames() {}

  static Names parse(String raw) {
    List<Person> persons = new ArrayList<>();
    boolean etAl = false;
    for (String name : splitAnd(raw)) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.equalsIgnoreCase("others") || trimmed.equalsIgnoreCase("et al.")) {
        etAl = true;
        continue;
      }
      Person person = person(trimmed);
      if (!person.family().isEmpty() || !person.given().isEmpty()) {
        persons.add(person);
      }
    }
    return new Names(List.copyOf(persons), etAl);
  }

  /** Splits at " and " (any case, any white space around it) outside braces. */
  static List<String> splitAnd(String raw) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0
          && Character.isWhitespace(c)
          && i + 4 < n
          && (raw.charAt(i + 1) == 'a' || raw.charAt(i + 1) == 'A')
          && (raw.charAt(i + 2) == 'n' || raw.charAt(i + 2) == 'N')
          && (raw.charAt(i + 3) == 'd' || raw.charAt(i + 3) == 'D')
          && Character.isWhitespace(raw.charAt(i + 4))) {
        out.add(raw.substring(start, i));
        start = i + 5;
        i += 4;
      }
    }
    out.add(raw.substring(start));
    return out;
  }

  static Person person(String name) {
    List<List<String>> parts = new ArrayList<>();
    List<String> words = new ArrayList<>();
    parts.add(words);
    int depth = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      boolean escaped = i > 0 && name.charAt(i - 1) == '\\'; // \~n is an accent, not a tie
      if (depth == 0 && (Character.isWhitespace(c) || (c == '~' && !escaped) || c == ',')) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
        if (c == ',') {
          words = new ArrayList<>();
          parts.add(words);
        }
        continue;
      }
      word.append(c);
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    parts.removeIf(List::isEmpty);
    if (parts.isEmpty()) {
      return new Person("", "");
    }
    if (parts.size() == 1) {
      return firstVonLast(parts.get(0));
    }
    List<String> vonLast = parts.get(0);
    String given;
    if (parts.size() == 2) {
      given = join(parts.get(1));
    } else {
      // "von Last, Jr, First": the rest after the second comma is the first name
      List<String> first = new ArrayList<>();
      for (int p = 2; p < parts.size(); p++) {
        first.addAll(parts.get(p));
      }
      given = join(first) + " " + join(parts.get(1));
    }
    return new Person(given, join(vonLast));
  }

  /** "First von Last": von is from the first lower-case word to the last one before Last. */
  private static Person firstVonLast(List<String> words) {
    int n = words.size();
    if (n == 1) {
      return new Person("", join(words));
    }
    int familyStart = n - 1;
    for (int i = 0; i < n - 1; i++) {
      if (isLowerCase(words.get(i))) {
        familyStart = i;
        break;
      }
    }
    return new Person(join(words.subList(0, familyStart)), join(words.subList(familyStart, n)));
  }

  /**
   * BibTeX's test for a "von" word: its first letter is lower case. A word that starts with a brace
   * is caseless unless the brace opens a special character ({@code {\'e}}).
   */
  private static boolean isLowerCase(String word) {
    char first = word.charAt(0);
    if (Character.isLetter(first)) {
      return Character.isLowerCase(first);
    }
    if (first == '{' && !word.startsWith("{\\")) {
      return false;
    }
    String decoded = LatexDecoder.decode(word);
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (Character.isLetter(c)) {
        return Character.isLowerCase(c);
      }
    }
    return false;
  }

  private static String join(List<String> words) {
    return LatexDecoder.decode(String.join(" ", words));
  }
}
