package dev.citeassist.bibtex;

import dev.citeassist.bibtex.EntryParser.RawEntry;
import dev.citeassist.paper.IdentifierSyntax;
import dev.citeassist.paper.Months;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SourceFormat;
import dev.citeassist.tex.LatexDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw entry into a {@link Paper}: title, authors ({@link BibtexNames}), year, month and day
 * (biblatex {@code date}, the start of a range, before {@code year}/{@code month}), venue ({@code
 * journaltitle}/{@code journal} for articles, else {@code booktitle} first; none for books and
 * other containers), doi (without a resolver prefix), url, abstract, affiliation, category ({@code
 * primaryClass}/{@code eprintclass}) and the arXiv id without its version: from {@code eprint} when
 * {@code archivePrefix}/{@code eprinttype} says arXiv (or the eprint is a bare new-style id), else
 * from an arXiv URL or DOI, or "arXiv:ID"/"abs/ID" in journal, volume, note.
 *
 * <p>A field leaves the field map when the Paper holds it exactly ({@code year = 2020} goes, {@code
 * year = {2020a}} stays in {@code fields} as well as giving year 2020); every other field stays
 * under its lower-case name with its value decoded, except that verbatim fields ({@code url},
 * {@code doi}, {@code eprint}, {@code file}, ...) only lose their escapes. Stateless.
 */
final class PaperMapper {

  private PaperMapper() {}

  private static final Set<String> VERBATIM =
      Set.of("url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb", "verbc");

  /** Entry types that hold other works (biblatex's containers), the parents of a crossref. */
  static final Set<String> CONTAINER_TYPES =
      Set.of(
          "book",
          "mvbook",
          "collection",
          "mvcollection",
          "proceedings",
          "mvproceedings",
          "reference",
          "mvreference",
          "periodical");

  private static final Set<String> JOURNAL_TYPES = Set.of("article", "suppperiodical");

  private static final List<String> MONTHS =
      Months.NAMES.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();

