package dev.citeassist.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Months;
import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SourceFormat;
import dev.citeassist.tex.LatexDecoder;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the arXiv metadata snapshot: one JSON object per line ({@code id}, {@code title}, {@code
 * authors_parsed}, {@code versions}, ...). Holds one line at a time, parsed with Jackson's
 * streaming parser, so a snapshot of millions of records reads in constant memory. A line that is
 * not a JSON object with an {@code id} and a {@code title} is reported as a problem and skipped;
 * blank lines are ignored.
 *
 * <p>Mapping: the date is the first submission ({@code v1} of {@code versions}), not {@code
 * update_date}; the category is the first of {@code categories}; a record with a {@code
 * journal-ref} is an {@code article} in that venue, any other a {@code misc}; texts and names are
 * LaTeX-decoded ({@link LatexDecoder}); the key is left to the catalogue. {@code Origin.line} is
 * the record's line number.
 *
 * <p>Stateless and thread-safe. The caller owns (and closes) the stream.
 */
public final class ArxivSnapshotReader implements CatalogueReader {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    // Lines are cut as bytes and each is parsed from its UTF-8 bytes: no decoding of a whole line
    // to a String first, which more than halves the cost of a 4 GB snapshot.
    Lines lines = new Lines(in);
    int lineNumber = 0;
    while (lines.next()) {
      lineNumber++;
      int start = lines.start;
      int end = lines.end;
      if (lineNumber == 1 && end - start >= 3 && lines.startsWithBom()) {
        start += 3;
      }
      while (start < end && isBlank(lines.buffer[start])) {
        start++;
      }
      if (start == end) {
        continue;
      }
      Record record = new Record();
      try {
        parse(lines.buffer, start, end - start, record);
      } catch (MalformedRecord | JsonProcessingException | CharConversionException e) {
        // CharConversionException: Jackson guessed UTF-16/32 from zero bytes in the line
        String why =
            e instanceof JsonProcessingException j ? JsonText.parserMessage(j) : e.getMessage();
        sink.problem(new ReadProblem(sourceName, lineNumber, "not an arXiv record: " + why));
        continue;
      }
      if (record.id == null) {
        sink.problem(new ReadProblem(sourceName, lineNumber, "arXiv record without an \"id\""));
        continue;
      }
      if (record.title == null) {
        sink.problem(new ReadProblem(sourceName, lineNumber, "arXiv record without a title"));
        continue;
      }
      sink.paper(record.toPaper(new Origin(sourceName, lineNumber, SourceFormat.ARXIV_JSON)));
      if (record.unreadableDate != null) {
        sink.problem(
            new ReadProblem(
                sourceName,
                lineNumber,
                "unreadable submission date \"" + record.unreadableDate + "\"; year left empty"));
      }
    }
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /**
   * The lines of a byte stream, one at a time, in a buffer that grows to the longest line: {@code
   * buffer[start, end)} is the current line without its line break.
   */
  private static final class Lines {
    private final InputStream in;
    byte[] buffer = new byte[1 << 16];
    int start;
    int end;
    private int next;
    private int limit;
    private boolean eof;

    Lines(InputStream in) {
      this.in = in;
    }

    boolean next() throws IOException {
      int scanFrom = next;
      while (true) {
        for (int i = scanFrom; i < limit; i++) {
          if (buffer[i] == '\n') {
            start = next;
            end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
            next = i + 1;
            return true;
          }
        }
        if (eof) {
          if (next == limit) {
            return false;
          }
          start = next;
          end = limit;
          next = limit;
          return true;
        }
        scanFrom = limit - next;
        fill();
      }
    }

    /**
     * Moves the unfinished line to the front (growing the buffer if it fills it) and reads more.
     */
    private void fill() throws IOException {
      int pending = limit - next;
      if (next > 0) {
        System.arraycopy(buffer, next, buffer, 0, pending);
      } else if (pending == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
      }
      next = 0;
      limit = pending;
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }

    boolean startsWithBom() {
      return (buffer[start] & 0xFF) == 0xEF
          && (buffer[start + 1] & 0xFF) == 0xBB
          && (buffer[start + 2] & 0xFF) == 0xBF;
    }
  }

  /** The fields of one line, as the snapshot spells them. */
  private static final class Record {
    String id;
    String title;
    String authors;
    List<Person> authorsParsed;
    String abstractText;
    String categories;
    String doi;
    String journalRef;
    String created;
    int year;
    int month;
    int day;
    String unreadableDate;

    Paper toPaper(Origin origin) {
      List<Person> people = authorsParsed != null ? authorsParsed : splitAuthors(authors);
      if (created != null && !readDate(created)) {
        unreadableDate = created;
      }
      return Paper.builder()
          .type(journalRef != null ? "article" : "misc")
          .title(title)
          .authors(people)
          .year(year == 0 ? null : year)
          .month(month == 0 ? null : month)
          .day(day == 0 ? null : day)
          .abstractText(abstractText)
          .venue(journalRef)
          .category(firstWord(categories))
          .doi(firstWord(doi))
          .arxivId(id)
          .url("https://arxiv.org/abs/" + id)
          .origin(origin)
          .build();
    }

