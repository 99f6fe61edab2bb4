package dev.citeassist.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose around a cursor in a LaTeX text, as words a person wrote: the sentence holding the
 * cursor, the sentences before and after it in the same paragraph, and the titles of the sections
 * the cursor is in. Markup is dropped: comments, math, citation commands with their keys (a key is
 * not prose, and keys cited nearby are a signal of their own), references and labels, environment
 * names, command names (their arguments stay: {@code \emph{word}} is a word). Plain Java over a
 * string; stateless.
 *
 * @param sentence the sentence holding the cursor
 * @param before the sentence before it in the paragraph ("" if none)
 * @param after the sentence after it in the paragraph ("" if none)
 * @param sections the titles of the enclosing chapter, section and subsection, innermost last
 */
public record CursorProse(String sentence, String before, String after, List<String> sections) {

  /** How far from the cursor the paragraph is looked for, each way. */
  static final int WINDOW = 3000;

  /** Marks the cursor in the cleaned text; a character that no LaTeX text holds. */
  private static final char CURSOR = '\u0001';

  /** Commands whose brace arguments are not prose. */
  private static final Set<String> SKIP_ARGUMENTS =
      Set.of(
          "ref",
          "eqref",
          "cref",
          "Cref",
          "autoref",
          "pageref",
          "nameref",
          "vref",
          "label",
          "url",
          "href",
          "includegraphics",
          "input",
          "include",
          "subfile",
          "import",
          "subimport",
          "begin",
          "end",
          "bibliography",
          "bibliographystyle",
          "addbibresource",
          "usepackage",
          "documentclass",
          "newcommand",
          "renewcommand",
          "def",
          "hspace",
          "vspace",
          "setlength",
          "index",
          "hyperref",
          "footnotemark",
          "todo");

  private static final Set<String> SECTIONS =
      Set.of("part", "chapter", "section", "subsection", "subsubsection", "paragraph", "item");