  private static final String ID =
      "(" + IdentifierSyntax.ARXIV_ID + ")" + IdentifierSyntax.ARXIV_VERSION;
  private static final Pattern EPRINT =
      Pattern.compile("(?:arxiv:)?" + ID, Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_NEW_ID =
      Pattern.compile(IdentifierSyntax.ARXIV_NEW_ID + IdentifierSyntax.ARXIV_VERSION);
  private static final Pattern ARXIV_URL =
      Pattern.compile(
          IdentifierSyntax.ARXIV_PAGE + ID + "|" + IdentifierSyntax.ARXIV_DOI_PREFIX + ID,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ARXIV_TEXT =
      Pattern.compile(
          "arxiv(?:\\s+preprint)?\\s*:?\\s*(?:arxiv:)?" + ID + "|(?:^|\\s|corr\\s*)abs/" + ID,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FOUR_DIGITS = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
  private static final Pattern DATE =
      Pattern.compile("\\s*(-?\\d{1,4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?.*", Pattern.DOTALL);
  private static final Pattern EXACT_DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");

  static Paper toPaper(RawEntry entry, String source) {
    Map<String, String> rest = new LinkedHashMap<>(entry.fields());
    Paper.Builder paper =
        Paper.builder()
            .key(entry.key())
            .type(entry.type())
            .origin(new Origin(source, entry.line(), SourceFormat.BIBTEX));

    paper.title(nonEmpty(LatexDecoder.decode(rest.remove("title"))));
    String author = rest.remove("author");
    if (author != null) {
      BibtexNames.Names names = BibtexNames.parse(author);
      paper.authors(names.persons()).etAl(names.etAl());
    }
    dates(rest, paper);
    venue(entry.type(), rest, paper);

    String doi = rest.remove("doi");
    if (doi != null) {
      paper.doi(nonEmpty(IdentifierSyntax.withoutResolver(LatexDecoder.decodeVerbatim(doi))));
    }
    paper.url(nonEmpty(LatexDecoder.decodeVerbatim(rest.remove("url"))));
    paper.abstractText(nonEmpty(LatexDecoder.decode(rest.remove("abstract"))));
    paper.affiliation(nonEmpty(LatexDecoder.decode(rest.remove("affiliation"))));
    String category = rest.remove("primaryclass");
    String eprintClass = rest.remove("eprintclass");
    paper.category(nonEmpty(LatexDecoder.decode(category != null ? category : eprintClass)));
    if (category != null && eprintClass != null) {
      rest.put("eprintclass", eprintClass);
    }
    arxiv(entry.fields(), rest, paper);

    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : rest.entrySet()) {
      String name = field.getKey();
      String value =
          isVerbatim(name)
              ? LatexDecoder.decodeVerbatim(field.getValue())
              : LatexDecoder.decode(field.getValue());
      if (!value.isEmpty()) {
        fields.put(name, value);
      }
    }
    return paper.fields(fields).build();
  }

  private static boolean isVerbatim(String name) {
    return VERBATIM.contains(name) || name.endsWith("url") || name.startsWith("bdsk-");
  }

  /** Year, month and day from biblatex {@code date} (range start) or {@code year}/{@code month}. */
  private static void dates(Map<String, String> rest, Paper.Builder paper) {
    Integer year = null;
    Integer month = null;
    Integer day = null;
    String date = rest.get("date");
    if (date != null) {
      String d = LatexDecoder.decode(date);
      String start = d;
      int slash = d.indexOf('/');
      if (slash >= 0) {
        start = d.substring(0, slash);
        if (start.isBlank() || start.strip().equals("..")) {
          start = d.substring(slash + 1);
        }
      }
      Matcher m = DATE.matcher(start);
      if (m.matches()) {
        year = Integer.valueOf(m.group(1));
        month = m.group(2) == null ? null : validMonth(Integer.parseInt(m.group(2)));
        day = month == null || m.group(3) == null ? null : validDay(Integer.parseInt(m.group(3)));
        if (EXACT_DATE.matcher(d).matches() && (m.group(2) == null || month != null)) {
          rest.remove("date");
        }
      }
    }
    String yearField = rest.get("year");
    if (yearField != null) {
      String y = LatexDecoder.decode(yearField);
      Integer parsed = null;
      if (y.length() <= 4 && !y.isEmpty() && y.chars().allMatch(c -> c >= '0' && c <= '9')) {
        parsed = Integer.valueOf(y);
      } else {
        Matcher m = FOUR_DIGITS.matcher(y);
        if (m.find()) {
          parsed = Integer.valueOf(m.group(1));
        }
      }
      if (year == null) {
        year = parsed;
      }
      if (parsed != null && parsed.equals(year) && y.equals(String.valueOf(parsed))) {
        rest.remove("year");
      }
    }
    String monthField = rest.get("month");
    if (monthField != null) {
      String text = LatexDecoder.decode(monthField);
      Integer parsed = month(text);
      if (month == null) {
        month = parsed;
      }
      if (parsed != null && parsed.equals(month) && isExactMonth(text)) {
        rest.remove("month");
      }
    }
    paper.year(year).month(month).day(day);
  }

  private static Integer validMonth(int month) {
    return month >= 1 && month <= 12 ? month : null;
  }

  private static Integer validDay(int day) {
    return day >= 1 && day <= 31 ? day : null;
  }

  /** 1..12 from "5", "05", "May", "may", "Sept.", "September 15"; null otherwise. */
  static Integer month(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (isSmallNumber(t)) {
      return validMonth(Integer.parseInt(t));
    }
    int end = 0;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    if (end < 3) {
      return null;
    }
    String word = t.substring(0, end);
    for (int i = 0; i < MONTHS.size(); i++) {
      if (MONTHS.get(i).startsWith(word) || (word.length() > 3 && word.startsWith(MONTHS.get(i)))) {
        return i + 1;
      }
    }
    return null;
  }

  private static boolean isExactMonth(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return isSmallNumber(t) || MONTHS.contains(t) || (t.length() == 3 && month(t) != null);
  }

  /** One or two ASCII digits. */
  private static boolean isSmallNumber(String t) {
    return !t.isEmpty() && t.length() <= 2 && t.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static void venue(String type, Map<String, String> rest, Paper.Builder paper) {
    if (CONTAINER_TYPES.contains(type)) {
      return; // a book's booktitle (written for its crossref children) is its own title
    }
    List<String> order =
        JOURNAL_TYPES.contains(type)
            ? List.of("journaltitle", "journal")
            : List.of("booktitle", "journaltitle", "journal");
    for (String name : order) {
      String value = rest.get(name);
      if (value != null && !value.isBlank()) {
        paper.venue(nonEmpty(LatexDecoder.decode(value)));
        rest.remove(name);
        return;
      }
    }
  }

  private static void arxiv(
      Map<String, String> raw, Map<String, String> rest, Paper.Builder paper) {
    String eprint = raw.get("eprint");
    if (eprint != null) {
      String kind = raw.getOrDefault("archiveprefix", raw.get("eprinttype"));
      String e = LatexDecoder.decodeVerbatim(eprint);
      boolean arxiv =
          kind != null
              ? LatexDecoder.decode(kind).equalsIgnoreCase("arxiv")
              : BARE_NEW_ID.matcher(e).matches();
      Matcher m = EPRINT.matcher(e);
      if (arxiv && m.matches()) {
        String id = m.group(1);
        paper.arxivId(id);
        if (e.equals(id)) {
          rest.remove("eprint");
          rest.remove("archiveprefix");
          rest.remove("eprinttype");
        }
        return;
      }
    }
    for (String name :
        List.of(
            "url",
            "doi",
            "journal",
            "journaltitle",
            "volume",
            "howpublished",
            "note",
            "booktitle",
            "publisher")) {
      String value = raw.get(name);
      if (value == null || !mentionsArxiv(value)) {
        continue;
      }
      Pattern pattern = name.equals("url") || name.equals("doi") ? ARXIV_URL : ARXIV_TEXT;
      Matcher m = pattern.matcher(value);
      if (m.find()) {
        paper.arxivId(m.group(1) != null ? m.group(1) : m.group(2));
        return;
      }
    }
  }

  /** A cheap test before the arXiv patterns: "arxiv" or "abs/" in any case. */
  private static boolean mentionsArxiv(String value) {
    for (int i = 0; i + 4 <= value.length(); i++) {
      char c = value.charAt(i);
      if ((c == 'a' || c == 'A')
          && (value.regionMatches(true, i, "arxiv", 0, 5)
              || value.regionMatches(true, i, "abs/", 0, 4))) {
        return true;
      }
    }
    return false;
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
