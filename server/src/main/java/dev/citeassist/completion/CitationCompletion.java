package dev.citeassist.completion;

import com.google.gson.JsonObject;
import dev.citeassist.commands.AddEntryArguments;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.TextDocument;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.paper.Paper;
import dev.citeassist.render.BibLocation;
import dev.citeassist.render.PaperText;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import dev.citeassist.suggestion.ProjectCitations;
import dev.citeassist.suggestion.Suggester;
import dev.citeassist.suggestion.SuggestionText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemDefaults;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Cite-key completion: the project's entries and the catalogue's papers, found by the same ranked
 * search and merged into one list, project entries first when relevance is similar. A catalogue
 * paper that the project already has (same key and paper, or same paper under another key) is
 * offered as the project's entry; one whose key the project uses for another paper gets a free key.
 * Items carry {@code sortText}/{@code filterText} so client-side filtering keeps the server's
 * order, and a command that adds a catalogue paper to the bibliography. Stateless per request.
 */
public final class CitationCompletion {

  private static final Logger LOG = Logger.getLogger(CitationCompletion.class.getName());

  /**
   * A project entry's score is multiplied by this before merging: similar relevance, project first.
   */
  static final float PROJECT_BOOST = 1.5f;

  /**
   * What the client can do that changes the items: markdown documentation, documentation filled in
   * by {@code completionItem/resolve}, and a list-wide edit range and text format ({@code
   * CompletionList.itemDefaults}, LSP 3.17), which spares every item its own text edit; {@code
   * resolveDetail}: the detail line may be left to {@code completionItem/resolve} as well (the
   * client shows it only for the selected item).
   */
  public record ClientSupport(
      boolean markdown, boolean resolve, boolean listDefaults, boolean resolveDetail) {
    public ClientSupport(boolean markdown, boolean resolve) {
      this(markdown, resolve, false, false);
    }
  }

  /** One request: the document, the cursor, the project and the settings that apply. */
  public record Request(
      TextDocument document, int offset, Project project, int limit, ClientSupport client) {}

  private record Candidate(
      Paper paper,
      String key,
      boolean inProject,
      String catalogueKey,
      BibEntry entry,
      float score,
      Suggester.Why why) {

    Candidate(
        Paper paper,
        String key,
        boolean inProject,
        String catalogueKey,
        BibEntry entry,
        float score) {
      this(paper, key, inProject, catalogueKey, entry, score, null);
    }

    Candidate because(Suggester.Why reason) {
      return new Candidate(paper, key, inProject, catalogueKey, entry, score, reason);
    }
  }

  /**
   * At an empty citation, how many places of the list go to catalogue papers the context finds (the
   * rest to the project's entries, which the writer cites far more often).
   */
  static int catalogueShare(int limit) {
    return Math.min(10, Math.max(1, limit / 5));
  }

  private final ProjectBibliography bibliography;
  private final Supplier<CatalogueBackend> catalogue;
  private final Supplier<CitationScanner> scanner;
  private final ProjectCitations.Reader citations;
  private final Suggester suggester;

  /**
   * @param scanner the scanner for the current settings
   * @param citations reads the citations of a project's {@code .tex} files (open buffers first)
   */
  public CitationCompletion(
      ProjectBibliography bibliography,
      Supplier<CatalogueBackend> catalogue,
      Supplier<CitationScanner> scanner,
      ProjectCitations.Reader citations) {
    this.bibliography = bibliography;
    this.catalogue = catalogue;
    this.scanner = scanner;
    this.citations = citations;
    this.suggester = new Suggester(bibliography, catalogue);
  }

