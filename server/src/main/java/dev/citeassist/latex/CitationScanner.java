package dev.citeassist.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the citation command around an offset of a LaTeX text: {@code \citep[see][p.~3]{a, sy|}}
 * gives command {@code citep}, prefix {@code sy} and the range of the whole key spanning the
 * cursor. Knows natbib, biblatex (with the multicite forms), apacite, the ACL style's {@code
 * \citeposs} and {@code \newcite}, and {@code \nocite}, plus the commands it is given. Plain Java
 * over a string; immutable and thread-safe.
 */
public final class CitationScanner {

  static final Set<String> SINGLE_COMMANDS =
      Set.of(
          "cite",
          "Cite",
          "nocite",
          "citep",
          "citet",
          "citealt",
          "citealp",
          "citeauthor",
          "Citeauthor",
          "citeyear",
          "citeyearpar",
          "Citet",
          "Citep",
          "Citealt",
          "Citealp",
          "citenum",
          "citefullauthor",
          "parencite",
          "Parencite",
          "textcite",
          "Textcite",
          "autocite",
          "Autocite",
          "footcite",
          "Footcite",
          "footcitetext",
          "smartcite",
          "Smartcite",
          "supercite",
          "fullcite",
          "footfullcite",
          "citetitle",
          "Citetitle",
          "citedate",
          "citeurl",
          "citeA",
          "citeNP",
          "citeyearNP",
          "shortcite",
          "shortciteA",
          "shortciteNP",
          // the ACL style (acl.sty): "Author's (Year)" and its old name for \citet; it defines
          // no capitalised \Citeposs
          "citeposs",
          "newcite");

  static final Set<String> MULTI_COMMANDS =
      Set.of(
          "cites",
          "Cites",
          "parencites",
          "Parencites",
          "textcites",
          "Textcites",
          "autocites",
          "Autocites",
          "footcites",
          "Footcites",
          "smartcites",
          "Smartcites",
          "supercites");

  // \volcite[prenote]{volume}[pages]{key}: the first brace group is not a key list.
  static final Set<String> VOLUME_COMMANDS =
      Set.of("volcite", "Volcite", "pvolcite", "Pvolcite", "fvolcite", "tvolcite", "avolcite");

  private static final int MAX_SCAN = 4000;

  private final Set<String> extraCommands;

  public CitationScanner(Set<String> extraCommands) {
    this.extraCommands = Set.copyOf(extraCommands);
  }

  public static CitationScanner standard() {
    return new CitationScanner(Set.of());
  }

  /** The citation context at {@code offset}, or empty when the cursor is not in a key list. */
  public Optional<CitationContext> scan(String text, int offset) {
    return scan(text, offset, Exclusions.of(text));
  }

  public Optional<CitationContext> scan(String text, int offset, Exclusions exclusions) {
    if (offset < 0 || offset > text.length() || exclusions.contains(offset)) {
      return Optional.empty();
    }
    int limit = Math.max(0, offset - MAX_SCAN);
    int open = offset - 1;
    while (true) {
      if (open < limit) {
        return Optional.empty();
      }
      char c = text.charAt(open);
      if (c == '{') {
        break;
      }
      if (!isListChar(c)) {
        return Optional.empty();
      }
      open--;
    }
    String command = commandBefore(text, open);
    if (command == null) {
      return Optional.empty();
    }
    int keyStart = offset;
    while (keyStart > open + 1 && isKeyChar(text.charAt(keyStart - 1))) {
      keyStart--;
    }
    int keyEnd = offset;
    while (keyEnd < text.length() && isKeyChar(text.charAt(keyEnd))) {
      keyEnd++;
    }
    List<String> others = new ArrayList<>();
    int i = open + 1;
    int end = Math.min(text.length(), offset + MAX_SCAN);
    while (i < end && isListChar(text.charAt(i))) {
      if (isKeyChar(text.charAt(i))) {
        int s = i;
        while (i < end && isKeyChar(text.charAt(i))) {
          i++;
        }
        if (s != keyStart) {
          others.add(text.substring(s, i));
        }
      } else {
        i++;
      }
    }
    return Optional.of(
        new CitationContext(command, text.substring(keyStart, offset), keyStart, keyEnd, others));
  }

  /** Every key cited in {@code text} outside comments and verbatim, in order of appearance. */
  public List<String> citedKeys(String text) {
    List<String> keys = new ArrayList<>();
    for (CitedKey k : citations(text)) {
      keys.add(k.key());
    }
    return keys;
  }

  /**
   * One key of a citation command's key list.
   *
   * @param key the key as written (trimmed); {@code *} for {@code \nocite{*}}
   * @param start offset of its first character
   * @param end offset after its last character
   * @param command the command's name without backslash or star
   */
  public record CitedKey(String key, int start, int end, String command) {}

