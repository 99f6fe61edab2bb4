package dev.citeassist.suggestion;

import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * In-process timing of the ranking alone (no protocol), for finding where the time of a suggestion
 * goes: {@code SuggestionLatencyRun FILE.tex LINE COLUMN [N]} (0-based line and column). Not a
 * test; the end-to-end figure is measured with {@code ../shared/bench/lspbench.py}.
 */
public final class SuggestionLatencyRun {

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]).toAbsolutePath().normalize();
    int line = Integer.parseInt(args[1]);
    int column = Integer.parseInt(args[2]);
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    Documents documents = new Documents();
    String text = documents.text(file);
    int offset = 0;
    for (int l = 0; l < line; l++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    offset += column;
    Project project = new ProjectModel(documents).resolve(file);
    CitationScanner scanner = CitationScanner.standard();
    CitationContext ctx = scanner.scan(text, offset).orElseThrow();
    try (ProjectBibliography bib = new ProjectBibliography()) {
      for (Path b : project.bibFiles()) {
        bib.update(b, documents.text(b)).join();
      }
      Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
      // as the server's open buffers do: one String per file while it is not edited
      java.util.Map<Path, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
      ProjectCitations.Reader reader =
          new ProjectCitations.Reader(f -> texts.computeIfAbsent(f, documents::text));
      Suggester suggester = new Suggester(bib, () -> null);
      long[] total = new long[n];
      long[] phases = new long[4];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        ProjectCitations cites = reader.of(project, scanner);
        long t1 = System.nanoTime();
        Suggester.Situation s =
            Suggester.Situation.at(file, text, offset, ctx, cites, project.texFiles());
        long t2 = System.nanoTime();
        suggester.suggest(s, bibs, Set.of(), 50, 0, Suggester.Weights.DEFAULT);
        long t3 = System.nanoTime();
        total[i] = t3 - t0;
        if (i >= n / 5) {
          phases[0] += t1 - t0;
          phases[1] += t2 - t1;
          phases[2] += t3 - t2;
        }
      }
      long[] warm = Arrays.copyOfRange(total, n / 5, n);
      Arrays.sort(warm);
      int m = warm.length;
      System.out.printf(
          "entries %d, citations %d; warm median %.2f ms, p90 %.2f, p99 %.2f; mean citations %.2f,"
              + " situation %.2f, ranking %.2f ms%n",
          bib.count(bibs),
          reader.of(project, scanner).all().size(),
          warm[m / 2] / 1e6,
          warm[(int) (m * 0.9)] / 1e6,
          warm[(int) (m * 0.99)] / 1e6,
          phases[0] / 1e6 / m,
          phases[1] / 1e6 / m,
          phases[2] / 1e6 / m);
      Suggester.Situation s =
          Suggester.Situation.at(
              file, text, offset, ctx, reader.of(project, scanner), project.texFiles());
      var q = s.query(Suggester.Weights.DEFAULT);
      long a = 0, b = 0, c = 0, d = 0;
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        var hits = bib.search(q, Suggester.CONTEXT_POOL, bibs);
        long t1 = System.nanoTime();
        for (var h : hits.subList(0, Math.min(50, hits.size()))) {
          q.matched(bib.entry(h.key(), bibs).orElseThrow().paper());
        }
        long t2 = System.nanoTime();
        Suggester.nearest(s);
        long t3 = System.nanoTime();
        bib.entries(bibs);
        long t4 = System.nanoTime();
        a += t1 - t0;
        b += t2 - t1;
        c += t3 - t2;
        d += t4 - t3;
      }
      System.out.printf(
          "query words %d; search %.2f, matched %.2f, nearest %.2f, entries %.2f ms%n",
          q.weights().size(), a / 1e6 / n, b / 1e6 / n, c / 1e6 / n, d / 1e6 / n);
    }
  }
}
