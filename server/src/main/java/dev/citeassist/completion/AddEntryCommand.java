package dev.citeassist.completion;

import dev.citeassist.bibtex.BibtexWriter;
import dev.citeassist.commands.AddEntryArguments;
import dev.citeassist.commands.Commands;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.DiskFiles;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.document.TextDocument;
import dev.citeassist.document.Workspace;
import dev.citeassist.files.AtomicFile;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@value Commands#ADD_ENTRY}: puts a catalogue paper into the project's bibliography after its key
 * was inserted in a {@code \cite}. Never writes a key the project already uses: the same paper
 * under another key means that key replaces the inserted one, another paper under the same key
 * means a free key.
 *
 * <p>Where it writes: the entry is appended to the target {@code .bib} through {@code
 * workspace/applyEdit} against the open buffer's version (so the editor's undo works and unsaved
 * text is respected), or, when the client cannot apply edits, written to disk by {@link AtomicFile}
 * (old bytes or new bytes after a crash, every other byte kept, mode kept, a symbolic link followed
 * to its target and kept). Without applyEdit, a {@code .bib} open in the editor with unsaved
 * changes is not written: the user is asked to save first, since writing the disk would make the
 * buffer and the file diverge and a later save would drop one side.
 *
 * <p>What it may write: a file whose real location (symbolic links resolved) is inside a workspace
 * folder ({@link Workspace}). Anywhere else, only after the user answers "Add" to a {@code
 * window/showMessageRequest}; no answer, "Cancel" or a client that cannot ask means nothing is
 * written and the user is told. It never creates a folder outside the workspace, and never writes
 * through a symbolic link to a missing file.
 *
 * <p>Thread-safe; a run holds no thread while the user decides.
 */
public final class AddEntryCommand {

  static final String ADD = "Add";
  static final String CANCEL = "Cancel";

  /** What the client can do with a workspace edit. */
  public record ClientSupport(boolean applyEdit, boolean documentChanges, boolean createFile) {}

  /**
   * What happened.
   *
   * @param key the key now in the text
   * @param bib the bibliography file
   * @param appended whether an entry was added (false when the project already had the paper, or
   *     nothing was written)
   * @param message a sentence for the user, or null
   */
  public record Outcome(String key, Path bib, boolean appended, String message) {

    /** Nothing was appended to {@code bib}, for {@code reason} (a sentence). */
    static Outcome nothingWritten(String key, Path bib, String reason) {
      return new Outcome(key, bib, false, "Nothing was written: " + reason);
    }
  }

  /**
   * What a run decided before writing: either {@code done}, or the key, the entry to append (null
   * when the project already has the paper), the target as the project names it and its real
   * location, and whether that is outside the workspace.
   */
  private record Plan(
      Outcome done,
      AddEntryArguments args,
      Path tex,
      Project project,
      Path target,
      Path real,
      String key,
      String entry,
      boolean outside) {

    static Plan done(Outcome outcome) {
      return new Plan(outcome, null, null, null, null, null, null, null, false);
    }
  }

  private final Documents documents;
  private final ProjectModel projects;
  private final ProjectBibliography bibliography;
  private final Supplier<CatalogueBackend> catalogue;
  private final Workspace workspace;

  public AddEntryCommand(
      Documents documents,
      ProjectModel projects,
      ProjectBibliography bibliography,
      Supplier<CatalogueBackend> catalogue,
      Workspace workspace) {
    this.documents = documents;
    this.projects = projects;
    this.bibliography = bibliography;
    this.catalogue = catalogue;
    this.workspace = workspace;
  }

  /**
   * Runs the command on {@code executor}; when the file is outside the workspace, asks the user
   * first without holding a thread while the question is open.
   */
  public CompletableFuture<Outcome> run(
      List<Object> arguments,
      Settings settings,
      ClientSupport support,
      LanguageClient client,
      Executor executor) {
    return CompletableFuture.supplyAsync(
            () -> unchecked(() -> plan(AddEntryArguments.parse(arguments), settings)), executor)
        .thenCompose(
            plan -> {
              if (plan.done() != null) {
                return CompletableFuture.completedFuture(plan.done());
              }
              CompletableFuture<Boolean> allowed =
                  plan.outside() ? confirm(client, plan) : CompletableFuture.completedFuture(true);
              return allowed.thenApplyAsync(
                  yes ->
                      yes
                          ? unchecked(() -> apply(plan, support, client))
                          : Outcome.nothingWritten(
                              plan.args().insertedKey(),
                              plan.target(),
                              plan.real() + " is outside the workspace."),
                  executor);
            });
  }

  private interface Step<T> {
    T get() throws Exception;
  }