  private static final Pattern SECTION =
      Pattern.compile(
          "\\\\(part|chapter|section|subsection|subsubsection)\\*?\\s*(?:\\[[^\\]]*\\])?\\s*\\{");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([.,;:!?])");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[^a-z])");

  public CursorProse {
    sections = List.copyOf(sections);
  }

  /** The prose around {@code offset} of {@code text}. */
  public static CursorProse at(String text, int offset) {
    int from = paragraphStart(text, offset);
    int to = paragraphEnd(text, offset);
    String clean = clean(text, from, to, offset);
    int cursor = clean.indexOf(CURSOR);
    List<int[]> spans = sentences(clean);
    int at = 0;
    for (int i = 0; i < spans.size(); i++) {
      if (cursor >= spans.get(i)[0] && cursor <= spans.get(i)[1]) {
        at = i;
        break;
      }
    }
    String sentence = spans.isEmpty() ? "" : part(clean, spans.get(at));
    String before = at > 0 ? part(clean, spans.get(at - 1)) : "";
    String after = at + 1 < spans.size() ? part(clean, spans.get(at + 1)) : "";
    return new CursorProse(sentence, before, after, sections(text, offset));
  }

  private static String part(String clean, int[] span) {
    return tidy(clean.substring(span[0], span[1]));
  }

  /** Without the cursor mark, runs of spaces as one, no space before punctuation. */
  private static String tidy(String s) {
    return SPACE_BEFORE_PUNCTUATION
        .matcher(SPACES.matcher(s.replace(String.valueOf(CURSOR), "")).replaceAll(" "))
        .replaceAll("$1")
        .strip();
  }

  private static List<int[]> sentences(String clean) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(clean);
    int start = 0;
    while (m.find()) {
      addIfWords(spans, clean, start, m.start());
      start = m.end();
    }
    addIfWords(spans, clean, start, clean.length());
    return spans;
  }

  /** Adds a sentence span that holds a letter or digit (or the cursor). */
  private static void addIfWords(List<int[]> spans, String clean, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = clean.charAt(i);
      if (Character.isLetterOrDigit(c) || c == CURSOR) {
        spans.add(new int[] {start, end});
        return;
      }
    }
  }

  /** Start of the paragraph holding {@code offset}: after the last blank line before it. */
  static int paragraphStart(String text, int offset) {
    int limit = Math.max(0, offset - WINDOW);
    int i = offset - 1;
    while (i > limit) {
      if (text.charAt(i) == '\n') {
        int j = i - 1;
        while (j >= limit && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j--;
        }
        if (j >= limit && text.charAt(j) == '\n') {
          return i + 1;
        }
      }
      i--;
    }
    return limit;
  }

  static int paragraphEnd(String text, int offset) {
    int limit = Math.min(text.length(), offset + WINDOW);
    for (int i = offset; i < limit; i++) {
      if (text.charAt(i) == '\n') {
        int j = i + 1;
        while (j < limit && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < limit && text.charAt(j) == '\n') {
          return i;
        }
      }
    }
    return limit;
  }

  /** The words of {@code text[from, to)} with the markup dropped, {@link #CURSOR} at the cursor. */
  static String clean(String text, int from, int to, int cursor) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    boolean marked = false;
    while (i < to) {
      if (!marked && i >= cursor) {
        out.append(CURSOR);
        marked = true;
      }
      char c = text.charAt(i);
      if (c == '%') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 || eol > to ? to : eol;
      } else if (c == '$') {
        boolean display = i + 1 < to && text.charAt(i + 1) == '$';
        int close = text.indexOf(display ? "$$" : "$", i + (display ? 2 : 1));
        int end = close < 0 || close >= to ? to : close + (display ? 2 : 1);
        if (!marked && cursor < end) {
          out.append(CURSOR);
          marked = true;
        }
        out.append(' ');
        i = end;
      } else if (c == '\\') {
        int nameEnd = i + 1;
        while (nameEnd < to && Character.isLetter(text.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd == i + 1) {
          char next = i + 1 < to ? text.charAt(i + 1) : ' ';
          if (next == '(' || next == '[') {
            int close = text.indexOf(next == '(' ? "\\)" : "\\]", i + 2);
            int end = close < 0 || close >= to ? to : close + 2;
            i = end;
            out.append(' ');
          } else {
            // an escaped symbol (\%, \&, \\): keep the symbol, drop the backslash
            if (next != '\\') {
              out.append(next);
            } else {
              out.append(' ');
            }
            i = Math.min(to, i + 2);
          }
          continue;
        }
        String name = text.substring(i + 1, nameEnd);
        int j = nameEnd < to && text.charAt(nameEnd) == '*' ? nameEnd + 1 : nameEnd;
        boolean cite = name.toLowerCase(java.util.Locale.ROOT).contains("cite");
        if (SECTIONS.contains(name)) {
          // a heading ends the sentence before it; its title counts as a section, not prose
          int end = skipArguments(text, j, to, false);
          if (!marked && cursor < end) {
            out.append(CURSOR);
            marked = true;
          }
          out.append(" . ");
          i = end;
        } else if (cite || SKIP_ARGUMENTS.contains(name)) {
          int end = skipArguments(text, j, to, name.endsWith("cites"));
          if (!marked && cursor < end) {
            out.append(CURSOR);
            marked = true;
          }
          out.append(' ');
          i = end;
        } else {
          // a command name is markup; what follows (its arguments) is read as text
          out.append(' ');
          i = j;
        }
      } else if (c == '{' || c == '}') {
        i++;
      } else if (c == '~' || c == '\n' || c == '\t') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    if (!marked) {
      out.append(CURSOR);
    }
    return out.toString();
  }

  /**
   * The offset after a command's optional and brace arguments starting at {@code j}: one brace
   * group, or all of them for the multicite forms ({@code \cites[a]{x}[b]{y}}).
   */
  private static int skipArguments(String text, int j, int to, boolean all) {
    while (j < to) {
      int k = j;
      while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
        k++;
      }
      if (k >= to) {
        return k;
      }
      char c = text.charAt(k);
      if (c == '[' || (c == '(' && all)) {
        int close = text.indexOf(c == '[' ? ']' : ')', k);
        if (close < 0 || close >= to) {
          return to;
        }
        j = close + 1;
      } else if (c == '{') {
        j = matching(text, k, to);
        if (!all) {
          return j;
        }
      } else {
        return j;
      }
    }
    return j;
  }

  private static int matching(String text, int open, int to) {
    int depth = 0;
    for (int k = open; k < to; k++) {
      char c = text.charAt(k);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return k + 1;
      }
    }
    return to;
  }

  /** The sectioning commands, outermost first: a command's index is its level. */
  private static final List<String> LEVELS =
      List.of("part", "chapter", "section", "subsection", "subsubsection");

  /**
   * The titles of the sections enclosing {@code offset}, outermost first: for each level the last
   * heading before the cursor, unless a heading of an outer level comes after it. Found by
   * searching backwards for each command's name, not by running a pattern over the whole text
   * before the cursor (completion asks on every keystroke, in documents of thousands of lines).
   */
  static List<String> sections(String text, int offset) {
    int upTo = Math.min(offset, text.length());
    int[] at = new int[LEVELS.size()];
    Matcher[] heading = new Matcher[LEVELS.size()];
    for (int level = 0; level < at.length; level++) {
      heading[level] = SECTION.matcher(text);
      at[level] = lastHeading(text, upTo, LEVELS.get(level), heading[level]);
    }
    List<String> out = new ArrayList<>();
    int outer = -1;
    for (int level = 0; level < at.length; level++) {
      if (at[level] > outer) {
        Matcher m = heading[level];
        int end = matching(text, m.end() - 1, Math.min(text.length(), m.end() + 500));
        String title = tidy(clean(text, m.end(), Math.max(m.end(), end - 1), Integer.MAX_VALUE));
        if (!title.isEmpty()) {
          out.add(title);
        }
        outer = at[level];
      }
    }
    return out;
  }

  /**
   * Where the last {@code \name} heading starts before {@code upTo}, or -1; {@code m} is left
   * matched on it.
   */
  private static int lastHeading(String text, int upTo, String name, Matcher m) {
    String command = "\\" + name;
    int from = upTo - command.length();
    while (from >= 0) {
      int i = text.lastIndexOf(command, from);
      if (i < 0) {
        return -1;
      }
      m.region(i, upTo);
      if (m.lookingAt() && m.group(1).equals(name)) {
        return i;
      }
      from = i - 1;
    }
    return -1;
  }
}
