package dev.citeassist.diagnostics;

import dev.citeassist.document.Documents;
import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.document.ProjectModel;
import dev.citeassist.document.TextDocument;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.watchdog.Watchdog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Publishes the project's problems: for a {@code .tex} change, the undefined citations of every
 * {@code .tex} file of its project (open or not, once the project's {@code .bib} files are indexed)
 * and the names of files it cannot read ({@link FileProblems}); for a document the client opened
 * too large to keep, only that; for a {@code .bib} change, that file's problems and again the
 * citations of the projects that use it. Work runs on one daemon thread of its own, in order (a
 * result is never overtaken by an older one, and a request thread never waits for a {@code .bib} to
 * be indexed); the latest text is read when the work runs, and changes queued behind it for the
 * same file are dropped. Thread-safe.
 */
public final class Diagnostics {

  private static final Logger LOG = Logger.getLogger(Diagnostics.class.getName());

  /** {@link Diagnostic#getSource()} of every diagnostic this server publishes. */
  public static final String SOURCE = "citeassist";

  /** Diagnostic codes; the quick fixes recognise their diagnostics by these. */
  static final String UNDEFINED = "undefined-citation";

  /** Code of a diagnostic on a file name whose file cannot be read (see {@link FileProblems}). */
  static final String UNREADABLE = "unreadable-file";

  /** Code of the diagnostic on a document the client opened that is too large to keep. */
  static final String TOO_LARGE = "document-too-large";

  private final Documents documents;
  private final ProjectModel projects;
  private final ProjectBibliography bibliography;
  private final Supplier<CitationScanner> scanner;
  private final Supplier<LanguageClient> client;
  private final java.util.concurrent.ScheduledExecutorService executor;

  /**
   * A change waits this long before its diagnostics run: the keystrokes of a burst of typing are
   * coalesced into one run, which never competes with the completions they trigger.
   */
  static final long COALESCE_MILLIS = 150;

  // Files with work queued: a second change before the work runs adds nothing.
  private final java.util.Set<String> queued = ConcurrentHashMap.newKeySet();
  private final UndefinedCitations undefined;
  private final FileProblems fileProblems;
  // What failed unexpectedly, by file and kind of failure: each is logged once.
  private final java.util.Set<String> failures = ConcurrentHashMap.newKeySet();
  private final Map<Path, Project> known = new ConcurrentHashMap<>();
  private final Map<Path, String> fed = new ConcurrentHashMap<>();

  public Diagnostics(
      Documents documents,
      ProjectModel projects,
      ProjectBibliography bibliography,
      Supplier<CitationScanner> scanner,
      Supplier<LanguageClient> client) {
    this.documents = documents;
    this.projects = projects;
    this.bibliography = bibliography;
    this.scanner = scanner;
    this.client = client;
    this.executor =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "citeassist-diagnostics");
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            });
    this.undefined = new UndefinedCitations(documents, bibliography);
    this.fileProblems = new FileProblems(documents, projects);
  }

  /** The document at {@code uri} was opened or changed: schedules publishing what it affects. */
  public void changed(String uri) {
    if (!queued.add(uri)) {
      return;
    }
    executor.schedule(
        () -> {
          queued.remove(uri);
          try (Watchdog.Task watched =
              Watchdog.global().watch("diagnostics of " + uri, Duration.ofMinutes(2))) {
            Path file = Documents.path(uri);
            var ignored = documents.ignored(uri);
            if (ignored.isPresent()) {
              publishIgnored(uri, file, ignored.get());
            } else if (uri.toLowerCase(java.util.Locale.ROOT).endsWith(".bib")) {
              publishBib(file);
              for (Project p : known.values()) {
                if (p.bibFiles().contains(file)) {
                  publishTex(p);
                }
              }
            } else {
              Project p = projects.resolve(file);
              known.put(p.root(), p);
              publishTex(p);
            }
          } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // One file's failure (even a too deep or too large input) must not stop the thread
            // or the other files' diagnostics.
            if (failures.add(uri + " " + e.getClass().getName())) {
              LOG.log(Level.WARNING, "diagnostics of " + uri + " failed", e);
            }
          }
        },
        COALESCE_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private void publishTex(Project project) throws Exception {
    feedFileContents(project);
    bibliography.track(project.bibFiles(), documents::text);
    // Another request may have scheduled a file a moment before it is queued: wait until every
    // file has been indexed once, not merely for the updates queued so far.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    do {
      bibliography.idle().get(60, TimeUnit.SECONDS);
    } while (bibliography.loading(project.bibFiles()) && System.nanoTime() < deadline);
    if (bibliography.loading(project.bibFiles())) {
      // Publishing now would flag every key of the unread files as undefined.
      LOG.warning(
          "diagnostics of "
              + project.root().getFileName()
              + " skipped: its .bib files are not read yet");
      return;
    }
    var byFile = undefined.find(project, scanner.get());
    var unreadable = fileProblems.find(project, fed.keySet());
    // The root last: when its diagnostics arrive, the whole project's have.
    List<Map.Entry<Path, List<UndefinedCitations.Undefined>>> order =
        new ArrayList<>(byFile.entrySet());
    order.sort(java.util.Comparator.comparing(e -> e.getKey().equals(project.root())));
    for (var e : order) {
      String uri = Documents.uri(e.getKey());
      TextDocument doc = textDocument(e.getKey(), uri);
      List<Diagnostic> list = new ArrayList<>();
      for (FileProblems.Problem p : unreadable.getOrDefault(e.getKey(), List.of())) {
        list.add(
            new Diagnostic(
                doc.range(p.start(), p.end()),
                p.message(),
                DiagnosticSeverity.Warning,
                SOURCE,
                UNREADABLE));
      }
      for (UndefinedCitations.Undefined u : e.getValue()) {
        Diagnostic d =
            new Diagnostic(
                doc.range(u.start(), u.end()),
                "No .bib of the project defines `" + u.key() + "`.",
                DiagnosticSeverity.Warning,
                SOURCE,
                UNDEFINED);
        d.setData(u.key());
        list.add(d);
      }
      publish(uri, doc, list);
    }
  }

  /**
   * A {@code .bib} that a {@code filecontents} environment of the project writes, and that is not
   * on disk (LaTeX has not run yet), is read from the environment.
   */
  private void feedFileContents(Project project) {
    for (Path tex : project.texFiles()) {
      String text = documents.text(tex);
      if (text == null || !text.contains("filecontents")) {
        continue;
      }
      var files = dev.citeassist.latex.CiteDefinitions.parse(text).fileContents();
      for (var e : files.entrySet()) {
        String name = e.getKey().replace("\\jobname", ProjectModel.jobName(project.root()));
        Path bib = project.root().resolveSibling(name).normalize();
        if (project.bibFiles().contains(bib)
            && documents.get(bib).isEmpty()
            && !java.nio.file.Files.exists(bib)
            && !e.getValue().equals(fed.put(bib, e.getValue()))) {
          bibliography.update(bib, e.getValue());
        }
      }
    }
  }

  private void publishBib(Path file) {
    String uri = Documents.uri(file);
    TextDocument doc = textDocument(file, uri);
    List<Diagnostic> list = new ArrayList<>();
    for (BibProblems.Problem p : BibProblems.of(doc.bibOutline())) {
      Range range =
          p.start() >= 0
              ? doc.range(p.start(), p.end())
              : doc.range(doc.offset(p.line() - 1, 0), doc.offset(p.line() - 1, Integer.MAX_VALUE));
      list.add(
          new Diagnostic(
              range,
              p.message(),
              p.kind() == BibProblems.Kind.SYNTAX || p.kind() == BibProblems.Kind.DUPLICATE_KEY
                  ? DiagnosticSeverity.Error
                  : DiagnosticSeverity.Warning,
              SOURCE,
              p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    }
    publish(uri, doc, list);
  }

  /** A document too large to keep: one diagnostic at its start says so, instead of any other. */
  private void publishIgnored(String uri, Path file, String reason) {
    TextDocument empty = new TextDocument(uri, 0, "");
    LanguageClient c = client.get();
    if (c != null) {
      c.publishDiagnostics(
          new PublishDiagnosticsParams(
              uri,
              List.of(
                  new Diagnostic(
                      empty.range(0, 0),
                      "CiteAssist ignores " + file.getFileName() + ": it " + reason + ".",
                      DiagnosticSeverity.Warning,
                      SOURCE,
                      TOO_LARGE))));
    }
  }

  private TextDocument textDocument(Path file, String uri) {
    return documents
        .get(file)
        .orElseGet(
            () -> {
              String text = documents.text(file);
              return new TextDocument(uri, 0, text == null ? "" : text);
            });
  }

  private void publish(String uri, TextDocument doc, List<Diagnostic> list) {
    LanguageClient c = client.get();
    if (c != null) {
      PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, list);
      if (documents.get(uri).isPresent()) {
        params.setVersion(doc.version());
      }
      c.publishDiagnostics(params);
    }
  }
}