  private static <T> T unchecked(Step<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private static CompletableFuture<Boolean> confirm(LanguageClient client, Plan plan) {
    if (client == null) {
      return CompletableFuture.completedFuture(false);
    }
    ShowMessageRequestParams question =
        new ShowMessageRequestParams(
            List.of(new MessageActionItem(ADD), new MessageActionItem(CANCEL)));
    question.setType(MessageType.Warning);
    String via =
        plan.real().equals(plan.target().toAbsolutePath().normalize())
            ? ""
            : " (" + plan.target() + " links there)";
    question.setMessage("Add the entry to " + plan.real() + via + ", outside the workspace?");
    return client
        .showMessageRequest(question)
        .handle(
            (answer, error) -> error == null && answer != null && ADD.equals(answer.getTitle()));
  }

  private Plan plan(AddEntryArguments args, Settings settings) throws Exception {
    Path tex = Documents.path(args.texUri());
    Project project = projects.resolve(tex);
    Path target = target(project, settings);
    Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
    bibs.add(target);
    bibliography.track(bibs, documents::text);
    bibliography.idle().get(30, TimeUnit.SECONDS);

    String insertedKey = args.insertedKey();
    CatalogueBackend index = catalogue.get();
    Optional<Paper> found = index == null ? Optional.empty() : index.byKey(args.catalogueKey());
    if (found.isEmpty()) {
      return Plan.done(
          new Outcome(
              insertedKey,
              target,
              false,
              "No catalogue paper has the key " + args.catalogueKey() + "."));
    }
    Paper paper = found.get();
    String key = insertedKey;
    boolean append = true;
    Optional<BibEntry> sameKey = bibliography.entry(key, bibs);
    Optional<BibEntry> same =
        sameKey.isPresent()
                && sameKey.get().paper() != null
                && samePaper(paper, sameKey.get().paper())
            ? sameKey
            : bibliography.samePaper(paper, bibs);
    if (same.isPresent()) {
      key = same.get().key();
      append = false;
    } else if (sameKey.isPresent()) {
      key = freeKey(bibliography, key, bibs);
    }
    if (!append) {
      return new Plan(null, args, tex, project, target, target, key, null, false);
    }
    String entry =
        BibtexWriter.toBibtex(
            paper.toBuilder().key(key).build(),
            settings.dialectFor(documents.text(project.root())));
    Path real;
    try {
      real = AtomicFile.realTarget(target);
    } catch (NoSuchFileException e) {
      return Plan.done(
          Outcome.nothingWritten(
              insertedKey,
              target,
              target + " is a symbolic link to a file or folder that does not exist."));
    }
    boolean outside = !workspace.contains(real, project.root());
    if (outside && !Files.isDirectory(real.getParent())) {
      return Plan.done(
          Outcome.nothingWritten(
              insertedKey,
              target,
              real + " is outside the workspace, and its folder does not exist."));
    }
    return new Plan(null, args, tex, project, target, real, key, entry, outside);
  }

  private Outcome apply(Plan plan, ClientSupport support, LanguageClient client) throws Exception {
    String insertedKey = plan.args().insertedKey();
    String key = plan.key();
    Path target = plan.target();
    Project project = plan.project();
    List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
    if (!key.equals(insertedKey) && plan.args().keyStart() != null) {
      texEdit(plan.tex(), plan.args().texUri(), plan.args().keyStart(), insertedKey, key)
          .ifPresent(e -> changes.add(Either.forLeft(e)));
    }
    String newText = null;
    String message = null;
    if (plan.entry() != null) {
      String bibText = documents.text(target);
      boolean exists = bibText != null;
      BibAppend add = BibAppend.of(bibText, plan.entry());
      String bibUri = Documents.uri(target);
      if (support.applyEdit() && (exists || support.createFile())) {
        if (!exists) {
          changes.add(Either.forRight(new CreateFile(bibUri, new CreateFileOptions(false, true))));
        }
        TextDocument bibDoc = new TextDocument(bibUri, 0, exists ? bibText : "");
        Position end = bibDoc.position(add.offset());
        Integer version = documents.get(target).map(TextDocument::version).orElse(null);
        changes.add(
            Either.forLeft(
                new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(bibUri, version),
                    List.of(new TextEdit(new Range(end, end), add.insert())))));
        newText = (exists ? bibText : "") + add.insert();
      } else {
        Optional<String> unsaved = unsavedBuffer(target, plan.real());
        if (unsaved.isPresent()) {
          return new Outcome(insertedKey, target, false, unsaved.get());
        }
        // Inside the workspace only: plan() refused a missing folder outside it.
        Files.createDirectories(plan.real().getParent());
        newText = writeAtomically(plan.real(), plan.entry());
      }
      if (project.bibFiles().isEmpty()) {
        String name = target.getFileName().toString().replaceFirst("\\.bib$", "");
        message =
            "Created "
                + target.getFileName()
                + ": add \\bibliography{"
                + name
                + "} (or \\addbibresource{"
                + target.getFileName()
                + "}) to "
                + project.root().getFileName()
                + ".";
      }
    }
    if (!changes.isEmpty()) {
      if (!support.applyEdit()) {
        message = "Use the key " + key + " (the project already has it for this paper).";
      } else {
        WorkspaceEdit edit = new WorkspaceEdit();
        if (support.documentChanges()) {
          edit.setDocumentChanges(changes);
        } else {
          edit.setChanges(asChanges(changes));
        }
        ApplyWorkspaceEditResponse response =
            client
                .applyEdit(new ApplyWorkspaceEditParams(edit, "Cite " + key))
                .get(60, TimeUnit.SECONDS);
        if (!response.isApplied()) {
          return new Outcome(
              insertedKey,
              target,
              false,
              "The editor did not add the entry"
                  + (response.getFailureReason() == null ? "" : ": " + response.getFailureReason())
                  + ".");
        }
      }
    }
    if (newText != null) {
      bibliography.update(target, newText).get(30, TimeUnit.SECONDS);
    }
    return new Outcome(key, target, plan.entry() != null, message);
  }

