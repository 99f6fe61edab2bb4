package dev.citeassist.navigation;

import dev.citeassist.bibtex.BibOutline;
import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.document.TextDocument;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Go to definition, find references and rename for cite keys, from a use in a {@code .tex} file or
 * from the entry's key in a {@code .bib} file. Works on the project's files as they are now: the
 * open buffer's text when the client has the file open, else the file on disk (so a chapter that is
 * not open is still searched and edited). The {@code .bib} texts are scanned directly, so an answer
 * never waits for the background indexing. Thread-safe (no state of its own).
 */
public final class KeyNavigation {

  private final Documents documents;
  private final ProjectModel projects;
  private final Supplier<CitationScanner> scanner;

  public KeyNavigation(
      Documents documents, ProjectModel projects, Supplier<CitationScanner> scanner) {
    this.documents = documents;
    this.projects = projects;
    this.scanner = scanner;
  }

  /** A key under the cursor: the key, its range there, and the files it concerns. */
  private record KeyAt(String key, Range range, Set<Path> texFiles, Set<Path> bibFiles) {}

  private static boolean isBib(Path p) {
    return p.toString().toLowerCase(Locale.ROOT).endsWith(".bib");
  }

  private Optional<KeyAt> keyAt(String uri, Position position) {
    Path file = Documents.path(uri);
    Optional<TextDocument> found = documents.document(file);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TextDocument doc = found.get();
    String text = doc.text();
    int offset = doc.offset(position);
    if (isBib(file)) {
      return doc.bibOutline()
          .keyAt(offset)
          .filter(BibOutline.Entry::isReference)
          .map(
              e -> {
                Set<Path> tex = new LinkedHashSet<>();
                Set<Path> bibs = new LinkedHashSet<>();
                bibs.add(file);
                for (Project p : projectsUsing(file)) {
                  tex.addAll(p.texFiles());
                  bibs.addAll(p.bibFiles());
                }
                return new KeyAt(e.key(), doc.range(e.keyStart(), e.keyEnd()), tex, bibs);
              });
    }
    Optional<CitationContext> c = scanner.get().scan(text, offset);
    if (c.isEmpty() || c.get().replaceStart() == c.get().replaceEnd()) {
      return Optional.empty();
    }
    Project p = projects.resolve(file);
    Set<Path> tex = new LinkedHashSet<>(p.texFiles());
    tex.add(file);
    return Optional.of(
        new KeyAt(
            c.get().key(text),
            doc.range(c.get().replaceStart(), c.get().replaceEnd()),
            tex,
            new LinkedHashSet<>(p.bibFiles())));
  }

