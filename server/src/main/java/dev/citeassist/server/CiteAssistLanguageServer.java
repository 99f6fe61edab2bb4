package dev.citeassist.server;

import dev.citeassist.catalogue.Catalogue.CatalogueConfig;
import dev.citeassist.catalogue.UserSources;
import dev.citeassist.commands.Commands;
import dev.citeassist.completion.AddEntryCommand;
import dev.citeassist.completion.CitationCompletion;
import dev.citeassist.document.Documents;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.hover.CitationHover;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.navigation.BibSymbols;
import dev.citeassist.navigation.KeyNavigation;
import dev.citeassist.search.LuceneClasses;
import dev.citeassist.settings.Settings;
import dev.citeassist.settings.SettingsParser;
import dev.citeassist.suggestion.ProjectCitations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The CiteAssist language server: owns the open documents, the project model, the project's
 * bibliography index and the catalogue, and hands each request to a feature off the JSON-RPC
 * thread. One instance per connection; its lifecycle is initialize → requests → shutdown → exit.
 */
public final class CiteAssistLanguageServer implements LanguageServer, LanguageClientAware {

  private static final Logger LOG = Logger.getLogger(CiteAssistLanguageServer.class.getName());

  static {
    // The catalogue and .bib threads of an instance first touch Lucene at the same instant: its
    // classes with circular initialisers are initialised here, on one thread, before any instance.
    LuceneClasses.initialise();
  }

  /**
   * How long a completion, code action or symbol search waits for the catalogue's first opening
   * (from its snapshot that takes well under a second; a first build takes longer, and the list
   * says so meanwhile).
   */
  static final long TYPING_WAIT_MILLIS = 500;

  /** How long a hover waits for it: a hover is asked for once, not on every keystroke. */
  static final long HOVER_WAIT_MILLIS = 2_000;

  final Documents documents = new Documents();
  final ProjectModel projects = new ProjectModel(documents);
  final ProjectBibliography bibliography = new ProjectBibliography(() -> settings().cacheDir());
  final dev.citeassist.document.Workspace workspaceFolders =
      new dev.citeassist.document.Workspace();
  final LeftoverTemps leftoverTemps = new LeftoverTemps();
  final CatalogueHolder catalogue;
  final ExecutorService requests;
  final ExecutorService completions;
  private volatile Settings settings = Settings.defaults();
  private volatile CitationScanner scanner = CitationScanner.standard();
  private volatile ClientCapabilities capabilities = new ClientCapabilities();
  private volatile LanguageClient client;
  private volatile boolean shutdown;
  private final Runnable onExit;

  final CitationCompletion completion;
  final CitationHover hover;
  final AddEntryCommand addEntry;
  final dev.citeassist.diagnostics.Diagnostics diagnostics;
  final dev.citeassist.diagnostics.QuickFixes quickFixes;
  final KeyNavigation navigation;
  final BibSymbols symbols;
  final WatchedFiles watched;
  private final CiteAssistTextDocumentService textDocuments;
  private final CiteAssistWorkspaceService workspace;