    /** "Mon, 2 Apr 2007 19:18:42 GMT": day, month name and year, whatever surrounds them. */
    private boolean readDate(String text) {
      String[] words = text.replace(",", " ").trim().split("\\s+");
      for (int i = 0; i + 2 < words.length; i++) {
        int d = number(words[i]);
        int m = Months.byFirstLetters(words[i + 1]);
        int y = number(words[i + 2]);
        if (d >= 1 && d <= 31 && m > 0 && words[i + 2].length() == 4 && y > 0) {
          year = y;
          month = m;
          day = d;
          return true;
        }
      }
      return false;
    }
  }

  private static void parse(byte[] line, int offset, int length, Record record)
      throws IOException, MalformedRecord {
    try (JsonParser p = JSON.createParser(line, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedRecord("the line is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "id" -> record.id = JsonText.collapse(string(p, name));
          case "title" -> record.title = text(p, name);
          case "authors" -> record.authors = string(p, name);
          case "authors_parsed" -> record.authorsParsed = authorsParsed(p);
          case "abstract" -> record.abstractText = text(p, name);
          case "categories" -> record.categories = string(p, name);
          case "doi" -> record.doi = string(p, name);
          case "journal-ref" -> record.journalRef = text(p, name);
          case "versions" -> record.created = firstSubmission(p);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new MalformedRecord("text after the JSON object");
      }
    }
  }

  /**
   * A text value (title, abstract, journal-ref, each name) with its whitespace collapsed, read from
   * the parser's buffer without an intermediate String: abstracts are most of the snapshot.
   */
  private static String text(JsonParser p, String field) throws IOException, MalformedRecord {
    return switch (p.currentToken()) {
      case VALUE_STRING ->
          decode(JsonText.collapse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
      case VALUE_NULL -> null;
      default -> throw new MalformedRecord("\"" + field + "\" is not a string");
    };
  }

  /**
   * Every text of a record passes here: the snapshot writes accents in LaTeX ({@code Bal\\'azs},
   * {@code M\\"uller}), decoded to Unicode; math is kept as written.
   */
  private static String decode(String text) {
    String decoded = LatexDecoder.decode(text);
    return decoded == null || decoded.isBlank() ? null : decoded;
  }

  private static String string(JsonParser p, String field) throws IOException, MalformedRecord {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default -> throw new MalformedRecord("\"" + field + "\" is not a string");
    };
  }

  /**
   * [[last, first, suffix, ...], ...]; a suffix goes to the end of the given name ("John Jr."), as
   * {@code Person} keeps it.
   */
  private static List<Person> authorsParsed(JsonParser p) throws IOException, MalformedRecord {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedRecord("\"authors_parsed\" is not an array");
    }
    List<Person> people = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      String[] parts = new String[3];
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String part = text(p, "authors_parsed");
        if (i < parts.length) {
          parts[i] = part;
        }
        i++;
      }
      String given = parts[1] == null ? "" : parts[1];
      if (parts[2] != null) {
        given = given.isEmpty() ? parts[2] : given + " " + parts[2];
      }
      Person person = new Person(given, parts[0]);
      if (!person.given().isEmpty() || !person.family().isEmpty()) {
        people.add(person);
      }
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new MalformedRecord("\"authors_parsed\" is not an array of name arrays");
    }
    return people;
  }

  /** The {@code created} of version v1, else of the first version listed. */
  private static String firstSubmission(JsonParser p) throws IOException, MalformedRecord {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedRecord("\"versions\" is not an array");
    }
    String first = null;
    String v1 = null;
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String version = null;
      String created = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "version" -> version = string(p, name);
          case "created" -> created = string(p, name);
          default -> p.skipChildren();
        }
      }
      if (first == null) {
        first = created;
      }
      if ("v1".equals(version)) {
        v1 = created;
      }
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new MalformedRecord("\"versions\" is not an array of objects");
    }
    return v1 != null ? v1 : first;
  }

  /** The "authors" string, used only when a record has no "authors_parsed". */
  private static List<Person> splitAuthors(String authors) {
    String all = decode(JsonText.collapse(authors));
    if (all == null) {
      return List.of();
    }
    List<Person> people = new ArrayList<>();
    for (String name : AUTHOR_SEPARATOR.split(all)) {
      if (!name.isBlank()) {
        people.add(Person.parse(name));
      }
    }
    return people;
  }

  private static String firstWord(String text) {
    String clean = JsonText.collapse(text);
    if (clean == null) {
      return null;
    }
    int space = clean.indexOf(' ');
    return space < 0 ? clean : clean.substring(0, space);
  }

  private static int number(String word) {
    if (word.isEmpty() || word.length() > 4) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** A line that is JSON but not an arXiv record; cheap, as it has no stack trace. */
  private static final class MalformedRecord extends Exception {
    MalformedRecord(String message) {
      super(message, null, false, false);
    }
  }
}