  /**
   * The projects whose bibliography names {@code bib}: those of the open {@code .tex} files and of
   * the {@code .tex} files in its folder and the folder above.
   */
  private List<Project> projectsUsing(Path bib) {
    Set<Path> candidates = new LinkedHashSet<>();
    for (TextDocument d : documents.all()) {
      Path p = Documents.path(d.uri());
      if (p.toString().endsWith(".tex")) {
        candidates.add(p);
      }
    }
    for (Path dir : new Path[] {bib.getParent(), bib.getParent().getParent()}) {
      if (dir == null) {
        continue;
      }
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.toString().endsWith(".tex"))
            .limit(200)
            .forEach(p -> candidates.add(p.toAbsolutePath().normalize()));
      } catch (IOException e) {
        // An unreadable folder holds no candidate.
      }
    }
    Map<Path, Project> byRoot = new LinkedHashMap<>();
    for (Path tex : candidates) {
      Project p = projects.resolve(tex);
      if (p.bibFiles().contains(bib)) {
        byRoot.putIfAbsent(p.root(), p);
      }
    }
    return new ArrayList<>(byRoot.values());
  }

  /** Where a key is defined: its entry's key in the first of the project's .bib files having it. */
  private Optional<Location> definition(String key, Set<Path> bibFiles) {
    for (Path bib : bibFiles) {
      Optional<TextDocument> doc = documents.document(bib);
      if (doc.isEmpty() || doc.get().text().indexOf(key) < 0) {
        continue;
      }
      Optional<BibOutline.Entry> e = doc.get().bibOutline().entry(key);
      if (e.isPresent()) {
        return Optional.of(
            new Location(
                Documents.uri(bib), doc.get().range(e.get().keyStart(), e.get().keyEnd())));
      }
    }
    return Optional.empty();
  }

  public List<Location> definition(String uri, Position position) {
    return keyAt(uri, position)
        .flatMap(k -> definition(k.key(), k.bibFiles()))
        .map(List::of)
        .orElse(List.of());
  }

  public List<Location> references(String uri, Position position, boolean includeDeclaration) {
    Optional<KeyAt> at = keyAt(uri, position);
    if (at.isEmpty()) {
      return List.of();
    }
    String key = at.get().key();
    List<Location> locations = new ArrayList<>();
    if (includeDeclaration) {
      definition(key, at.get().bibFiles()).ifPresent(locations::add);
    }
    uses(key, at.get().texFiles())
        .forEach(
            (tex, ranges) -> {
              for (Range r : ranges) {
                locations.add(new Location(Documents.uri(tex), r));
              }
            });
    return locations;
  }

  /** The ranges of the uses of {@code key} in each of {@code texFiles} that uses it. */
  private Map<Path, List<Range>> uses(String key, Set<Path> texFiles) {
    Map<Path, List<Range>> uses = new LinkedHashMap<>();
    for (Path tex : texFiles) {
      Optional<TextDocument> doc = documents.document(tex);
      if (doc.isEmpty()) {
        continue;
      }
      for (KeyUses.Use u : KeyUses.find(doc.get().text(), key, scanner.get())) {
        uses.computeIfAbsent(tex, x -> new ArrayList<>()).add(doc.get().range(u.start(), u.end()));
      }
    }
    return uses;
  }

  /** The key's range and text when the cursor is on a key, else null (nothing to rename). */
  public PrepareRenameResult prepareRename(String uri, Position position) {
    return keyAt(uri, position).map(k -> new PrepareRenameResult(k.range(), k.key())).orElse(null);
  }

  /**
   * One edit renaming the key under the cursor to {@code newKey} in every {@code .tex} file of the
   * project, in the entry that defines it, and in the {@code crossref}/{@code xref} fields of the
   * project's entries that name it.
   *
   * @param documentChanges whether the client takes versioned {@code documentChanges} (applied as
   *     one undoable edit, refused when a buffer changed meanwhile); else the plain {@code changes}
   * @throws ResponseErrorException (invalid params) when the new key is not a valid key or another
   *     entry of the project already has it
   */
  public WorkspaceEdit rename(
      String uri, Position position, String newKey, boolean documentChanges) {
    Optional<KeyAt> at = keyAt(uri, position);
    if (at.isEmpty()) {
      throw invalid("There is no cite key here to rename.");
    }
    String problem = KeyNames.problem(newKey);
    if (problem != null) {
      throw invalid(problem);
    }
    String key = at.get().key();
    if (!newKey.equals(key) && definition(newKey, at.get().bibFiles()).isPresent()) {
      throw invalid("Another entry already has the key '" + newKey + "'.");
    }
    Map<Path, List<TextEdit>> edits = new LinkedHashMap<>();
    Map<Path, Integer> versions = new LinkedHashMap<>();
    Optional<Location> def = definition(key, at.get().bibFiles());
    if (def.isPresent()) {
      Path bib = Documents.path(def.get().getUri());
      edits.put(bib, new ArrayList<>(List.of(new TextEdit(def.get().getRange(), newKey))));
    }
    for (Path bib : at.get().bibFiles()) {
      Optional<TextDocument> doc = documents.document(bib);
      if (doc.isEmpty() || doc.get().text().indexOf(key) < 0) {
        continue;
      }
      BibOutline outline = doc.get().bibOutline();
      for (BibOutline.Entry e : outline.entries()) {
        for (BibOutline.Field f : e.fields()) {
          // Keys compare case ignored in a crossref, as BibTeX compares them.
          if ((f.name().equalsIgnoreCase("crossref") || f.name().equalsIgnoreCase("xref"))
              && outline.content(f).equalsIgnoreCase(key)) {
            edits
                .computeIfAbsent(bib, x -> new ArrayList<>())
                .add(new TextEdit(doc.get().range(f.contentStart(), f.contentEnd()), newKey));
          }
        }
      }
    }
    uses(key, at.get().texFiles())
        .forEach(
            (tex, ranges) -> {
              for (Range r : ranges) {
                edits.computeIfAbsent(tex, x -> new ArrayList<>()).add(new TextEdit(r, newKey));
              }
            });
    for (Path p : edits.keySet()) {
      versions.put(p, documents.get(p).map(TextDocument::version).orElse(null));
    }
    WorkspaceEdit we = new WorkspaceEdit();
    if (documentChanges) {
      List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes =
          new ArrayList<>();
      edits.forEach(
          (p, list) ->
              changes.add(
                  Either.forLeft(
                      new TextDocumentEdit(
                          new VersionedTextDocumentIdentifier(Documents.uri(p), versions.get(p)),
                          list))));
      we.setDocumentChanges(changes);
    } else {
      Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
      edits.forEach((p, list) -> changes.put(Documents.uri(p), list));
      we.setChanges(changes);
    }
    return we;
  }

  private static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }
}