  /** Every key cited in {@code text} outside comments and verbatim, with where it is written. */
  public List<CitedKey> citations(String text) {
    Exclusions exclusions = Exclusions.of(text);
    List<CitedKey> keys = new ArrayList<>();
    int n = text.length();
    int i = text.indexOf('\\');
    while (i >= 0 && i < n - 1) {
      int nameEnd = i + 1;
      while (nameEnd < n && Character.isLetter(text.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = text.substring(i + 1, nameEnd);
      if (nameEnd > i + 1 && isCiteCommand(name) && !exclusions.contains(i + 1)) {
        int j = nameEnd < n && text.charAt(nameEnd) == '*' ? nameEnd + 1 : nameEnd;
        boolean multi = MULTI_COMMANDS.contains(name);
        boolean volume = VOLUME_COMMANDS.contains(name);
        int braceGroups = 0;
        while (j < n) {
          while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
          }
          if (j >= n) {
            break;
          }
          char c = text.charAt(j);
          if (c == '[' || c == '(') {
            int close = text.indexOf(c == '[' ? ']' : ')', j);
            if (close < 0) {
              break;
            }
            j = close + 1;
          } else if (c == '{') {
            int close = text.indexOf('}', j);
            if (close < 0) {
              break;
            }
            braceGroups++;
            if (!(volume && braceGroups == 1)) {
              int from = j + 1;
              while (from <= close) {
                int comma = text.indexOf(',', from);
                int to = comma < 0 || comma > close ? close : comma;
                int a = from;
                int b = to;
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                  a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                  b--;
                }
                if (a < b) {
                  keys.add(new CitedKey(text.substring(a, b), a, b, name));
                }
                from = to + 1;
              }
            }
            j = close + 1;
            if (!multi && !(volume && braceGroups == 1)) {
              break;
            }
          } else {
            break;
          }
        }
        i = text.indexOf('\\', Math.max(j, i + 1));
      } else {
        i = text.indexOf('\\', Math.max(nameEnd, i + 2));
      }
    }
    return keys;
  }

  /** The cite command whose key-list brace is at {@code open}, or null. */
  private String commandBefore(String text, int open) {
    int j = open - 1;
    int braceGroups = 0;
    int limit = Math.max(0, open - MAX_SCAN);
    while (true) {
      while (j >= limit && Character.isWhitespace(text.charAt(j))) {
        j--;
      }
      if (j < limit) {
        return null;
      }
      char c = text.charAt(j);
      if (c == ']' || c == ')' || c == '}') {
        char opening = c == ']' ? '[' : c == ')' ? '(' : '{';
        j = matchBackward(text, j, opening, c, limit);
        if (j < 0) {
          return null;
        }
        if (c == '}') {
          braceGroups++;
        }
        j--;
      } else {
        break;
      }
    }
    boolean star = text.charAt(j) == '*';
    if (star) {
      j--;
    }
    int nameEnd = j + 1;
    while (j >= limit && Character.isLetter(text.charAt(j))) {
      j--;
    }
    if (j < limit || nameEnd == j + 1 || text.charAt(j) != '\\') {
      return null;
    }
    int backslashes = 0;
    for (int k = j; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    if (backslashes % 2 == 0) {
      return null;
    }
    String name = text.substring(j + 1, nameEnd);
    if (!isCiteCommand(name)) {
      return null;
    }
    boolean multi = MULTI_COMMANDS.contains(name);
    boolean volume = VOLUME_COMMANDS.contains(name);
    if (braceGroups > 0 && !multi && !(volume && braceGroups == 1)) {
      return null;
    }
    if (volume && braceGroups == 0) {
      return null;
    }
    return star ? name + "*" : name;
  }

  /** Whether a command name is one of the cite commands every scanner knows. */
  static boolean isKnown(String name) {
    return SINGLE_COMMANDS.contains(name)
        || MULTI_COMMANDS.contains(name)
        || VOLUME_COMMANDS.contains(name);
  }

  /** This scanner with more commands that take keys like {@code \cite}. */
  public CitationScanner with(Set<String> more) {
    if (extraCommands.containsAll(more)) {
      return this;
    }
    Set<String> all = new java.util.HashSet<>(extraCommands);
    all.addAll(more);
    return new CitationScanner(all);
  }

  private boolean isCiteCommand(String name) {
    return SINGLE_COMMANDS.contains(name)
        || MULTI_COMMANDS.contains(name)
        || VOLUME_COMMANDS.contains(name)
        || extraCommands.contains(name);
  }

  private static int matchBackward(String text, int close, char opening, char closing, int limit) {
    int depth = 0;
    for (int k = close; k >= limit; k--) {
      char c = text.charAt(k);
      if (c == closing) {
        depth++;
      } else if (c == opening && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static boolean isListChar(char c) {
    return c != '{' && c != '}' && c != '\\' && c != '%';
  }

  /** Characters BibTeX allows in a key, less the ones that end it in a key list. */
  static boolean isKeyChar(char c) {
    return !Character.isWhitespace(c)
        && c != ','
        && c != '{'
        && c != '}'
        && c != '\\'
        && c != '%'
        && c != '#'
        && c != '~'
        && c != '"'
        && c != '('
        && c != ')'
        && c != '=';
  }
}
