package dev.citeassist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.bibtex.BibtexDialect;
import dev.citeassist.bibtex.BibtexWriter;
import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.catalogue.CatalogueSource;
import dev.citeassist.catalogue.PaperSink;
import dev.citeassist.catalogue.ReadProblem;
import dev.citeassist.catalogue.RecordJson;
import dev.citeassist.catalogue.UserSources;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import dev.citeassist.server.ServeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        bibtex KEY|QUERY  print the BibTeX entry of a paper
        records FILE...   print the records a source file holds, as read
        index SOURCE...   add your own sources (.bib, arXiv JSON lines, CSL-JSON, listings)
                          to your catalogue
        serve             run the language server over stdio (--socket PORT for TCP)

      Run 'citeassist COMMAND --help' for a command's options. Without options every command
      uses the built-in catalogue plus the sources you added with 'index'.
      """;

  private static final String SEARCH_HELP =
      """
      Usage: citeassist search QUERY [--limit N] [--from YEAR] [--to YEAR] [--json]

      Ranked search over keys, titles, authors, years, venues and abstracts; the last word
      is a prefix, accents and case do not matter, "surname year" works.
        --limit N    at most N results (default 10)
        --from YEAR  only papers from YEAR on;  --to YEAR  only up to YEAR
        --json       one JSON array instead of text
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

      Adds your own sources to your catalogue and (re)builds its index, with progress on
      stderr. Formats: BibTeX/BibLaTeX (.bib), the arXiv metadata snapshot (JSON lines),
      CSL-JSON (Zotero / Better BibTeX), and the listing formats of the built-in seeds.
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
          case "bibtex" -> BIBTEX_HELP;
          case "records" -> RECORDS_HELP;
          case "index" -> INDEX_HELP;
          default -> throw new UsageException("unknown command \"" + command + "\"");
        };
    out.print(text);
    return OK;
  }

  private int search(List<String> args) throws UsageException, IOException {
    Arguments a = Arguments.parse(args, Set.of("limit", "from", "to"), Set.of("json"));
    String query = query(a, "search QUERY");
    int limit = a.intOption("limit", 10, 1, 10_000);
    Integer from = a.intOption("from", null, 0, 9999);
    Integer to = a.intOption("to", null, 0, 9999);
    try (Catalogue catalogue = openCatalogue()) {
      List<SearchHit> hits = catalogue.index().search(new SearchQuery(query, limit, from, to));
      if (a.flag("json")) {
        out.println(json(hits));
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

  private int bibtex(List<String> args) throws UsageException, IOException {
    Arguments a = Arguments.parse(args, Set.of("dialect"), Set.of());
    String query = query(a, "bibtex KEY|QUERY");
    BibtexDialect dialect =
        switch (a.option("dialect", "bibtex")) {
          case "bibtex" -> BibtexDialect.BIBTEX;
          case "biblatex" -> BibtexDialect.BIBLATEX;
          default -> throw new UsageException("--dialect is bibtex or biblatex");
        };
    try (Catalogue catalogue = openCatalogue()) {
      Optional<Paper> paper = catalogue.index().byKey(query);
      if (paper.isEmpty()) {
        List<SearchHit> hits = catalogue.index().search(SearchQuery.of(query, 3));
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
    Arguments a = Arguments.parse(args, Set.of(), Set.of());
    if (a.operands().isEmpty()) {
      throw new UsageException("index needs at least one SOURCE file");
    }
    List<Path> paths = new ArrayList<>();
    for (String file : a.operands()) {
      Path path = Path.of(file);
      source(path); // fails early on a missing file or an unknown format
      paths.add(path);
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

  private static String json(List<SearchHit> hits) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (SearchHit hit : hits) {
      Paper p = hit.paper();
      ObjectNode o = array.addObject();
      o.put("key", p.key());
      o.put("score", hit.score());
      o.put("title", p.title());
      ArrayNode authors = o.putArray("authors");
      p.authors().forEach(x -> authors.add(x.display()));
      o.put("etAl", p.etAl());
      o.put("year", p.year());
      o.put("venue", p.venue());
      o.put("category", p.category());
      o.put("doi", p.doi());
      o.put("arxivId", p.arxivId());
      o.put("url", p.url());
      o.put("abstract", p.abstractText());
    }
    return array.toString();
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  private static String version() {
    String v = Cli.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
