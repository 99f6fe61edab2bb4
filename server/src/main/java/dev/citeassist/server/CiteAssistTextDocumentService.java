package dev.citeassist.server;

import dev.citeassist.completion.CitationCompletion;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.TextDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync on the protocol thread (cheap: the text is replaced, {@code .bib} indexing is
 * scheduled in the background); completion and hover off it, cancellable.
 */
final class CiteAssistTextDocumentService implements TextDocumentService {

  private static final Logger LOG = Logger.getLogger(CiteAssistTextDocumentService.class.getName());

  private final CiteAssistLanguageServer server;

  CiteAssistTextDocumentService(CiteAssistLanguageServer server) {
    this.server = server;
  }

  static boolean isBib(String uri) {
    return uri.toLowerCase(java.util.Locale.ROOT).endsWith(".bib");
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    TextDocument doc = new TextDocument(item.getUri(), item.getVersion(), item.getText());
    if (!server.documents.open(doc)) {
      LOG.warning(
          () ->
              "ignoring "
                  + item.getUri()
                  + ": it "
                  + server.documents.ignored(item.getUri()).orElse("is too large"));
      server.diagnostics.changed(item.getUri());
      return;
    }
    if (isBib(item.getUri())) {
      server.bibliography.update(Documents.path(item.getUri()), doc.text());
    } else {
      // Find the project's .bib files now, so they are indexed before the first completion.
      server.requests.execute(() -> trackProject(item.getUri()));
    }
    server.diagnostics.changed(item.getUri());
  }

