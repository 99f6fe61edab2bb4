package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.citeassist.document.Documents;
import dev.citeassist.document.TextDocument;
import dev.citeassist.fixture.CursorFixture;
import dev.citeassist.fixture.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Runs {@link ServeCommand} in-process over piped streams with a {@link RecordingClient} that
 * behaves like an editor: it keeps its open buffers, applies the server's workspace edits to them
 * (opening a file it did not have, as VS Code does) and sends didChange. Close it to shut down.
 */
final class LspHarness implements AutoCloseable {

  /** What the client says it can do. */
  record Features(
      boolean snippets,
      boolean markdown,
      boolean resolve,
      boolean applyEdit,
      boolean documentChanges,
      boolean leanList) {
    /** Everything but a lean list, so that each item carries its own edit and detail. */
    static Features all() {
      return new Features(true, true, true, true, true, false);
    }

    static Features none() {
      return new Features(false, false, false, false, false, false);
    }

    /**
     * These, and a lean completion list: its edit range and text format said once for all its
     * items, and the detail resolved with the documentation.
     */
    Features lean() {
      return new Features(snippets, markdown, resolve, applyEdit, documentChanges, true);
    }
  }

  static final long TIMEOUT_SECONDS = 60;

  final RecordingClient client = new RecordingClient();
  final LanguageServer server;
  final Path dir;

  /** The server's answer to initialize. */
  final InitializeResult initialized;

  private final Map<Path, TextDocument> buffers = new ConcurrentHashMap<>();
  private final CompletableFuture<Integer> exit;
  private CursorFixture fixture;
  private Path cursorFile;

  /** The server in this JVM, over pipes. */
  LspHarness(Path dir, Path cacheDir, Features features) throws Exception {
    this(dir, cacheDir, features, inProcess());
  }

  /** Where the server runs: its input, its output, and its exit code once it ends. */
  record Connection(
      java.io.InputStream fromServer,
      java.io.OutputStream toServer,
      CompletableFuture<Integer> exit) {}

