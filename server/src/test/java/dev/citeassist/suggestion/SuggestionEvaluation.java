package dev.citeassist.suggestion;

import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.latex.CiteDefinitions;
import dev.citeassist.suggestion.ProjectCitations.Cite;
import dev.citeassist.suggestion.Suggester.Situation;
import dev.citeassist.suggestion.Suggester.Suggestion;
import dev.citeassist.suggestion.Suggester.Weights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rerunnable evaluation of suggestions at an empty citation (see {@code server/EVALUATION.md}).
 * For every citation command of a real project (but {@code \nocite}), its keys are blanked out of
 * the text, suggestions are asked for at that spot with the project's own {@code .bib} as the pool
 * and only the citations <em>before</em> it as known, and each key the author cited there that the
 * pool has is scored by its rank: Recall@1/5/10 and MRR. The other keys of the same command do not
 * count against a key (they are right answers too): a key's rank is one plus the number of
 * non-cited entries ranked above it.
 *
 * <p>Methods: {@code context} (the {@link Suggester} with {@link Weights#DEFAULT}), {@code bm25}
 * (plain BM25 of the cursor's sentence over title, abstract, keywords and surnames), {@code before}
 * (keys cited just before the cursor, nearest first), and {@code today} (what completion offered at
 * an empty citation before: the project's cited keys, last in the project first, then the rest of
 * the bibliography in file order).
 *
 * <p>Run: {@code scripts/eval-suggest.sh} ({@code --cross-validate} chooses the weights leaving one
 * project out at a time).
 */
public final class SuggestionEvaluation {

  /** A project of the corpus: a name, its root files (several: one row for all). */
  record Corpus(String name, List<String> roots) {}

  static final List<Corpus> PROJECTS =
      List.of(
          new Corpus("hott-book", List.of("hott-book/hott-online.tex")),
          new Corpus("thammegowda-dissertation", List.of("thammegowda-dissertation/main1.tex")),
          new Corpus("langsci-241", List.of("langsci-241/main.tex")),
          new Corpus("biblatex examples", biblatexExamples()));

  static final List<String> METHODS = List.of("context", "bm25", "before", "today");

  /** Sums of the measures over scored keys. */
  static final class Scores {
    int cites;
    int keys;
    int missing;
    double r1;
    double r5;
    double r10;
    double rr;

    void add(int rank) {
      keys++;
      r1 += rank <= 1 ? 1 : 0;
      r5 += rank <= 5 ? 1 : 0;
      r10 += rank <= 10 ? 1 : 0;
      rr += 1.0 / rank;
    }

    void add(Scores o) {
      cites += o.cites;
      keys += o.keys;
      missing += o.missing;
      r1 += o.r1;
      r5 += o.r5;
      r10 += o.r10;
      rr += o.rr;
    }

    double recall10() {
      return keys == 0 ? 0 : r10 / keys;
    }

    double mrr() {
      return keys == 0 ? 0 : rr / keys;
    }

    String row() {
      return keys == 0
          ? "| – | – | – | – |"
          : String.format(
              Locale.ROOT,
              "| %.3f | %.3f | %.3f | %.3f |",
              r1 / keys,
              r5 / keys,
              r10 / keys,
              rr / keys);
    }
  }

  private final Path corpus;

  SuggestionEvaluation(Path corpus) {
    this.corpus = corpus;
  }

  private static List<String> biblatexExamples() {
    return List.of(
        "biblatex/examples/01-introduction.tex",
        "biblatex/examples/10-references-per-section.tex",
        "biblatex/examples/13-references-by-keyword.tex",
        "biblatex/examples/30-style-numeric.tex",
        "biblatex/examples/50-style-authoryear.tex",
        "biblatex/examples/60-style-authortitle.tex",
        "biblatex/examples/64-style-authortitle-terse.tex",
        "biblatex/examples/70-style-verbose.tex",
        "biblatex/examples/74-style-verbose-trad1.tex",
        "biblatex/examples/82-style-debug.tex",
        "biblatex/examples/95-customlists.tex");
  }

  /** One blanked citation: where, what was cited, what is known there. */
  record Case(Situation situation, Set<String> gold, int missing, List<Cite> group) {}

  /** A project read once: its bibliography, citations and blanked cases. */
  record Prepared(
      ProjectBibliography bibliography,
      Set<Path> bibs,
      int pool,
      ProjectCitations cites,
      List<Case> cases) {}

  /** The scores of every method on one project, by method name. */
  Map<String, Scores> evaluate(Corpus c, Map<String, Weights> methods) throws IOException {
    Map<String, Scores> out = new LinkedHashMap<>();
    methods.keySet().forEach(m -> out.put(m, new Scores()));
    for (Prepared p : prepare(c)) {
      try (ProjectBibliography b = p.bibliography()) {
        score(p, methods, out);
      }
    }
    return out;
  }

  /** Reads every root of {@code c}; the caller closes the bibliographies. */
  List<Prepared> prepare(Corpus c) throws IOException {
    List<Prepared> out = new ArrayList<>();
    for (String root : c.roots()) {
      Prepared p = prepare(corpus.resolve(root).toAbsolutePath().normalize());
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private Prepared prepare(Path root) throws IOException {
    Documents documents = new Documents();
    ProjectModel model = new ProjectModel(documents);
    // biblatex-examples.bib is found on TeX's search path: here, the corpus folder of the root
    model.setBibFolders(List.of(root.getParent(), root.getParent().getParent()));
    Project project = model.resolve(root);
    Set<String> aliases = new HashSet<>();
    Map<Path, String> texts = new LinkedHashMap<>();
    for (Path f : project.texFiles()) {
      String t = documents.text(f);
      if (t != null) {
        texts.put(f, t);
        aliases.addAll(CiteDefinitions.parse(t).aliases());
      }
    }
    CitationScanner scanner = CitationScanner.standard().with(aliases);
    ProjectBibliography bibliography = new ProjectBibliography();
    for (Path b : project.bibFiles()) {
      String text = documents.text(b);
      if (text != null) {
        bibliography.update(b, text).join();
      }
    }
    Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
    int pool = bibliography.count(bibs);
    if (pool == 0) {
      bibliography.close();
      return null;
    }
    ProjectCitations cites = new ProjectCitations.Reader(texts::get).of(project, scanner);
    Map<Integer, List<Cite>> groups = new LinkedHashMap<>();
    for (Cite cite : cites.all()) {
      if (!cite.command().equals("nocite")) {
        groups.computeIfAbsent(cite.group(), g -> new ArrayList<>()).add(cite);
      }
    }
    List<Case> cases = new ArrayList<>();
    for (List<Cite> group : groups.values()) {
      Cite first = group.get(0);
      Cite last = group.get(group.size() - 1);
      String text = texts.get(first.file());
      int end = last.offset() + last.key().length();
      String blanked = text.substring(0, first.offset()) + text.substring(end);
      int cursor = first.offset();
      Optional<CitationContext> ctx = scanner.scan(blanked, cursor);
      if (ctx.isEmpty()) {
        continue;
      }
      Set<String> gold = new LinkedHashSet<>();
      int missing = 0;
      for (Cite k : group) {
        if (bibliography.entry(k.key(), bibs).isPresent()) {
          gold.add(k.key());
        } else {
          missing++;
        }
      }
      List<Cite> known = cites.all().subList(0, first.order());
      int from = CursorProse.paragraphStart(blanked, cursor);
      List<String> paragraph = new ArrayList<>();
      for (Cite k : known) {
        if (k.file().equals(first.file()) && k.offset() >= from) {
          paragraph.add(k.key());
        }
      }
      Situation s =
          new Situation(
              CursorProse.at(blanked, cursor), known, first.order(), List.of(), paragraph);
      cases.add(new Case(s, gold, missing, group));
    }
    return new Prepared(bibliography, bibs, pool, cites, cases);
  }

  static void score(Prepared p, Map<String, Weights> methods, Map<String, Scores> out) {
    Suggester suggester = new Suggester(p.bibliography(), () -> null);
    for (Case c : p.cases()) {
      for (Map.Entry<String, Weights> m : methods.entrySet()) {
        Scores sc = out.get(m.getKey());
        sc.cites++;
        sc.missing += c.missing();
        List<String> ranking =
            m.getValue() == null
                ? today(p.cites(), c.group(), p.bibliography(), p.bibs())
                : keys(
                    suggester
                        .suggest(c.situation(), p.bibs(), Set.of(), p.pool(), 0, m.getValue())
                        .project());
        for (String g : c.gold()) {
          sc.add(rank(ranking, g, c.gold()));
        }
      }
    }
  }

  private static List<String> keys(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::key).toList();
  }

  /** One plus the entries above {@code key} that are not among the cited keys; past the end: ∞. */
  static int rank(List<String> ranking, String key, Set<String> gold) {
    int above = 0;
    for (String k : ranking) {
      if (k.equals(key)) {
        return above + 1;
      }
      if (!gold.contains(k)) {
        above++;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Completion's order at an empty citation before suggestions: cited last first, then files. */
  private static List<String> today(
      ProjectCitations cites, List<Cite> group, ProjectBibliography bib, Set<Path> bibs) {
    Set<String> out = new LinkedHashSet<>();
    List<Cite> all = cites.all();
    for (int i = all.size() - 1; i >= 0; i--) {
      Cite c = all.get(i);
      if (c.group() != group.get(0).group() && bib.entry(c.key(), bibs).isPresent()) {
        out.add(c.key());
      }
    }
    for (BibEntry e : bib.entries(bibs)) {
      out.add(e.key());
    }
    return new ArrayList<>(out);
  }

  static Map<String, Weights> methods(Weights context) {
    Map<String, Weights> m = new LinkedHashMap<>();
    m.put("context", context);
    m.put("context, a-priori weights", Weights.A_PRIORI);
    m.put("bm25", Weights.SENTENCE_ONLY);
    m.put("before", new Weights(60, 0, 0, 1, 0, 0, 0));
    m.put("today", null);
    return m;
  }

  /** Prints the markdown table of every method on every project, and the overall rows. */
  void table(PrintStream out, Weights weights) throws IOException {
    Map<String, Weights> methods = methods(weights);
    out.println("| project | citations | keys scored | method | R@1 | R@5 | R@10 | MRR |");
    out.println("|---|---:|---:|---|---:|---:|---:|---:|");
    Map<String, Scores> all = new LinkedHashMap<>();
    for (String m : methods.keySet()) {
      all.put(m, new Scores());
    }
    for (Corpus c : PROJECTS) {
      Map<String, Scores> scores = evaluate(c, methods);
      for (String m : methods.keySet()) {
        Scores s = scores.get(m);
        out.printf(Locale.ROOT, "| %s | %d | %d | %s %s%n", c.name(), s.cites, s.keys, m, s.row());
        all.get(m).add(s);
      }
    }
    for (String m : methods.keySet()) {
      Scores s = all.get(m);
      out.printf(Locale.ROOT, "| **overall** | %d | %d | %s %s%n", s.cites, s.keys, m, s.row());
    }
  }

  /** The grid of weights {@link #crossValidate} chooses from. */
  static List<Weights> grid() {
    List<Weights> grid = new ArrayList<>();
    for (double k : new double[] {10, 60}) {
      for (double co : new double[] {0.5, 1}) {
        for (double near : new double[] {0, 0.25, 0.5}) {
          for (double freq : new double[] {0, 0.25}) {
            for (float nb : new float[] {0, 0.5f}) {
              for (float sec : new float[] {0.25f, 0.5f}) {
                grid.add(new Weights(k, 1, co, near, freq, nb, sec));
              }
            }
          }
        }
      }
    }
    return grid;
  }

  /**
   * Leave one project out: for each project, the weights of the grid that score best (R@10 + MRR,
   * over keys) on the <em>other</em> projects, and their scores on it; then the weights best on all
   * projects (the ones to ship). Prints a markdown table.
   */
  void crossValidate(PrintStream out) throws IOException {
    List<Weights> grid = grid();
    // scores.get(project).get(i): weights i on that project
    Map<String, List<Scores>> scores = new LinkedHashMap<>();
    for (Corpus c : PROJECTS) {
      List<Scores> row = new ArrayList<>();
      List<Prepared> prepared = prepare(c);
      for (Weights w : grid) {
        Map<String, Scores> one = new LinkedHashMap<>();
        one.put("w", new Scores());
        for (Prepared p : prepared) {
          score(p, Map.of("w", w), one);
        }
        row.add(one.get("w"));
      }
      for (Prepared p : prepared) {
        p.bibliography().close();
      }
      scores.put(c.name(), row);
      System.err.println("scored " + c.name());
    }
    out.println("| held-out project | weights chosen on the others | R@1 | R@5 | R@10 | MRR |");
    out.println("|---|---|---:|---:|---:|---:|");
    Scores pooled = new Scores();
    for (String held : scores.keySet()) {
      int best = best(grid, scores, held);
      Scores s = scores.get(held).get(best);
      pooled.add(s);
      out.printf(Locale.ROOT, "| %s | %s %s%n", held, brief(grid.get(best)), s.row());
    }
    out.printf(Locale.ROOT, "| **overall (each project held out)** | %s%n", pooled.row());
    Weights all = grid.get(best(grid, scores, null));
    out.println();
    out.println("Best on all projects (shipped as Weights.DEFAULT): " + all);
  }

  /** The index of the weights best on every project but {@code heldOut} (null: on all). */
  private static int best(List<Weights> grid, Map<String, List<Scores>> scores, String heldOut) {
    int best = -1;
    double bestScore = -1;
    for (int i = 0; i < grid.size(); i++) {
      Scores total = new Scores();
      for (Map.Entry<String, List<Scores>> e : scores.entrySet()) {
        if (!e.getKey().equals(heldOut)) {
          total.add(e.getValue().get(i));
        }
      }
      double score = total.recall10() + total.mrr();
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  private static String brief(Weights w) {
    return String.format(
        Locale.ROOT,
        "k=%.0f co=%.2f near=%.2f freq=%.2f nb=%.2f sec=%.2f",
        w.k(),
        w.cocited(),
        w.nearby(),
        w.frequent(),
        w.neighbours(),
        w.sections());
  }

  static Path defaultCorpus() {
    String p = System.getProperty("citeassist.shared");
    String env = System.getenv("CITEASSIST_SHARED");
    Path shared = Path.of(p != null ? p : env != null ? env : "/work/shared");
    return shared.resolve("corpus").toAbsolutePath().normalize();
  }

  public static void main(String[] args) throws IOException {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path corpus = defaultCorpus();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--corpus") && i + 1 < args.length) {
        corpus = Path.of(args[++i]).toAbsolutePath().normalize();
      }
    }
    if (!Files.isDirectory(corpus)) {
      System.err.println("no corpus at " + corpus + " (--corpus DIR)");
      System.exit(2);
    }
    SuggestionEvaluation e = new SuggestionEvaluation(corpus);
    if (Stream.of(args).anyMatch("--cross-validate"::equals)) {
      e.crossValidate(System.out);
    } else {
      e.table(System.out, Weights.DEFAULT);
    }
  }
}