  /**
   * Why the file may not be written on disk: the editor has it open with text that differs from the
   * disk (unsaved changes), or empty when it may.
   */
  private Optional<String> unsavedBuffer(Path target, Path real) throws IOException {
    Optional<TextDocument> open = documents.get(target).or(() -> documents.get(real));
    if (open.isEmpty()) {
      return Optional.empty();
    }
    String disk = DiskFiles.read(real);
    if (open.get().text().equals(disk)) {
      return Optional.empty();
    }
    return Optional.of(
        target.getFileName()
            + " has unsaved changes, and this editor cannot take the entry into its buffer:"
            + " save "
            + target.getFileName()
            + ", then add the entry again. Nothing was written.");
  }

  private static Map<String, List<TextEdit>> asChanges(
      List<Either<TextDocumentEdit, ResourceOperation>> changes) {
    Map<String, List<TextEdit>> map = new java.util.LinkedHashMap<>();
    for (Either<TextDocumentEdit, ResourceOperation> c : changes) {
      if (c.isLeft()) {
        map.computeIfAbsent(c.getLeft().getTextDocument().getUri(), u -> new ArrayList<>())
            .addAll(c.getLeft().getEdits());
      }
    }
    return map;
  }

  private Optional<TextDocumentEdit> texEdit(
      Path tex, String texUri, Position keyStart, String insertedKey, String key) {
    Optional<TextDocument> doc = documents.get(tex);
    String text = doc.map(TextDocument::text).orElseGet(() -> documents.text(tex));
    if (text == null) {
      return Optional.empty();
    }
    TextDocument d = doc.orElse(new TextDocument(texUri, 0, text));
    int start = d.offset(keyStart);
    if (!text.startsWith(insertedKey, start)) {
      return Optional.empty();
    }
    return Optional.of(
        new TextDocumentEdit(
            new VersionedTextDocumentIdentifier(
                texUri, doc.map(TextDocument::version).orElse(null)),
            List.of(new TextEdit(d.range(start, start + insertedKey.length()), key))));
  }

  private Path target(Project project, Settings settings) {
    if (settings.targetBib() != null) {
      String t = settings.targetBib();
      return project.root().resolveSibling(t.endsWith(".bib") ? t : t + ".bib").normalize();
    }
    return project.targetBib();
  }

  /** {@code key} with the first suffix a, b, … that no entry of {@code bibs} uses. */
  static String freeKey(ProjectBibliography bibliography, String key, Set<Path> bibs) {
    for (char c = 'a'; c <= 'z'; c++) {
      if (bibliography.entry(key + c, bibs).isEmpty()) {
        return key + c;
      }
    }
    int n = 2;
    while (bibliography.entry(key + "-" + n, bibs).isPresent()) {
      n++;
    }
    return key + "-" + n;
  }

  private static boolean samePaper(Paper a, Paper b) {
    return dev.citeassist.paper.SamePaper.test(a, b);
  }

  /**
   * Appends the entry to the file on disk through {@link AtomicFile}: a crash leaves the old bytes
   * or the new ones, the old bytes are copied unchanged, and the entry is encoded as the file is
   * (UTF-8, or Latin-1 for a file that is not valid UTF-8). Returns the new text.
   *
   * @throws IOException when the file cannot be written, or a Latin-1 file cannot hold the entry
   */
  static String writeAtomically(Path file, String entry) throws IOException {
    Charset[] charset = {StandardCharsets.UTF_8};
    byte[] all;
    try {
      all =
          AtomicFile.update(
              file,
              old -> {
                byte[] before = old == null ? new byte[0] : old;
                charset[0] = isUtf8(before) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
                BibAppend add = BibAppend.of(new String(before, charset[0]), entry);
                byte[] insert = encode(add.insert(), charset[0], file);
                byte[] bytes = new byte[before.length + insert.length];
                System.arraycopy(before, 0, bytes, 0, before.length);
                System.arraycopy(insert, 0, bytes, before.length, insert.length);
                return bytes;
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new String(all, charset[0]);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] encode(String text, Charset charset, Path file) {
    try {
      ByteBuffer b =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(
          new IOException(
              file.getFileName() + " is " + charset.displayName() + ", which cannot hold the entry",
              e));
    }
  }
}
