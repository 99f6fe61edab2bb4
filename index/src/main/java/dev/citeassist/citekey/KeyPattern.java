package dev.citeassist.citekey;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JabRef-style cite-key pattern such as {@code [auth:lower][year][veryshorttitle:lower]}, the
 * Google-Scholar-like default. Immutable and thread-safe.
 *
 * <p>Fields: {@code [auth]} first author's surname, {@code [authors]} every surname, {@code
 * [authorsN]} the first N, {@code [auth.etal]} "Surname", "Surname.Other" or "Surname.etal", {@code
 * [authEtAl]} the same with "EtAl", {@code [year]}, {@code [shortyear]}, {@code [title]} every
 * significant title word capitalised, {@code [shorttitle]} the first three, {@code
 * [veryshorttitle]} the first one. Modifiers: {@code :lower}, {@code :upper}. Text outside brackets
 * is copied. The result is ASCII-folded and keeps only characters that are safe in a key for
 * bibtex, biber and every editor ({@code A-Za-z0-9-_:.}).
 *
 * <p>A paper without authors gets its first two significant title words where {@code [auth]} would
 * stand, so the default gives {@code removesymmetries2024}.
 */
public final class KeyPattern {

  private static final Pattern TOKEN = Pattern.compile("\\[([^\\]]+)]");
  private static final Pattern AUTHORS_N = Pattern.compile("authors(\\d+)");
  private static final Set<String> KNOWN =
      Set.of(
          "auth",
          "authors",
          "auth.etal",
          "authEtAl",
          "year",
          "shortyear",
          "title",
          "shorttitle",
          "veryshorttitle");

