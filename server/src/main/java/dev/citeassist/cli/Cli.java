package dev.citeassist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.bibtex.BibtexWriter;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.catalogue.CatalogueSource;
import dev.citeassist.catalogue.RecordJson;
import dev.citeassist.catalogue.UserSources;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.remote.BulkLoader;
import dev.citeassist.remote.ClusterClient;
import dev.citeassist.remote.ClusterSettings;
import dev.citeassist.remote.RemoteCatalogue;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.ContextQuery;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import dev.citeassist.server.ServeCommand;
import dev.citeassist.suggestion.ProjectCitations;
import dev.citeassist.suggestion.Suggester;
import dev.citeassist.suggestion.SuggestionText;
import dev.citeassist.tex.BibtexDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code citeassist} command line: {@code search}, {@code bibtex}, {@code records}, {@code
 * index}, {@code serve}. Streams are injected so that tests run it in-process. Exit codes: 0
 * success, 1 a data error (the message names the file and line), 2 a usage error.
 */
public final class Cli {

  static final int OK = 0;
  static final int DATA_ERROR = 1;
  static final int USAGE_ERROR = 2;

  private static final String USAGE =
      """
      Usage: citeassist COMMAND [OPTIONS]

      Commands:
        search QUERY      find papers in the catalogue (as you would type in a \\cite)
        search --context TEXT
                          find the catalogue papers a passage of prose is about
        suggest FILE.tex:LINE:COLUMN
                          what to cite at that spot: the project's entries and the
                          catalogue's papers, ranked by the text and citations around it
        bibtex KEY|QUERY  print the BibTeX entry of a paper
        records FILE...   print the records a source file holds, as read
        index SOURCE...   add your own sources (.bib, arXiv JSON lines, CSL-JSON, listings)
                          to your catalogue (--to URL: load them into a shared catalogue
                          on an OpenSearch cluster instead)
        serve             run the language server over stdio (--socket PORT for TCP)

      Run 'citeassist COMMAND --help' for a command's options. Without options every command
      uses the built-in catalogue plus the sources you added with 'index'; search, suggest and
      bibtex take --catalogue URL to use a shared catalogue on an OpenSearch cluster.
      """;

  private static final String SEARCH_HELP =
      """
      Usage: citeassist search QUERY [--limit N] [--from YEAR] [--to YEAR] [--json]
             citeassist search --context TEXT [--limit N] [--json]

      Ranked search over keys, titles, authors, years, venues and abstracts; the last word
      is a prefix, accents and case do not matter, "surname year" works.
        --context TEXT  rank by a passage of prose instead (LaTeX allowed): BM25 of its
                        words over titles, abstracts, keywords and surnames; each result
                        says which words it matches
        --limit N       at most N results (default 10)
        --from YEAR     only papers from YEAR on;  --to YEAR  only up to YEAR
        --json          one JSON array instead of text
        --catalogue URL search the shared catalogue at URL (http[s]://[user:pass@]host:port[/name],
                        several nodes comma-separated) instead of the local one
      """;

  private static final String SUGGEST_HELP =
      """
      Usage: citeassist suggest FILE.tex:LINE:COLUMN [--limit N] [--project-only] [--json]

      What to cite at a spot of a LaTeX document (LINE and COLUMN count from 1), as the
      editor suggests it at an empty \\cite{}: the project is read as the language server
      reads it (its root, the files it includes, the .bib files it names), and its entries
      are ranked by the sentence around the spot, the section, and the keys cited nearby
      and together in the project; the catalogue papers the sentence is about follow. Each
      line says why (matching words, "cited with …") and where the project cites an entry.
        --limit N         at most N suggestions (default 10)
        --project-only    only the project's entries, no catalogue papers
        --json            one JSON array instead of text
      """;

  private static final String BIBTEX_HELP =
      """
      Usage: citeassist bibtex KEY|QUERY [--dialect bibtex|biblatex]

      Prints the BibTeX entry of the paper with that key, or else of the best match for QUERY.
        --dialect  bibtex (default: LaTeX accents, archivePrefix/primaryClass) or biblatex
                   (Unicode, eprinttype/eprintclass, date)
      """;

  private static final String RECORDS_HELP =
      """
      Usage: citeassist records FILE... [--json]

      Prints every record of each file as read (no merging, no keys); problems go to stderr
      as FILE:LINE: message and make the exit code 1.
        --json  one JSON object per line
      """;

