package dev.citeassist.completion;

import com.google.gson.JsonPrimitive;
import dev.citeassist.bibtex.BibtexWriter;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.document.TextDocument;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.PaperIndex;
import dev.citeassist.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
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
 * means a free key. The entry is appended to the target {@code .bib} through {@code
 * workspace/applyEdit} (so the editor's undo works and unsaved text is respected), or, when the
 * client cannot apply edits, written to disk atomically with every other byte kept.
 */
public final class AddEntryCommand {

  /** What the client can do with a workspace edit. */
  public record ClientSupport(boolean applyEdit, boolean documentChanges, boolean createFile) {}

  /**
   * What happened.
   *
   * @param key the key now in the text
   * @param bib the bibliography file
   * @param appended whether an entry was added (false when the project already had the paper)
   * @param message a sentence for the user, or null
   */
  public record Outcome(String key, Path bib, boolean appended, String message) {}

  private final Documents documents;
  private final ProjectModel projects;
  private final ProjectBibliography bibliography;
  private final Supplier<PaperIndex> catalogue;

  public AddEntryCommand(
      Documents documents,
      ProjectModel projects,
      ProjectBibliography bibliography,
      Supplier<PaperIndex> catalogue) {
    this.documents = documents;
    this.projects = projects;
    this.bibliography = bibliography;
    this.catalogue = catalogue;
  }

  public Outcome execute(
      List<Object> arguments, Settings settings, ClientSupport support, LanguageClient client)
      throws Exception {
    String texUri = string(arguments, 0);
    String insertedKey = string(arguments, 1);
    String catalogueKey = arguments.size() > 2 ? string(arguments, 2) : insertedKey;
    Position keyStart =
        arguments.size() > 4 ? new Position(integer(arguments, 3), integer(arguments, 4)) : null;
    Path tex = Documents.path(texUri);
    Project project = projects.resolve(tex);
    Path target = target(project, settings);
    Set<Path> bibs = new LinkedHashSet<>(project.bibFiles());
    bibs.add(target);
    bibliography.track(bibs, documents::text);
    bibliography.idle().get(30, TimeUnit.SECONDS);

    PaperIndex index = catalogue.get();
    Optional<Paper> found = index == null ? Optional.empty() : index.byKey(catalogueKey);
    if (found.isEmpty()) {
      return new Outcome(
          insertedKey, target, false, "No catalogue paper has the key " + catalogueKey + ".");
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

    List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
    if (!key.equals(insertedKey) && keyStart != null) {
      texEdit(tex, texUri, keyStart, insertedKey, key)
          .ifPresent(e -> changes.add(Either.forLeft(e)));
    }
    String bibText = documents.text(target);
    boolean exists = bibText != null;
    String newText = null;
    String message = null;
    if (append) {
      String entry =
          BibtexWriter.toBibtex(
              paper.toBuilder().key(key).build(),
              settings.dialectFor(documents.text(project.root())));
      BibAppend add = BibAppend.of(bibText, entry);
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
        newText = writeAtomically(target, entry);
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
    return new Outcome(key, target, append, message);
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
    return dev.citeassist.catalogue.SamePaper.test(a, b);
  }

  /**
   * Appends the entry to the file on disk: a temporary file beside it, then a rename, so that a
   * crash leaves the old file or the new one; the old bytes are copied unchanged. Returns the new
   * text.
   */
  static String writeAtomically(Path file, String entry) throws IOException {
    byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    String oldText = new String(old, StandardCharsets.ISO_8859_1);
    BibAppend add = BibAppend.of(oldText, entry);
    byte[] insert = add.insert().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[old.length + insert.length];
    System.arraycopy(old, 0, all, 0, old.length);
    System.arraycopy(insert, 0, all, old.length, insert.length);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.write(tmp, all);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new String(all, StandardCharsets.UTF_8);
  }

  private static String string(List<Object> args, int i) {
    Object o = args.get(i);
    if (o instanceof JsonPrimitive p) {
      return p.getAsString();
    }
    return String.valueOf(o);
  }

  private static int integer(List<Object> args, int i) {
    Object o = args.get(i);
    if (o instanceof JsonPrimitive p) {
      return p.getAsInt();
    }
    return ((Number) o).intValue();
  }
}
