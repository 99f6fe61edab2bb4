package dev.citeassist.bibtex;

import dev.citeassist.paper.Months;
import dev.citeassist.paper.ReadProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXParserConstants;
import org.jbibtex.BibTeXString;
import org.jbibtex.ConcateValue;
import org.jbibtex.CrossReferenceValue;
import org.jbibtex.Key;
import org.jbibtex.KeyValue;
import org.jbibtex.LiteralValue;
import org.jbibtex.ParseException;
import org.jbibtex.ReferenceValue;
import org.jbibtex.Token;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * Parses one chunk from {@link EntryScanner} with JBibTeX and gives back its fields as raw text
 * (macros expanded, {@code #} concatenated, LaTeX not yet decoded). Owns the {@code @string} macros
 * of one source: a macro is known from its definition on, as in BibTeX; the month macros {@code
 * jan}..{@code dec} are predefined. A macro that is not defined is kept as its name and reported.
 * Keys JBibTeX's lexer would refuse (CJK, {@code Kury\l{}owicz}, ...) are parsed under a
 * same-length stand-in and restored; long braced values are cut out before JBibTeX sees the entry
 * and put back after (see {@link #cutValues}). An entry that fails on a later line than its first
 * is salvaged field by field (see {@link #parse}). Never throws; a chunk that cannot be parsed is
 * reported and yields null.
 *
 * <p>One instance per read; not thread-safe (JBibTeX parsers are not).
 */
final class EntryParser {

  /** An entry as written: lower-case type and field names, raw values, 1-based line. */
  record RawEntry(String type, String key, Map<String, String> fields, int line) {}

  interface Problems {
    void problem(int line, String message, ReadProblem.Kind kind);
  }

  /** What JBibTeX calls an anonymous entry's key; no real key can contain a NUL. */
  private static final String NO_KEY = "\u0000";

  private static final Pattern KEY_ONLY =
      Pattern.compile("@\\s*[^{\\s]+\\s*\\{\\s*([^,{}=\\s\"]+)\\s*,?\\s*}\\s*");
  private static final Pattern LEXICAL_LINE = Pattern.compile("line (\\d+), column (\\d+)");
  private static final Pattern LEXICAL_CHAR =
      Pattern.compile("Encountered: (\"(?:[^\"]|\\\\\")*\"|<EOF>)");

  /** Marks a value cut out of the text JBibTeX parses, followed by its number. */
  private static final char CUT = '\u0001';

  /** Shorter values are left to JBibTeX: cutting them costs more than it saves. */
  private static final int MIN_CUT = 24;

  /** Undefined macros met while parsing the current chunk. */
  private final List<String> undefined = new ArrayList<>();

  /** The values cut out of the current entry, by number. */
  private final List<String> cut = new ArrayList<>();

  /** Fields commented out with '@' in the current entry, as renamed ({@code _Note}). */
  private final Set<String> disabled = new HashSet<>();

  private final BibTeXParser parser;

  EntryParser() {
    parser =
        new BibTeXParser(new RunTokenManager()) {
          @Override
          public void checkStringResolution(Key key, BibTeXString string) {
            if (string == null) {
              undefined.add(key.getValue());
            }
          }

          @Override
          public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
            // crossref is resolved across the whole source by Crossrefs, not per chunk
          }

          @Override
          public String nextKey() {
            return NO_KEY;
          }
        };
    for (int month = 1; month <= 12; month++) {
      parser.addMacro(Months.macro(month), Months.NAMES.get(month - 1));
    }
  }

  /** Reads an {@code @string} chunk and defines its macro. */
  void defineString(EntryScanner.Chunk chunk, Problems problems) {
    cut.clear();
    BibTeXObject object = parse(chunk, chunk.text(), "@string", false, problems);
    if (object instanceof BibTeXString string) {
      reportUndefined(chunk.line(), "@string " + string.getKey().getValue(), problems);
      parser.addMacro(string);
    } else if (object != null) {
      problems.problem(
          chunk.line(), "@string has no 'name = value' in it; skipped", ReadProblem.Kind.MALFORMED);
    }
  }

  /** Reads an entry chunk; null (after a problem) when it cannot be read. */
  RawEntry entry(EntryScanner.Chunk chunk, Problems problems) {
    String type = chunk.type().toLowerCase(Locale.ROOT);
    String text = chunk.text();
    disabled.clear();
    if (text.indexOf('=') < 0) {
      Matcher keyOnly = KEY_ONLY.matcher(text); // @misc{key} and @misc{key,}: JBibTeX wants a field
      if (keyOnly.matches()) {
        return new RawEntry(type, keyOnly.group(1), Map.of(), chunk.line());
      }
    }
    String key = null;
    int[] span = EntryScanner.keySpan(text, text.indexOf('{'), text.length(), false);
    if (span != null) {
      key = text.substring(span[0], span[1]);
      if (!lexableKey(key)) {
        text = text.substring(0, span[0]) + "k".repeat(span[1] - span[0]) + text.substring(span[1]);
      }
    }
    String what = "@" + chunk.type() + (key == null ? "" : "{" + key + "}");
    text = cutValues(text, chunk.values(), span == null ? 0 : span[1]);
    BibTeXObject object = parse(chunk, text, what, true, problems);
    if (object == null) {
      return null;
    }
    if (!(object instanceof BibTeXEntry entry)) {
      problems.problem(
          chunk.line(), "cannot read " + what + ": not an entry", ReadProblem.Kind.MALFORMED);
      return null;
    }
    String parsedKey = entry.getKey().getValue();
    if (NO_KEY.equals(parsedKey)) {
      key = null;
    } else if (key == null || lexableKey(key)) {
      key = parsedKey;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<Key, Value> field : entry.getFields().entrySet()) {
      if (disabled.contains(field.getKey().getValue())) {
        continue;
      }
      fields.put(field.getKey().getValue().toLowerCase(Locale.ROOT), text(field.getValue()));
    }
    reportUndefined(chunk.line(), what, problems);
    return new RawEntry(type, key, fields, chunk.line());
  }

  /**
   * Why a chunk did not parse: the line in the chunk (1-based), a sentence, and the offending token
   * when salvage can fix it alone: ',' (a doubled comma, removed) or '@' (a field commented out as
   * {@code @Note = ...}, renamed so that it is dropped); null otherwise.
   */
  private record Failure(int line, String message, String token) {}

  /**
   * The token salvage can fix alone: ',' (doubled), '@' (a field commented out), or "=NAME" for a
   * field name where a comma should have been (a comma missing at the end of the line before).
   */
  private static String salvageToken(ParseException e, Token next) {
    if (next == null) {
      return null;
    }
    if (",".equals(next.image) || "@".equals(next.image)) {
      return next.image;
    }
    if (next.kind == BibTeXParserConstants.NAME || next.kind == BibTeXParserConstants.IDENTIFIER) {
      if (e.expectedTokenSequences != null) {
        for (int[] sequence : e.expectedTokenSequences) {
          if (sequence.length > 0 && sequence[0] == BibTeXParserConstants.COMMA) {
            return "=" + next.image;
          }
        }
      }
    }
    return null;
  }

  /**
   * Parses a chunk. When an entry fails on a later line than its first, the cause is removed and
   * the entry parsed again (a few times at most): a doubled comma is dropped, a field commented out
   * as {@code @Note = ...} is dropped, another bad line is blanked; so one bad field costs that
   * field rather than the entry, and a problem says which line.
   */
  private BibTeXObject parse(
      EntryScanner.Chunk chunk, String text, String what, boolean salvage, Problems problems) {
    Failure first = null;
    String current = text;
    List<Failure> skipped = new ArrayList<>();
    for (int attempt = 0; attempt < 6; attempt++) {
      undefined.clear();
      Failure failure;
      try {
        BibTeXDatabase database = parser.parse(new StringReader(current));
        List<BibTeXObject> objects = database.getObjects();
        if (objects.isEmpty()) {
          failure = new Failure(1, "nothing in it", null);
        } else {
          for (Failure skip : skipped) {
            problems.problem(
                chunk.line() + skip.line() - 1,
                "cannot read part of "
                    + what
                    + ": "
                    + skip.message()
                    + switch (String.valueOf(skip.token())) {
                      case "," -> "; the extra ',' is ignored";
                      case "@" -> "; a field commented out with '@' is ignored";
                      case "null" -> "; this line is skipped, the rest of the entry is read";
                      default -> "; read as if the comma were there";
                    },
                ReadProblem.Kind.MALFORMED);
          }
          return objects.get(0);
        }
      } catch (ParseException e) {
        Token next = e.currentToken == null ? null : e.currentToken.next;
        failure =
            new Failure(
                next == null ? 1 : Math.max(1, next.beginLine),
                describe(e, next),
                salvageToken(e, next));
      } catch (TokenMgrException e) {
        String message = String.valueOf(e.getMessage());
        Matcher at = LEXICAL_LINE.matcher(message);
        Matcher ch = LEXICAL_CHAR.matcher(message);
        failure =
            new Failure(
                at.find() ? Integer.parseInt(at.group(1)) : 1,
                "unexpected " + (ch.find() ? ch.group(1) : "character") + " outside a value",
                null);
      } catch (RuntimeException | StackOverflowError e) {
        problems.problem(
            chunk.line(), "cannot read " + what + ": " + e, ReadProblem.Kind.MALFORMED);
        return null;
      } catch (Exception e) {
        // parse() declares checked exceptions that a string reader does not throw
        problems.problem(
            chunk.line(), "cannot read " + what + ": " + e, ReadProblem.Kind.MALFORMED);
        return null;
      }
      if (first == null) {
        first = failure;
      }
      if (!salvage || failure.line() <= 1 || skipped.contains(failure)) {
        break;
      }
      if (failure.token() != null
          && failure.token().startsWith("=")
          && !lineStartsWith(current, failure.line(), failure.token().substring(1))) {
        failure = new Failure(failure.line(), failure.message(), null);
      }
      skipped.add(failure);
      current = blank(current, failure.line(), failure.token());
    }
    problems.problem(
        chunk.line() + first.line() - 1,
        "cannot read " + what + ": " + first.message(),
        ReadProblem.Kind.MALFORMED);
    return null;
  }

  /** True when line {@code line} (1-based, not the first) starts with {@code word}. */
  private static boolean lineStartsWith(String text, int line, String word) {
    int start = 0;
    for (int l = 1; l < line && start >= 0; l++) {
      start = text.indexOf('\n', start);
      start = start < 0 ? -1 : start + 1;
    }
    if (start <= 0) {
      return false;
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end).stripLeading().startsWith(word);
  }

  /**
   * The text with line {@code line} (1-based) turned into spaces, or only its first {@code token}
   * changed; line breaks stay, so line numbers stay right.
   */
  private String blank(String text, int line, String token) {
    int start = 0;
    for (int l = 1; l < line && start >= 0; l++) {
      start = text.indexOf('\n', start);
      start = start < 0 ? -1 : start + 1;
    }
    if (start < 0) {
      return text;
    }
    int end = text.indexOf('\n', start);
    end = end < 0 ? text.length() : end;
    if (token != null && token.startsWith("=")) {
      // a missing comma: the line starts with the next field, so the comma goes at the end of
      // the line before (after its last non-blank character)
      int at = start - 1;
      while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
        at--;
      }
      return text.substring(0, at) + "," + text.substring(at);
    }
    int at = token == null ? -1 : text.indexOf(token.charAt(0), start);
    if (at >= 0 && at < end) {
      if (token.equals("@")) {
        int nameEnd = at + 1;
        while (nameEnd < end && EntryScanner.isTypeChar(text.charAt(nameEnd))) {
          nameEnd++;
        }
        disabled.add("_" + text.substring(at + 1, nameEnd));
        return text.substring(0, at) + "_" + text.substring(at + 1);
      }
      return text.substring(0, at) + " " + text.substring(at + 1);
    }
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }

  private void reportUndefined(int line, String what, Problems problems) {
    for (String name : undefined) {
      problems.problem(
          line,
          what + ": @string macro '" + name + "' is not defined; kept as written",
          ReadProblem.Kind.UNDEFINED_MACRO);
    }
    undefined.clear();
  }

  private static String describe(ParseException e, Token next) {
    if (next == null) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("EOF")) {
        return "a value is not closed before the end of the entry";
      }
      int nl = message.indexOf('\n');
      return nl < 0 ? message : message.substring(0, nl);
    }
    String found;
    if (next.kind == BibTeXParserConstants.EOF) {
      found = "the end of the entry";
    } else {
      String image = next.image.length() > 30 ? next.image.substring(0, 30) + "…" : next.image;
      found = "'" + image + "'";
    }
    TreeSet<String> expected = new TreeSet<>();
    if (e.expectedTokenSequences != null) {
      for (int[] sequence : e.expectedTokenSequences) {
        String name = sequence.length > 0 ? tokenName(sequence[0]) : null;
        if (name != null) {
          expected.add(name);
        }
      }
    }
    return "found "
        + found
        + (expected.isEmpty() ? "" : " where " + String.join(" or ", expected) + " should be");
  }

  private static String tokenName(int kind) {
    return switch (kind) {
      case BibTeXParserConstants.COMMA -> "','";
      case BibTeXParserConstants.EQUALS -> "'='";
      case BibTeXParserConstants.HASH -> "'#'";
      case BibTeXParserConstants.LBRACE -> "'{'";
      case BibTeXParserConstants.RBRACE -> "'}'";
      case BibTeXParserConstants.LPAREN -> "'('";
      case BibTeXParserConstants.RPAREN -> "')'";
      case BibTeXParserConstants.QUOTE -> "'\"'";
      case BibTeXParserConstants.NAME -> "a name";
      case BibTeXParserConstants.AT -> "'@'";
      case BibTeXParserConstants.EOF -> "the end";
      default -> null;
    };
  }

  /**
   * The text JBibTeX sees, with the content of each long top-level braced value (from offset {@code
   * from} on, so not in the key) replaced by {@link #CUT} and its number, line breaks kept:
   * JBibTeX's lexer goes through a value a character at a time, which made it most of the reading
   * time; the scanner already knows where each value starts and ends. {@link #text} puts the
   * content back.
   */
  private String cutValues(String text, int[] values, int from) {
    cut.clear();
    if (values.length == 0) {
      return text;
    }
    StringBuilder out = null;
    int prev = 0;
    for (int v = 0; v + 1 < values.length; v += 2) {
      int open = values[v];
      int close = values[v + 1];
      if (open < from || close - open < MIN_CUT) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() / 2);
      }
      out.append(text, prev, open + 1).append(CUT).append(cut.size());
      cut.add(text.substring(open + 1, close));
      for (int i = open + 1; i < close; i++) {
        if (text.charAt(i) == '\n') {
          out.append('\n');
        }
      }
      prev = close;
    }
    return out == null ? text : out.append(text, prev, text.length()).toString();
  }

  /** The raw text of a value: macros expanded (undefined ones kept as their name), # joined. */
  private String text(Value value) {
    if (value instanceof ReferenceValue reference) {
      BibTeXString string = reference.getString();
      return string == null ? reference.getValue().getString() : text(string.getValue());
    }
    if (value instanceof ConcateValue concat) {
      return text(concat.getLeft()) + text(concat.getRight());
    }
    if (value instanceof CrossReferenceValue crossref) {
      return text(crossref.getValue());
    }
    if (value instanceof LiteralValue literal) {
      String s = literal.getString();
      if (!cut.isEmpty() && s.length() > 1 && s.charAt(0) == CUT) {
        int end = 1;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
          end++;
        }
        int index = end > 1 && end < 10 ? Integer.parseInt(s.substring(1, end)) : -1;
        if (index >= 0 && index < cut.size()) {
          return cut.get(index);
        }
      }
      return s;
    }
    if (value instanceof KeyValue key) {
      return key.getString();
    }
    return value == null ? "" : value.toUserString();
  }

  /** Keys that JBibTeX's name token surely accepts; any other key is parsed under a stand-in. */
  private static boolean lexableKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || (i > 0
                  && (c == ':' || c == '.' || c == '+' || c == '/' || c == '\'' || c == '?'
                      || c == '!'));
      if (!ok) {
        return false;
      }
    }
    return !key.isEmpty();
  }
}