  /** Function words that never make a title word "significant" (JabRef's list, abridged). */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "on", "in", "of", "for", "to", "and", "or", "with", "by", "at", "from",
          "as", "is", "are", "be", "do", "does", "via", "into", "onto", "up", "but", "nor", "so",
          "yet", "its", "it", "we", "our", "how", "what", "when", "why", "which", "who", "can",
          "towards", "toward", "about", "over", "under", "between", "through", "without", "beyond");

  // Declared after the constants that parse() uses, which static initialisation needs.
  /** First author's surname + year + first significant title word, lower case. */
  public static final KeyPattern DEFAULT = parse("[auth:lower][year][veryshorttitle:lower]");

  private final String source;
  private final List<Part> parts;

  private KeyPattern(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the unknown field or modifier
   */
  public static KeyPattern parse(String pattern) {
    List<Part> parts = new ArrayList<>();
    Matcher m = TOKEN.matcher(pattern);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Part(pattern.substring(last, m.start()), null, null));
      }
      String[] spec = m.group(1).split(":");
      String field = spec[0];
      if (!KNOWN.contains(field) && !AUTHORS_N.matcher(field).matches()) {
        throw new IllegalArgumentException("unknown cite-key field [" + field + "] in " + pattern);
      }
      String modifier = spec.length > 1 ? spec[1] : null;
      if (modifier != null && !modifier.equals("lower") && !modifier.equals("upper")) {
        throw new IllegalArgumentException(
            "unknown cite-key modifier :" + modifier + " in " + pattern);
      }
      parts.add(new Part(null, field, modifier));
      last = m.end();
    }
    if (last < pattern.length()) {
      parts.add(new Part(pattern.substring(last), null, null));
    }
    if (parts.stream().noneMatch(p -> p.field != null)) {
      throw new IllegalArgumentException("a cite-key pattern needs at least one [field]");
    }
    return new KeyPattern(pattern, List.copyOf(parts));
  }

  /** The key this pattern gives the paper, before collision suffixes; never empty. */
  public String apply(Paper paper) {
    StringBuilder key = new StringBuilder();
    // computed once per paper, not once per field (a catalogue build keys millions of papers)
    List<String> surnames = null;
    List<String> words = null;
    for (Part part : parts) {
      if (part.literal == null && surnames == null) {
        surnames = paper.authors().stream().map(KeyPattern::surname).toList();
        words = significantWords(paper.title());
      }
      String value =
          part.literal != null ? part.literal : expand(part.field, paper, surnames, words);
      if (part.modifier != null) {
        value =
            part.modifier.equals("lower")
                ? value.toLowerCase(Locale.ROOT)
                : value.toUpperCase(Locale.ROOT);
      }
      key.append(value);
    }
    String safe = safe(key.toString());
    return safe.isEmpty() ? "paper" : safe;
  }

  @Override
  public String toString() {
    return source;
  }

  private static String expand(
      String field, Paper paper, List<String> surnames, List<String> words) {
    if (surnames.isEmpty()) {
      // No authors: the first two significant title words stand for them, and the title fields
      // add nothing more, so that the default gives "removesymmetries2024".
      if (field.startsWith("auth")) {
        return String.join("", capitalise(words.subList(0, Math.min(2, words.size()))));
      }
      if (field.endsWith("title")) {
        return "";
      }
    }
    Matcher n = AUTHORS_N.matcher(field);
    if (n.matches()) {
      int count = Integer.parseInt(n.group(1));
      String joined = String.join("", surnames.subList(0, Math.min(count, surnames.size())));
      return surnames.size() > count || paper.etAl() ? joined + "EtAl" : joined;
    }
    return switch (field) {
      case "auth" -> surnames.get(0);
      case "authors" -> String.join("", surnames);
      case "auth.etal", "authEtAl" -> {
        String sep = field.equals("auth.etal") ? "." : "";
        String etal = field.equals("auth.etal") ? ".etal" : "EtAl";
        if (surnames.size() > 2 || paper.etAl()) {
          yield surnames.get(0) + etal;
        }
        yield String.join(sep, surnames);
      }
      case "year" -> paper.year() == null ? "" : paper.year().toString();
      case "shortyear" ->
          paper.year() == null ? "" : String.format("%02d", Math.floorMod(paper.year(), 100));
      case "title" -> String.join("", capitalise(words));
      case "shorttitle" -> String.join("", capitalise(words.subList(0, Math.min(3, words.size()))));
      case "veryshorttitle" -> words.isEmpty() ? "" : words.get(0);
      default -> throw new IllegalStateException(field);
    };
  }

  /** The last word of the family name without particles ("van der Waals" → "Waals"). */
  private static String surname(Person person) {
    String family = person.family().isEmpty() ? person.given() : person.family();
    String[] words = family.split("[\\s~]+");
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (!w.isEmpty() && !Character.isLowerCase(w.codePointAt(0))) {
        out.append(w);
      }
    }
    String name = out.isEmpty() ? words[words.length - 1] : out.toString();
    return fold(name).replaceAll("[^A-Za-z0-9]", "");
  }

  /** Title words that are not function words, with math and punctuation removed. */
  static List<String> significantWords(String title) {
    if (title == null) {
      return List.of();
    }
    String plain = title.replaceAll("\\$[^$]*\\$", " ").replaceAll("\\\\[a-zA-Z]+", " ");
    List<String> words = new ArrayList<>();
    for (String raw : fold(plain).split("[^A-Za-z0-9]+")) {
      if (!raw.isEmpty() && !STOP_WORDS.contains(raw.toLowerCase(Locale.ROOT))) {
        words.add(raw);
      }
    }
    return words;
  }

  private static List<String> capitalise(List<String> words) {
    return words.stream()
        .map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1))
        .toList();
  }

  private static String safe(String key) {
    return fold(key).replaceAll("[^A-Za-z0-9\\-_:.]", "");
  }

  /** ASCII-folds: decomposes accents away and maps the letters that do not decompose. */
  static String fold(String s) {
    if (isAscii(s)) {
      return s; // nothing to fold, and the common case
    }
    String mapped =
        s.replace("ł", "l")
            .replace("Ł", "L")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("Æ", "AE")
            .replace("œ", "oe")
            .replace("Œ", "OE")
            .replace("đ", "d")
            .replace("Đ", "D")
            .replace("ı", "i")
            .replace("þ", "th");
    return Normalizer.normalize(mapped, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private record Part(String literal, String field, String modifier) {}
}
