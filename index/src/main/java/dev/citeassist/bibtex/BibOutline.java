package dev.citeassist.bibtex;

import dev.citeassist.paper.ReadProblem.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Where things are in a .bib text, for an editor: each entry with its type, key and fields and
 * their offsets, and the problems its structure shows, each with a {@link Kind}. The entries are
 * the chunks that {@link BibtexReader} reads ({@link EntryScanner} cuts both), so the outline and
 * the reader agree on what is an entry, where its key is, and on the sentence of each structure
 * problem; an entry whose braces never close ends at the next line that starts an entry, or at the
 * end of the text, so a half-typed file has an outline.
 *
 * <p>Offsets are {@code String} indexes (UTF-16 code units, as LSP positions count by default),
 * ends exclusive; lines are 1-based and counted as the reader counts them ({@code \n}, {@code \r\n}
 * or a lone {@code \r} ends a line). {@code @string}, {@code @preamble} and {@code @comment} are
 * listed too: an {@code @string}'s key is its macro name, the other two have no key.
 *
 * <p>The structure problems: an entry not closed ({@link Kind#NOT_CLOSED}), an {@code @name} not
 * followed by a delimiter ({@link Kind#NOT_AN_ENTRY}), an entry without a key ({@link
 * Kind#NO_KEY}), a key an earlier entry has already, case ignored as BibTeX does ({@link
 * Kind#DUPLICATE_KEY}; entries not closed count too, so the entry being typed is checked). What
 * only parsing a value shows (syntax inside an entry, an undefined macro) needs the reader.
 *
 * <p>One linear pass over the text plus one over each entry's fields; no regular expressions.
 * Immutable after {@link #of}; thread-safe.
 */
public final class BibOutline {

  /**
   * An entry, {@code @string}, {@code @preamble} or {@code @comment}.
   *
   * @param type the type in lower case ({@code article}, {@code string})
   * @param key the key or macro name as written; empty when there is none
   * @param line the line of its {@code @}
   * @param start offset of its {@code @}
   * @param end offset after its closing delimiter; when not closed, after its last non-blank
   *     character
   * @param keyStart offset of the key (where it would be when there is none)
   * @param keyEnd offset after the key
   * @param closed whether its closing delimiter is there
   * @param fields its fields in order ({@code @string}: its macro definition)
   */
  public record Entry(
      String type,
      String key,
      int line,
      int start,
      int end,
      int keyStart,
      int keyEnd,
      boolean closed,
      List<Field> fields) {

    public boolean hasKey() {
      return !key.isEmpty();
    }

    /** Whether this is a reference (not {@code @string}, {@code @preamble} or {@code @comment}). */
    public boolean isReference() {
      return !isSpecial(type);
    }

    /** The first field of this name, case ignored. */
    public Optional<Field> field(String name) {
      for (Field f : fields) {
        if (f.name().equalsIgnoreCase(name)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A field {@code name = value}. The value runs from its first to its last non-blank character
   * ({@code {A} # jmlr}, {@code "x"}, {@code 2020}); its content is the value without the braces or
   * quotes around it when it is one braced or quoted part, else the value, and trimmed: for {@code
   * crossref = {other2020}} the content is {@code other2020}.
   */
  public record Field(
      String name,
      int nameStart,
      int nameEnd,
      int valueStart,
      int valueEnd,
      int contentStart,
      int contentEnd) {}

  /**
   * A structure problem over {@code [start, end)} (the key, or the entry's head when it has none),
   * on 1-based {@code line}; {@code message} is the sentence the reader gives for it.
   */
  public record Problem(Kind kind, int line, int start, int end, String message) {}

  private final String text;
  private final List<Entry> entries;
  private final List<Problem> problems;
  private volatile Map<String, Entry> byKey;

  private BibOutline(String text, List<Entry> entries, List<Problem> problems) {
    this.text = text;
    this.entries = Collections.unmodifiableList(entries);
    this.problems = Collections.unmodifiableList(problems);
  }

  /** The outline of a .bib text. */
  public static BibOutline of(String text) {
    Builder builder = new Builder(text);
    try {
      new EntryScanner(builder, false).scan(SourceLines.of(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the lines come from a string
    }
    return new BibOutline(text, builder.entries, builder.problems);
  }

  public String text() {
    return text;
  }

  /** Entries in text order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Structure problems in text order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The first reference with exactly this key. */
  public Optional<Entry> entry(String key) {
    Map<String, Entry> map = byKey;
    if (map == null) {
      map = new HashMap<>();
      for (Entry e : entries) {
        if (e.isReference() && e.hasKey()) {
          map.putIfAbsent(e.key(), e);
        }
      }
      byKey = map;
    }
    return Optional.ofNullable(map.get(key));
  }

  /** The first reference whose key is this one, case ignored (the one BibTeX uses). */
  public Optional<Entry> first(String key) {
    for (Entry e : entries) {
      if (e.isReference() && e.key().equalsIgnoreCase(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The entry (or {@code @string}) whose key spans {@code offset}, both ends included, so that a
   * cursor just after a key is on it.
   */
  public Optional<Entry> keyAt(int offset) {
    int lo = 0;
    int hi = entries.size() - 1;
    while (lo <= hi) { // the last entry that starts at or before offset
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).start() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (hi < 0) {
      return Optional.empty();
    }
    Entry e = entries.get(hi);
    return e.hasKey() && offset >= e.keyStart() && offset <= e.keyEnd()
        ? Optional.of(e)
        : Optional.empty();
  }

  /** The value of a field as written. */
  public String value(Field field) {
    return text.substring(field.valueStart(), field.valueEnd());
  }

  /** The content of a field (see {@link Field}). */
  public String content(Field field) {
    return text.substring(field.contentStart(), field.contentEnd());
  }

  static boolean isSpecial(String type) {
    return switch (type) {
      case "string", "preamble", "comment" -> true;
      default -> false;
    };
  }

  /**
   * The fields of all entries, as offsets in one array: a text of 100k entries has a million
   * fields, and a million small objects kept alive cost more time in the collector than the scan.
   * Filled while building, read only after.
   */
  private static final class Store {
    private static final int WIDTH = 6;
    private final String text;
    private int[] data = new int[WIDTH * 256];
    private int count;

    Store(String text) {
      this.text = text;
    }

    void add(
        int nameStart,
        int nameEnd,
        int valueStart,
        int valueEnd,
        int contentStart,
        int contentEnd) {
      if ((count + 1) * WIDTH > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      int k = count++ * WIDTH;
      data[k] = nameStart;
      data[k + 1] = nameEnd;
      data[k + 2] = valueStart;
      data[k + 3] = valueEnd;
      data[k + 4] = contentStart;
      data[k + 5] = contentEnd;
    }

    Field field(int index) {
      int k = index * WIDTH;
      return new Field(
          text.substring(data[k], data[k + 1]),
          data[k],
          data[k + 1],
          data[k + 2],
          data[k + 3],
          data[k + 4],
          data[k + 5]);
    }
  }

  /** One entry's fields in the {@link Store}; each {@link Field} is made when asked for. */
  private static final class Fields extends AbstractList<Field> implements RandomAccess {
    private final Store store;
    private final int first;
    private final int size;

    Fields(Store store, int first, int size) {
      this.store = store;
      this.first = first;
      this.size = size;
    }

    @Override
    public Field get(int index) {
      return store.field(first + Objects.checkIndex(index, size));
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Turns the scanner's chunks into entries and problems. */
  private static final class Builder implements EntryScanner.Listener {
    private final String text;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Entry> firstOfKey = new HashMap<>();
    private final Store store;

    Builder(String text) {
      this.text = text;
      this.store = new Store(text);
    }

    @Override
    public void chunk(EntryScanner.Chunk chunk) {
      String type = chunk.type().toLowerCase(Locale.ROOT);
      int open = chunk.open();
      // Inside the delimiters: up to the closing one, or to the cut.
      int to = chunk.closed() ? chunk.end() - 1 : chunk.end();
      int end = chunk.closed() ? chunk.end() : trimEnd(chunk.start(), chunk.end());
      int head = skipBlank(open + 1, to);
      Entry entry;
      if (type.equals("comment") || type.equals("preamble")) {
        entry =
            new Entry(
                type, "", chunk.line(), chunk.start(), end, head, head, chunk.closed(), List.of());
      } else if (type.equals("string")) {
        List<Field> fields = fields(open + 1, to, chunk.values());
        Field name = fields.isEmpty() ? null : fields.get(0);
        entry =
            name == null
                ? new Entry(
                    type, "", chunk.line(), chunk.start(), end, head, head, chunk.closed(), fields)
                : new Entry(
                    type,
                    name.name(),
                    chunk.line(),
                    chunk.start(),
                    end,
                    name.nameStart(),
                    name.nameEnd(),
                    chunk.closed(),
                    fields);
      } else {
        int[] key = EntryScanner.keySpan(text, open, chunk.end(), !chunk.closed());
        List<Field> fields = fields(key == null ? open + 1 : key[1], to, chunk.values());
        entry =
            new Entry(
                type,
                key == null ? "" : text.substring(key[0], key[1]),
                chunk.line(),
                chunk.start(),
                end,
                key == null ? head : key[0],
                key == null ? head : key[1],
                chunk.closed(),
                fields);
        if (key == null
            && chunk.closed()
            && head < to
            && (text.charAt(head) == ','
                || (!fields.isEmpty() && fields.get(0).nameStart() == head))) {
          // "@article{," or "@article{title = ...": what the reader reads as an entry without key
          problems.add(
              new Problem(
                  Kind.NO_KEY,
                  chunk.line(),
                  chunk.start(),
                  open + 1,
                  EntryScanner.noKey(chunk.type())));
        }
      }
      entries.add(entry);
      if (!chunk.closed()) {
        problems.add(
            new Problem(
                Kind.NOT_CLOSED,
                chunk.line(),
                chunk.start(),
                entry.hasKey() ? entry.keyEnd() : open + 1,
                EntryScanner.notClosed(
                    chunk.type(), entry.hasKey() ? entry.key() : null, chunk.cutLine())));
      }
      if (entry.isReference() && entry.hasKey()) {
        Entry first = firstOfKey.putIfAbsent(entry.key().toLowerCase(Locale.ROOT), entry);
        if (first != null) {
          problems.add(
              new Problem(
                  Kind.DUPLICATE_KEY,
                  entry.line(),
                  entry.keyStart(),
                  entry.keyEnd(),
                  EntryScanner.usedAgain(entry.key(), first.line())));
        }
      }
    }

    @Override
    public void notAnEntry(int line, int offset, String type) {
      if (type.equalsIgnoreCase("comment")) {
        return; // "@comment some text": BibTeX skips the word and the text after it
      }
      int end = offset + 1;
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      end += type.length();
      problems.add(
          new Problem(
              Kind.NOT_AN_ENTRY,
              line,
              offset,
              Math.min(end, text.length()),
              EntryScanner.notAnEntry(type)));
    }

    /**
     * The fields in {@code [from, to)}: {@code name = value} separated by commas, a value made of
     * braced parts (braces counted as the scanner counts them), quoted parts and bare words joined
     * by {@code #}; {@code %} outside braces and quotes starts a comment to the end of the line, as
     * in the scanner. Text that is not {@code name =} is skipped to the next comma. {@code values}:
     * the top-level braced values the scanner found (source offsets of their braces, in pairs), not
     * scanned again (they hold the long abstracts).
     */
    private List<Field> fields(int from, int to, int[] values) {
      int first = store.count;
      int v = 0;
      int i = from;
      while (i < to) {
        char c = text.charAt(i);
        if (c == ',' || Character.isWhitespace(c)) {
          i++;
          continue;
        }
        if (c == '%') {
          i = lineEnd(i, to);
          continue;
        }
        int nameStart = i;
        while (i < to && isNameChar(text.charAt(i))) {
          i++;
        }
        int nameEnd = i;
        i = skipBlank(i, to);
        boolean assignment = nameEnd > nameStart && i < to && text.charAt(i) == '=';
        if (assignment) {
          i = skipBlank(i + 1, to);
        }
        int valueStart = i;
        int valueEnd = i;
        int firstPartEnd = -1;
        int depth = 0;
        boolean quoted = false;
        while (i < to) {
          c = text.charAt(i);
          if (c == '{' && depth == 0 && !quoted) {
            while (v < values.length && values[v] < i) {
              v += 2;
            }
            if (v < values.length && values[v] == i) {
              i = values[v + 1] + 1; // after the value's closing brace
              valueEnd = i;
              if (firstPartEnd < 0) {
                firstPartEnd = i;
              }
              continue;
            }
            depth++;
          } else if (c == '{') {
            depth++;
          } else if (c == '}') {
            if (depth > 0 && --depth == 0 && !quoted && firstPartEnd < 0) {
              firstPartEnd = i + 1;
            }
          } else if (depth == 0) {
            if (c == '"') {
              quoted = !quoted;
              if (!quoted && firstPartEnd < 0) {
                firstPartEnd = i + 1;
              }
            } else if (!quoted && c == ',') {
              break;
            } else if (!quoted && c == '%') {
              i = lineEnd(i, to);
              continue;
            }
          }
          i++;
          if (!isBlank(c)) {
            valueEnd = i;
          }
        }
        if (!assignment) {
          continue; // not a field: skipped to the comma
        }
        int contentStart = valueStart;
        int contentEnd = valueEnd;
        char opening = valueStart < valueEnd ? text.charAt(valueStart) : ' ';
        if ((opening == '{' || opening == '"') && firstPartEnd == valueEnd) {
          contentStart = skipBlank(valueStart + 1, valueEnd - 1);
          contentEnd = Math.max(contentStart, trimEnd(contentStart, valueEnd - 1));
        }
        store.add(nameStart, nameEnd, valueStart, valueEnd, contentStart, contentEnd);
      }
      return store.count == first ? List.of() : new Fields(store, first, store.count - first);
    }

    private static boolean isBlank(char c) {
      return c <= ' ' ? Character.isWhitespace(c) : c >= '\u1680' && Character.isWhitespace(c);
    }

    private static boolean isNameChar(char c) {
      return switch (c) {
        case '=', ',', '{', '}', '"', '#', '%', '(', ')' -> false;
        default -> !Character.isWhitespace(c);
      };
    }

    private int skipBlank(int i, int to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i;
    }

    /** After the last non-blank character of {@code [from, to)}, or {@code from}. */
    private int trimEnd(int from, int to) {
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      return to;
    }

    /** Where the line of {@code i} ends (its line break), at most {@code to}. */
    private int lineEnd(int i, int to) {
      while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      return i;
    }
  }
}
