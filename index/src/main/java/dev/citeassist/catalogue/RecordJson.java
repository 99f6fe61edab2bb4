package dev.citeassist.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.citeassist.paper.Months;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import dev.citeassist.search.SearchHit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a paper as the one-line JSON object that {@code citeassist records --json} prints. For
 * papers read from a listing or a daily-papers page it is the shape {@code
 * catalogue-seeds/expected-records.jsonl} holds: the same field names in the same order, the month
 * as "Feb", absent values as null, and the same separators (", " and ": "), so a record is byte for
 * byte the expected line.
 *
 * <p>Listing: source, line, category, month, day, year, code, title, authors (as shown), etAl,
 * affiliation, abstract. Daily papers: source, title, abstract, authorCount, month, day, year,
 * upvotes; upvotes is the number after the date, so a record without a date has no upvotes field at
 * all. Records of other formats (BibTeX, JSON sources) get a general shape that expected-records
 * does not fix: source, line, type, key, title, authors, etAl, month, day, year, venue, doi,
 * arxivId, url, category, abstract.
 *
 * <p>Search hits ({@code citeassist search --json} and the server's {@code citeassist.search}
 * command) are one compact JSON array of objects: key, score, title, authors, etAl, year, venue,
 * category, doi, arxivId, url, abstract. Thread-safe.
 */
public final class RecordJson {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private RecordJson() {}

  /** The record as one line of JSON, without a line break. */
  public static String toJson(Paper paper) {
    StringWriter out = new StringWriter();
    try {
      write(paper, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Writes the record as one line of JSON, without a line break; does not close {@code out}. */
  public static void write(Paper paper, Writer out) throws IOException {
    SourceFormat format = paper.origin() == null ? null : paper.origin().format();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(new SpacedSeparators());
      json.writeStartObject();
      json.writeStringField("source", paper.origin() == null ? null : paper.origin().source());
      if (format == SourceFormat.LISTING) {
        writeListing(paper, json);
      } else if (format == SourceFormat.DAILY_PAPERS) {
        writeDailyPapers(paper, json);
      } else {
        writeOther(paper, json);
      }
      json.writeEndObject();
    }
  }

  /** Search hits as one compact JSON array, best first, without a line break. */
  public static String hits(List<SearchHit> hits) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (SearchHit hit : hits) {
        Paper p = hit.paper();
        json.writeStartObject();
        json.writeStringField("key", p.key());
        json.writeNumberField("score", hit.score());
        json.writeStringField("title", p.title());
        writeAuthors(p, json);
        json.writeBooleanField("etAl", p.etAl());
        writeNumber("year", p.year(), json);
        json.writeStringField("venue", p.venue());
        json.writeStringField("category", p.category());
        json.writeStringField("doi", p.doi());
        json.writeStringField("arxivId", p.arxivId());
        json.writeStringField("url", p.url());
        json.writeStringField("abstract", p.abstractText());
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void writeOther(Paper paper, JsonGenerator json) throws IOException {
    writeNumber("line", paper.origin() == null ? null : paper.origin().line(), json);
    json.writeStringField("type", paper.type());
    json.writeStringField("key", paper.key());
    json.writeStringField("title", paper.title());
    writeAuthors(paper, json);
    json.writeBooleanField("etAl", paper.etAl());
    writeDate(paper, json);
    json.writeStringField("venue", paper.venue());
    json.writeStringField("doi", paper.doi());
    json.writeStringField("arxivId", paper.arxivId());
    json.writeStringField("url", paper.url());
    json.writeStringField("category", paper.category());
    json.writeStringField("abstract", paper.abstractText());
  }

  private static void writeAuthors(Paper paper, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("authors");
    for (Person author : paper.authors()) {
      json.writeString(author.display());
    }
    json.writeEndArray();
  }

  private static void writeListing(Paper paper, JsonGenerator json) throws IOException {
    json.writeNumberField("line", paper.origin().line());
    json.writeStringField("category", paper.category());
    writeDate(paper, json);
    json.writeBooleanField("code", paper.code());
    json.writeStringField("title", paper.title());
    writeAuthors(paper, json);
    json.writeBooleanField("etAl", paper.etAl());
    json.writeStringField("affiliation", paper.affiliation());
    json.writeStringField("abstract", paper.abstractText());
  }

  private static void writeDailyPapers(Paper paper, JsonGenerator json) throws IOException {
    json.writeStringField("title", paper.title());
    json.writeStringField("abstract", paper.abstractText());
    writeNumber("authorCount", paper.authorCount(), json);
    writeDate(paper, json);
    if (paper.month() != null) {
      writeNumber("upvotes", paper.upvotes(), json);
    }
  }

  private static void writeDate(Paper paper, JsonGenerator json) throws IOException {
    json.writeStringField(
        "month", paper.month() == null ? null : Months.abbreviation(paper.month()));
    writeNumber("day", paper.day(), json);
    writeNumber("year", paper.year(), json);
  }

  private static void writeNumber(String name, Integer value, JsonGenerator json)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  /** One line with ", " between entries and ": " after names, as Python's json.dumps writes. */
  private static final class SpacedSeparators extends MinimalPrettyPrinter {
    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
