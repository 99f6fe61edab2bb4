package dev.citeassist.paper;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether two records describe the same paper: the same DOI or arXiv id; else the same
 * normalised title, and the same first author's surname and year wherever both records know them (a
 * daily-papers page gives no names, so it matches a listing of the same title and year). Stateless.
 */
public final class SamePaper {

  private SamePaper() {}

  public static boolean test(Paper a, Paper b) {
    String doiA = doi(a);
    String doiB = doi(b);
    if (doiA != null && doiA.equals(doiB)) {
      return true;
    }
    String arxivA = arxivId(a);
    if (arxivA != null && arxivA.equals(arxivId(b))) {
      return true;
    }
    if (doiA != null && doiB != null) {
      return false;
    }
    String titleA = normalisedTitle(a);
    return !titleA.isEmpty()
        && titleA.equals(normalisedTitle(b))
        && compatible(firstSurname(a), firstSurname(b))
        && compatible(a.year(), b.year());
  }

  /** Lower-case DOI without a resolver prefix, or null. */
  public static String doi(Paper p) {
    if (p.doi() == null || p.doi().isBlank()) {
      return null;
    }
    return p.doi()
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceFirst("^(https?://)?(dx\\.)?doi\\.org/", "")
        .replaceFirst("^doi:", "");
  }

  /** Lower-case arXiv id without a version suffix, or null. */
  public static String arxivId(Paper p) {
    if (p.arxivId() == null || p.arxivId().isBlank()) {
      return null;
    }
    return p.arxivId()
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceFirst("^(https?://)?arxiv\\.org/(abs|pdf)/", "")
        .replaceFirst("^arxiv:", "")
        .replaceFirst("v\\d+$", "");
  }

  /** The title in lower-case ASCII letters and digits only; "" when there is none. */
  public static String normalisedTitle(Paper p) {
    return p.title() == null ? "" : normalise(p.title());
  }

  /**
   * A string that sorts and identifies a paper independently of the order sources were read in:
   * identifiers first, then title, authors and year.
   */
  public static String identity(Paper p) {
    StringBuilder s = new StringBuilder();
    s.append(Objects.requireNonNullElse(doi(p), "")).append('|');
    s.append(Objects.requireNonNullElse(arxivId(p), "")).append('|');
    s.append(normalisedTitle(p)).append('|');
    for (Person author : p.authors()) {
      s.append(normalise(author.family())).append(',').append(normalise(author.given()));
      s.append(';');
    }
    s.append('|').append(p.year() == null ? "" : p.year());
    s.append('|').append(Objects.requireNonNullElse(p.venue(), ""));
    return s.toString();
  }

  static String firstSurname(Paper p) {
    return p.authors().isEmpty() ? null : normalise(p.authors().get(0).family());
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern NOT_ALNUM =
      java.util.regex.Pattern.compile("[^a-z0-9]");

  static String normalise(String text) {
    // ASCII (nearly every title and name of a large catalogue): decomposing changes nothing
    StringBuilder ascii = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        ascii = null;
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        ascii.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        ascii.append(c);
      }
    }
    if (ascii != null) {
      return ascii.toString();
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String unmarked =
        MARKS
            .matcher(decomposed)
            .replaceAll("")
            .replace("ł", "l")
            .replace("ø", "o")
            .replace("ß", "ss");
    return NOT_ALNUM.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static boolean compatible(Object a, Object b) {
    return a == null || b == null || a.equals(b);
  }
}