  /** {@link ServeCommand} in this JVM over pipes, as the in-process tests and the fuzzer run it. */
  static Connection inProcess() throws IOException {
    // NIO pipes: java.io's piped streams break when the thread that last wrote ends.
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    PrintStream err = System.err;
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              int code = ServeCommand.run(List.of(), serverIn, serverOut, err);
              try {
                serverOut.close();
              } catch (IOException e) {
                // Already closed.
              }
              exit.complete(code);
            },
            "test-server");
    t.setDaemon(true);
    t.start();
    return new Connection(clientIn, clientOut, exit);
  }

  /** A separate process speaking JSON-RPC over its stdio; its stderr goes to {@code log}. */
  static Connection process(List<String> command, Path log) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new Connection(
        p.getInputStream(), p.getOutputStream(), p.onExit().thenApply(Process::exitValue));
  }

  LspHarness(Path dir, Path cacheDir, Features features, Connection connection) throws Exception {
    this.dir = dir;
    this.exit = connection.exit();
    java.io.InputStream clientIn = connection.fromServer();
    java.io.OutputStream clientOut = connection.toServer();
    Launcher<LanguageServer> launcher =
        LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    client.editor = this::applyEdit;
    InitializeParams init = new InitializeParams();
    init.setCapabilities(capabilities(features));
    init.setRootUri(Documents.uri(dir));
    JsonObject options = new JsonObject();
    options.addProperty("cacheDir", cacheDir.toString());
    init.setInitializationOptions(options);
    try {
      initialized = server.initialize(init).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // A hang is a bug to find: show where every thread is.
      Thread.getAllStackTraces()
          .forEach(
              (t, trace) -> {
                System.err.println("thread " + t.getName() + " " + t.getState());
                for (StackTraceElement el : trace) {
                  System.err.println("    at " + el);
                }
              });
      throw e;
    }
    server.initialized(new InitializedParams());
  }

  private static ClientCapabilities capabilities(Features f) {
    CompletionItemCapabilities item = new CompletionItemCapabilities(f.snippets());
    if (f.markdown()) {
      item.setDocumentationFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
    }
    if (f.resolve()) {
      item.setResolveSupport(
          new CompletionItemResolveSupportCapabilities(
              f.leanList() ? List.of("documentation", "detail") : List.of("documentation")));
    }
    TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
    CompletionCapabilities completion = new CompletionCapabilities(item);
    if (f.leanList()) {
      completion.setCompletionList(
          new org.eclipse.lsp4j.CompletionListCapabilities(
              List.of("editRange", "insertTextFormat", "data")));
    }
    td.setCompletion(completion);
    HoverCapabilities hover = new HoverCapabilities();
    if (f.markdown()) {
      hover.setContentFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
    }
    td.setHover(hover);
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setApplyEdit(f.applyEdit());
    if (f.documentChanges()) {
      WorkspaceEditCapabilities we = new WorkspaceEditCapabilities();
      we.setDocumentChanges(true);
      we.setResourceOperations(List.of(ResourceOperationKind.Create));
      ws.setWorkspaceEdit(we);
    }
    if (f.applyEdit()) {
      // A full client: watches files when asked to, and shows work-done progress.
      ws.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
      org.eclipse.lsp4j.WindowClientCapabilities window =
          new org.eclipse.lsp4j.WindowClientCapabilities();
      window.setWorkDoneProgress(true);
      ClientCapabilities caps = new ClientCapabilities(ws, td, null);
      caps.setWindow(window);
      return caps;
    }
    return new ClientCapabilities(ws, td, null);
  }

  /** Writes the fixture's files, opens the cursor's file (and {@code alsoOpen}) in the client. */
  Path open(String fixtureText, String... alsoOpen) throws IOException {
    fixture = CursorFixture.parse(fixtureText);
    cursorFile = fixture.writeTo(dir);
    open(cursorFile);
    for (String name : alsoOpen) {
      open(dir.resolve(name));
    }
    return cursorFile;
  }

  void open(Path file) throws IOException {
    String text = Files.readString(file);
    String uri = Documents.uri(file);
    buffers.put(file, new TextDocument(uri, 1, text));
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(
                    uri, file.toString().endsWith(".bib") ? "bibtex" : "latex", 1, text)));
  }

  /** The client's buffer of a file it has open, else the file on disk. */
  String text(Path file) throws IOException {
    TextDocument d = buffers.get(file);
    return d != null ? d.text() : Files.readString(file);
  }

  boolean isOpen(Path file) {
    return buffers.containsKey(file);
  }

  Position cursor() {
    return buffers.get(cursorFile).position(fixture.offset());
  }

  String uri() {
    return Documents.uri(cursorFile);
  }

  CompletionList complete() throws Exception {
    return complete(cursor());
  }

  CompletionList complete(Position position) throws Exception {
    return server
        .getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri()), position))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .getRight();
  }

  /** Completes until {@code until} holds (the project's .bib is indexed in the background). */
  CompletionList completeUntil(Predicate<CompletionList> until) throws Exception {
    return Poll.until(
            Poll.TIMEOUT,
            "a completion list that satisfies the condition (labels shown)",
            () -> new Labelled(complete()),
            l -> until.test(l.list()))
        .list();
  }

  /** A completion list that prints as its labels (in a failed wait's message). */
  private record Labelled(CompletionList list) {
    @Override
    public String toString() {
      return String.valueOf(labels(list));
    }
  }

  static List<String> labels(CompletionList list) {
    List<String> labels = new ArrayList<>();
    if (list != null) {
      list.getItems().forEach(i -> labels.add(i.getLabel()));
    }
    return labels;
  }

  CompletionItem resolve(CompletionItem item) throws Exception {
    return server
        .getTextDocumentService()
        .resolveCompletionItem(item)
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  Hover hover(Position position) throws Exception {
    return hover(uri(), position);
  }

  Hover hover(String uri, Position position) throws Exception {
    return server
        .getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), position))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Accepts an item as an editor does: applies its text edit, then runs its command. Returns the
   * command's answer (null without a command).
   */
  Object accept(CompletionItem item) throws Exception {
    TextEdit edit = item.getTextEdit().getLeft();
    change(cursorFile, edit);
    if (item.getCommand() == null) {
      return null;
    }
    return server
        .getWorkspaceService()
        .executeCommand(
            new ExecuteCommandParams(
                item.getCommand().getCommand(), item.getCommand().getArguments()))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Types {@code text} at the cursor's place in the client's buffer. */
  void change(Path file, TextEdit edit) {
    TextDocument d = buffers.get(file);
    TextDocument next = d.apply(edit.getRange(), edit.getNewText(), d.version() + 1);
    buffers.put(file, next);
    TextDocumentContentChangeEvent event =
        new TextDocumentContentChangeEvent(edit.getRange(), edit.getNewText());
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(d.uri(), next.version()), List.of(event)));
  }

  private boolean applyEdit(ApplyWorkspaceEditParams params) {
    try {
      var we = params.getEdit();
      List<TextDocumentEdit> edits = new ArrayList<>();
      if (we.getDocumentChanges() != null) {
        for (var c : we.getDocumentChanges()) {
          if (c.isLeft()) {
            edits.add(c.getLeft());
          } else if (c.getRight() instanceof org.eclipse.lsp4j.CreateFile create) {
            Path p = Documents.path(create.getUri());
            if (!Files.exists(p) && !buffers.containsKey(p)) {
              buffers.put(p, new TextDocument(create.getUri(), 0, ""));
              server
                  .getTextDocumentService()
                  .didOpen(
                      new DidOpenTextDocumentParams(
                          new TextDocumentItem(create.getUri(), "bibtex", 0, "")));
            }
          }
        }
      } else if (we.getChanges() != null) {
        we.getChanges()
            .forEach(
                (uri, list) ->
                    edits.add(
                        new TextDocumentEdit(
                            new VersionedTextDocumentIdentifier(uri, null), list)));
      }
      for (TextDocumentEdit e : edits) {
        Path p = Documents.path(e.getTextDocument().getUri());
        if (!buffers.containsKey(p)) {
          // An editor opens the file to edit it (unsaved until the user saves).
          open(p);
        }
        TextDocument d = buffers.get(p);
        if (e.getTextDocument().getVersion() != null) {
          assertEquals(d.version(), e.getTextDocument().getVersion(), "edit for a stale version");
        }
        // Apply from the end so earlier ranges stay valid.
        List<TextEdit> sorted = new ArrayList<>(e.getEdits());
        sorted.sort(
            (a, b) ->
                Integer.compare(
                    d.offset(b.getRange().getStart()), d.offset(a.getRange().getStart())));
        for (TextEdit t : sorted) {
          change(p, t);
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    server.exit();
    assertEquals(0, exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }
}
