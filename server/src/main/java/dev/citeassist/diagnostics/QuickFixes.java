package dev.citeassist.diagnostics;

import dev.citeassist.commands.AddEntryArguments;
import dev.citeassist.commands.Commands;
import dev.citeassist.document.BibEntry;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.TextDocument;
import dev.citeassist.paper.IdentifierSyntax;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.SearchHit;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes for an undefined citation: add the paper from the catalogue (exact key, or the same
 * paper under the catalogue's generated key; through the {@link Commands#ADD_ENTRY} command, which
 * appends the entry), replace a DOI or arXiv id by the key of that paper (adding its entry when it
 * comes from the catalogue), and "Did you mean" the project's nearest keys. Stateless apart from
 * its collaborators; thread-safe.
 */
public final class QuickFixes {

  private static final Pattern DOI = Pattern.compile("(?i)(doi:)?" + IdentifierSyntax.DOI);
  private static final Pattern ARXIV =
      Pattern.compile("(?i)(arxiv:)?" + IdentifierSyntax.ARXIV_ID + IdentifierSyntax.ARXIV_VERSION);
  private static final int SUGGESTIONS = 3;

  private final ProjectBibliography bibliography;
  private final Supplier<CatalogueBackend> catalogue;

  public QuickFixes(ProjectBibliography bibliography, Supplier<CatalogueBackend> catalogue) {
    this.bibliography = bibliography;
    this.catalogue = catalogue;
  }

  /** The fixes for the undefined-citation diagnostics among {@code diagnostics}. */
  public List<CodeAction> fixes(
      TextDocument doc, Project project, Path targetBib, List<Diagnostic> diagnostics)
      throws IOException {
    List<CodeAction> actions = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (!Diagnostics.SOURCE.equals(d.getSource())
          || d.getCode() == null
          || !Diagnostics.UNDEFINED.equals(d.getCode().getLeft())) {
        continue;
      }
      int start = doc.offset(d.getRange().getStart());
      int end = doc.offset(d.getRange().getEnd());
      String key = doc.text().substring(start, end);
      if (key.isEmpty()) {
        continue;
      }
      if (DOI.matcher(key).matches() || ARXIV.matcher(key).matches()) {
        identifierFix(doc, project, d, key).ifPresent(actions::add);
        continue;
      }
      catalogueFix(doc, targetBib, d, key).ifPresent(actions::add);
      for (BibEntry e : nearest(key, bibliography.entries(project.bibFiles()))) {
        actions.add(replace("Did you mean `" + e.key() + "`?", doc, d, e.key(), null));
      }
    }
    return actions;
  }

  private Optional<CodeAction> identifierFix(
      TextDocument doc, Project project, Diagnostic d, String id) throws IOException {
    String bare = id.replaceFirst("(?i)^(doi|arxiv):", "");
    Paper probe =
        DOI.matcher(id).matches()
            ? Paper.builder().doi(bare).build()
            : Paper.builder().arxivId(bare).build();
    Optional<BibEntry> own = bibliography.samePaper(probe, project.bibFiles());
    if (own.isPresent()) {
      return Optional.of(
          replace("Replace with `" + own.get().key() + "`", doc, d, own.get().key(), null));
    }
    CatalogueBackend index = catalogue.get();
    if (index == null) {
      return Optional.empty();
    }
    List<Paper> found = index.byIdentifier(bare);
    if (found.isEmpty() || found.get(0).key() == null) {
      return Optional.empty();
    }
    String k = found.get(0).key();
    Command add = addEntry(doc, d, k, k);
    return Optional.of(replace("Replace with `" + k + "` and add its entry", doc, d, k, add));
  }

  private Optional<CodeAction> catalogueFix(
      TextDocument doc, Path targetBib, Diagnostic d, String key) throws IOException {
    CatalogueBackend index = catalogue.get();
    if (index == null) {
      return Optional.empty();
    }
    String catalogueKey = index.byKey(key).map(Paper::key).orElse(null);
    if (catalogueKey == null) {
      // The same paper under the catalogue's generated key (author, year, title word, suffix).
      String words = key.replaceAll("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})|[^\\p{L}\\p{N}]+", " ");
      for (SearchHit h : index.search(SearchQuery.of(words, 10))) {
        String k = h.paper().key();
        if (k != null && (k.equalsIgnoreCase(key) || k.replaceFirst("[a-z]$", "").equals(key))) {
          catalogueKey = k;
          break;
        }
      }
    }
    if (catalogueKey == null) {
      return Optional.empty();
    }
    CodeAction a =
        new CodeAction("Add `" + key + "` from the catalogue to " + targetBib.getFileName());
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(d));
    a.setIsPreferred(true);
    a.setCommand(addEntry(doc, d, key, catalogueKey));
    return Optional.of(a);
  }

  private static Command addEntry(
      TextDocument doc, Diagnostic d, String insertedKey, String catalogueKey) {
    return new AddEntryArguments(doc.uri(), insertedKey, catalogueKey, d.getRange().getStart())
        .command("Add " + catalogueKey + " to the bibliography");
  }

  private static CodeAction replace(
      String title, TextDocument doc, Diagnostic d, String key, Command then) {
    CodeAction a = new CodeAction(title);
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(d));
    a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(new TextEdit(d.getRange(), key)))));
    if (then != null) {
      a.setCommand(then);
    }
    return a;
  }

  /**
   * The project entries closest to {@code key}: small edit distance on the key, or a key that names
   * the entry's first author and year (the usual author-year-word keys).
   */
  static List<BibEntry> nearest(String key, List<BibEntry> entries) {
    String k = key.toLowerCase(Locale.ROOT);
    int max = Math.max(2, k.length() / 4);
    record Scored(BibEntry entry, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (BibEntry e : entries) {
      String other = e.key().toLowerCase(Locale.ROOT);
      int distance = distance(k, other);
      if (distance <= max) {
        scored.add(new Scored(e, distance));
      } else if (authorYear(k, e.paper())) {
        scored.add(new Scored(e, max + 1 + distance));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(s -> s.entry().key()));
    return scored.stream().limit(SUGGESTIONS).map(Scored::entry).toList();
  }

  private static boolean authorYear(String key, Paper p) {
    if (p == null || p.authors().isEmpty() || p.year() == null) {
      return false;
    }
    String surname = p.authors().get(0).family();
    if (surname == null || surname.length() < 2) {
      return false;
    }
    String s =
        java.text.Normalizer.normalize(surname, java.text.Normalizer.Form.NFKD)
            .replaceAll("[^\\p{Alnum}]", "")
            .toLowerCase(Locale.ROOT);
    return !s.isEmpty() && key.contains(s) && key.contains(String.valueOf(p.year()));
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
