package dev.citeassist.navigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the entries of a {@code .bib} text are: each {@code @type{key,} … }} with the offsets of
 * the whole entry and of its key. A light scan, independent of the BibTeX reader, so that it works
 * on half-typed files: an entry whose braces never close ends where the next line starting with
 * {@code @} begins. {@code @comment} and {@code @preamble} blocks are listed with an empty key; an
 * {@code @string}'s key is its macro name. Stateless.
 */
final class BibOutline {

  /**
   * @param type the entry type in lower case ({@code article}, {@code string})
   * @param key the key, possibly empty
   * @param start offset of the {@code @}
   * @param end offset after the closing delimiter
   * @param keyStart offset of the key's first character
   * @param keyEnd offset after the key's last character
   */
  record Entry(String type, String key, int start, int end, int keyStart, int keyEnd) {}

  private BibOutline() {}

  static List<Entry> of(String text) {
    List<Entry> entries = new ArrayList<>();
    int n = text.length();
    int i = text.indexOf('@');
    while (i >= 0) {
      int t = i + 1;
      while (t < n && (Character.isLetterOrDigit(text.charAt(t)) || text.charAt(t) == '_')) {
        t++;
      }
      String type = text.substring(i + 1, t).toLowerCase(Locale.ROOT);
      int o = skipSpace(text, t);
      if (type.isEmpty() || o >= n || (text.charAt(o) != '{' && text.charAt(o) != '(')) {
        i = text.indexOf('@', i + 1);
        continue;
      }
      char close = text.charAt(o) == '{' ? '}' : ')';
      int keyStart = skipSpace(text, o + 1);
      int keyEnd = keyStart;
      boolean hasKey = !type.equals("comment") && !type.equals("preamble");
      if (hasKey) {
        while (keyEnd < n && isKeyChar(text.charAt(keyEnd))) {
          keyEnd++;
        }
      }
      int end = closing(text, o, close);
      entries.add(
          new Entry(
              type,
              text.substring(keyStart, keyEnd),
              i,
              end,
              keyStart,
              hasKey ? keyEnd : keyStart));
      i = text.indexOf('@', Math.max(end, i + 1));
    }
    return entries;
  }

  /** The entry whose key spans {@code offset}, if any. */
  static java.util.Optional<Entry> keyAt(String text, int offset) {
    for (Entry e : of(text)) {
      if (!e.key().isEmpty() && offset >= e.keyStart() && offset <= e.keyEnd()) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }

  /** The first entry (not a macro) with this key. */
  static java.util.Optional<Entry> entry(String text, String key) {
    for (Entry e : of(text)) {
      if (e.key().equals(key) && !e.type().equals("string")) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean isKeyChar(char c) {
    return !Character.isWhitespace(c) && c != ',' && c != '=' && c != '}' && c != ')' && c != '{';
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** After the delimiter closing the one at {@code open}; else the next line-initial {@code @}. */
  private static int closing(String text, int open, char close) {
    int depth = 0;
    int n = text.length();
    for (int i = open + 1; i < n; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0 && close == '}') {
          return i + 1;
        }
        depth = Math.max(0, depth - 1);
      } else if (c == ')' && close == ')' && depth == 0) {
        return i + 1;
      } else if (c == '@' && lineStart(text, i)) {
        return trimEnd(text, i);
      }
    }
    return trimEnd(text, n);
  }

  private static boolean lineStart(String text, int i) {
    int j = i - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || text.charAt(j) == '\n';
  }

  private static int trimEnd(String text, int end) {
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
