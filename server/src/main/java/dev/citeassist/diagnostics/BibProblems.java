package dev.citeassist.diagnostics;

import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SamePaper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong in one {@code .bib} text: syntax errors (on the line the reader names; the other
 * entries are still read), duplicate keys, the same paper under two keys, and required fields
 * missing for the entry type. Works on a string; stateless.
 */
final class BibProblems {

  enum Kind {
    SYNTAX,
    DUPLICATE_KEY,
    SAME_PAPER,
    MISSING_FIELD
  }

  /** One problem over {@code [start, end)} of the text, or over a 1-based line when start < 0. */
  record Problem(Kind kind, int start, int end, int line, String message) {}

  private static final Pattern HEADER =
      Pattern.compile("(?m)^[ \\t]*@[ \\t]*([A-Za-z]+)[ \\t]*[{(][ \\t\\r\\n]*([^,\\s{}()\"=#]+)");
  private static final Pattern FIELD =
      Pattern.compile("[,{(][ \\t\\r\\n]*([A-Za-z][\\w:+.-]*)\\s*=");

  // BibTeX's required fields (btxdoc), each alternative group separated by "|": one of the group
  // suffices. biblatex names that stand for the same field are accepted.
  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry("article", List.of("author", "title", "journal|journaltitle", "year|date")),
          Map.entry("book", List.of("author|editor", "title", "publisher", "year|date")),
          Map.entry("booklet", List.of("title")),
          Map.entry("inbook", List.of("author|editor", "title", "publisher", "year|date")),
          Map.entry("incollection", List.of("author", "title", "booktitle", "year|date")),
          Map.entry("inproceedings", List.of("author", "title", "booktitle", "year|date")),
          Map.entry("conference", List.of("author", "title", "booktitle", "year|date")),
          Map.entry("manual", List.of("title")),
          Map.entry("mastersthesis", List.of("author", "title", "school|institution", "year|date")),
          Map.entry("phdthesis", List.of("author", "title", "school|institution", "year|date")),
          Map.entry("proceedings", List.of("title", "year|date")),
          Map.entry("techreport", List.of("author", "title", "institution", "year|date")),
          Map.entry("unpublished", List.of("author", "title", "note")));

  private static final Set<String> NOT_ENTRIES = Set.of("string", "comment", "preamble");

  private BibProblems() {}

  static List<Problem> of(String text) {
    List<Problem> problems = new ArrayList<>();
    List<Paper> papers = new ArrayList<>();
    new BibtexReader()
        .read(
            "buffer.bib",
            text,
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                papers.add(paper);
              }

              @Override
              public void problem(ReadProblem problem) {
                if (problem.message().contains("is used again")) {
                  return; // Reported below, on the key.
                }
                problems.add(new Problem(Kind.SYNTAX, -1, -1, problem.line(), problem.message()));
              }
            });
    Matcher m = HEADER.matcher(text);
    List<int[]> headers = new ArrayList<>();
    List<String[]> names = new ArrayList<>();
    while (m.find()) {
      String type = m.group(1).toLowerCase(Locale.ROOT);
      if (!NOT_ENTRIES.contains(type)) {
        headers.add(new int[] {m.start(), m.start(2), m.end(2)});
        names.add(new String[] {type, m.group(2)});
      }
    }
    Map<String, Integer> firstOfKey = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      int[] h = headers.get(i);
      String type = names.get(i)[0];
      String key = names.get(i)[1];
      Integer first = firstOfKey.putIfAbsent(key, i);
      if (first != null) {
        problems.add(
            new Problem(
                Kind.DUPLICATE_KEY,
                h[1],
                h[2],
                0,
                "Duplicate key `"
                    + key
                    + "`: line "
                    + line(text, headers.get(first)[0])
                    + " already defines it; BibTeX uses the first."));
      }
      int end = i + 1 < headers.size() ? headers.get(i + 1)[0] : text.length();
      List<String> missing = missingFields(type, text.substring(h[2], end));
      if (!missing.isEmpty()) {
        problems.add(
            new Problem(
                Kind.MISSING_FIELD,
                h[1],
                h[2],
                0,
                "@"
                    + type
                    + " `"
                    + key
                    + "` lacks the required field"
                    + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing)
                    + "."));
      }
    }
    Map<String, Integer> keyOffset = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      keyOffset.putIfAbsent(names.get(i)[1], i);
    }
    Map<String, Paper> byIdentity = new HashMap<>();
    for (Paper p : papers) {
      Integer at = keyOffset.get(p.key());
      if (p.key() == null || at == null) {
        continue;
      }
      for (String id : identities(p)) {
        Paper other = byIdentity.putIfAbsent(id, p);
        if (other != null && !other.key().equals(p.key())) {
          int[] h = headers.get(at);
          problems.add(
              new Problem(
                  Kind.SAME_PAPER,
                  h[1],
                  h[2],
                  0,
                  "`"
                      + p.key()
                      + "` is the same paper as `"
                      + other.key()
                      + "` ("
                      + (id.startsWith("title:") ? "same title, first author and year" : id)
                      + ")."));
          break;
        }
      }
    }
    return problems;
  }

  private static List<String> identities(Paper p) {
    List<String> ids = new ArrayList<>(3);
    String doi = SamePaper.doi(p);
    if (doi != null) {
      ids.add("DOI " + doi);
    }
    String arxiv = SamePaper.arxivId(p);
    if (arxiv != null) {
      ids.add("arXiv " + arxiv);
    }
    String title = SamePaper.normalisedTitle(p);
    if (!title.isEmpty() && !p.authors().isEmpty() && p.year() != null) {
      String surname = p.authors().get(0).family();
      ids.add(
          "title:"
              + title
              + "|"
              + (surname == null ? "" : surname.toLowerCase(Locale.ROOT).replaceAll("\\W", ""))
              + "|"
              + p.year());
    }
    return ids;
  }

  private static List<String> missingFields(String type, String body) {
    List<String> required = REQUIRED.get(type);
    if (required == null) {
      return List.of();
    }
    Set<String> present = new java.util.HashSet<>();
    Matcher f = FIELD.matcher(body);
    while (f.find()) {
      present.add(f.group(1).toLowerCase(Locale.ROOT));
    }
    List<String> missing = new ArrayList<>();
    for (String group : required) {
      boolean any = false;
      for (String alternative : group.split("\\|")) {
        any |= present.contains(alternative);
      }
      if (!any) {
        missing.add(group.replace("|", " or "));
      }
    }
    return missing;
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
