package dev.citeassist.tex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Finds the parts of a Unicode text that are already LaTeX and must be written as they are: inline
 * math, control sequences, and which braces have no partner. Stateless; every method works on a
 * text whose whitespace runs are already single spaces.
 */
public final class LatexSyntax {

  /** A half-open range of a text, {@code [start, end)}. */
  public record Range(int start, int end) {}

  /** The control symbols LaTeX defines: a backslash before any of these is LaTeX, not text. */
  private static final String CONTROL_SYMBOLS = " ,;:!/-&%$#_{}~^'`\"=.\\@*";

  private LatexSyntax() {}

  /** Whitespace runs (newlines, tabs, blank lines) become one space; control characters go. */
  public static String normalizeSpace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else if (Character.isISOControl(c)) {
        continue;
      } else {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The inline math of a text: {@code $...$} by pandoc's rule (the opening dollar is followed by a
   * non-space, the closing one follows a non-space and is not followed by a digit, so "costs $5 and
   * $10" is no math), {@code $$...$$}, {@code \(...\)} and {@code \[...\]}. Sorted, disjoint.
   */
  public static List<Range> math(String s) {
    List<Range> ranges = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        if (next == '(' || next == '[') {
          int close = s.indexOf(next == '(' ? "\\)" : "\\]", i + 2);
          if (close >= 0) {
            ranges.add(new Range(i, close + 2));
            i = close + 2;
            continue;
          }
        }
        i += Math.max(1, controlSequence(s, i));
        continue;
      }
      if (c == '$') {
        int end = closingDollar(s, i);
        if (end > 0) {
          ranges.add(new Range(i, end));
          i = end;
          continue;
        }
      }
      i++;
    }
    return ranges;
  }

  /** The end (exclusive) of the math opened by the dollar at {@code open}, or -1. */
  private static int closingDollar(String s, int open) {
    if (open + 1 < s.length() && s.charAt(open + 1) == '$') {
      int close = s.indexOf("$$", open + 2);
      return close > open + 2 ? close + 2 : -1;
    }
    if (open + 1 >= s.length() || s.charAt(open + 1) == ' ') {
      return -1;
    }
    for (int j = open + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '$') {
        boolean afterSpace = s.charAt(j - 1) == ' ';
        boolean beforeDigit = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
        if (!afterSpace && !beforeDigit) {
          return j + 1;
        }
      }
    }
    return -1;
  }

  /**
   * The length of the control sequence starting with the backslash at {@code i}: a backslash and
   * ASCII letters ({@code \emph}), or a backslash and one of LaTeX's control symbols ({@code \&},
   * {@code \ }). 0 when the backslash starts no LaTeX (at the end, before a digit, ...).
   */
  public static int controlSequence(String s, int i) {
    if (i + 1 >= s.length()) {
      return 0;
    }
    char next = s.charAt(i + 1);
    if (isAsciiLetter(next)) {
      int j = i + 1;
      while (j < s.length() && isAsciiLetter(s.charAt(j))) {
        j++;
      }
      return j - i;
    }
    return CONTROL_SYMBOLS.indexOf(next) >= 0 ? 2 : 0;
  }

  public static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The positions of braces that have no partner. Bare braces ({@code {}}) and escaped ones ({@code
   * \{ \}}) are paired separately: LaTeX needs the bare ones nested, while BibTeX and biber count
   * every brace, escaped or not, and both are satisfied when each kind balances.
   */
  public static BitSet unmatchedBraces(String s) {
    BitSet unmatched = new BitSet();
    Deque<Integer> bare = new ArrayDeque<>();
    Deque<Integer> escaped = new ArrayDeque<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}')) {
        pair(s.charAt(i + 1), i + 1, escaped, unmatched);
        i++;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
        i++;
      } else if (c == '{' || c == '}') {
        pair(c, i, bare, unmatched);
      }
    }
    bare.forEach(unmatched::set);
    escaped.forEach(unmatched::set);
    return unmatched;
  }

  private static void pair(char brace, int at, Deque<Integer> open, BitSet unmatched) {
    if (brace == '{') {
      open.push(at);
    } else if (open.isEmpty()) {
      unmatched.set(at);
    } else {
      open.pop();
    }
  }
}
