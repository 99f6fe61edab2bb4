package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the brace-delimited arguments that follow a command, as TeX reads them: optional {@code
 * [...]} arguments and white space before them are skipped, braces nest, {@code \{} and {@code \}}
 * are text, and a comment ({@code %} to the end of the line, with the line break and the next
 * line's leading blanks) is no part of the argument, so {@code \bibliography{a,% note⏎ b}} names
 * {@code a} and {@code b}. Stateless.
 */
final class Arguments {

  /** How far an argument may run: a missing closing brace must not swallow the file. */
  private static final int LONGEST = 10_000;

  private Arguments() {}

  /**
   * The text of the {@code count} brace groups that start at or after {@code from} (comments
   * removed), or null when there are fewer.
   */
  static List<String> read(String text, int from, int count) {
    List<String> args = new ArrayList<>(count);
    int i = skipOptional(text, from);
    for (int k = 0; k < count; k++) {
      i = skipBlanks(text, i);
      if (i >= text.length() || text.charAt(i) != '{') {
        return null;
      }
      StringBuilder arg = new StringBuilder();
      int end = group(text, i, arg);
      if (end < 0) {
        return null;
      }
      args.add(arg.toString());
      i = end;
    }
    return args;
  }

  /**
   * The offset of the opening brace of the first argument after {@code from} (optional arguments
   * and blanks skipped), or -1 when no brace group follows.
   */
  static int open(String text, int from) {
    int i = skipBlanks(text, skipOptional(text, from));
    return i < text.length() && text.charAt(i) == '{' ? i : -1;
  }

  /**
   * The comment that starts at {@code percent} ends where this returns: after its line break and
   * the next line's blanks.
   */
  static int skipComment(String text, int percent) {
    return afterComment(text, percent);
  }

  /** The offset after the brace group that starts at or after {@code from}; -1 when none closes. */
  static int end(String text, int from) {
    int i = skipBlanks(text, from);
    if (i >= text.length() || text.charAt(i) != '{') {
      return -1;
    }
    return group(text, i, new StringBuilder());
  }

  /** Skips blanks and {@code [...]} groups (options before the first argument). */
  private static int skipOptional(String text, int i) {
    while (true) {
      i = skipBlanks(text, i);
      if (i < text.length() && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          return text.length();
        }
        i = close + 1;
      } else {
        return i;
      }
    }
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%') {
        i = afterComment(text, i);
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * Appends the inside of the group opening at {@code open} to {@code out}; the offset after its
   * closing brace, or -1 when it does not close.
   */
  private static int group(String text, int open, StringBuilder out) {
    int depth = 0;
    int limit = Math.min(text.length(), open + LONGEST);
    int i = open;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '%') {
        i = afterComment(text, i);
        continue;
      }
      if (c == '{') {
        if (depth++ > 0) {
          out.append(c);
        }
      } else if (c == '}') {
        if (--depth == 0) {
          return i + 1;
        }
        out.append(c);
      } else {
        out.append(c);
      }
      i++;
    }
    return -1;
  }

  /** The offset after the comment at {@code percent}, its line break and the next line's blanks. */
  private static int afterComment(String text, int percent) {
    int eol = text.indexOf('\n', percent);
    if (eol < 0) {
      return text.length();
    }
    int i = eol + 1;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
