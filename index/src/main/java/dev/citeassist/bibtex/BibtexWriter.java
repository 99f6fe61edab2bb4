package dev.citeassist.bibtex;

import dev.citeassist.paper.Months;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.tex.BibtexDialect;
import dev.citeassist.tex.LatexEncoder;
import dev.citeassist.tex.LatexSyntax;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a keyed paper into one BibTeX entry for {@code bibtex} or for biblatex with biber.
 *
 * <p>The entry type follows the paper: {@code @article} with a {@code journal} (biblatex: {@code
 * journaltitle}) when it has a journal, {@code @inproceedings} with a {@code booktitle} for
 * proceedings, and {@code @misc} for everything else that has no venue, preprints included. A paper
 * with an arXiv id gets {@code eprint}, {@code archivePrefix = {arXiv}} and {@code primaryClass}
 * (biblatex: {@code eprinttype = {arxiv}}, {@code eprintclass}); the class is written only when it
 * is an arXiv class ("cs.LG"), never a listing's bare code ("LG"). Nothing is invented: a paper
 * from a listing (no arXiv id, no venue) is a plain {@code @misc} with what the listing gives, and
 * a paper without a year has no date at all (a month alone is no date). Fields of a BibTeX source
 * ({@link Paper#fields()}) are written after the ones derived here.
 *
 * <p>Output is deterministic: a fixed field order (author, title, venue, date, source fields,
 * eprint, doi, url, key, abstract), two-space indent, names padded to one column, values in braces
 * except the month macro, no comma after the last field, a newline at the end. Text is escaped by
 * {@link LatexEncoder}; titles get case-protecting braces from {@link TitleProtector}.
 *
 * <p>Stateless and thread-safe.
 */
public final class BibtexWriter {

  /** The entry types plain BibTeX styles define; anything else is written as misc. */
  private static final Set<String> BIBTEX_TYPES =
      Set.of(
          "article",
          "book",
          "booklet",
          "conference",
          "inbook",
          "incollection",
          "inproceedings",
          "manual",
          "mastersthesis",
          "misc",
          "phdthesis",
          "proceedings",
          "techreport",
          "unpublished");

  /** biblatex's types and the BibTeX aliases biber accepts. */
  private static final Set<String> BIBLATEX_TYPES =
      Set.of(
          "article",
          "book",
          "mvbook",
          "inbook",
          "bookinbook",
          "suppbook",
          "booklet",
          "collection",
          "mvcollection",
          "incollection",
          "suppcollection",
          "dataset",
          "manual",
          "misc",
          "online",
          "patent",
          "periodical",
          "suppperiodical",
          "proceedings",
          "mvproceedings",
          "inproceedings",
          "reference",
          "mvreference",
          "inreference",
          "report",
          "set",
          "software",
          "thesis",
          "unpublished",
          "xdata",
          "conference",
          "electronic",
          "mastersthesis",
          "phdthesis",
          "techreport",
          "www");

  /** Source fields the writer derives from the paper's own components (never copied). */
  private static final Set<String> DERIVED =
      Set.of(
          "author",
          "title",
          "journal",
          "journaltitle",
          "booktitle",
          "year",
          "month",
          "day",
          "date",
          "eprint",
          "archiveprefix",
          "primaryclass",
          "eprinttype",
          "eprintclass",
          "doi",
          "url",
          "abstract");

  /** The order of common source fields; the rest follow alphabetically. */
  private static final List<String> SOURCE_FIELD_ORDER =
      List.of(
          "editor",
          "edition",
          "series",
          "volume",
          "number",
          "pages",
          "chapter",
          "publisher",
          "organization",
          "institution",
          "school",
          "address",
          "location",
          "isbn",
          "issn",
          "howpublished",
          "note");

  /** Fields biblatex reads verbatim: no escaping, or the value would change. */
  private static final Set<String> VERBATIM = Set.of("file", "pdf", "verba", "verbb", "verbc");

  private static final Pattern ARXIV_CLASS =
      Pattern.compile("[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]+(?:-[A-Za-z]+)*)?");
  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_:.+-]*");
  private static final Pattern SUFFIX = Pattern.compile("^(.*?),?\\s+([JjSs]r\\.?|II|III|IV)$");
  private static final Pattern AND_WORD = Pattern.compile("(?i)(^|\\s)and(\\s|$)");
  private static final Pattern DOI_PREFIX =
      Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)");

  private static final Pattern TRAILING_BACKSLASH = Pattern.compile("\\\\(?=[{}]|$)");

  /** DBLP's column: every name is padded to the longest standard one, archivePrefix. */
  private static final int NAME_WIDTH = "archivePrefix".length();

  private BibtexWriter() {}

  /**
   * One entry, ending in a newline, for a paper whose key is set.
   *
   * @throws IllegalArgumentException when the paper has no key, or a key BibTeX cannot read
   *     (whitespace, or one of {@code , { } ( ) " # % ' = \ ~})
   */
  public static String toBibtex(Paper paper, BibtexDialect dialect) {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(dialect, "dialect");
    String key = checkedKey(paper);
    String type = entryType(paper, dialect);
    Map<String, String> fields = new LinkedHashMap<>();
    String author = authors(paper, dialect);
    put(fields, "author", braced(author));
    put(fields, "title", braced(title(paper.title(), dialect)));
    String venue = blankToNull(paper.venue());
    if (venue != null) {
      put(fields, venueField(type, dialect), braced(LatexEncoder.encode(venue, dialect)));
    }
    putDate(fields, paper, dialect);
    putSourceFields(fields, paper, dialect);
    putEprint(fields, paper, dialect);
    put(fields, "doi", braced(verbatim(doi(paper.doi()))));
    put(fields, "url", braced(verbatim(blankToNull(paper.url()))));
    if (author == null && dialect == BibtexDialect.BIBTEX && !fields.containsKey("key")) {
      // BibTeX styles sort (and alpha labels) by author, else by this field, else they warn.
      String title = blankToNull(paper.title());
      put(fields, "key", braced(title == null ? key : LatexEncoder.encode(title, dialect)));
    }
    put(fields, "abstract", braced(encoded(paper.abstractText(), dialect)));
    return render(type, key, fields);
  }

  private static String checkedKey(Paper paper) {
    String key = paper.key();
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(
          "a paper needs a cite key to be written as BibTeX: " + paper.title());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c) || ",{}()\"#%'=\\~".indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "cite key \"" + key + "\" contains '" + c + "', which BibTeX cannot read in a key");
      }
    }
    return key;
  }

  private static String entryType(Paper paper, BibtexDialect dialect) {
    String type = paper.type().toLowerCase(Locale.ROOT);
    boolean hasVenue = blankToNull(paper.venue()) != null;
    switch (type) {
      case "article", "inproceedings", "conference" -> {
        // Without its journal or proceedings the entry would be incomplete; misc is honest.
        return hasVenue ? (type.equals("conference") ? "inproceedings" : type) : "misc";
      }
      default -> {
        if (dialect == BibtexDialect.BIBTEX) {
          if (type.equals("report")) {
            return "techreport";
          }
          return BIBTEX_TYPES.contains(type) ? type : "misc";
        }
        return BIBLATEX_TYPES.contains(type) ? type : "misc";
      }
    }
  }

  private static String venueField(String type, BibtexDialect dialect) {
    return switch (type) {
      case "article" -> dialect == BibtexDialect.BIBLATEX ? "journaltitle" : "journal";
      case "inproceedings", "incollection", "inbook", "inreference", "bookinbook" -> "booktitle";
      default -> "howpublished";
    };
  }

  private static String authors(Paper paper, BibtexDialect dialect) {
    List<String> names = new ArrayList<>();
    for (Person person : paper.authors()) {
      String name = name(person, dialect);
      if (name != null) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return null;
    }
    if (paper.etAl()) {
      names.add("others");
    }
    return String.join(" and ", names);
  }

  /**
   * "Family, Given" ("Family, Jr., Given" with a suffix). A name with no given part and several
   * words is a corporate name and is braced whole, so BibTeX never splits or abbreviates it.
   */
  static String name(Person person, BibtexDialect dialect) {
    String family = person.family();
    String given = person.given();
    if (family.isEmpty()) {
      family = given;
      given = "";
    }
    if (family.isEmpty()) {
      return null;
    }
    String suffix = null;
    Matcher m = SUFFIX.matcher(given);
    if (m.matches() && !m.group(1).isBlank()) {
      given = m.group(1).strip();
      suffix = m.group(2);
    }
    String f = LatexEncoder.encodeNamePart(family, dialect);
    String g = LatexEncoder.encodeNamePart(given, dialect);
    if (family.indexOf(',') >= 0 || given.indexOf(',') >= 0) {
      // Commas inside a part make the name ambiguous (biber rejects it even braced): keep it
      // whole, as BibTeX keeps a corporate name.
      return "{" + (g.isEmpty() ? f : f + ", " + g) + "}";
    }
    boolean corporate = given.isEmpty() && family.contains(" ");
    if (corporate
        || family.equalsIgnoreCase("others")
        || AND_WORD.matcher(family).find()
        || !hasLetterOrDigit(family)) {
      f = "{" + f + "}";
    }
    if (!given.isEmpty() && (AND_WORD.matcher(given).find() || !hasLetterOrDigit(given))) {
      g = "{" + g + "}";
    }
    if (suffix != null) {
      return f + ", " + suffix + ", " + g;
    }
    return g.isEmpty() ? f : f + ", " + g;
  }

  /** A part of only punctuation ("-") would be read by BibTeX as a separator, not a name. */
  private static boolean hasLetterOrDigit(String part) {
    return part.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String title(String title, BibtexDialect dialect) {
    if (blankToNull(title) == null) {
      return null;
    }
    String prepared = LatexEncoder.prepare(title);
    return LatexEncoder.encode(prepared, dialect, TitleProtector.protect(prepared), false);
  }

  private static void putDate(Map<String, String> fields, Paper paper, BibtexDialect dialect) {
    Integer year = paper.year();
    if (year == null) {
      return;
    }
    Integer month =
        paper.month() != null && paper.month() >= 1 && paper.month() <= 12 ? paper.month() : null;
    Integer day =
        month != null
                && paper.day() != null
                && paper.day() >= 1
                && YearMonth.of(year, month).isValidDay(paper.day())
            ? paper.day()
            : null;
    if (dialect == BibtexDialect.BIBTEX || year < 0 || year > 9999) {
      put(fields, "year", braced(Integer.toString(year)));
      if (month != null) {
        put(fields, "month", Months.macro(month));
      }
      return;
    }
    StringBuilder date = new StringBuilder(String.format(Locale.ROOT, "%04d", year));
    if (month != null) {
      date.append(String.format(Locale.ROOT, "-%02d", month));
      if (day != null) {
        date.append(String.format(Locale.ROOT, "-%02d", day));
      }
    }
    put(fields, "date", braced(date.toString()));
  }

  private static void putSourceFields(
      Map<String, String> fields, Paper paper, BibtexDialect dialect) {
    List<String> names = new ArrayList<>(paper.fields().keySet());
    names.sort(
        Comparator.comparingInt(
                (String n) -> {
                  int at = SOURCE_FIELD_ORDER.indexOf(n.toLowerCase(Locale.ROOT));
                  return at < 0 ? SOURCE_FIELD_ORDER.size() : at;
                })
            .thenComparing(n -> n.toLowerCase(Locale.ROOT)));
    for (String original : names) {
      String name = original.toLowerCase(Locale.ROOT);
      if (DERIVED.contains(name)
          || fields.containsKey(name)
          || !FIELD_NAME.matcher(name).matches()) {
        continue;
      }
      String value = blankToNull(paper.fields().get(original));
      if (value != null && name.equals("pages")) {
        // Ranges are written with BibTeX's en dash, which biblatex also reads as a range.
        value = value.replace("\u2013", "--");
      }
      if (value != null) {
        put(
            fields,
            name,
            braced(
                VERBATIM.contains(name) ? verbatim(value) : LatexEncoder.encode(value, dialect)));
      }
    }
  }

  private static void putEprint(Map<String, String> fields, Paper paper, BibtexDialect dialect) {
    String id = blankToNull(paper.arxivId());
    if (id == null) {
      return;
    }
    String category = blankToNull(paper.category());
    boolean arxivClass = category != null && ARXIV_CLASS.matcher(category.strip()).matches();
    put(fields, "eprint", braced(verbatim(id)));
    if (dialect == BibtexDialect.BIBTEX) {
      put(fields, "archivePrefix", "{arXiv}");
      if (arxivClass) {
        put(fields, "primaryClass", braced(category.strip()));
      }
    } else {
      put(fields, "eprinttype", "{arxiv}");
      if (arxivClass) {
        put(fields, "eprintclass", braced(category.strip()));
      }
    }
  }

  private static String doi(String doi) {
    String value = blankToNull(doi);
    return value == null ? null : DOI_PREFIX.matcher(value.strip()).replaceFirst("");
  }

  /**
   * A value biblatex reads verbatim (url, doi, eprint): written as it is, except what no reader
   * survives, spaces, unpaired braces and a backslash before a brace or at the end, which are
   * percent-encoded as in a URL.
   */
  private static String verbatim(String value) {
    if (value == null) {
      return null;
    }
    String v = LatexSyntax.normalizeSpace(value).replace(" ", "%20");
    if (!LatexSyntax.unmatchedBraces(v).isEmpty() || v.contains("\\{") || v.contains("\\}")) {
      v = v.replace("{", "%7B").replace("}", "%7D");
    }
    // JBibTeX takes a backslash before a brace, the closing one included, as an escaped brace.
    return TRAILING_BACKSLASH.matcher(v).replaceAll("%5C");
  }

  private static String encoded(String text, BibtexDialect dialect) {
    String value = blankToNull(text);
    return value == null ? null : LatexEncoder.encode(value, dialect);
  }

  private static String braced(String value) {
    return value == null || value.isEmpty() ? null : "{" + value + "}";
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null) {
      fields.putIfAbsent(name, value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String render(String type, String key, Map<String, String> fields) {
    int width = NAME_WIDTH;
    for (String name : fields.keySet()) {
      width = Math.max(width, name.length());
    }
    StringBuilder out = new StringBuilder(256);
    out.append('@').append(type).append('{').append(key);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      out.append(",\n  ").append(field.getKey());
      out.append(" ".repeat(width - field.getKey().length()));
      out.append(" = ").append(field.getValue());
    }
    return out.append("\n}\n").toString();
  }
}