  public CompletionList complete(Request request, CancelChecker cancel) {
    String text = request.document().text();
    Optional<CitationContext> found = scanner.get().scan(text, request.offset());
    if (found.isEmpty()) {
      return new CompletionList(false, List.of());
    }
    CitationContext ctx = found.get();
    Project project = request.project();
    Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
    int limit = request.limit();
    Set<String> exclude = new HashSet<>(ctx.keys());
    String prefix = ctx.prefix();
    Map<String, Candidate> byKey = new LinkedHashMap<>();
    // What the list lacks because background work has not finished: said in the list itself.
    List<String> waiting = new ArrayList<>();
    for (Path bib : bibs) {
      if (bibliography.loading(List.of(bib))) {
        int percent = bibliography.progress(bib);
        waiting.add("reading " + bib.getFileName() + (percent > 0 ? ", " + percent + "%" : ""));
      }
    }
    boolean incomplete = !waiting.isEmpty();
    cancel.checkCanceled();

    if (prefix.isBlank()) {
      return suggest(ctx, request, bibs, exclude, incomplete, waiting, cancel);
    }
    List<Candidate> projectCandidates = new ArrayList<>();
    try {
      List<SearchHit> hits = bibliography.search(prefix, limit, bibs);
      incomplete |= hits.size() >= limit;
      float top = hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), Float.MIN_NORMAL);
      for (SearchHit h : hits) {
        Optional<BibEntry> e = bibliography.entry(h.paper().key(), bibs);
        projectCandidates.add(
            new Candidate(
                h.paper(),
                h.paper().key(),
                true,
                null,
                e.orElse(null),
                h.score() / top * PROJECT_BOOST));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "project search failed", e);
    }
    cancel.checkCanceled();
    for (Candidate c : projectCandidates) {
      if (!exclude.contains(c.key())) {
        byKey.putIfAbsent(c.key(), c);
      }
    }

    List<Candidate> catalogueCandidates = new ArrayList<>();
    CatalogueBackend index = catalogue.get();
    if (index == null) {
      incomplete = true;
      waiting.add("opening the paper catalogue");
    } else {
      try {
        List<SearchHit> hits = index.search(SearchQuery.of(prefix.strip(), limit));
        incomplete |= hits.size() >= limit;
        cancel.checkCanceled();
        float top = hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), Float.MIN_NORMAL);
        for (SearchHit h : hits) {
          catalogueCandidates.add(fromCatalogue(h, top, bibs));
        }
      } catch (java.util.concurrent.CancellationException e) {
        // a newer request made this one stale: stop, not a failure
        throw e;
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "catalogue search failed", e);
      }
    }
    cancel.checkCanceled();
    List<Candidate> merged = new ArrayList<>(byKey.values());
    for (Candidate c : catalogueCandidates) {
      if (c != null && !exclude.contains(c.key()) && !byKey.containsKey(c.key())) {
        byKey.put(c.key(), c);
        merged.add(c);
      }
    }
    // Stable: on equal scores the project's entries, already first, stay first.
    merged.sort(Comparator.comparingDouble((Candidate c) -> -c.score()));
    return items(merged, incomplete, waiting, ctx, request);
  }

  /**
   * The list of items for {@code merged}, with a last item saying what is {@code waiting} for
   * background work.
   */
  private CompletionList items(
      List<Candidate> merged,
      boolean incomplete,
      List<String> waiting,
      CitationContext ctx,
      Request request) {
    int limit = request.limit();
    if (merged.size() > limit) {
      merged = merged.subList(0, limit);
      incomplete = true;
    }
    ProjectCitations cited = citations.of(request.project(), scanner.get());
    List<CompletionItem> items = new ArrayList<>(merged.size());
    for (int i = 0; i < merged.size(); i++) {
      items.add(item(merged.get(i), i, ctx, request, cited));
    }
    if (!waiting.isEmpty()) {
      items.add(waitingItem(waiting, ctx, request.document()));
    }
    CompletionList list = new CompletionList(incomplete, items);
    if (request.client().listDefaults()) {
      // Every item replaces the same range with plain text: said once for the list, not per item.
      CompletionItemDefaults defaults = new CompletionItemDefaults();
      defaults.setEditRange(
          Either.forLeft(request.document().range(ctx.replaceStart(), ctx.replaceEnd())));
      defaults.setInsertTextFormat(InsertTextFormat.PlainText);
      list.setItemDefaults(defaults);
      for (CompletionItem item : items) {
        TextEdit edit = item.getTextEdit().getLeft();
        item.setTextEdit(null);
        item.setInsertTextFormat(null);
        if (!edit.getNewText().equals(item.getLabel())) {
          item.setTextEditText(edit.getNewText());
        }
      }
    }
    return list;
  }

  /**
   * The last item of a list that lacks what background work has not delivered yet, saying what: the
   * list is also marked incomplete, so the next keystroke asks again. Accepting it changes nothing
   * (it replaces the typed text by itself) and it runs no command.
   */
  private static CompletionItem waitingItem(
      List<String> waiting, CitationContext ctx, TextDocument doc) {
    String what = String.join(", ", waiting);
    CompletionItem item = new CompletionItem("… CiteAssist is " + what);
    item.setKind(CompletionItemKind.Text);
    item.setDetail("more results as you type");
    // Last in the list, and kept by client-side filtering of what was typed.
    item.setSortText("\uffff");
    item.setFilterText(ctx.prefix() + " " + what);
    item.setInsertTextFormat(InsertTextFormat.PlainText);
    item.setTextEdit(
        Either.forLeft(
            new TextEdit(
                doc.range(ctx.replaceStart(), ctx.replaceEnd()),
                doc.text().substring(ctx.replaceStart(), ctx.replaceEnd()))));
    return item;
  }

  /**
   * The catalogue's newest papers. The search has no query for "everything", so this asks for each
   * recent year in turn.
   */
  private static List<SearchHit> newest(CatalogueBackend index, int limit) throws IOException {
    List<SearchHit> hits = new ArrayList<>();
    int year = java.time.Year.now().getValue() + 1;
    for (int y = year; y > year - 8 && hits.size() < limit; y--) {
      for (SearchHit h :
          index.search(new SearchQuery(String.valueOf(y), limit - hits.size(), y, y))) {
        hits.add(new SearchHit(h.paper(), 1));
      }
    }
    return hits;
  }

  /**
   * An empty prefix: the {@link Suggester}'s ranking of the project's entries by the prose and
   * citations around the cursor, then the catalogue papers the prose is about.
   */
  private CompletionList suggest(
      CitationContext ctx,
      Request request,
      Set<Path> bibs,
      Set<String> exclude,
      boolean incomplete,
      List<String> waiting,
      CancelChecker cancel) {
    int limit = request.limit();
    // Asked once: while the catalogue is first opening, each ask waits the request's budget.
    CatalogueBackend index = catalogue.get();
    if (index == null) {
      waiting.add("opening the paper catalogue");
    }
    Project project = request.project();
    TextDocument doc = request.document();
    ProjectCitations cited = citations.of(project, scanner.get());
    cancel.checkCanceled();
    Path file = dev.citeassist.document.Documents.path(doc.uri());
    Suggester.Situation situation =
        Suggester.Situation.at(file, doc.text(), request.offset(), ctx, cited, project.texFiles());
    int share = index == null ? 0 : catalogueShare(limit);
    Suggester.Ranking ranking =
        suggester.suggest(situation, bibs, exclude, limit, share, Suggester.Weights.DEFAULT);
    cancel.checkCanceled();
    incomplete |= index == null || bibliography.count(bibs) > limit;
    Map<String, Candidate> byKey = new LinkedHashMap<>();
    List<Candidate> fromCatalogue = new ArrayList<>();
    for (Suggester.Suggestion s : ranking.catalogue()) {
      Candidate c = fromCatalogue(new SearchHit(s.paper(), (float) s.score()), 1, bibs);
      if (c != null && !exclude.contains(c.key())) {
        fromCatalogue.add(c.because(s.why()));
      }
    }
    if (fromCatalogue.isEmpty() && index != null) {
      // No word of the context finds a paper (an empty document, a sentence of stop words): the
      // newest papers, as many as the project leaves room for, so a new user still sees some.
      int room = Math.max(share, limit - ranking.project().size());
      try {
        for (SearchHit h : newest(index, room)) {
          Candidate c = fromCatalogue(h, 1, bibs);
          if (c != null && !exclude.contains(c.key())) {
            fromCatalogue.add(c);
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "catalogue search failed", e);
      }
      share = room;
    }
    // the project's best first, the catalogue's after them within its share of the list
    int projectPlaces = limit - Math.min(share, fromCatalogue.size());
    for (Suggester.Suggestion s : ranking.project()) {
      if (byKey.size() >= projectPlaces) {
        break;
      }
      byKey.putIfAbsent(
          s.key(),
          new Candidate(s.paper(), s.key(), true, null, s.entry(), (float) s.score())
              .because(s.why()));
    }
    for (Candidate c : fromCatalogue) {
      byKey.putIfAbsent(c.key(), c);
    }
    return items(new ArrayList<>(byKey.values()), incomplete, waiting, ctx, request);
  }

  private Candidate fromCatalogue(SearchHit h, float top, Set<Path> bibs) {
    Paper p = h.paper();
    float score = h.score() / top;
    String key = p.key();
    if (key == null) {
      return null;
    }
    Optional<BibEntry> sameKey = bibliography.entry(key, bibs);
    if (sameKey.isPresent() && samePaper(p, sameKey.get().paper())) {
      BibEntry e = sameKey.get();
      return new Candidate(e.paper(), e.key(), true, null, e, score * PROJECT_BOOST);
    }
    Optional<BibEntry> same = safeSamePaper(p, bibs);
    if (same.isPresent()) {
      BibEntry e = same.get();
      return new Candidate(e.paper(), e.key(), true, null, e, score * PROJECT_BOOST);
    }
    String free = sameKey.isPresent() ? AddEntryCommand.freeKey(bibliography, key, bibs) : key;
    return new Candidate(p, free, false, key, null, score);
  }

  private Optional<BibEntry> safeSamePaper(Paper p, Set<Path> bibs) {
    try {
      return bibliography.samePaper(p, bibs);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "same-paper check failed", e);
      return Optional.empty();
    }
  }

  private static boolean samePaper(Paper a, Paper b) {
    try {
      return dev.citeassist.paper.SamePaper.test(a, b);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private CompletionItem item(
      Candidate c, int rank, CitationContext ctx, Request request, ProjectCitations cited) {
    TextDocument doc = request.document();
    CompletionItem item = new CompletionItem(c.key());
    item.setKind(c.inProject() ? CompletionItemKind.Reference : CompletionItemKind.Value);
    if (!request.client().resolveDetail()) {
      item.setDetail(PaperText.detail(c.paper()));
    }
    String why = c.why() == null ? null : SuggestionText.why(c.why());
    if (why != null) {
      item.setLabelDetails(labelDetails(why));
    }
    String uses =
        c.inProject() ? SuggestionText.uses(cited.uses(c.key()), request.project()) : null;
    item.setSortText(String.format("%05d", rank));
    item.setFilterText(filterText(ctx.prefix(), c));
    item.setInsertTextFormat(InsertTextFormat.PlainText);
    item.setTextEdit(
        Either.forLeft(new TextEdit(doc.range(ctx.replaceStart(), ctx.replaceEnd()), c.key())));
    JsonObject data = new JsonObject();
    data.addProperty("uri", doc.uri());
    data.addProperty("key", c.key());
    if (why != null) {
      data.addProperty("why", why);
    }
    if (!c.inProject()) {
      data.addProperty("catalogueKey", c.catalogueKey());
      org.eclipse.lsp4j.Position start = doc.position(ctx.replaceStart());
      item.setCommand(
          new AddEntryArguments(doc.uri(), c.key(), c.catalogueKey(), start)
              .command("Add to bibliography"));
    }
    item.setData(data);
    if (!request.client().resolve()) {
      item.setDocumentation(
          documentation(
              c.paper(), location(c, request.project()), request.client().markdown(), why, uses));
    }
    return item;
  }

  private static org.eclipse.lsp4j.CompletionItemLabelDetails labelDetails(String why) {
    org.eclipse.lsp4j.CompletionItemLabelDetails d =
        new org.eclipse.lsp4j.CompletionItemLabelDetails();
    d.setDescription(why);
    return d;
  }

  /**
   * Starts with what the user typed, so a client that filters (VS Code) keeps every item and, with
   * equal match scores, the server's order; then the key and title for further typing.
   */
  private static String filterText(String prefix, Candidate c) {
    String title = c.paper().title() == null ? "" : " " + c.paper().title();
    return prefix + " " + c.key() + title;
  }

  static Either<String, MarkupContent> documentation(Paper p, String location, boolean markdown) {
    return documentation(p, location, markdown, null, null);
  }

  /**
   * The paper's description, after why it is suggested ({@code why}, may be null) and followed by
   * where the project already cites it ({@code uses}, may be null).
   */
  static Either<String, MarkupContent> documentation(
      Paper p, String location, boolean markdown, String why, String uses) {
    StringBuilder text = new StringBuilder();
    if (why != null) {
      text.append(markdown ? "*" + PaperText.escapeMarkdown(why) + "*" : why).append("\n\n");
    }
    text.append(PaperText.describe(p, location, markdown));
    if (uses != null) {
      text.append("\n\n").append(markdown ? PaperText.escapeMarkdown(uses) : uses);
    }
    return Either.forRight(
        new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text.toString()));
  }

  private static String location(Candidate c, Project project) {
    if (c.entry() != null) {
      return BibLocation.of(c.entry(), project);
    }
    return PaperText.NOT_IN_BIBLIOGRAPHY;
  }

  /** Fills in the documentation of an item this provider made, from its {@code data}. */
  public CompletionItem resolve(CompletionItem item, Project project, boolean markdown) {
    if (!(item.getData() instanceof JsonObject data) || !data.has("key")) {
      return item;
    }
    String key = data.get("key").getAsString();
    String why = data.has("why") ? data.get("why").getAsString() : null;
    Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
    if (data.has("catalogueKey")) {
      CatalogueBackend index = catalogue.get();
      if (index != null) {
        try {
          index
              .byKey(data.get("catalogueKey").getAsString())
              .ifPresent(
                  p -> {
                    fillDetail(item, p);
                    item.setDocumentation(
                        documentation(p, PaperText.NOT_IN_BIBLIOGRAPHY, markdown, why, null));
                  });
        } catch (IOException e) {
          LOG.log(Level.WARNING, "catalogue lookup failed", e);
        }
      }
    } else {
      String uses = SuggestionText.uses(citations.of(project, scanner.get()).uses(key), project);
      bibliography
          .entry(key, bibs)
          .ifPresent(
              e -> {
                fillDetail(item, e.paper());
                item.setDocumentation(
                    documentation(e.paper(), BibLocation.of(e, project), markdown, why, uses));
              });
    }
    return item;
  }

  /** The detail line of an item that was sent without it (the client resolves it). */
  private static void fillDetail(CompletionItem item, Paper paper) {
    if (item.getDetail() == null) {
      item.setDetail(PaperText.detail(paper));
    }
  }
}