  private Project trackProject(String uri) {
    try {
      Project project = server.projects.resolve(Documents.path(uri));
      server.bibliography.track(project.bibFiles(), server.documents::text);
      server.leftoverTemps.clean(project);
      return project;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      LOG.log(Level.WARNING, "could not resolve the project of " + uri, e);
      return null;
    }
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    int version = params.getTextDocument().getVersion();
    TextDocument doc =
        server.documents.change(
            uri,
            d -> {
              TextDocument current = d;
              for (TextDocumentContentChangeEvent c : params.getContentChanges()) {
                current = current.apply(c.getRange(), c.getText(), version);
              }
              return current;
            });
    if (doc != null && isBib(uri)) {
      server.bibliography.update(Documents.path(uri), doc.text());
    }
    server.diagnostics.changed(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    server.documents.close(uri);
    if (isBib(uri)) {
      Path p = Documents.path(uri);
      if (server.bibliography.isTracked(p)) {
        server.bibliography.update(p, server.documents.text(p));
      }
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    if (!isBib(params.getTextDocument().getUri())) {
      server.requests.execute(() -> trackProject(params.getTextDocument().getUri()));
    }
  }

  // The work of the latest completion request: a newer request makes it stale (the user typed
  // on), so it is stopped and answered with an empty list marked incomplete, a result that the
  // client has no use for anyway, instead of being computed for nobody.
  private final java.util.concurrent.atomic.AtomicReference<CompletableFuture<?>> lastCompletion =
      new java.util.concurrent.atomic.AtomicReference<>();

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    CompletableFuture<Either<List<CompletionItem>, CompletionList>> work =
        CompletableFutures.computeAsync(server.completions, cancel -> complete(params, cancel));
    CompletableFuture<Either<List<CompletionItem>, CompletionList>> answer =
        work.handle(
            (result, failure) -> {
              if (failure == null) {
                return result;
              }
              if (failure instanceof java.util.concurrent.CancellationException
                  || failure.getCause() instanceof java.util.concurrent.CancellationException) {
                return Either.forRight(new CompletionList(true, List.of()));
              }
              throw failure instanceof java.util.concurrent.CompletionException c
                  ? c
                  : new java.util.concurrent.CompletionException(failure);
            });
    // the client's $/cancelRequest cancels the answer: the work stops too
    answer.whenComplete(
        (result, failure) -> {
          if (answer.isCancelled()) {
            work.cancel(true);
          }
        });
    CompletableFuture<?> stale = lastCompletion.getAndSet(work);
    if (stale != null) {
      stale.cancel(true);
    }
    return answer;
  }

  private Either<List<CompletionItem>, CompletionList> complete(
      CompletionParams params, org.eclipse.lsp4j.jsonrpc.CancelChecker cancel) {
    cancel.checkCanceled();
    String uri = params.getTextDocument().getUri();
    TextDocument doc = server.documents.get(uri).orElse(null);
    if (doc == null || isBib(uri)) {
      return Either.forRight(new CompletionList(false, List.of()));
    }
    Project project = trackProject(uri);
    cancel.checkCanceled();
    var request =
        new CitationCompletion.Request(
            doc,
            doc.offset(params.getPosition()),
            project,
            server.settings().completionLimit(),
            new CitationCompletion.ClientSupport(
                completionMarkdown(server.capabilities()),
                resolveSupport(server.capabilities()),
                completionListDefaults(server.capabilities()),
                resolveSupport(server.capabilities(), "detail")));
    return Either.forRight(server.completion.complete(request, cancel));
  }

  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          // An item of another server's, or one whose data the client mangled, is left as it is.
          if (item.getData() instanceof com.google.gson.JsonObject data
              && data.get("uri") instanceof com.google.gson.JsonPrimitive uri
              && uri.isString()
              && RequestValidator.isFileUri(uri.getAsString())) {
            Project project = server.projects.resolve(Documents.path(uri.getAsString()));
            return server.completion.resolve(
                item, project, completionMarkdown(server.capabilities()));
          }
          return item;
        });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          String uri = params.getTextDocument().getUri();
          TextDocument doc = server.documents.get(uri).orElse(null);
          if (doc == null) {
            return null;
          }
          int offset = doc.offset(params.getPosition());
          boolean markdown = hoverMarkdown(server.capabilities());
          try {
            if (isBib(uri)) {
              Path bib = Documents.path(uri);
              Project project = new Project(bib, List.of(), List.of(bib));
              return server.hover.hoverBib(doc, bib, offset, project, markdown);
            }
            Project project = trackProject(uri);
            return server.hover.hoverTex(doc, offset, project, markdown, cancel);
          } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "hover failed", e);
            return null;
          }
        });
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel ->
            Either.forLeft(
                server.navigation.definition(
                    params.getTextDocument().getUri(), params.getPosition())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel ->
            server.navigation.references(
                params.getTextDocument().getUri(),
                params.getPosition(),
                params.getContext() != null && params.getContext().isIncludeDeclaration()));
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          PrepareRenameResult r =
              server.navigation.prepareRename(
                  params.getTextDocument().getUri(), params.getPosition());
          return r == null ? null : Either3.forSecond(r);
        });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    var ws = server.capabilities().getWorkspace();
    boolean documentChanges =
        ws != null
            && ws.getWorkspaceEdit() != null
            && Boolean.TRUE.equals(ws.getWorkspaceEdit().getDocumentChanges());
    return CompletableFutures.computeAsync(
        server.requests,
        cancel ->
            server.navigation.rename(
                params.getTextDocument().getUri(),
                params.getPosition(),
                params.getNewName(),
                documentChanges));
  }

  @Override
  public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>>
      codeAction(org.eclipse.lsp4j.CodeActionParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          String uri = params.getTextDocument().getUri();
          TextDocument doc = server.documents.get(uri).orElse(null);
          if (doc == null || isBib(uri)) {
            return List.of();
          }
          Project project = trackProject(uri);
          try {
            return server
                .quickFixes
                .fixes(doc, project, project.targetBib(), params.getContext().getDiagnostics())
                .stream()
                .map(Either::<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>forRight)
                .toList();
          } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "quick fixes failed", e);
            return List.of();
          }
        });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          String uri = params.getTextDocument().getUri();
          List<Either<SymbolInformation, DocumentSymbol>> out = new java.util.ArrayList<>();
          if (isBib(uri)) {
            server.symbols.documentSymbols(uri).forEach(s -> out.add(Either.forRight(s)));
          }
          return out;
        });
  }

  static boolean completionMarkdown(ClientCapabilities caps) {
    var td = caps.getTextDocument();
    if (td == null
        || td.getCompletion() == null
        || td.getCompletion().getCompletionItem() == null) {
      return false;
    }
    List<String> formats = td.getCompletion().getCompletionItem().getDocumentationFormat();
    return formats != null && formats.contains(MarkupKind.MARKDOWN);
  }

  static boolean resolveSupport(ClientCapabilities caps) {
    return resolveSupport(caps, "documentation");
  }

  /** True when the client resolves this property of a completion item lazily. */
  static boolean resolveSupport(ClientCapabilities caps, String property) {
    var td = caps.getTextDocument();
    if (td == null
        || td.getCompletion() == null
        || td.getCompletion().getCompletionItem() == null) {
      return false;
    }
    var rs = td.getCompletion().getCompletionItem().getResolveSupport();
    return rs != null && rs.getProperties() != null && rs.getProperties().contains(property);
  }

  /** True when the client takes a list-wide edit range and text format (LSP 3.17). */
  static boolean completionListDefaults(ClientCapabilities caps) {
    var td = caps.getTextDocument();
    if (td == null
        || td.getCompletion() == null
        || td.getCompletion().getCompletionList() == null) {
      return false;
    }
    List<String> defaults = td.getCompletion().getCompletionList().getItemDefaults();
    return defaults != null
        && defaults.contains("editRange")
        && defaults.contains("insertTextFormat");
  }

  static boolean hoverMarkdown(ClientCapabilities caps) {
    var td = caps.getTextDocument();
    if (td == null || td.getHover() == null) {
      return false;
    }
    List<String> formats = td.getHover().getContentFormat();
    return formats != null && formats.contains(MarkupKind.MARKDOWN);
  }
}
