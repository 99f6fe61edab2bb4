package dev.citeassist.search;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A throwaway sanity measurement, not a test and not a benchmark harness: builds an on-disk index
 * of synthetic papers (Zipf-distributed pseudo-words, realistic field sizes) and times
 * search-as-you-type queries one by one. Run by hand:
 *
 * <pre>
 * java -cp ... dev.citeassist.search.IndexSanityRun DIR [PAPERS] [QUERIES]
 * </pre>
 */
final class IndexSanityRun {

  private static final String[] SYLLABLES = {
    "ka", "lo", "ri", "ne", "ta", "sy", "mm", "et", "ro", "an", "pe", "qu", "zh", "ou", "li", "ao",
    "de", "re", "zi", "ns", "ki", "ma", "tr", "ix", "ge", "om", "al", "ph", "is", "ch", "ue", "vo"
  };

  private final Random random;
  private final String[] words;
  private final double[] wordCdf;
  private final String[] surnames;
  private final double[] surnameCdf;
  private final String[] givens;
  private final String[] venues;

  private IndexSanityRun(long seed) {
    random = new Random(seed);
    words = vocabulary(60_000, 2, 5);
    wordCdf = zipf(words.length, 1.0);
    surnames = vocabulary(150_000, 2, 4);
    surnameCdf = zipf(surnames.length, 0.8);
    givens = vocabulary(5_000, 2, 3);
    venues = new String[600];
    for (int i = 0; i < venues.length; i++) {
      venues[i] = "Journal of " + capital(words[i]) + " " + capital(words[i + 1000]);
    }
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    Path dir = Path.of(args[0]);
    int papers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    IndexSanityRun gen = new IndexSanityRun(42);
    boolean build = !Files.exists(dir.resolve("segments_1")) && !hasSegments(dir);
    try (PaperIndex index = PaperIndex.open(dir)) {
      if (build) {
        long start = System.nanoTime();
        long cpuStart = processCpu();
        List<Paper> batch = new ArrayList<>(10_000);
        for (int i = 0; i < papers; i++) {
          batch.add(gen.paper(i));
          if (batch.size() == 10_000) {
            index.addAll(batch);
            batch.clear();
          }
        }
        index.addAll(batch);
        long added = System.nanoTime();
        long cpuAdded = processCpu();
        index.commit(Map.of("papers", Integer.toString(papers)));
        long committed = System.nanoTime();
        long cpuCommitted = processCpu();
        out.printf(
            "indexed %d papers: add %.1f s (%.0f/s), commit %.1f s, total %.0f/s%n",
            papers,
            (added - start) / 1e9,
            papers / ((added - start) / 1e9),
            (committed - added) / 1e9,
            papers / ((committed - start) / 1e9));
        out.printf(
            "process CPU: add %.1f s, commit %.1f s, total %.0f papers per CPU-second%n",
            (cpuAdded - cpuStart) / 1e9,
            (cpuCommitted - cpuAdded) / 1e9,
            papers / ((cpuCommitted - cpuStart) / 1e9));
      }
      index.refresh();
      out.printf("size %d%n", index.size());
      List<String> typed = gen.queries(queries, papers);
      // warm-up on a different sample, then the timed pass
      for (String q : gen.queries(Math.min(queries, 5_000), papers)) {
        index.search(SearchQuery.of(q.replace("~", ""), 20));
      }
      long[] nanos = new long[typed.size()];
      long[] cpu = new long[typed.size()];
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long hits = 0;
      for (int i = 0; i < typed.size(); i++) {
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        hits += index.search(SearchQuery.of(typed.get(i).replace("~", ""), 20)).size();
        nanos[i] = System.nanoTime() - t;
        cpu[i] = threads.getCurrentThreadCpuTime() - c;
      }
      report(out, "all (wall)", nanos);
      report(out, "all (cpu)", cpu);
      out.printf("mean hits %.1f%n", hits / (double) typed.size());
      String[] kinds = {"prefix1", "prefix2-3", "prefix4+", "two words", "surname year", "typo"};
      for (int k = 0; k < kinds.length; k++) {
        List<Long> some = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
          if (gen.kind(typed.get(i)) == k) {
            some.add(nanos[i]);
          }
        }
        report(out, kinds[k], some.stream().mapToLong(Long::longValue).toArray());
        List<Long> someCpu = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
          if (gen.kind(typed.get(i)) == k) {
            someCpu.add(cpu[i]);
          }
        }
        report(out, "  cpu", someCpu.stream().mapToLong(Long::longValue).toArray());
      }
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static boolean hasSegments(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    }
  }

  private static void report(PrintStream out, String name, long[] nanos) {
    if (nanos.length == 0) {
      return;
    }
    nanos = nanos.clone();
    Arrays.sort(nanos);
    out.printf(
        "%-13s n=%-6d p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
        name,
        nanos.length,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.9)] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6);
  }

  /** The query kinds of {@link #queries}, told apart by their shape. */
  private int kind(String q) {
    if (q.startsWith("~")) {
      return 5;
    }
    String[] w = q.split(" ");
    if (w.length == 2) {
      return w[1].matches("\\d{4}") ? 4 : 3;
    }
    return q.length() == 1 ? 0 : q.length() <= 3 ? 1 : 2;
  }

  private List<String> queries(int n, int papers) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Paper p = paper(random.nextInt(papers));
      String[] title = p.title().toLowerCase().split(" ");
      String word = title[random.nextInt(title.length)];
      String surname = p.authors().get(0).family().toLowerCase();
      switch (i % 6) {
        case 0 -> out.add(word.substring(0, 1));
        case 1 -> out.add(word.substring(0, Math.min(word.length(), 2 + random.nextInt(2))));
        case 2 ->
            out.add(
                random.nextBoolean()
                    ? word
                    : surname.substring(0, Math.min(surname.length(), 4 + random.nextInt(3))));
        case 3 -> {
          String next = title[random.nextInt(title.length)];
          out.add(word + " " + next.substring(0, Math.min(next.length(), 1 + random.nextInt(5))));
        }
        case 4 -> out.add(surname + " " + p.year());
        default -> {
          // a typo: one letter dropped from a surname (marked ~ for the report, stripped below)
          int at = 1 + random.nextInt(surname.length() - 1);
          out.add("~" + surname.substring(0, at) + surname.substring(at + 1));
        }
      }
    }
    return out;
  }

  /** The i-th synthetic paper; the same i gives the same paper. */
  private Paper paper(int i) {
    Random r = new Random(i * 0x9E3779B97F4A7C15L);
    int nAuthors = 1 + r.nextInt(6);
    List<Person> authors = new ArrayList<>(nAuthors);
    for (int a = 0; a < nAuthors; a++) {
      authors.add(
          new Person(
              capital(givens[r.nextInt(givens.length)]), capital(surnames[draw(r, surnameCdf)])));
    }
    StringBuilder title = new StringBuilder();
    int nTitle = 5 + r.nextInt(10);
    for (int w = 0; w < nTitle; w++) {
      title.append(w == 0 ? "" : " ").append(capital(words[draw(r, wordCdf)]));
    }
    StringBuilder abs = new StringBuilder();
    int nAbs = 80 + r.nextInt(150);
    for (int w = 0; w < nAbs; w++) {
      abs.append(w == 0 ? "" : " ").append(words[draw(r, wordCdf)]);
    }
    int year = 2025 - (int) Math.min(60, Math.abs(r.nextGaussian() * 12));
    String first = title.substring(0, title.indexOf(" ")).toLowerCase();
    return Paper.builder()
        .key(authors.get(0).family().toLowerCase() + year + first + (i % 7 == 0 ? "a" : ""))
        .type("article")
        .title(title.toString())
        .authors(authors)
        .year(year)
        .month(1 + r.nextInt(12))
        .abstractText(abs.toString())
        .venue(venues[r.nextInt(venues.length)])
        .arxivId(String.format("%02d%02d.%05d", year % 100, 1 + r.nextInt(12), i % 100_000))
        .origin(new Origin("synthetic.jsonl", i + 1, SourceFormat.ARXIV_JSON))
        .build();
  }

  private String[] vocabulary(int n, int minSyllables, int maxSyllables) {
    String[] out = new String[n];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < n; ) {
      StringBuilder w = new StringBuilder();
      int s = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
      for (int j = 0; j < s; j++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(w.toString())) {
        out[i++] = w.toString();
      }
    }
    return out;
  }

  private static double[] zipf(int n, double exponent) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int draw(Random r, double[] cdf) {
    int i = Arrays.binarySearch(cdf, r.nextDouble());
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