  /**
   * @param onExit called on the {@code exit} notification
   */
  public CiteAssistLanguageServer(Runnable onExit) {
    this.onExit = onExit;
    this.catalogue =
        new CatalogueHolder(
            10_000,
            () ->
                new WorkDoneProgress(
                    workDoneProgress() ? client : null, "CiteAssist: building the catalogue"));
    AtomicInteger n = new AtomicInteger();
    this.requests =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "citeassist-request-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Completion has threads of its own: it is asked on every keystroke and must never wait
    // behind a hover, a rename or a code action.
    AtomicInteger c = new AtomicInteger();
    this.completions =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "citeassist-completion-" + c.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY + 1);
              return t;
            });
    // Typing-time requests answer from what is ready: the first opening of the catalogue is
    // waited for only briefly, and the list says that it is still opening.
    ProjectCitations.Reader citations = new ProjectCitations.Reader(documents::text);
    this.completion =
        new CitationCompletion(
            bibliography, () -> catalogue.get(TYPING_WAIT_MILLIS), () -> scanner, citations);
    this.hover =
        new CitationHover(
            bibliography, () -> catalogue.get(HOVER_WAIT_MILLIS), () -> scanner, citations);
    this.addEntry =
        new AddEntryCommand(documents, projects, bibliography, catalogue, workspaceFolders);
    this.diagnostics =
        new dev.citeassist.diagnostics.Diagnostics(
            documents, projects, bibliography, () -> scanner, () -> client);
    this.quickFixes =
        new dev.citeassist.diagnostics.QuickFixes(
            bibliography, () -> catalogue.get(TYPING_WAIT_MILLIS));
    this.navigation = new KeyNavigation(documents, projects, () -> scanner);
    this.symbols =
        new BibSymbols(documents, projects, bibliography, () -> catalogue.get(TYPING_WAIT_MILLIS));
    this.watched = new WatchedFiles(documents, bibliography);
    this.textDocuments = new CiteAssistTextDocumentService(this);
    this.workspace = new CiteAssistWorkspaceService(this);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  LanguageClient client() {
    return client;
  }

  Settings settings() {
    return settings;
  }

  ClientCapabilities capabilities() {
    return capabilities;
  }

  /** Swaps the settings whole, and what depends on them. */
  void applySettings(Object json) {
    Settings s = SettingsParser.parse(json, settings);
    settings = s;
    scanner = new CitationScanner(s.extraCiteCommands());
    projects.setBibFolders(s.bibFolders());
    if (s.remoteCatalogue() != null) {
      try {
        catalogue.useRemote(
            CatalogueHolder.clusterSettings(s.remoteCatalogue()), this::sayCatalogue);
        return;
      } catch (IOException | IllegalArgumentException e) {
        sayCatalogue(
            "The shared catalogue cannot be used (" + e.getMessage() + "); using the local one.");
      }
    }
    catalogue.useLocal();
    catalogue.open(catalogueConfig(s));
  }

  /** A change of the shared catalogue's state: in the log, and shown to the user once. */
  private void sayCatalogue(String message) {
    LOG.warning(message);
    LanguageClient c = client;
    if (c != null) {
      c.showMessage(
          new org.eclipse.lsp4j.MessageParams(
              message.contains("reachable again")
                  ? org.eclipse.lsp4j.MessageType.Info
                  : org.eclipse.lsp4j.MessageType.Warning,
              message));
    }
  }

  private static CatalogueConfig catalogueConfig(Settings s) {
    return new CatalogueConfig(s.cacheDir(), catalogueSources(s), s.keyPatternOrDefault());
  }

  /** Reopens the catalogue in the background (rebuilt when a source changed), with progress. */
  CompletableFuture<?> rebuildCatalogue() {
    return catalogue.open(catalogueConfig(settings), true);
  }

  private boolean workDoneProgress() {
    var w = capabilities.getWindow();
    return w != null && Boolean.TRUE.equals(w.getWorkDoneProgress());
  }

  /** The sources {@code citeassist index} registered, then the ones the settings name. */
  private static List<Path> catalogueSources(Settings s) {
    Set<Path> all = new LinkedHashSet<>();
    try {
      all.addAll(UserSources.atDefaultLocation().load());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not read the registered catalogue sources", e);
    }
    all.addAll(s.catalogueSources());
    return new ArrayList<>(all);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getCapabilities() != null) {
      capabilities = params.getCapabilities();
    }
    applySettings(params.getInitializationOptions());
    workspaceFolders.set(workspaceFolders(params));
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    caps.setTextDocumentSync(sync);
    CompletionOptions completionOptions = new CompletionOptions(true, List.of("{", ","));
    caps.setCompletionProvider(completionOptions);
    caps.setHoverProvider(true);
    caps.setCodeActionProvider(
        new org.eclipse.lsp4j.CodeActionOptions(
            List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix)));
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(Commands.ALL));
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setRenameProvider(new org.eclipse.lsp4j.RenameOptions(true));
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(new org.eclipse.lsp4j.WorkspaceSymbolOptions(true));
    // Where the server may write without asking follows the folders the editor has open.
    var folders = new org.eclipse.lsp4j.WorkspaceFoldersOptions();
    folders.setSupported(true);
    folders.setChangeNotifications(true);
    caps.setWorkspace(new org.eclipse.lsp4j.WorkspaceServerCapabilities(folders));
    return CompletableFuture.completedFuture(
        new InitializeResult(caps, new ServerInfo("citeassist", version())));
  }

  /** The folders the client opened: workspaceFolders, else rootUri, else rootPath; or none. */
  @SuppressWarnings("deprecation") // rootUri and rootPath: older clients send only those
  private static List<Path> workspaceFolders(InitializeParams params) {
    List<Path> folders = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (var f : params.getWorkspaceFolders()) {
        fileFolder(f.getUri()).ifPresent(folders::add);
      }
    }
    if (folders.isEmpty() && params.getRootUri() != null) {
      fileFolder(params.getRootUri()).ifPresent(folders::add);
    }
    if (folders.isEmpty() && params.getRootPath() != null && !params.getRootPath().isBlank()) {
      try {
        folders.add(Path.of(params.getRootPath()));
      } catch (java.nio.file.InvalidPathException e) {
        LOG.warning("ignoring a rootPath that is not a path");
      }
    }
    return folders;
  }

  /** A {@code file:} URI as a path; empty (and logged) for any other URI. */
  static java.util.Optional<Path> fileFolder(String uri) {
    try {
      return java.util.Optional.of(Documents.path(uri));
    } catch (RuntimeException e) {
      LOG.warning("ignoring a workspace folder that is not a file URI");
      return java.util.Optional.empty();
    }
  }

  private static String version() {
    String v = CiteAssistLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public void initialized(InitializedParams params) {
    var ws = capabilities.getWorkspace();
    if (ws != null
        && ws.getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration())
        && client != null) {
      var options =
          new DidChangeWatchedFilesRegistrationOptions(
              List.of(
                  new FileSystemWatcher(Either.forLeft("**/*.bib")),
                  new FileSystemWatcher(Either.forLeft("**/*.tex"))));
      client.registerCapability(
          new RegistrationParams(
              List.of(
                  new Registration(
                      "citeassist-watch", "workspace/didChangeWatchedFiles", options))));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  boolean isShutdown() {
    return shutdown;
  }

  @Override
  public void exit() {
    try {
      requests.shutdownNow();
      completions.shutdownNow();
      catalogue.close();
      bibliography.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "closing the indexes failed", e);
    } finally {
      onExit.run();
    }
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
