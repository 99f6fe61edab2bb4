package dev.citeassist.server;

import static dev.citeassist.server.DiagnosticsProtocolTest.diagnostics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files the server reads that are huge, missing or not files at all, and entries too long to show:
 * each gets a diagnostic on the name that refers to it, or a capped text, and the rest of the
 * project keeps working. In-process over JSON-RPC.
 */
class BadInputsProtocolTest {

  @TempDir static Path cache;
  @TempDir Path dir;

  /** A project citing a good entry, with {@code INPUT} and {@code OTHER} to fill in. */
  private static final String PROJECT =
      """
      %! main.tex
      \\documentclass{article}
      \\begin{document}
      \\input{INPUT}
      See \\cite{liao2018random} and \\citep{liao|}.
      \\bibliography{refs,OTHER}
      \\end{document}
      %! refs.bib
      """
          + DiagnosticsProtocolTest.REFS;

  /** Three gigabytes that cost no disk: a sparse file. */
  private static final long HUGE = 3L << 30;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  private static String project(String input, String other) {
    return PROJECT.replace("INPUT", input).replace("OTHER", other);
  }

  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  /** The diagnostics on file names, once they are {@code expected}, in order. */
  private static List<Diagnostic> unreadable(LspHarness h, Path tex, List<String> expected)
      throws Exception {
    List<Diagnostic> all =
        diagnostics(h, tex, l -> DiagnosticsProtocolTest.messages(withCode(l)).equals(expected));
    return withCode(all);
  }

  private static List<Diagnostic> withCode(List<Diagnostic> list) {
    return list.stream()
        .filter(d -> d.getCode() != null && "unreadable-file".equals(d.getCode().getLeft()))
        .toList();
  }

  /** The project's good entry still completes, so its .bib was read despite the bad file. */
  private static void goodEntryCompletes(LspHarness h) throws Exception {
    h.completeUntil(l -> LspHarness.labels(l).contains("liao2018random"));
  }

