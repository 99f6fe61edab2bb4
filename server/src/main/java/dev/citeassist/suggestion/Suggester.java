package dev.citeassist.suggestion;

import dev.citeassist.document.BibEntry;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.search.SearchHit;
import dev.citeassist.suggestion.ProjectCitations.Cite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Suggestions at an empty citation: the project's entries and the catalogue's papers ranked by what
 * the writer is saying and citing around the cursor. Four ranked lists of the project's keys are
 * fused by weighted reciprocal rank ({@code Σ weight / (k + rank)}, Cormack et al. 2009), which
 * needs no score calibration between signals that have none in common:
 *
 * <ul>
 *   <li><b>context</b>: BM25 of the entries' title, abstract, keywords and surnames against the
 *       cursor's sentence, its neighbours and the section titles ({@link ContextQuery});
 *   <li><b>co-citation</b>: keys cited together (same command, same paragraph) elsewhere in the
 *       project with the keys cited around the cursor (the other keys of this command, the
 *       paragraph, the last commands before it);
 *   <li><b>proximity</b>: keys cited nearest the cursor, before or after it;
 *   <li><b>frequency</b>: keys the project cites most.
 * </ul>
 *
 * The catalogue's papers are ranked by the context alone (the project has not cited them), and only
 * those that share at least {@link #MIN_CATALOGUE_WORDS} words with it are offered. The weights
 * ({@link Weights#DEFAULT}) were chosen leaving one evaluation project out at a time (see {@code
 * server/EVALUATION.md}). Stateless per call, except a cache of papers' words; thread-safe.
 */
public final class Suggester {

  private static final Logger LOG = Logger.getLogger(Suggester.class.getName());

  /** How many of the project's entries the context ranks (the rest come from citations only). */
  static final int CONTEXT_POOL = 200;

  /** How many words of the context a catalogue paper must have to be suggested. */
  static final int MIN_CATALOGUE_WORDS = 2;

  /** How many known citation commands before the cursor count as its neighbours. */
  static final int PREVIOUS_GROUPS = 2;

  /**
   * The weights of the fusion and of the parts of the context.
   *
   * @param k the reciprocal-rank constant: larger flattens the difference between ranks
   * @param context weight of the BM25 context ranking
   * @param cocited weight of the co-citation ranking
   * @param nearby weight of the proximity ranking
   * @param frequent weight of the frequency ranking
   * @param neighbours weight of the sentences before and after, relative to the cursor's one
   * @param sections weight of the section titles
   */
  public record Weights(
      double k,
      double context,
      double cocited,
      double nearby,
      double frequent,
      float neighbours,
      float sections) {

    /**
     * The best of a small grid (R@10 + MRR) on the four projects of the evaluation. Chosen leaving
     * one project out at a time, the grid gives these weights (or these with the neighbouring
     * sentences at ½) for every held-out project; see {@code server/EVALUATION.md}.
     */
    public static final Weights DEFAULT = new Weights(10, 1, 0.5, 0, 0.25, 0, 0.25f);

    /** The weights set by hand before any evaluation, reported beside {@link #DEFAULT}. */
    public static final Weights A_PRIORI = new Weights(10, 1, 1, 0.5, 0.25, 0.5f, 0.25f);

    /** The plain BM25 baseline: the cursor's sentence, nothing else. */
    public static final Weights SENTENCE_ONLY = new Weights(60, 1, 0, 0, 0, 0, 0);
  }

  /**
   * What is known at the cursor.
   *
   * @param prose the words around the cursor
   * @param known the project's citations the ranking may use (not those of the cursor's command)
   * @param cursorOrder the cursor's position among the citations (see {@link
   *     ProjectCitations#orderAt})
   * @param inCite the other keys of the cursor's citation command
   * @param paragraph the known keys cited in the cursor's paragraph
   */
  public record Situation(
      CursorProse prose,
      List<Cite> known,
      int cursorOrder,
      List<String> inCite,
      List<String> paragraph) {

    public Situation {
      known = List.copyOf(known);
      inCite = List.copyOf(inCite);
      paragraph = List.copyOf(paragraph);
    }

    /**
     * The situation at {@code offset} of {@code file} (whose text is {@code text}), inside {@code
     * ctx}, with every other citation of the project known.
     */
    public static Situation at(
        Path file,
        String text,
        int offset,
        CitationContext ctx,
        ProjectCitations cites,
        List<Path> files) {
      int start = Math.max(0, ctx.replaceStart() - 200);
      int end = Math.min(text.length(), ctx.replaceEnd() + 200);
      // the command's own keys are in ctx.keys(); its span is found from the key being typed
      int cmdStart = commandStart(text, ctx.replaceStart(), start);
      int cmdEnd = commandEnd(text, ctx.replaceEnd(), end);
      List<Cite> known = cites.except(file, cmdStart, cmdEnd);
      int from = CursorProse.paragraphStart(text, offset);
      int to = CursorProse.paragraphEnd(text, offset);
      List<String> paragraph = new ArrayList<>();
      for (Cite c : known) {
        if (c.file().equals(file) && c.offset() >= from && c.offset() < to) {
          paragraph.add(c.key());
        }
      }
      return new Situation(
          CursorProse.at(text, offset),
          known,
          cites.orderAt(file, offset, files),
          ctx.keys(),
          paragraph);
    }

    private static int commandStart(String text, int from, int limit) {
      int i = from;
      while (i > limit && text.charAt(i - 1) != '{') {
        i--;
      }
      return i;
    }

    private static int commandEnd(String text, int from, int limit) {
      int i = from;
      while (i < limit && text.charAt(i) != '}') {
        i++;
      }
      return i;
    }

    /** The query the context ranking asks, weighted by {@code w}. */
    public ContextQuery query(Weights w) {
      ContextQuery.Builder b = ContextQuery.builder().add(prose.sentence(), 1);
      b.add(prose.before(), w.neighbours()).add(prose.after(), w.neighbours());
      for (String s : prose.sections()) {
        b.add(s, w.sections());
      }
      return b.build();
    }
  }

  /**
   * Why a key is suggested, for a person choosing.
   *
   * @param words the context's words the paper has (title, abstract, keywords, authors), most
   *     weighty first
   * @param citedWith keys cited around the cursor that the project cites together with it
   */
  public record Why(List<String> words, List<String> citedWith) {}

  /**
   * One suggestion: a project entry ({@code entry} not null) or a catalogue paper.
   *
   * @param score the fused score (project) or the normalised BM25 score (catalogue), higher first
   */
  public record Suggestion(Paper paper, BibEntry entry, double score, Why why) {
    public String key() {
      return paper.key();
    }
  }

  /** The project's suggestions, best first, and the catalogue's, best first. */
  public record Ranking(List<Suggestion> project, List<Suggestion> catalogue, ContextQuery query) {}

  private final ProjectBibliography bibliography;
  private final Supplier<CatalogueBackend> catalogue;

  /** The words of the papers shown lately (by identity: an edited entry is a new paper). */
  private final Map<Paper, Set<String>> words =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Paper, Set<String>> eldest) {
              return size() > 4096;
            }
          });

  public Suggester(ProjectBibliography bibliography, Supplier<CatalogueBackend> catalogue) {
    this.bibliography = bibliography;
    this.catalogue = catalogue;
  }

  /**
   * Ranks the project's entries of {@code bibs} (at most {@code limit}, keys of {@code exclude}
   * left out) and up to {@code catalogueLimit} catalogue papers.
   */
  public Ranking suggest(
      Situation s, Set<Path> bibs, Set<String> exclude, int limit, int catalogueLimit, Weights w) {
    ContextQuery query = s.query(w);
    Map<String, Double> fused = new HashMap<>();
    Map<String, BibEntry> entries = new LinkedHashMap<>();

    List<String> contextRanked = new ArrayList<>();
    if (!query.isEmpty() && w.context() > 0) {
      try {
        for (PaperIndex.KeyHit h : bibliography.search(query, CONTEXT_POOL, bibs)) {
          contextRanked.add(h.key());
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "context search of the project failed", e);
      }
    }
    add(fused, contextRanked, w.context(), w.k());

    List<String> nearest = nearest(s);
    Cooccurrence co = Cooccurrence.of(s, w.cocited() > 0);
    add(fused, co.ranked(nearest), w.cocited(), w.k());
    add(fused, nearest, w.nearby(), w.k());
    add(fused, frequent(s, nearest), w.frequent(), w.k());

    List<Map.Entry<String, Double>> order = new ArrayList<>(fused.entrySet());
    order.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<Suggestion> project = new ArrayList<>();
    Set<String> seen = new HashSet<>(exclude);
    for (Map.Entry<String, Double> e : order) {
      if (project.size() >= limit) {
        break;
      }
      if (!seen.add(e.getKey())) {
        continue;
      }
      bibliography
          .entry(e.getKey(), bibs)
          .ifPresent(
              entry -> {
                entries.put(entry.key(), entry);
                project.add(
                    new Suggestion(
                        entry.paper(),
                        entry,
                        e.getValue(),
                        new Why(query.matched(words(entry.paper())), co.with(entry.key()))));
              });
    }
    // Whatever no signal ranks follows in file order, so the list is the whole bibliography.
    if (project.size() < limit) {
      for (BibEntry entry : bibliography.entries(bibs)) {
        if (project.size() >= limit) {
          break;
        }
        if (seen.add(entry.key())) {
          project.add(new Suggestion(entry.paper(), entry, 0, new Why(List.of(), List.of())));
        }
      }
    }

    List<Suggestion> papers = new ArrayList<>();
    CatalogueBackend index = catalogue.get();
    if (index != null && catalogueLimit > 0 && !query.isEmpty()) {
      try {
        List<SearchHit> hits = index.search(query, catalogueLimit);
        float top = hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), Float.MIN_NORMAL);
        int needed = Math.min(MIN_CATALOGUE_WORDS, query.weights().size());
        for (SearchHit h : hits) {
          List<String> matched = query.matched(h.paper());
          // one common word in an abstract is no reason to offer a paper the project lacks
          if (matched.size() >= needed) {
            papers.add(
                new Suggestion(h.paper(), null, h.score() / top, new Why(matched, List.of())));
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "context search of the catalogue failed", e);
      }
    }
    return new Ranking(project, papers, query);
  }

  private Set<String> words(Paper p) {
    Set<String> w = words.get(p);
    if (w == null) {
      w = ContextQuery.words(p);
      words.put(p, w);
    }
    return w;
  }

  private static void add(Map<String, Double> fused, List<String> ranked, double weight, double k) {
    if (weight <= 0) {
      return;
    }
    for (int r = 0; r < ranked.size(); r++) {
      fused.merge(ranked.get(r), weight / (k + r + 1), Double::sum);
    }
  }

  /** Known keys by how few citations separate them from the cursor, nearest first. */
  static List<String> nearest(Situation s) {
    List<Cite> known = new ArrayList<>(s.known());
    int at = s.cursorOrder();
    known.sort(
        Comparator.comparingInt((Cite c) -> c.order() < at ? at - c.order() : c.order() - at + 1));
    Set<String> keys = new LinkedHashSet<>();
    for (Cite c : known) {
      keys.add(c.key());
    }
    return new ArrayList<>(keys);
  }

  /** Known keys by how often they are cited, most first (nearest first among equals). */
  static List<String> frequent(Situation s, List<String> byDistance) {
    Map<String, Integer> counts = new HashMap<>();
    for (Cite c : s.known()) {
      counts.merge(c.key(), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>(byDistance);
    // stable: equal counts keep their distance order
    out.sort(Comparator.comparingInt((String k) -> -counts.get(k)));
    return out;
  }

  /**
   * Co-citation with the keys around the cursor: a key scores by how often it is cited in the same
   * command (1) or the same paragraph (½) as each of them, over the known citations.
   */
  static final class Cooccurrence {
    private final Map<String, Double> scores;
    private final Map<String, Map<String, Double>> withAnchor;

    private Cooccurrence(Map<String, Double> scores, Map<String, Map<String, Double>> withAnchor) {
      this.scores = scores;
      this.withAnchor = withAnchor;
    }

    static Cooccurrence of(Situation s, boolean enabled) {
      Map<String, Double> anchors = new LinkedHashMap<>();
      if (enabled) {
        for (String k : s.inCite()) {
          anchors.merge(k, 1.0, Math::max);
        }
        for (String k : s.paragraph()) {
          anchors.merge(k, 1.0, Math::max);
        }
        // the last citation commands before the cursor
        Set<Integer> groups = new LinkedHashSet<>();
        for (int i = s.known().size() - 1; i >= 0 && groups.size() <= PREVIOUS_GROUPS; i--) {
          Cite c = s.known().get(i);
          if (c.order() < s.cursorOrder()) {
            groups.add(c.group());
            if (groups.size() <= PREVIOUS_GROUPS) {
              anchors.merge(c.key(), 0.5, Math::max);
            }
          }
        }
      }
      Map<String, Double> scores = new HashMap<>();
      Map<String, Map<String, Double>> withAnchor = new HashMap<>();
      if (anchors.isEmpty()) {
        return new Cooccurrence(scores, withAnchor);
      }
      Map<Integer, List<String>> byGroup = new HashMap<>();
      Map<Integer, List<String>> byParagraph = new HashMap<>();
      for (Cite c : s.known()) {
        byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>(2)).add(c.key());
        byParagraph.computeIfAbsent(c.paragraph(), p -> new ArrayList<>(4)).add(c.key());
      }
      for (Cite c : s.known()) {
        Double anchorWeight = anchors.get(c.key());
        if (anchorWeight == null) {
          continue;
        }
        for (String other : byGroup.get(c.group())) {
          credit(scores, withAnchor, other, c.key(), anchorWeight);
        }
        for (String other : byParagraph.get(c.paragraph())) {
          credit(scores, withAnchor, other, c.key(), anchorWeight * 0.5);
        }
      }
      return new Cooccurrence(scores, withAnchor);
    }

    private static void credit(
        Map<String, Double> scores,
        Map<String, Map<String, Double>> withAnchor,
        String key,
        String anchor,
        double weight) {
      if (key.equals(anchor)) {
        return;
      }
      scores.merge(key, weight, Double::sum);
      withAnchor.computeIfAbsent(key, k -> new HashMap<>()).merge(anchor, weight, Double::sum);
    }

    /** Keys by score, the nearest to the cursor first among equals. */
    List<String> ranked(List<String> nearest) {
      List<String> keys = new ArrayList<>(scores.keySet());
      Map<String, Integer> distance = new HashMap<>();
      for (int i = 0; i < nearest.size(); i++) {
        distance.putIfAbsent(nearest.get(i), i);
      }
      keys.sort(
          Comparator.comparingDouble((String k) -> -scores.get(k))
              .thenComparingInt(k -> distance.getOrDefault(k, Integer.MAX_VALUE))
              .thenComparing(Comparator.naturalOrder()));
      return keys;
    }

    /** The (at most two) anchors {@code key} is most often cited with. */
    List<String> with(String key) {
      Map<String, Double> a = withAnchor.get(key);
      if (a == null) {
        return List.of();
      }
      return a.entrySet().stream()
          .sorted(
              Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(2)
          .map(Map.Entry::getKey)
          .toList();
    }
  }
}
