package dev.citeassist.latex;

import java.util.Arrays;
import java.util.Set;

/**
 * The parts of a LaTeX text where nothing is a command: comments ({@code %} to the end of the line,
 * but {@code \%} is text), {@code \verb|…|}, and the verbatim-like environments. Computed in one
 * linear pass; immutable and thread-safe.
 */
public final class Exclusions {

  private static final Set<String> VERBATIM_ENVIRONMENTS =
      Set.of("verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment", "alltt");

  // Region i covers the cursor offsets (starts[i], ends[i]].
  private final int[] starts;
  private final int[] ends;

  private Exclusions(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  public static Exclusions of(String text) {
    int n = text.length();
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int regionEnd = -1;
      int next;
      if (c == '\\') {
        if (text.startsWith("\\verb", i) && i + 5 < n && !Character.isLetter(text.charAt(i + 5))) {
          int d = i + 5;
          if (text.charAt(d) == '*' && d + 1 < n) {
            d++;
          }
          char delim = text.charAt(d);
          int close = text.indexOf(delim, d + 1);
          int eol = lineEnd(text, d + 1);
          regionEnd = close < 0 || close > eol ? eol : close;
          next = regionEnd + 1;
        } else if (text.startsWith("\\begin{", i)) {
          int close = text.indexOf('}', i + 7);
          String env = close < 0 ? "" : text.substring(i + 7, close);
          if (close >= 0 && VERBATIM_ENVIRONMENTS.contains(env)) {
            String endTag = "\\end{" + env + "}";
            int e = text.indexOf(endTag, close);
            regionEnd = e < 0 ? n : e;
            next = e < 0 ? n : e + endTag.length();
          } else {
            next = i + 7;
          }
        } else {
          next = i + 2;
        }
      } else if (c == '%') {
        regionEnd = lineEnd(text, i);
        next = regionEnd + 1;
      } else {
        next = i + 1;
      }
      if (regionEnd >= 0) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = i;
        ends[count] = regionEnd;
        count++;
      }
      i = next;
    }
    return new Exclusions(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  private static int lineEnd(String text, int from) {
    int eol = text.indexOf('\n', from);
    return eol < 0 ? text.length() : eol;
  }

  /** True when a cursor at {@code offset} is inside a comment or verbatim text. */
  public boolean contains(int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && offset <= ends[found];
  }
}