  @Test
  void hugeBibAndHugeInputAreNotReadAndSaySoOnTheirNames() throws Exception {
    sparse(dir.resolve("huge.bib"), HUGE);
    sparse(dir.resolve("chapter.tex"), HUGE);
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex = h.open(project("chapter", "huge"));
      List<Diagnostic> found =
          unreadable(
              h,
              tex,
              List.of(
                  "chapter.tex: is 3.0 GB, over the 64 MB limit for .tex files",
                  "huge.bib: is 3.0 GB, over the 256 MB limit for .bib files"));
      assertEquals(new Range(new Position(2, 7), new Position(2, 14)), found.get(0).getRange());
      assertEquals(new Range(new Position(4, 19), new Position(4, 23)), found.get(1).getRange());
      goodEntryCompletes(h);
      // the undefined-citation check ran too: only the partial key is undefined
      diagnostics(
          h,
          tex,
          l ->
              DiagnosticsProtocolTest.messages(l)
                  .contains("No .bib of the project defines `liao`."));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "directory", "fifo", "symlink loop", "unreadable"})
  void aBibThatIsNotAReadableFileIsNamedInADiagnostic(String kind) throws Exception {
    Path other = dir.resolve("other.bib");
    String expected =
        switch (kind) {
          case "missing" -> "other.bib: no such file";
          case "directory" -> {
            Files.createDirectory(other);
            yield "other.bib: is a directory";
          }
          case "fifo" -> {
            int code;
            try {
              code = new ProcessBuilder("mkfifo", other.toString()).start().waitFor();
            } catch (IOException e) {
              code = -1;
            }
            assumeTrue(code == 0, "mkfifo is not available");
            yield "other.bib: is not a regular file";
          }
          case "symlink loop" -> {
            Files.createSymbolicLink(other, other.getFileName());
            yield "other.bib: cannot be read: symbolic link loop";
          }
          default -> {
            Files.writeString(other, DiagnosticsProtocolTest.REFS);
            Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("---------"));
            assumeTrue(
                !Files.isReadable(other),
                "running as root (or with CAP_DAC_OVERRIDE), which reads any file whatever its"
                    + " permissions");
            yield "other.bib: cannot be read: permission denied";
          }
        };
    Files.writeString(dir.resolve("chapter.tex"), "A chapter.\n");
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex = h.open(project("chapter", "other"));
      List<Diagnostic> found = unreadable(h, tex, List.of(expected));
      assertEquals(new Range(new Position(4, 19), new Position(4, 24)), found.get(0).getRange());
      goodEntryCompletes(h);
    }
  }

  @Test
  void aMissingInputIsNamedInADiagnostic() throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex = h.open(project("chapters/one", "refs"));
      List<Diagnostic> found = unreadable(h, tex, List.of("chapters/one.tex: no such file"));
      assertEquals(new Range(new Position(2, 7), new Position(2, 19)), found.get(0).getRange());
      goodEntryCompletes(h);
    }
  }

  @Test
  void aHugeDocumentOpenedByTheClientIsIgnoredWithADiagnosticAndTheServerKeepsServing()
      throws Exception {
    Files.writeString(dir.resolve("chapter.tex"), "A chapter.\n");
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      Path tex = h.open(project("chapter", "refs"));
      Path big = dir.resolve("big.tex");
      String uri = Documents.uri(big);
      h.server
          .getTextDocumentService()
          .didOpen(
              new DidOpenTextDocumentParams(
                  new TextDocumentItem(uri, "latex", 1, "\\cite{x} ".repeat(8_400_000))));
      List<Diagnostic> found = diagnostics(h, big, l -> !l.isEmpty());
      assertEquals(
          List.of("CiteAssist ignores big.tex: it is 72 MB, over the 64 MB limit for .tex files."),
          DiagnosticsProtocolTest.messages(found));
      assertEquals(
          null,
          h.server
              .getTextDocumentService()
              .hover(
                  new org.eclipse.lsp4j.HoverParams(
                      new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new Position(0, 7)))
              .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      goodEntryCompletes(h);
      diagnostics(h, tex, l -> !l.isEmpty());
    }
  }

  @Test
  void aMegabyteAbstractMakesACappedHoverAndDocumentation() throws Exception {
    StringBuilder authors = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      authors.append(i == 0 ? "" : " and ").append("Author").append(i).append(", Given");
    }
    String words = "spectral ".repeat(120_000);
    String bib =
        "@article{long2020,\n  title = {Long "
            + "title ".repeat(10_000)
            + "},\n  author = {"
            + authors
            + "},\n  year = {2020},\n  abstract = {"
            + words
            + "}\n}\n";
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(
          """
          %! main.tex
          \\documentclass{article}
          \\begin{document}
          \\cite{long2020|}
          \\bibliography{refs}
          \\end{document}
          %! refs.bib
          """
              + bib);
      Hover hover =
          Poll.until(
              Poll.TIMEOUT,
              "the hover of the long entry",
              () -> h.hover(new Position(2, 8)),
              x -> x != null && value(x).startsWith("**Long title"));
      String text = value(hover);
      assertTrue(text.startsWith("**Long title title"), text.substring(0, 100));
      assertTrue(text.length() <= 8001, "hover of " + text.length() + " characters");
      assertTrue(text.contains("spectral spectral…"), "abstract not cut at a word");
      assertTrue(text.contains("`long2020` refs.bib:1"), text.substring(text.length() - 100));
      assertTrue(text.endsWith("cited 1× — main.tex:3"), text.substring(text.length() - 100));

      CompletionItem item =
          h.completeUntil(l -> LspHarness.labels(l).contains("long2020")).getItems().stream()
              .filter(i -> i.getLabel().equals("long2020"))
              .findFirst()
              .orElseThrow();
      assertTrue(item.getDetail().length() <= 301, "detail of " + item.getDetail().length());
      CompletionItem resolved = h.resolve(item);
      String documentation = resolved.getDocumentation().getRight().getValue();
      assertTrue(documentation.length() <= 8001, "documentation of " + documentation.length());
      assertTrue(documentation.contains("spectral…"), "abstract not cut");
    }
  }

  @Test
  void aDamagedCatalogueCacheIsRebuiltWhenTheServerStartsAndTheReasonLogged(@TempDir Path own)
      throws Exception {
    String project =
        """
        %! main.tex
        \\documentclass{article}
        \\begin{document}
        \\citep{ziyin2024remove|}
        \\end{document}
        """;
    try (LspHarness h = new LspHarness(dir, own, LspHarness.Features.all())) {
      h.open(project);
      h.completeUntil(l -> LspHarness.labels(l).contains("ziyin2024remove"));
    }
    int deleted = 0;
    try (var files = Files.walk(own)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("segments_")) {
          Files.delete(f);
          deleted++;
        }
      }
    }
    assertEquals(1, deleted);
    try (LspHarness h = new LspHarness(dir, own, LspHarness.Features.all())) {
      h.open(project);
      h.completeUntil(l -> LspHarness.labels(l).contains("ziyin2024remove"));
      assertTrue(
          h.client.logged.stream()
              .anyMatch(m -> m.getMessage().contains("no commit (segments file missing)")),
          h.client.logged.stream().map(m -> m.getMessage()).toList().toString());
    }
  }

  @Test
  void aCatalogueDamagedWhileTheServerRunsIsRebuiltAfterASearchFails(@TempDir Path own)
      throws Exception {
    try (LspHarness h = new LspHarness(dir, own, LspHarness.Features.all())) {
      h.open(
          """
          %! main.tex
          \\documentclass{article}
          \\begin{document}
          \\citep{ziyin2024remove|}
          \\end{document}
          """);
      h.completeUntil(l -> LspHarness.labels(l).contains("ziyin2024remove"));
      try (var files = Files.walk(own)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (!f.getFileName().toString().startsWith("segments_")) {
            try (var channel =
                java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
              channel.truncate(0);
            }
          }
        }
      }
      // the first search to fail starts the rebuild; completion answers all the while
      h.completeUntil(l -> LspHarness.labels(l).contains("ziyin2024remove"));
      assertTrue(
          h.client.logged.stream()
              .anyMatch(m -> m.getMessage().contains("the catalogue index is damaged (")),
          h.client.logged.stream().map(m -> m.getMessage()).toList().toString());
    }
  }

  private static String value(Hover h) {
    return h == null ? "" : h.getContents().getRight().getValue();
  }
}
