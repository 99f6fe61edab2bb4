package dev.citeassist.server;

import com.google.gson.JsonObject;
import dev.citeassist.commands.Commands;
import dev.citeassist.completion.AddEntryCommand;
import dev.citeassist.document.Documents;
import dev.citeassist.navigation.BibSymbols;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings changes, watched files, workspace symbols and the commands; thin hand-offs. */
final class CiteAssistWorkspaceService implements WorkspaceService {

  private static final Logger LOG = Logger.getLogger(CiteAssistWorkspaceService.class.getName());

  private final CiteAssistLanguageServer server;

  CiteAssistWorkspaceService(CiteAssistLanguageServer server) {
    this.server = server;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.applySettings(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    server.requests.execute(
        () -> {
          server.watched.changed(params.getChanges());
          // a file changed on disk can define or drop keys that other files cite
          params.getChanges().forEach(change -> server.diagnostics.changed(change.getUri()));
        });
  }

  @Override
  public CompletableFuture<
          Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>>
      symbol(WorkspaceSymbolParams params) {
    return CompletableFutures.computeAsync(
        server.requests,
        cancel -> {
          try {
            return Either.forRight(
                server.symbols.workspaceSymbols(
                    params.getQuery(),
                    server.settings().completionLimit(),
                    BibSymbols.lazyLocations(server.capabilities())));
          } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "workspace symbols failed", e);
            return Either.forRight(List.of());
          }
        });
  }

  @Override
  public CompletableFuture<WorkspaceSymbol> resolveWorkspaceSymbol(WorkspaceSymbol symbol) {
    return CompletableFuture.completedFuture(BibSymbols.resolve(symbol));
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (Commands.SEARCH.equals(params.getCommand())) {
      return CompletableFutures.computeAsync(
          server.requests,
          cancel -> {
            try {
              return CatalogueCommands.search(params.getArguments(), server.catalogue.get());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    if (Commands.REBUILD_CATALOGUE.equals(params.getCommand())) {
      server.rebuildCatalogue();
      return CompletableFuture.completedFuture(null);
    }
    if (!Commands.ADD_ENTRY.equals(params.getCommand())) {
      return CompletableFuture.completedFuture(null);
    }
    var ws = server.capabilities().getWorkspace();
    boolean applyEdit = ws != null && Boolean.TRUE.equals(ws.getApplyEdit());
    var we = ws == null ? null : ws.getWorkspaceEdit();
    boolean documentChanges = we != null && Boolean.TRUE.equals(we.getDocumentChanges());
    boolean create =
        documentChanges
            && we.getResourceOperations() != null
            && we.getResourceOperations().contains("create");
    return server
        .addEntry
        .run(
            params.getArguments(),
            server.settings(),
            new AddEntryCommand.ClientSupport(applyEdit, documentChanges, create),
            server.client(),
            server.requests)
        .handle(
            (outcome, error) -> {
              if (error != null) {
                Throwable e =
                    error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null
                        ? error.getCause()
                        : error;
                LOG.log(Level.WARNING, "adding the entry failed", e);
                tell(MessageType.Error, "Could not add the entry: " + e.getMessage());
                return null;
              }
              tell(outcome.appended() ? MessageType.Info : MessageType.Warning, outcome.message());
              LOG.info(
                  () ->
                      (outcome.appended() ? "added " : "kept ")
                          + outcome.key()
                          + " in "
                          + outcome.bib());
              return answer(outcome);
            });
  }

  /**
   * What {@value Commands#ADD_ENTRY} answers once the edit is applied: the key now in the text, the
   * {@code .bib}'s URI and whether an entry was appended to it, so that a client can save that file
   * (the VS Code extension does, after an edit it applied to an unsaved buffer).
   */
  static JsonObject answer(AddEntryCommand.Outcome outcome) {
    JsonObject o = new JsonObject();
    o.addProperty("key", outcome.key());
    o.addProperty("bib", Documents.uri(outcome.bib()));
    o.addProperty("appended", outcome.appended());
    return o;
  }

  private void tell(MessageType type, String message) {
    if (message != null && server.client() != null) {
      server.client().showMessage(new MessageParams(type, message));
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    var event = params.getEvent();
    if (event == null) {
      return;
    }
    if (event.getRemoved() != null) {
      event
          .getRemoved()
          .forEach(
              f ->
                  CiteAssistLanguageServer.fileFolder(f.getUri())
                      .ifPresent(server.workspaceFolders::remove));
    }
    if (event.getAdded() != null) {
      event
          .getAdded()
          .forEach(
              f ->
                  CiteAssistLanguageServer.fileFolder(f.getUri())
                      .ifPresent(server.workspaceFolders::add));
    }
  }
}
