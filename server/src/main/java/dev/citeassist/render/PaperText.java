package dev.citeassist.render;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a paper is described to a person: the one-line detail of a completion item and the longer
 * text of hovers and completion documentation, as Markdown or plain text. Stateless.
 */
public final class PaperText {

  /** The phrase for a paper that only the catalogue has. */
  public static final String NOT_IN_BIBLIOGRAPHY =
      "from the catalogue, not in your bibliography yet";

  /**
   * Caps on what one description shows, so that a 1 MB abstract or a 5,000-author list in a {@code
   * .bib} makes a readable hover, not a megabyte of JSON: each part is cut at a word boundary with
   * "…", and the whole is bounded whatever the parts (escaping may double a part's length).
   */
  static final int MAX_TITLE = 300;

  static final int MAX_AUTHORS_LINE = 500;
  static final int MAX_VENUE = 200;
  static final int MAX_ABSTRACT = 2000;
  public static final int MAX_KEY = 200;
  static final int MAX_DETAIL = 300;
  static final int MAX_TEXT = 8000;

  private PaperText() {}

  /**
   * {@code s} if it has at most {@code max} characters, else its start cut at the last space within
   * the last fifth before {@code max} (else at {@code max}, never inside a surrogate pair),
   * followed by "…".
   */
  public static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = max;
    for (int i = max; i > max * 4 / 5; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        cut = i;
        break;
      }
    }
    if (Character.isLowSurrogate(s.charAt(cut)) && cut > 0) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }

  /** {@code Liao, Couillet · 2018 · A Random Matrix Approach to Neural Networks}. */
  public static String detail(Paper p) {
    StringBuilder b = new StringBuilder();
    String authors = shortAuthors(p);
    if (!authors.isEmpty()) {
      b.append(authors);
    }
    if (p.year() != null) {
      append(b, String.valueOf(p.year()));
    }
    if (p.title() != null) {
      append(b, clip(p.title(), MAX_TITLE));
    }
    return clip(b.toString(), MAX_DETAIL);
  }

  private static void append(StringBuilder b, String part) {
    if (!b.isEmpty()) {
      b.append(" · ");
    }
    b.append(part);
  }

  static String shortAuthors(Paper p) {
    List<Person> authors = p.authors();
    if (authors.isEmpty()) {
      return "";
    }
    if (authors.size() > 3) {
      return authors.get(0).family() + " et al.";
    }
    String s = authors.stream().map(Person::family).collect(Collectors.joining(", "));
    return p.etAl() ? s + " et al." : s;
  }

  static String fullAuthors(Paper p) {
    String s = p.authors().stream().map(Person::display).collect(Collectors.joining(", "));
    if (p.etAl()) {
      s = s.isEmpty() ? "et al." : s + " et al.";
    } else if (s.isEmpty() && p.authorCount() != null) {
      s = p.authorCount() + " authors";
    }
    return s;
  }

  static String venue(Paper p) {
    if (p.venue() != null) {
      return p.venue();
    }
    if (p.category() != null) {
      return p.arxivId() != null
          ? "arXiv:" + p.arxivId() + " [" + p.category() + "]"
          : p.category();
    }
    return p.arxivId() != null ? "arXiv:" + p.arxivId() : null;
  }

  /**
   * Title, authors, year and venue, the abstract, and where the entry lives ({@code location}:
   * "refs.bib:42" or {@link #NOT_IN_BIBLIOGRAPHY}).
   */
  public static String describe(Paper p, String location, boolean markdown) {
    StringBuilder b = new StringBuilder();
    String key = clip(p.key(), MAX_KEY);
    String title = clip(p.title() == null ? key : p.title(), MAX_TITLE);
    b.append(markdown ? "**" + escape(title) + "**" : title).append("\n\n");
    String authors = clip(fullAuthors(p), MAX_AUTHORS_LINE);
    StringBuilder line = new StringBuilder(authors);
    if (p.year() != null) {
      line.append(line.isEmpty() ? "" : " · ").append(p.year());
    }
    String venue = clip(venue(p), MAX_VENUE);
    if (venue != null) {
      line.append(line.isEmpty() ? "" : " · ").append(markdown ? "*" + escape(venue) + "*" : venue);
    }
    if (!line.isEmpty()) {
      b.append(markdown ? escapeKeepingEmphasis(line.toString(), venue) : line).append("\n\n");
    }
    if (p.abstractText() != null && !p.abstractText().isBlank()) {
      String text = clip(p.abstractText().strip(), MAX_ABSTRACT);
      b.append(markdown ? escape(text) : text).append("\n\n");
    }
    if (location != null) {
      b.append(markdown ? "`" + key + "` " + location : key + " " + location);
    }
    return clip(b.toString().strip(), MAX_TEXT);
  }

  private static String escapeKeepingEmphasis(String line, String venue) {
    if (venue == null) {
      return escape(line);
    }
    String marked = "*" + escape(venue) + "*";
    int at = line.lastIndexOf(marked);
    return at < 0 ? escape(line) : escape(line.substring(0, at)) + marked;
  }

  /** {@code s} with the characters Markdown would take as markup escaped. */
  public static String escapeMarkdown(String s) {
    return escape(s);
  }

  /** Escapes the characters Markdown would take as markup; math stays readable. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\`*_[]<>#|".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
