package dev.citeassist.suggestion;

import dev.citeassist.document.Project;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.latex.CitationScanner.CitedKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every citation of a project, in the order of its files (root first, then what it includes) and of
 * their text: which key, where (file, offset, line), in which citation command ({@code group}: the
 * keys of one {@code \cite{a,b}}) and which paragraph. The source of the citation signals of {@link
 * Suggester} (co-citation, recency, frequency) and of "cited 3× — intro.tex:12" in completion and
 * hover. Immutable.
 */
public final class ProjectCitations {

  /**
   * One cited key.
   *
   * @param order its position among all citations of the project (0-based)
   * @param group the citation command it is in (numbered across the project)
   * @param paragraph the paragraph it is in (numbered across the project)
   * @param line 1-based line in {@code file}
   * @param command the citation command's name without backslash or star
   */
  public record Cite(
      String key,
      Path file,
      int offset,
      int line,
      int order,
      int group,
      int paragraph,
      String command) {}

  private final List<Cite> cites;
  private final Map<String, List<Cite>> byKey;

  ProjectCitations(List<Cite> cites) {
    this.cites = List.copyOf(cites);
    Map<String, List<Cite>> keys = new HashMap<>();
    for (Cite c : cites) {
      keys.computeIfAbsent(c.key(), k -> new ArrayList<>(2)).add(c);
    }
    this.byKey = keys;
  }

  public List<Cite> all() {
    return cites;
  }

  /** Where {@code key} is cited, in project order. */
  public List<Cite> uses(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  /**
   * The citations known at a cursor in {@code file} at {@code offset} inside the citation command
   * spanning {@code [start, end)}: all but those of that command itself.
   */
  public List<Cite> except(Path file, int start, int end) {
    List<Cite> known = new ArrayList<>(cites.size());
    for (Cite c : cites) {
      if (!(c.file().equals(file) && c.offset() >= start && c.offset() <= end)) {
        known.add(c);
      }
    }
    return known;
  }

  /**
   * The position a cursor at {@code offset} of {@code file} has among the citations: the order of
   * the first citation after it (or the count of all when none follows).
   */
  public int orderAt(Path file, int offset, List<Path> files) {
    int fileIndex = files.indexOf(file);
    for (Cite c : cites) {
      int f = files.indexOf(c.file());
      if (f > fileIndex || (f == fileIndex && c.offset() >= offset)) {
        return c.order();
      }
    }
    return cites.size();
  }

  /**
   * Reads the citations of projects' files, each file's parsed once per text (by identity, as the
   * open buffer or disk gives it). Thread-safe.
   */
  public static final class Reader {

    private record FileCites(String text, CitationScanner scanner, List<Local> cites) {}

    /** A citation within one file: its group and paragraph numbered within the file. */
    private record Local(
        String key, int offset, int line, int group, int paragraph, String command) {}

    private final Function<Path, String> texReader;
    private final ConcurrentHashMap<Path, FileCites> files = new ConcurrentHashMap<>();

    /** {@code texReader}: a file's text (open buffer first), null when there is none. */
    public Reader(Function<Path, String> texReader) {
      this.texReader = texReader;
    }

    /** The last result for a root, with the texts it was read from (same texts: same result). */
    private record Last(
        List<Path> files,
        List<String> texts,
        CitationScanner scanner,
        ProjectCitations citations) {}

    private final ConcurrentHashMap<Path, Last> last = new ConcurrentHashMap<>();

    public ProjectCitations of(Project project, CitationScanner scanner) {
      List<String> texts = new ArrayList<>(project.texFiles().size());
      for (Path f : project.texFiles()) {
        texts.add(texReader.apply(f));
      }
      Last l = last.get(project.root());
      if (l != null
          && l.scanner() == scanner
          && l.files().equals(project.texFiles())
          && same(l.texts(), texts)) {
        return l.citations();
      }
      ProjectCitations read = read(project, texts, scanner);
      last.put(project.root(), new Last(project.texFiles(), texts, scanner, read));
      return read;
    }

    private static boolean same(List<String> a, List<String> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }

    private ProjectCitations read(Project project, List<String> texts, CitationScanner scanner) {
      List<Cite> all = new ArrayList<>();
      int groupBase = 0;
      int paragraphBase = 0;
      for (int i = 0; i < texts.size(); i++) {
        Path f = project.texFiles().get(i);
        String text = texts.get(i);
        if (text == null) {
          continue;
        }
        FileCites fc = files.get(f);
        if (fc == null || fc.text() != text || fc.scanner() != scanner) {
          fc = new FileCites(text, scanner, read(text, scanner));
          files.put(f, fc);
        }
        int groups = 0;
        int paragraphs = 0;
        for (Local l : fc.cites()) {
          all.add(
              new Cite(
                  l.key(),
                  f,
                  l.offset(),
                  l.line(),
                  all.size(),
                  groupBase + l.group(),
                  paragraphBase + l.paragraph(),
                  l.command()));
          groups = Math.max(groups, l.group() + 1);
          paragraphs = Math.max(paragraphs, l.paragraph() + 1);
        }
        groupBase += groups;
        paragraphBase += paragraphs;
      }
      return new ProjectCitations(all);
    }

    /** Reads one text, as {@link #of} does for each file; for a text that is not on disk. */
    public static ProjectCitations ofText(Path file, String text, CitationScanner scanner) {
      List<Cite> all = new ArrayList<>();
      for (Local l : read(text, scanner)) {
        all.add(
            new Cite(
                l.key(),
                file,
                l.offset(),
                l.line(),
                all.size(),
                l.group(),
                l.paragraph(),
                l.command()));
      }
      return new ProjectCitations(all);
    }

    private static List<Local> read(String text, CitationScanner scanner) {
      List<CitedKey> keys = scanner.citations(text);
      List<Local> out = new ArrayList<>(keys.size());
      int[] lineStarts = lineStarts(text);
      int group = -1;
      int paragraph = 0;
      int lastEnd = -1;
      int scanned = 0;
      for (CitedKey k : keys) {
        if (k.key().equals("*")) {
          continue;
        }
        // a blank line between two citations starts a new paragraph
        paragraph += blankLines(text, Math.max(scanned, 0), k.start());
        scanned = k.start();
        if (lastEnd < 0 || !onlySeparators(text, lastEnd, k.start())) {
          group++;
        }
        lastEnd = k.end();
        out.add(
            new Local(
                k.key(), k.start(), line(lineStarts, k.start()), group, paragraph, k.command()));
      }
      return Collections.unmodifiableList(out);
    }

    /** Whether only commas, spaces and the braces of a multicite lie between two keys. */
    private static boolean onlySeparators(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (!(c == ',' || c == '}' || c == '{' || Character.isWhitespace(c))) {
          return false;
        }
      }
      return true;
    }

    private static int blankLines(String text, int from, int to) {
      int count = 0;
      int i = text.indexOf('\n', from);
      while (i >= 0 && i < to) {
        int j = i + 1;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < to && text.charAt(j) == '\n') {
          count++;
          i = j;
        } else {
          i = text.indexOf('\n', i + 1);
        }
      }
      return count;
    }

    private static int[] lineStarts(String text) {
      int[] starts = new int[64];
      int n = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
      return Arrays.copyOf(starts, n);
    }

    private static int line(int[] starts, int offset) {
      int i = Arrays.binarySearch(starts, offset);
      return (i >= 0 ? i : -i - 2) + 1;
    }
  }
}