  private static final String INDEX_HELP =
      """
      Usage: citeassist index SOURCE...
             citeassist index --to URL [--shards N] [--replicas N] SOURCE...

      Adds your own sources to your catalogue and (re)builds its index, with progress on
      stderr. Formats: BibTeX/BibLaTeX (.bib), the arXiv metadata snapshot (JSON lines),
      CSL-JSON (Zotero / Better BibTeX), and the listing formats of the built-in seeds.
        --to URL      load the built-in seeds and the sources, merged and keyed as the local
                      build does, into the shared catalogue on the OpenSearch cluster at URL
                      (http[s]://[user:pass@]host:port[/name], name "citeassist" by default);
                      run again after an interruption, it resumes; the catalogue's name moves
                      to the new papers at once when they are all in
        --shards N    primary shards of a new catalogue (1)
        --replicas N  copies of each shard on other nodes (1)
      """;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final UserSources userSources;
  private final Path cacheDir;

  public Cli(InputStream in, PrintStream out, PrintStream err) {
    this(in, out, err, UserSources.atDefaultLocation(), CatalogueConfig.defaults().cacheDir());
  }

  Cli(InputStream in, PrintStream out, PrintStream err, UserSources sources, Path cacheDir) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.userSources = sources;
    this.cacheDir = cacheDir;
  }

  /** Runs one command line and returns the exit code. */
  public int run(String... args) {
    if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? USAGE_ERROR : OK;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      if (rest.stream().anyMatch(Cli::isHelp) && !args[0].equals("serve")) {
        return help(args[0]);
      }
      return switch (args[0]) {
        case "search" -> search(rest);
        case "suggest" -> suggest(rest);
        case "bibtex" -> bibtex(rest);
        case "records" -> records(rest);
        case "index" -> index(rest);
        case "serve" -> ServeCommand.run(rest, in, out, err);
        case "--version", "version" -> {
          out.println("citeassist " + version());
          yield OK;
        }
        default -> throw new UsageException("unknown command \"" + args[0] + "\"");
      };
    } catch (UsageException e) {
      err.println("citeassist: " + e.getMessage());
      err.println("Run 'citeassist --help' for usage.");
      return USAGE_ERROR;
    } catch (NoSuchFileException e) {
      err.println("citeassist: no such file: " + e.getFile());
      return DATA_ERROR;
    } catch (IOException | UncheckedIOException e) {
      err.println("citeassist: " + e.getMessage());
      return DATA_ERROR;
    }
  }

  private int help(String command) throws UsageException {
    String text =
        switch (command) {
          case "search" -> SEARCH_HELP;
          case "suggest" -> SUGGEST_HELP;
          case "bibtex" -> BIBTEX_HELP;
          case "records" -> RECORDS_HELP;
          case "index" -> INDEX_HELP;
          default -> throw new UsageException("unknown command \"" + command + "\"");
        };
    out.print(text);
    return OK;
  }

  private int search(List<String> args) throws UsageException, IOException {
    Arguments a =
        Arguments.parse(
            args, Set.of("limit", "from", "to", "context", "catalogue"), Set.of("json"));
    if (a.option("context", null) != null) {
      return searchContext(a);
    }
    String query = query(a, "search QUERY");
    int limit = a.intOption("limit", 10, 1, 10_000);
    Integer from = a.intOption("from", null, 0, 9999);
    Integer to = a.intOption("to", null, 0, 9999);
    try (Opened catalogue = openCatalogue(a)) {
      List<SearchHit> hits = catalogue.backend().search(new SearchQuery(query, limit, from, to));
      if (a.flag("json")) {
        out.println(RecordJson.hits(hits));
      } else if (hits.isEmpty()) {
        err.println("No paper matches \"" + query + "\".");
      } else {
        int rank = 1;
        for (SearchHit hit : hits) {
          Paper p = hit.paper();
          out.printf(Locale.ROOT, "%2d. %s  %s%n", rank++, p.key(), byline(p));
          out.println("    " + p.title());
        }
      }
      return OK;
    }
  }

  private int searchContext(Arguments a) throws UsageException, IOException {
    if (!a.operands().isEmpty()) {
      throw new UsageException("search takes a QUERY or --context TEXT, not both");
    }
    if (a.option("from", null) != null || a.option("to", null) != null) {
      throw new UsageException("--from and --to do not apply to --context");
    }
    int limit = a.intOption("limit", 10, 1, 10_000);
    ContextQuery query = ContextQuery.builder().add(a.option("context", ""), 1).build();
    if (query.isEmpty()) {
      throw new UsageException("--context needs words that name a topic, not only stop words");
    }
    try (Opened catalogue = openCatalogue(a)) {
      List<Suggester.Suggestion> found = new ArrayList<>();
      for (SearchHit h : catalogue.backend().search(query, limit)) {
        found.add(
            new Suggester.Suggestion(
                h.paper(),
                null,
                h.score(),
                new Suggester.Why(query.matched(h.paper()), List.of())));
      }
      printSuggestions(found, a.flag("json"), null, null);
      if (found.isEmpty() && !a.flag("json")) {
        err.println("No paper matches the words of the context.");
      }
      return OK;
    }
  }

  private int suggest(List<String> args) throws UsageException, IOException {
    Arguments a =
        Arguments.parse(args, Set.of("limit", "catalogue"), Set.of("json", "project-only"));
    if (a.operands().size() != 1) {
      throw new UsageException("usage: citeassist suggest FILE.tex:LINE:COLUMN");
    }
    String spot = a.operands().get(0);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+):(\\d+):(\\d+)").matcher(spot);
    if (!m.matches()) {
      throw new UsageException("\"" + spot + "\" is not FILE.tex:LINE:COLUMN");
    }
    int limit = a.intOption("limit", 10, 1, 10_000);
    Path file = Path.of(m.group(1)).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Documents documents = new Documents();
    String text = documents.text(file);
    int offset = offset(text, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), spot);
    Project project = new ProjectModel(documents).resolve(file);
    CitationScanner scanner = CitationScanner.standard();
    // outside a key list the spot is where a citation would go
    CitationContext ctx =
        scanner
            .scan(text, offset)
            .orElse(new CitationContext("cite", "", offset, offset, List.of()));
    try (ProjectBibliography bibliography = new ProjectBibliography(() -> cacheDir);
        Opened catalogue = openCatalogue(a)) {
      for (Path bib : project.bibFiles()) {
        String bibText = documents.text(bib);
        if (bibText == null) {
          err.println("warning: " + bib + " (named by the project) does not exist");
        } else {
          bibliography.update(bib, bibText).join();
        }
      }
      ProjectCitations cites = new ProjectCitations.Reader(documents::text).of(project, scanner);
      // as completion does: a fifth of the list (at most 10 places) for the catalogue
      int share = a.flag("project-only") ? 0 : Math.min(10, Math.max(1, limit / 5));
      Suggester.Situation situation =
          Suggester.Situation.at(file, text, offset, ctx, cites, project.texFiles());
      Suggester.Ranking ranking =
          new Suggester(bibliography, catalogue::backend)
              .suggest(
                  situation,
                  new java.util.LinkedHashSet<>(project.bibFiles()),
                  new java.util.HashSet<>(ctx.keys()),
                  limit,
                  share,
                  Suggester.Weights.DEFAULT);
      List<Suggester.Suggestion> shown = new ArrayList<>();
      int projectPlaces = limit - Math.min(share, ranking.catalogue().size());
      shown.addAll(ranking.project().subList(0, Math.min(projectPlaces, ranking.project().size())));
      Set<String> keys = new java.util.HashSet<>();
      shown.forEach(s -> keys.add(s.key()));
      for (Suggester.Suggestion s : ranking.catalogue()) {
        if (shown.size() < limit && keys.add(s.key())) {
          shown.add(s);
        }
      }
      printSuggestions(shown, a.flag("json"), cites, project);
      return OK;
    }
  }

  /** The offset of 1-based {@code line} and {@code column} (in characters) of {@code text}. */
  private static int offset(String text, int line, int column, String spot) throws UsageException {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int eol = text.indexOf('\n', start);
      if (eol < 0) {
        throw new UsageException(spot + ": the file has fewer lines");
      }
      start = eol + 1;
    }
    int eol = text.indexOf('\n', start);
    int end = eol < 0 ? text.length() : eol;
    if (column < 1 || start + column - 1 > end) {
      throw new UsageException(spot + ": line " + line + " has fewer columns");
    }
    return start + column - 1;
  }

  private void printSuggestions(
      List<Suggester.Suggestion> found, boolean json, ProjectCitations cites, Project project) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    int rank = 1;
    for (Suggester.Suggestion s : found) {
      Paper p = s.paper();
      String why = SuggestionText.why(s.why());
      String uses =
          s.entry() == null || cites == null
              ? null
              : SuggestionText.uses(cites.uses(s.key()), project);
      if (json) {
        ObjectNode o = array.addObject();
        o.put("key", p.key());
        o.put("inProject", s.entry() != null);
        o.put("score", s.score());
        o.put("title", p.title());
        ArrayNode authors = o.putArray("authors");
        p.authors().forEach(x -> authors.add(x.display()));
        o.put("year", p.year());
        ArrayNode words = o.putArray("matches");
        s.why().words().forEach(words::add);
        ArrayNode with = o.putArray("citedWith");
        s.why().citedWith().forEach(with::add);
        o.put("cited", cites == null ? 0 : cites.uses(s.key()).size());
      } else {
        String where = s.entry() == null ? "catalogue" : "project";
        out.printf(Locale.ROOT, "%2d. %s  [%s] %s%n", rank++, p.key(), where, byline(p));
        out.println("    " + p.title());
        List<String> notes = new ArrayList<>();
        if (why != null) {
          notes.add(why);
        }
        if (uses != null) {
          notes.add(uses);
        }
        if (!notes.isEmpty()) {
          out.println("    " + String.join(" · ", notes));
        }
      }
    }
    if (json) {
      out.println(array);
    }
  }

  private int bibtex(List<String> args) throws UsageException, IOException {
    Arguments a = Arguments.parse(args, Set.of("dialect", "catalogue"), Set.of());
    String query = query(a, "bibtex KEY|QUERY");
    BibtexDialect dialect =
        switch (a.option("dialect", "bibtex")) {
          case "bibtex" -> BibtexDialect.BIBTEX;
          case "biblatex" -> BibtexDialect.BIBLATEX;
          default -> throw new UsageException("--dialect is bibtex or biblatex");
        };
    try (Opened catalogue = openCatalogue(a)) {
      Optional<Paper> paper = catalogue.backend().byKey(query);
      if (paper.isEmpty()) {
        List<SearchHit> hits = catalogue.backend().search(SearchQuery.of(query, 3));
        if (hits.isEmpty()) {
          err.println("citeassist: no paper has the key or matches \"" + query + "\"");
          return DATA_ERROR;
        }
        paper = Optional.of(hits.get(0).paper());
        if (hits.size() > 1) {
          err.println(
              "Best match for \""
                  + query
                  + "\"; others: "
                  + hits.subList(1, hits.size()).stream()
                      .map(h -> h.paper().key())
                      .collect(Collectors.joining(", ")));
        }
      }
      out.print(BibtexWriter.toBibtex(paper.get(), dialect));
      return OK;
    }
  }

  private int records(List<String> args) throws UsageException, IOException {
    Arguments a = Arguments.parse(args, Set.of(), Set.of("json"));
    if (a.operands().isEmpty()) {
      throw new UsageException("records needs at least one FILE");
    }
    List<ReadProblem> problems = new ArrayList<>();
    for (String file : a.operands()) {
      Path path = Path.of(file);
      CatalogueSource source = source(path);
      String name = path.getFileName().toString();
      PaperSink sink =
          new PaperSink() {
            @Override
            public void paper(Paper paper) {
              out.println(a.flag("json") ? RecordJson.toJson(paper) : summary(paper));
            }

            @Override
            public void problem(ReadProblem problem) {
              problems.add(problem);
            }
          };
      try (InputStream stream = source.open()) {
        source.reader().read(name, stream, sink);
      }
    }
    out.flush();
    problems.forEach(p -> err.println(p));
    return problems.isEmpty() ? OK : DATA_ERROR;
  }

  private int index(List<String> args) throws UsageException, IOException {
    Arguments a = Arguments.parse(args, Set.of("to", "shards", "replicas"), Set.of());
    if (a.operands().isEmpty()) {
      throw new UsageException("index needs at least one SOURCE file");
    }
    List<Path> paths = new ArrayList<>();
    for (String file : a.operands()) {
      Path path = Path.of(file);
      source(path); // fails early on a missing file or an unknown format
      paths.add(path);
    }
    if (a.option("to", null) != null) {
      return indexTo(a, paths);
    }
    List<Path> all = userSources.add(paths);
    ProgressLine progress = new ProgressLine(err);
    try (Catalogue catalogue =
        Catalogue.open(new CatalogueConfig(cacheDir, all), progress::update)) {
      progress.finish(catalogue.index().size());
      catalogue.repairs().forEach(r -> err.println("warning: " + r));
      catalogue.problems().forEach(p -> err.println(p));
      err.println(
          "Catalogue: " + catalogue.index().size() + " papers from the built-in seeds and " + all);
      return catalogue.problems().isEmpty() ? OK : DATA_ERROR;
    }
  }

  private CatalogueSource source(Path path) throws IOException, UsageException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try {
      return CatalogueSource.of(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException(path + ": " + e.getMessage());
    }
  }

  /**
   * {@code index --to URL SOURCE…}: the local catalogue of the built-in seeds and the sources
   * (built or reused in the cache folder, so merged and keyed as the local build does them),
   * streamed into the cluster's catalogue (see {@link BulkLoader}). The sources are not added to
   * the local list.
   */
  private int indexTo(Arguments a, List<Path> paths) throws UsageException, IOException {
    ClusterSettings settings = cluster(a.option("to", null));
    int shards = a.intOption("shards", 1, 1, 1024);
    int replicas = a.intOption("replicas", 1, 0, 16);
    ProgressLine reading = new ProgressLine(err);
    // The local catalogue of exactly these sources (its own folder in the cache, beside the user's
    // catalogue), streamed from its memory-mapped index: the same merging and keys, and memory that
    // does not grow with the catalogue.
    try (Catalogue catalogue =
            Catalogue.open(new CatalogueConfig(cacheDir, paths), reading::update);
        ClusterClient client = new ClusterClient(settings.withTimeout(Duration.ofMinutes(2)))) {
      int papers = catalogue.index().size();
      reading.finish(papers);
      catalogue.repairs().forEach(r -> err.println("warning: " + r));
      catalogue.problems().forEach(p -> err.println(p));
      ProgressLine sending = new ProgressLine(err);
      BulkLoader.Result result =
          new BulkLoader(
                  client, BulkLoader.Options.defaults().withShards(shards).withReplicas(replicas))
              .load(
                  BulkLoader.Papers.of(catalogue.index()),
                  (done, total) -> {
                    synchronized (sending) {
                      sending.update(done, done, total);
                    }
                  });
      if (result.upToDate()) {
        err.println(
            "The catalogue \""
                + settings.alias()
                + "\" at "
                + settings.where()
                + " already holds these "
                + papers
                + " papers ("
                + result.index()
                + ").");
      } else {
        sending.finish(result.created() + result.alreadyThere());
        err.printf(
            Locale.ROOT,
            "Catalogue \"%s\" at %s: %,d papers in %s (%,d written now, %,d already there from an"
                + " interrupted load, %,d sent again after 429s)%n",
            settings.alias(),
            settings.where(),
            papers,
            result.index(),
            result.created(),
            result.alreadyThere(),
            result.retried());
      }
      return catalogue.problems().isEmpty() ? OK : DATA_ERROR;
    }
  }

  private static ClusterSettings cluster(String url) throws UsageException {
    try {
      return ClusterSettings.parse(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The catalogue a command searches, and what to close after it. */
  private record Opened(CatalogueBackend backend, java.io.Closeable owner)
      implements java.io.Closeable {
    @Override
    public void close() throws IOException {
      owner.close();
    }
  }

  /** The shared catalogue of {@code --catalogue URL}, else the local one. */
  private Opened openCatalogue(Arguments a) throws IOException, UsageException {
    String url = a.option("catalogue", null);
    if (url != null) {
      RemoteCatalogue remote =
          RemoteCatalogue.connect(cluster(url).withTimeout(Duration.ofSeconds(30)));
      return new Opened(remote, remote);
    }
    Catalogue local = openCatalogue();
    return new Opened(local.index(), local);
  }

  private Catalogue openCatalogue() throws IOException {
    List<Path> sources = userSources.load();
    Catalogue catalogue = Catalogue.open(new CatalogueConfig(cacheDir, sources));
    catalogue.repairs().forEach(r -> err.println("warning: " + r));
    catalogue.problems().forEach(p -> err.println("warning: " + p));
    return catalogue;
  }

  private static String query(Arguments a, String usage) throws UsageException {
    if (a.operands().isEmpty()) {
      throw new UsageException("usage: citeassist " + usage);
    }
    return String.join(" ", a.operands());
  }

  private static String byline(Paper p) {
    List<String> parts = new ArrayList<>();
    String names = p.authors().stream().map(Person::display).collect(Collectors.joining(", "));
    if (p.etAl()) {
      names += " et al.";
    }
    if (!names.isEmpty()) {
      parts.add(names);
    }
    if (p.year() != null) {
      parts.add(p.year().toString());
    }
    if (p.venue() != null) {
      parts.add(p.venue());
    } else if (p.category() != null) {
      parts.add(p.category());
    }
    return String.join(" · ", parts);
  }

  private static String summary(Paper p) {
    String where = p.origin() == null ? "" : p.origin().source() + ":" + p.origin().line() + "  ";
    String key = p.key() == null ? "" : p.key() + "  ";
    return where + key + p.title() + " — " + byline(p);
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  private static String version() {
    String v = Cli.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
