package dev.citeassist.diagnostics;

import dev.citeassist.bibtex.BibOutline;
import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.SamePaper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong in one {@code .bib} text: syntax errors (on the line the reader names; the other
 * entries are still read), duplicate keys (the outline's, on the key), the same paper under two
 * keys, and required fields missing for the entry type (of the fields the outline lists). Works on
 * the text's {@link BibOutline}; stateless.
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

  private BibProblems() {}

  /** The problems of the text of {@code outline}. */
  static List<Problem> of(BibOutline outline) {
    List<Problem> problems = new ArrayList<>();
    List<Paper> papers = new ArrayList<>();
    new BibtexReader()
        .read(
            "buffer.bib",
            outline.text(),
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                papers.add(paper);
              }

              @Override
              public void problem(ReadProblem problem) {
                if (problem.kind() == ReadProblem.Kind.DUPLICATE_KEY) {
                  return; // Reported below from the outline, on the key.
                }
                problems.add(new Problem(Kind.SYNTAX, -1, -1, problem.line(), problem.message()));
              }
            });
    Set<Integer> duplicates = new HashSet<>();
    for (BibOutline.Problem p : outline.problems()) {
      if (p.kind() == ReadProblem.Kind.DUPLICATE_KEY) {
        duplicates.add(p.start());
      }
    }
    for (BibOutline.Entry e : outline.entries()) {
      if (!e.isReference() || !e.hasKey()) {
        continue;
      }
      if (duplicates.contains(e.keyStart())) {
        problems.add(
            new Problem(
                Kind.DUPLICATE_KEY,
                e.keyStart(),
                e.keyEnd(),
                0,
                "Duplicate key `"
                    + e.key()
                    + "`: line "
                    + outline.first(e.key()).orElse(e).line()
                    + " already defines it; BibTeX uses the first."));
      }
      List<String> missing = missingFields(e);
      if (!missing.isEmpty()) {
        problems.add(
            new Problem(
                Kind.MISSING_FIELD,
                e.keyStart(),
                e.keyEnd(),
                0,
                "@"
                    + e.type()
                    + " `"
                    + e.key()
                    + "` lacks the required field"
                    + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing)
                    + "."));
      }
    }
    Map<String, Paper> byIdentity = new HashMap<>();
    for (Paper p : papers) {
      BibOutline.Entry at = p.key() == null ? null : outline.entry(p.key()).orElse(null);
      if (at == null) {
        continue;
      }
      for (String id : identities(p)) {
        Paper other = byIdentity.putIfAbsent(id, p);
        if (other != null && !other.key().equals(p.key())) {
          problems.add(
              new Problem(
                  Kind.SAME_PAPER,
                  at.keyStart(),
                  at.keyEnd(),
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

  private static List<String> missingFields(BibOutline.Entry entry) {
    List<String> required = REQUIRED.get(entry.type());
    if (required == null) {
      return List.of();
    }
    Set<String> present = new HashSet<>();
    for (BibOutline.Field f : entry.fields()) {
      present.add(f.name().toLowerCase(Locale.ROOT));
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
}
