package dev.citeassist.navigation;

import dev.citeassist.bibtex.BibOutline;
import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.document.TextDocument;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolLocation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The symbols of bibliographies: the entries of one {@code .bib} (document symbols) and a ranked
 * search over the entries of the open projects plus the catalogue (workspace symbols).
 *
 * <p>A catalogue paper is in no file of the project. Its symbol points at the project's target
 * {@code .bib} (where "add entry" would put it) — as a URI-only location when the client resolves
 * symbol locations lazily (then {@code workspaceSymbol/resolve} gives the file's start), else at
 * the file's start — and is marked by the container name {@code catalogue}, so that choosing it
 * opens the bibliography the paper belongs in rather than a location that does not exist.
 * Thread-safe.
 */
public final class BibSymbols {

  static final String CATALOGUE = "catalogue";

  private final Documents documents;
  private final ProjectModel projects;
  private final ProjectBibliography bibliography;
  private final Supplier<CatalogueBackend> catalogue;

  public BibSymbols(
      Documents documents,
      ProjectModel projects,
      ProjectBibliography bibliography,
      Supplier<CatalogueBackend> catalogue) {
    this.documents = documents;
    this.projects = projects;
    this.bibliography = bibliography;
    this.catalogue = catalogue;
  }

  /** Whether the client takes URI-only symbol locations, resolving their range later. */
  public static boolean lazyLocations(org.eclipse.lsp4j.ClientCapabilities caps) {
    var ws = caps.getWorkspace();
    if (ws == null || ws.getSymbol() == null || ws.getSymbol().getResolveSupport() == null) {
      return false;
    }
    var props = ws.getSymbol().getResolveSupport().getProperties();
    return props != null && props.contains("location.range");
  }

  /**
   * A symbol with its range: a URI-only location (a catalogue paper's) becomes the file's start.
   */
  public static WorkspaceSymbol resolve(WorkspaceSymbol symbol) {
    if (symbol.getLocation() != null && symbol.getLocation().isRight()) {
      String uri = symbol.getLocation().getRight().getUri();
      symbol.setLocation(
          Either.forLeft(new Location(uri, new TextDocument(uri, 0, "").range(0, 0))));
    }
    return symbol;
  }

  /** The entries of a {@code .bib}: key as name, title as detail, kind from the entry type. */
  public List<DocumentSymbol> documentSymbols(String uri) {
    Optional<TextDocument> found = documents.document(Documents.path(uri));
    if (found.isEmpty()) {
      return List.of();
    }
    TextDocument doc = found.get();
    Map<String, Paper> papers = read(doc.text());
    List<DocumentSymbol> symbols = new ArrayList<>();
    for (BibOutline.Entry e : doc.bibOutline().entries()) {
      if (!e.hasKey()) {
        continue;
      }
      Paper p = e.isReference() ? papers.get(e.key()) : null;
      DocumentSymbol s =
          new DocumentSymbol(
              e.key(),
              kind(e.type()),
              doc.range(e.start(), e.end()),
              doc.range(e.keyStart(), e.keyEnd()),
              p == null || p.title() == null ? "@" + e.type() : p.title());
      symbols.add(s);
    }
    return symbols;
  }

  static SymbolKind kind(String type) {
    return switch (type) {
      case "string" -> SymbolKind.Constant;
      case "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings" ->
          SymbolKind.Module;
      case "inproceedings", "incollection", "inbook", "conference" -> SymbolKind.Method;
      case "phdthesis", "mastersthesis", "thesis", "techreport", "report" -> SymbolKind.Class;
      case "online", "electronic", "www", "software", "dataset" -> SymbolKind.Interface;
      default -> SymbolKind.Struct;
    };
  }

  private static Map<String, Paper> read(String text) {
    Map<String, Paper> papers = new HashMap<>();
    new BibtexReader()
        .read(
            "symbols.bib",
            text,
            new PaperSink() {
              @Override
              public void paper(Paper paper) {
                if (paper.key() != null) {
                  papers.putIfAbsent(paper.key(), paper);
                }
              }

              @Override
              public void problem(ReadProblem problem) {
                // A broken entry still has its outline symbol, without a title.
              }
            });
    return papers;
  }

  /**
   * Entries of the open projects matching {@code query} (its words in the key, title or authors;
   * key prefixes first), then catalogue papers ranked by the catalogue's search that the project
   * does not have (under any key), up to {@code limit} in all.
   *
   * @param lazyLocations whether the client accepts URI-only locations (resolve support)
   */
  public List<WorkspaceSymbol> workspaceSymbols(String query, int limit, boolean lazyLocations)
      throws IOException {
    String q = query == null ? "" : query.trim();
    Set<Path> bibFiles = new LinkedHashSet<>();
    Path target = null;
    for (TextDocument d : documents.all()) {
      Path p = Documents.path(d.uri());
      String name = p.toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bib")) {
        bibFiles.add(p);
      } else if (name.endsWith(".tex")) {
        Project project = projects.resolve(p);
        bibFiles.addAll(project.bibFiles());
        if (target == null) {
          target = project.targetBib();
        }
      }
    }
    List<WorkspaceSymbol> symbols = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    // A file on disk is read once per request, not once per entry.
    Map<Path, Optional<TextDocument>> docs = new HashMap<>();
    for (BibEntry e : projectMatches(q, bibFiles, limit)) {
      if (!keys.add(e.key())) {
        continue;
      }
      Optional<TextDocument> found = docs.computeIfAbsent(e.file(), documents::document);
      if (found.isEmpty()) {
        continue;
      }
      TextDocument doc = found.get();
      BibOutline.Entry o = doc.bibOutline().entry(e.key()).orElse(null);
      Range range = o == null ? doc.range(0, 0) : doc.range(o.keyStart(), o.keyEnd());
      WorkspaceSymbol s =
          new WorkspaceSymbol(
              name(e.paper()),
              kind(o == null ? "" : o.type()),
              Either.forLeft(new Location(Documents.uri(e.file()), range)),
              String.valueOf(e.file().getFileName()));
      symbols.add(s);
    }
    CatalogueBackend index = catalogue.get();
    if (index != null && !q.isEmpty() && target != null && symbols.size() < limit) {
      String targetUri = Documents.uri(target);
      for (SearchHit hit : index.search(SearchQuery.of(q, limit))) {
        if (symbols.size() >= limit) {
          break;
        }
        Paper p = hit.paper();
        if (p.key() == null
            || keys.contains(p.key())
            || bibliography.samePaper(p, bibFiles).isPresent()) {
          // The project has it already (maybe under another key): its entry is listed.
          continue;
        }
        keys.add(p.key());
        Either<Location, WorkspaceSymbolLocation> location =
            lazyLocations
                ? Either.forRight(new WorkspaceSymbolLocation(targetUri))
                : Either.forLeft(
                    new Location(targetUri, new TextDocument(targetUri, 0, "").range(0, 0)));
        WorkspaceSymbol s = new WorkspaceSymbol(name(p), SymbolKind.Object, location, CATALOGUE);
        s.setData(p.key());
        symbols.add(s);
      }
    }
    return symbols;
  }

  private List<BibEntry> projectMatches(String q, Set<Path> bibFiles, int limit)
      throws IOException {
    List<BibEntry> all = bibliography.entries(bibFiles);
    if (q.isEmpty()) {
      return all.subList(0, Math.min(limit, all.size()));
    }
    String lower = q.toLowerCase(Locale.ROOT);
    List<BibEntry> out = new ArrayList<>();
    for (BibEntry e : all) {
      if (e.key().toLowerCase(Locale.ROOT).startsWith(lower)) {
        out.add(e);
      }
    }
    Map<String, BibEntry> byKey = new HashMap<>();
    all.forEach(e -> byKey.putIfAbsent(e.key(), e));
    for (SearchHit hit : bibliography.search(q, limit, bibFiles)) {
      BibEntry e = byKey.get(hit.paper().key());
      if (e != null && !out.contains(e)) {
        out.add(e);
      }
    }
    for (BibEntry e : all) {
      if (!out.contains(e) && e.key().toLowerCase(Locale.ROOT).contains(lower)) {
        out.add(e);
      }
    }
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** The key, then the title: clients filter symbols by their name, and people search titles. */
  private static String name(Paper p) {
    return p.title() == null || p.title().isBlank() ? p.key() : p.key() + " — " + p.title();
  }
}
