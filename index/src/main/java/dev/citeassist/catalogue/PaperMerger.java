package dev.citeassist.catalogue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.SamePaper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the records of one paper found in several sources into one catalogue entry (see {@link
 * SamePaper}). The first record's values win; a later record fills what the first lacks, and the
 * longer author list wins. Output keeps the order of each paper's first record. Runs in linear time
 * over hash maps, so a million-record catalogue merges in seconds. Stateless.
 */
public final class PaperMerger {

  private PaperMerger() {}

  public static List<Paper> merge(List<Paper> papers) {
    List<Paper> merged = new ArrayList<>();
    for (Group g : mergeGroups(papers)) {
      merged.add(g.paper());
    }
    return merged;
  }

  /**
   * One paper of {@link #mergeGroups}: the merged paper and the positions of its records in the
   * input, in input order.
   */
  public record Group(Paper paper, List<Integer> members) {}

  /** As {@link #merge}, telling which records each paper was merged from. */
  public static List<Group> mergeGroups(List<Paper> papers) {
    List<Paper> merged = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    Map<String, Integer> byDoi = new HashMap<>();
    Map<String, Integer> byArxiv = new HashMap<>();
    Map<String, List<Integer>> byTitle = new LinkedHashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      Integer target = find(p, merged, byDoi, byArxiv, byTitle);
      if (target == null) {
        target = merged.size();
        merged.add(p);
        members.add(new ArrayList<>());
      } else {
        merged.set(target, combine(merged.get(target), p));
      }
      members.get(target).add(i);
      Paper now = merged.get(target);
      int index = target;
      if (SamePaper.doi(now) != null) {
        byDoi.putIfAbsent(SamePaper.doi(now), index);
      }
      if (SamePaper.arxivId(now) != null) {
        byArxiv.putIfAbsent(SamePaper.arxivId(now), index);
      }
      List<Integer> sameTitle =
          byTitle.computeIfAbsent(SamePaper.normalisedTitle(now), t -> new ArrayList<>());
      if (!sameTitle.contains(index)) {
        sameTitle.add(index);
      }
    }
    List<Group> groups = new ArrayList<>(merged.size());
    for (int g = 0; g < merged.size(); g++) {
      groups.add(new Group(merged.get(g), List.copyOf(members.get(g))));
    }
    return groups;
  }

  private static Integer find(
      Paper p,
      List<Paper> merged,
      Map<String, Integer> byDoi,
      Map<String, Integer> byArxiv,
      Map<String, List<Integer>> byTitle) {
    String doi = SamePaper.doi(p);
    if (doi != null && byDoi.containsKey(doi)) {
      return byDoi.get(doi);
    }
    String arxiv = SamePaper.arxivId(p);
    if (arxiv != null && byArxiv.containsKey(arxiv)) {
      return byArxiv.get(arxiv);
    }
    String title = SamePaper.normalisedTitle(p);
    if (title.isEmpty()) {
      return null;
    }
    for (int candidate : byTitle.getOrDefault(title, List.of())) {
      if (SamePaper.test(merged.get(candidate), p)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code first} completed with what only {@code second} knows. */
  static Paper combine(Paper first, Paper second) {
    Paper.Builder b = first.toBuilder();
    if (second.authors().size() > first.authors().size()) {
      b.authors(second.authors()).etAl(second.etAl());
    }
    Map<String, String> fields = new LinkedHashMap<>(second.fields());
    fields.putAll(first.fields());
    return b.key(or(first.key(), second.key()))
        .type(first.type().equals("misc") ? second.type() : first.type())
        .title(or(first.title(), second.title()))
        .authorCount(or(first.authorCount(), second.authorCount()))
        .year(or(first.year(), second.year()))
        .month(
            first.year() != null || second.year() == null
                ? or(first.month(), second.month())
                : second.month())
        .day(
            first.year() != null || second.year() == null
                ? or(first.day(), second.day())
                : second.day())
        .abstractText(longer(first.abstractText(), second.abstractText()))
        .venue(or(first.venue(), second.venue()))
        .category(or(first.category(), second.category()))
        .doi(or(first.doi(), second.doi()))
        .arxivId(or(first.arxivId(), second.arxivId()))
        .url(or(first.url(), second.url()))
        .affiliation(or(first.affiliation(), second.affiliation()))
        .code(first.code() || second.code())
        .upvotes(or(first.upvotes(), second.upvotes()))
        .fields(fields)
        .build();
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  private static String longer(String a, String b) {
    if (a == null) {
      return b;
    }
    return b != null && b.length() > a.length() ? b : a;
  }
}
