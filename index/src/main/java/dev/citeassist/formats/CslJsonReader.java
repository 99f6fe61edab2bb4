package dev.citeassist.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.IdentifierSyntax;
import dev.citeassist.paper.Months;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CSL-JSON as Zotero and Better BibTeX export it: a top-level array of items (a single item
 * object is accepted too). The array is streamed element by element, each item read as a small
 * tree, so a large export never sits in memory whole. An element that is not an object, or an item
 * without a title, is reported and skipped; JSON that breaks off or is not JSON ends the read with
 * a problem at the line where it broke (a JSON parser cannot resynchronise inside an array).
 *
 * <p>Mapping: CSL types become BibTeX types ({@link #bibtexType}); the key is {@code citation-key},
 * else an {@code id} that looks like a cite key (Zotero's URI and "library/item" ids do not); the
 * date is {@code issued} ({@code date-parts}, else {@code raw}/{@code literal}); the arXiv id comes
 * from {@code arXiv}, an arXiv {@code number}/{@code archive_location}, an arxiv.org {@code URL} or
 * an arXiv DOI; volume, issue, pages, publisher and the like go to {@code fields} under their
 * BibTeX names. {@code Origin.line} is the line of the item's opening brace.
 *
 * <p>Stateless and thread-safe. The caller owns (and closes) the stream.
 */
public final class CslJsonReader implements CatalogueReader {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("article-journal", "article"),
          Map.entry("article-magazine", "article"),
          Map.entry("article-newspaper", "article"),
          Map.entry("review", "article"),
          Map.entry("review-book", "article"),
          Map.entry("paper-conference", "inproceedings"),
          Map.entry("book", "book"),
          Map.entry("collection", "book"),
          Map.entry("classic", "book"),
          Map.entry("chapter", "incollection"),
          Map.entry("entry-encyclopedia", "incollection"),
          Map.entry("entry-dictionary", "incollection"),
          Map.entry("report", "techreport"),
          Map.entry("thesis", "phdthesis"),
          Map.entry("manuscript", "unpublished"),
          Map.entry("pamphlet", "booklet"));

  /**
   * CSL variable → BibTeX field, for the fields a BibTeX entry of the paper would carry; in the
   * order they are written.
   */
  private static final String[][] FIELDS = {
    {"volume", "volume"},
    {"issue", "number"},
    {"page", "pages"},
    {"edition", "edition"},
    {"publisher", "publisher"},
    {"publisher-place", "address"},
    {"ISBN", "isbn"},
    {"ISSN", "issn"}
  };

  private static final Pattern ISO_DATE =
      Pattern.compile("^\\s*(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?(?!\\d)");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
  private static final Pattern DAY_MONTH =
      Pattern.compile("(?<!\\d)(\\d{1,2})\\.?\\s+([A-Za-z]{3,})");
  private static final Pattern MONTH_DAY =
      Pattern.compile("([A-Za-z]{3,})\\.?\\s+(\\d{1,2})(?!\\d)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
  private static final Pattern ARXIV_ID =
      Pattern.compile(
          "(?i)(?<![\\w.])("
              + IdentifierSyntax.ARXIV_ID
              + ")"
              + IdentifierSyntax.ARXIV_VERSION
              + "(?![\\w.])");
  private static final Pattern ARXIV_URL =
      Pattern.compile(
          "(?i)" + IdentifierSyntax.ARXIV_PAGE + "([^?#\\s]+?)(?:\\.pdf)?(?:[?#\\s]|$)");
  private static final Pattern ARXIV_DOI =
      Pattern.compile("(?i)^" + IdentifierSyntax.ARXIV_DOI_PREFIX + "(.+)$");
  private static final Pattern RICH_TEXT =
      Pattern.compile("(?i)</?(?:i|b|em|strong|sup|sub|sc|span)(?:\\s[^>]*)?>");
  private static final Pattern MASTERS =
      Pattern.compile("(?i)master|\\bm\\.?\\s?sc\\b|\\bm\\.?a\\.?\\b");

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    try (JsonParser p = MAPPER.createParser(in)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return;
      }
      if (token == JsonToken.START_OBJECT) {
        item(sourceName, p, sink);
        return;
      }
      if (token != JsonToken.START_ARRAY) {
        sink.problem(
            new ReadProblem(sourceName, line(p), "not CSL-JSON: expected an array of items"));
        return;
      }
      int index = 0;
      for (token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        index++;
        if (token == JsonToken.START_OBJECT) {
          item(sourceName, p, sink);
        } else {
          sink.problem(
              new ReadProblem(sourceName, line(p), "item " + index + " is not an object; skipped"));
          p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      sink.problem(
          new ReadProblem(
              sourceName,
              Math.max(line, 0),
              "not valid JSON, reading stopped: " + JsonText.parserMessage(e)));
    } catch (CharConversionException e) {
      // Jackson guessed UTF-16/32 from zero bytes at the start, and the bytes are not that either.
      sink.problem(
          new ReadProblem(sourceName, 1, "not JSON text, reading stopped: " + e.getMessage()));
    }
  }

  private static void item(String sourceName, JsonParser p, PaperSink sink) throws IOException {
    int line = line(p);
    JsonNode item = p.readValueAsTree();
    Paper paper = toPaper(item, new Origin(sourceName, line, SourceFormat.CSL_JSON));
    if (paper.title() == null) {
      sink.problem(new ReadProblem(sourceName, line, "item without a title; skipped"));
      return;
    }
    sink.paper(paper);
  }

  private static int line(JsonParser p) {
    return Math.max(p.currentTokenLocation().getLineNr(), 0);
  }

  private static Paper toPaper(JsonNode item, Origin origin) {
    String cslType = string(item, "type");
    String type = bibtexType(cslType, item);
    int[] date = date(item.get("issued"));
    String venue = text(string(item, "container-title"));
    if (venue == null && "inproceedings".equals(type)) {
      venue = text(firstString(item, "event-title", "event"));
    }
    return Paper.builder()
        .key(key(item))
        .type(type)
        .title(richText(string(item, "title")))
        .authors(people(item.get("author")))
        .year(date[0] == 0 ? null : date[0])
        .month(date[1] == 0 ? null : date[1])
        .day(date[2] == 0 ? null : date[2])
        .abstractText(text(string(item, "abstract")))
        .venue(venue)
        .doi(doi(firstString(item, "DOI", "doi")))
        .arxivId(arxivId(item))
        .url(text(firstString(item, "URL", "url")))
        .fields(fields(item, type))
        .origin(origin)
        .build();
  }

  /**
   * The BibTeX type of a CSL type. CSL's plain "article" is a preprint or working paper (CSL
   * 1.0.2), so it is a {@code misc} unless it names a container; a thesis is a {@code
   * mastersthesis} when its genre says so; every type without a BibTeX counterpart (webpage,
   * dataset, software, ...) is a {@code misc}.
   */
  private static String bibtexType(String cslType, JsonNode item) {
    if (cslType == null) {
      return "misc";
    }
    String csl = cslType.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (csl.equals("article")) {
      return string(item, "container-title") != null ? "article" : "misc";
    }
    String type = TYPES.getOrDefault(csl, "misc");
    if (type.equals("phdthesis")) {
      String genre = string(item, "genre");
      if (genre != null && MASTERS.matcher(genre).find()) {
        return "mastersthesis";
      }
    }
    return type;
  }

  private static String key(JsonNode item) {
    String key = firstString(item, "citation-key", "citationKey");
    if (key != null) {
      return key.strip();
    }
    JsonNode id = item.get("id");
    if (id == null || !id.isTextual()) {
      return null;
    }
    String text = id.asText().strip();
    boolean looksLikeKey =
        !text.isEmpty() && text.indexOf('/') < 0 && text.chars().noneMatch(Character::isWhitespace);
    return looksLikeKey ? text : null;
  }

  private static List<Person> people(JsonNode names) {
    if (names == null || !names.isArray()) {
      return List.of();
    }
    List<Person> people = new ArrayList<>();
    for (JsonNode name : names) {
      String literal = text(string(name, "literal"));
      if (literal != null) {
        // An institution or a name that must not be split: all of it is the family name.
        people.add(new Person("", literal));
        continue;
      }
      String given = text(string(name, "given"));
      String suffix = text(string(name, "suffix"));
      if (suffix != null) {
        given = given == null ? suffix : given + " " + suffix;
      }
      StringBuilder family = new StringBuilder();
      for (String part :
          new String[] {
            string(name, "dropping-particle"),
            string(name, "non-dropping-particle"),
            string(name, "family")
          }) {
        String clean = text(part);
        if (clean != null) {
          family.append(family.isEmpty() ? "" : " ").append(clean);
        }
      }
      Person person = new Person(given, family.toString());
      if (!person.given().isEmpty() || !person.family().isEmpty()) {
        people.add(person);
      }
    }
    return people;
  }

  /** {year, month, day}, 0 where absent. */
  private static int[] date(JsonNode issued) {
    int[] date = new int[3];
    if (issued == null || issued.isNull()) {
      return date;
    }
    if (issued.isTextual()) {
      return rawDate(issued.asText());
    }
    JsonNode parts = issued.get("date-parts");
    if (parts != null && parts.isArray() && parts.size() > 0 && parts.get(0).isArray()) {
      JsonNode first = parts.get(0);
      for (int i = 0; i < 3 && i < first.size(); i++) {
        date[i] = integer(first.get(i));
      }
      if (date[1] < 1 || date[1] > 12) {
        date[1] = 0;
        date[2] = 0;
      }
      if (date[2] < 1 || date[2] > 31) {
        date[2] = 0;
      }
      if (date[0] != 0) {
        return date;
      }
    }
    String raw = firstString(issued, "raw", "literal");
    return raw == null ? new int[3] : rawDate(raw);
  }

  /** "2020-05-01", "2020/5", "1 May 2020", "May 1, 2020", "May 2020", "2020". */
  private static int[] rawDate(String raw) {
    int[] date = new int[3];
    Matcher iso = ISO_DATE.matcher(raw);
    if (iso.find()) {
      date[0] = Integer.parseInt(iso.group(1));
      if (iso.group(2) != null) {
        date[1] = Integer.parseInt(iso.group(2));
        date[2] = iso.group(3) == null ? 0 : Integer.parseInt(iso.group(3));
      }
    } else {
      Matcher year = YEAR.matcher(raw);
      if (!year.find()) {
        return date;
      }
      date[0] = Integer.parseInt(year.group(1));
      String before = raw.substring(0, year.start());
      Matcher dayMonth = DAY_MONTH.matcher(before);
      Matcher monthDay = MONTH_DAY.matcher(before);
      Matcher word = WORD.matcher(before);
      if (dayMonth.find() && Months.byFirstLetters(dayMonth.group(2)) > 0) {
        date[1] = Months.byFirstLetters(dayMonth.group(2));
        date[2] = Integer.parseInt(dayMonth.group(1));
      } else if (monthDay.find() && Months.byFirstLetters(monthDay.group(1)) > 0) {
        date[1] = Months.byFirstLetters(monthDay.group(1));
        date[2] = Integer.parseInt(monthDay.group(2));
      } else {
        while (word.find()) {
          if (Months.byFirstLetters(word.group()) > 0) {
            date[1] = Months.byFirstLetters(word.group());
            break;
          }
        }
      }
    }
    if (date[1] < 1 || date[1] > 12) {
      date[1] = 0;
      date[2] = 0;
    }
    if (date[2] < 1 || date[2] > 31) {
      date[2] = 0;
    }
    return date;
  }

  private static int integer(JsonNode node) {
    if (node == null) {
      return 0;
    }
    if (node.canConvertToInt()) {
      return node.asInt();
    }
    String text = node.asText().strip();
    return text.matches("\\d{1,4}") ? Integer.parseInt(text) : 0;
  }

  private static String doi(String raw) {
    String doi = JsonText.collapse(raw);
    return doi == null ? null : IdentifierSyntax.withoutResolver(doi);
  }

  /** The bare arXiv id (no version), from whichever field of the item gives it. */
  private static String arxivId(JsonNode item) {
    String explicit = firstString(item, "arXiv", "arxiv", "eprint");
    if (explicit != null) {
      String id = idIn(explicit);
      if (id != null) {
        return id;
      }
    }
    boolean arxivItem =
        "arxiv".equalsIgnoreCase(JsonText.collapse(string(item, "archive")))
            || "arxiv".equalsIgnoreCase(JsonText.collapse(string(item, "publisher")));
    for (String field : new String[] {"number", "archive_location", "note"}) {
      String value = string(item, field);
      if (value != null && (arxivItem || value.toLowerCase(Locale.ROOT).contains("arxiv"))) {
        String id = idIn(value);
        if (id != null) {
          return id;
        }
      }
    }
    String url = firstString(item, "URL", "url");
    if (url != null) {
      Matcher m = ARXIV_URL.matcher(url);
      if (m.find()) {
        String id = idIn(m.group(1));
        if (id != null) {
          return id;
        }
      }
    }
    String doi = doi(firstString(item, "DOI", "doi"));
    if (doi != null) {
      Matcher m = ARXIV_DOI.matcher(doi);
      if (m.find()) {
        return idIn(m.group(1));
      }
    }
    return null;
  }

  private static String idIn(String text) {
    Matcher m = ARXIV_ID.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static Map<String, String> fields(JsonNode item, String type) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String[] f : FIELDS) {
      String value = text(scalar(item.get(f[0])));
      if (value == null) {
        continue;
      }
      // BibTeX names the issuing body by entry type.
      String name =
          !f[1].equals("publisher")
              ? f[1]
              : switch (type) {
                case "phdthesis", "mastersthesis" -> "school";
                case "techreport" -> "institution";
                default -> "publisher";
              };
      fields.put(name, value);
    }
    if (type.equals("techreport")) {
      String number = text(scalar(item.get("number")));
      if (number != null) {
        fields.put("number", number);
      }
    }
    return fields;
  }

  /** Title with Zotero's rich-text tags (<i>, <sup>, <span class="nocase">, ...) removed. */
  private static String richText(String raw) {
    String text = text(raw);
    return text == null || text.indexOf('<') < 0
        ? text
        : text(RICH_TEXT.matcher(text).replaceAll(""));
  }

  private static String text(String raw) {
    return JsonText.collapse(raw);
  }

  private static String firstString(JsonNode node, String... names) {
    for (String name : names) {
      String value = string(node, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** A textual (or numeric) member, null when absent, null or blank. */
  private static String string(JsonNode node, String name) {
    return node == null ? null : scalar(node.get(name));
  }

  private static String scalar(JsonNode value) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }
}
