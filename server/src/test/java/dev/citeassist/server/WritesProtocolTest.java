package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.citeassist.commands.Commands;
import dev.citeassist.document.Documents;
import dev.citeassist.fixture.Poll;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where and how the server writes {@code .bib} files: inside the workspace only unless the user
 * says "Add", through symbolic links knowingly, keeping the file's mode, never past an unsaved
 * buffer; and command arguments that survive any key or path.
 */
class WritesProtocolTest {

  static final String VICTIM = "@misc{mine, title = {Keep me}}\n";

  @TempDir static Path cache;
  @TempDir Path base;
  Path dir;
  Path elsewhere;

  @BeforeAll
  static void needsIndex() {
    IndexAvailable.assume();
  }

  @BeforeEach
  void folders() throws Exception {
    dir = Files.createDirectories(base.resolve("project"));
    elsewhere = Files.createDirectories(base.resolve("elsewhere"));
  }

  private static String project(String bibliography) {
    return """
        %! main.tex
        \\documentclass{article}
        \\begin{document}
        As shown by \\citep{symm|}.
        \\bibliography{BIB}
        \\end{document}
        """
        .replace("BIB", bibliography);
  }

  private static LspHarness.Features features(boolean applyEdit) {
    return applyEdit ? LspHarness.Features.all() : LspHarness.Features.none();
  }

  private static CompletionItem symmetry(LspHarness h) throws Exception {
    var list = h.completeUntil(l -> l.getItems().size() >= 3);
    return list.getItems().stream()
        .limit(3)
        .filter(i -> i.getDetail().contains(CompletionProtocolTest.SYMMETRY_TITLE))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no symmetry paper in " + LspHarness.labels(list)));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> shown(LspHarness h) {
    return h.client.shown.stream().map(MessageParams::getMessage).toList();
  }

  @ParameterizedTest(name = "{0} with applyEdit={1}, answered {2}")
  @CsvSource({
    "relative, true, Cancel",
    "relative, false, Cancel",
    "absolute, true, Add",
    "absolute, false, Add",
    "relative, false, Add",
    "absolute, true, Cancel",
    "relative, false, ", // dismissed
  })
  void bibliographyOutsideTheWorkspaceIsWrittenOnlyWhenTheUserSaysAdd(
      String how, boolean applyEdit, String answer) throws Exception {
    Path victim = elsewhere.resolve("victim.bib");
    Files.writeString(victim, VICTIM);
    String name =
        how.equals("absolute") ? elsewhere.resolve("victim").toString() : "../elsewhere/victim";
    try (LspHarness h = new LspHarness(dir, cache, features(applyEdit))) {
      h.client.answer = answer;
      h.open(project(name));
      CompletionItem item = symmetry(h);
      h.accept(item);

      assertEquals(1, h.client.questions.size(), "the user was not asked");
      var q = h.client.questions.get(0);
      assertEquals(
          "Add the entry to " + victim.toRealPath() + ", outside the workspace?", q.getMessage());
      assertEquals(
          List.of("Add", "Cancel"), q.getActions().stream().map(a -> a.getTitle()).toList());
      if ("Add".equals(answer)) {
        String after = applyEdit ? h.text(victim) : Files.readString(victim);
        assertTrue(after.startsWith(VICTIM), after);
        assertTrue(after.contains("{" + item.getLabel() + ","), after);
        assertEquals(applyEdit ? 1 : 0, h.client.edits.size());
      } else {
        assertEquals(VICTIM, Files.readString(victim));
        assertFalse(h.isOpen(victim), "the editor was asked to edit it");
        assertTrue(h.client.edits.isEmpty());
        assertTrue(
            shown(h)
                .contains(
                    "Nothing was written: " + victim.toRealPath() + " is outside the workspace."),
            String.valueOf(shown(h)));
      }
      assertEquals(List.of("victim.bib"), names(elsewhere));
      assertEquals(List.of("main.tex"), names(dir));
    }
  }

  @ParameterizedTest(name = "applyEdit={0}")
  @CsvSource({"true", "false"})
  void noFolderIsCreatedOutsideTheWorkspaceEvenIfTheUserWouldSayAdd(boolean applyEdit)
      throws Exception {
    try (LspHarness h = new LspHarness(dir, cache, features(applyEdit))) {
      h.client.answer = "Add";
      h.open(project("../new/deeper/victim"));
      h.accept(symmetry(h));
      assertTrue(h.client.questions.isEmpty());
      assertFalse(Files.exists(base.resolve("new")));
      assertTrue(h.client.edits.isEmpty());
      Path missing = base.toRealPath().resolve("new/deeper/victim.bib");
      assertTrue(
          shown(h)
              .contains(
                  "Nothing was written: "
                      + missing
                      + " is outside the workspace, and its folder does not exist."),
          String.valueOf(shown(h)));
    }
  }

  @ParameterizedTest(name = "applyEdit={0}")
  @CsvSource({"true", "false"})
  void quickFixToABibOutsideTheWorkspaceAsksToo(boolean applyEdit) throws Exception {
    Path victim = elsewhere.resolve("victim.bib");
    Files.writeString(victim, VICTIM);
    try (LspHarness h = new LspHarness(dir, cache, features(applyEdit))) {
      h.client.answer = "Cancel";
      Path tex = h.open(project("../elsewhere/victim"));
      String key = symmetry(h).getLabel();
      Position end = h.cursor();
      h.change(
          tex,
          new TextEdit(new Range(new Position(end.getLine(), end.getCharacter() - 4), end), key));
      List<Diagnostic> found =
          DiagnosticsProtocolTest.diagnostics(
              h, tex, l -> l.size() == 1 && l.get(0).getMessage().contains(key));
      addFromTheCatalogue(h, tex, found, key);
      assertEquals(1, h.client.questions.size());
      assertEquals(VICTIM, Files.readString(victim));

      h.client.answer = "Add";
      addFromTheCatalogue(h, tex, found, key);
      assertEquals(2, h.client.questions.size());
      String after = applyEdit ? h.text(victim) : Files.readString(victim);
      assertTrue(after.startsWith(VICTIM) && after.contains("{" + key + ","), after);
    }
  }

  @ParameterizedTest(name = "applyEdit={0}")
  @CsvSource({"true", "false"})
  void symlinkedBibStaysALinkAndItsTargetGetsTheEntry(boolean applyEdit) throws Exception {
    Path target = Files.createDirectories(dir.resolve("shared")).resolve("library.bib");
    Files.writeString(target, VICTIM);
    Path link = Files.createSymbolicLink(dir.resolve("refs.bib"), Path.of("shared/library.bib"));
    try (LspHarness h = new LspHarness(dir, cache, features(applyEdit))) {
      h.open(project("refs"));
      CompletionItem item = symmetry(h);
      h.accept(item);
      assertTrue(h.client.questions.isEmpty(), "inside the workspace: no question");
      assertTrue(Files.isSymbolicLink(link));
      // An editor saves the buffer through the link; without applyEdit the server wrote the target.
      String after = applyEdit ? h.text(link) : Files.readString(target);
      assertTrue(after.startsWith(VICTIM) && after.contains("{" + item.getLabel() + ","), after);
      assertEquals(List.of("library.bib"), names(target.getParent()));
    }
  }

  @Test
  void symlinkToABibOutsideTheWorkspaceIsCheckedWhereItPoints() throws Exception {
    Path victim = elsewhere.resolve("secret.bib");
    Files.writeString(victim, VICTIM);
    Path link = Files.createSymbolicLink(dir.resolve("refs.bib"), victim);
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.client.answer = "Cancel";
      h.open(project("refs"));
      h.accept(symmetry(h));
      assertEquals(1, h.client.questions.size());
      assertEquals(
          "Add the entry to "
              + victim.toRealPath()
              + " ("
              + link
              + " links there), outside the workspace?",
          h.client.questions.get(0).getMessage());
      assertTrue(Files.isSymbolicLink(link));
      assertEquals(VICTIM, Files.readString(victim));
    }
  }

  @Test
  void danglingSymlinkIsNotWrittenThrough() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("refs.bib"), dir.resolve("gone/refs.bib"));
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(project("refs"));
      h.accept(symmetry(h));
      assertTrue(Files.isSymbolicLink(link));
      assertFalse(Files.exists(dir.resolve("gone")));
      assertTrue(
          shown(h).stream()
              .anyMatch(m -> m.contains("symbolic link to a file or folder that does not exist")),
          String.valueOf(shown(h)));
    }
  }

  @Test
  void writingKeepsTheModeAndLeavesNoTemporaryFile() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path bib = refsBib();
    Files.setPosixFilePermissions(bib, PosixFilePermissions.fromString("rw-r--r--"));
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(project("refs"));
      CompletionItem item = symmetry(h);
      h.accept(item);
      assertTrue(Files.readString(bib).contains("{" + item.getLabel() + ","));
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(bib)));
      assertEquals(List.of("main.tex", "refs.bib"), names(dir));
    }
  }

  @Test
  void leftoverTemporaryFilesOfAStoppedWriterAreDeletedWhenTheProjectIsSeen() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path bib = refsBib();
    Path leftover = dir.resolve(".refs.bib.citeassist-" + gone.pid() + ".tmp");
    Files.writeString(leftover, VICTIM + "@misc{half");
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(project("refs"));
      Poll.until(Poll.TIMEOUT, "the leftover deleted", () -> !Files.exists(leftover));
      assertEquals(VICTIM, Files.readString(bib));
    }
  }

  @Test
  void withoutApplyEditAnUnsavedBufferIsNotBypassed() throws Exception {
    Path bib = refsBib();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      String unsaved = typeAnUnsavedEntry(h, bib);
      CompletionItem item = symmetry(h);
      assertEquals(addEntryAnswer(item.getLabel(), bib, false), h.accept(item));
      assertEquals(VICTIM, Files.readString(bib));
      assertEquals(VICTIM + unsaved, h.text(bib));
      assertTrue(
          shown(h).stream().anyMatch(m -> m.startsWith("refs.bib has unsaved changes")),
          String.valueOf(shown(h)));
    }
  }

  @Test
  void withApplyEditTheEntryGoesIntoTheUnsavedBufferAtItsVersion() throws Exception {
    Path bib = refsBib();
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      String unsaved = typeAnUnsavedEntry(h, bib);
      CompletionItem item = symmetry(h);
      // Answered after the edit was applied, with the .bib for the client to save.
      assertEquals(addEntryAnswer(item.getLabel(), bib, true), h.accept(item));
      // The harness fails an edit for a stale version.
      assertEquals(
          2,
          h.client
              .edits
              .get(0)
              .getEdit()
              .getDocumentChanges()
              .get(0)
              .getLeft()
              .getTextDocument()
              .getVersion());
      assertTrue(h.text(bib).startsWith(VICTIM + unsaved), h.text(bib));
      assertTrue(h.text(bib).contains("{" + item.getLabel() + ","), h.text(bib));
      assertEquals(VICTIM, Files.readString(bib), "the server wrote the disk");
    }
  }

  @Test
  void keysWithQuotesAndBackslashesRoundTripThroughTheCommand() throws Exception {
    String key = "we\"ird\\key)](x)\n ü😀";
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.none())) {
      h.open(project("refs"));
      h.server
          .getWorkspaceService()
          .executeCommand(
              new ExecuteCommandParams(
                  Commands.ADD_ENTRY, new ArrayList<>(List.of(h.uri(), key, key, 3, 19))))
          .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(List.of("No catalogue paper has the key " + key + "."), shown(h));
      assertEquals(List.of("main.tex"), names(dir));
    }
  }

  @Test
  void hoverLinkSurvivesAFolderNameWithQuotesAndBrackets() throws Exception {
    dir = Files.createDirectories(base.resolve("we\"ird) (pro]ject [ü] \\ x"));
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      h.open(project("refs").replace("{symm|}", "{ziyin2024remove|}") + "%! refs.bib\n" + VICTIM);
      String key = "ziyin2024remove";
      String text =
          Poll.until(
              Poll.TIMEOUT,
              "a hover with a command link",
              () -> {
                var hover = h.hover(h.cursor());
                return hover == null ? null : hover.getContents().getRight().getValue();
              },
              t -> t != null && t.contains("command:"));
      Matcher m =
          Pattern.compile("\\[add it\\]\\((command:[^()\\s\\[\\]\"\\\\]+)\\)$").matcher(text);
      assertTrue(m.find(), text);
      String uri = m.group(1);
      String prefix = "command:" + Commands.ADD_ENTRY + "?";
      assertTrue(uri.startsWith(prefix), uri);
      JsonArray args =
          JsonParser.parseString(
                  URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8))
              .getAsJsonArray();
      assertEquals(h.uri(), args.get(0).getAsString());
      assertEquals(key, args.get(1).getAsString());

      List<Object> asSent = new ArrayList<>();
      for (JsonElement e : args) {
        asSent.add(e.getAsString());
      }
      h.server
          .getWorkspaceService()
          .executeCommand(new ExecuteCommandParams(Commands.ADD_ENTRY, asSent))
          .get(LspHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Path bib = dir.resolve("refs.bib");
      assertTrue(
          h.text(bib).startsWith(VICTIM) && h.text(bib).contains("{" + key + ","), h.text(bib));
      assertTrue(h.client.questions.isEmpty());
      assertEquals(Documents.path(h.uri()), dir.resolve("main.tex").toAbsolutePath().normalize());
    }
  }

  /** refs.bib in the project folder, holding {@link #VICTIM}. */
  private Path refsBib() throws IOException {
    Path bib = dir.resolve("refs.bib");
    Files.writeString(bib, VICTIM);
    return bib;
  }

  /** Opens the project and refs.bib, and types an entry into refs.bib without saving it. */
  private String typeAnUnsavedEntry(LspHarness h, Path bib) throws Exception {
    h.open(project("refs"), "refs.bib");
    String unsaved = "@misc{unsaved, title = {Typed, not saved}}\n";
    h.change(bib, new TextEdit(new Range(new Position(1, 0), new Position(1, 0)), unsaved));
    return unsaved;
  }

  /** Applies the quick fix that adds {@code key} from the catalogue to victim.bib. */
  private static void addFromTheCatalogue(
      LspHarness h, Path tex, List<Diagnostic> found, String key) throws Exception {
    DiagnosticsProtocolTest.apply(
        h,
        tex,
        DiagnosticsProtocolTest.titled(
            DiagnosticsProtocolTest.actions(h, tex, found),
            "Add `" + key + "` from the catalogue to victim.bib"));
  }

  /** What the add-entry command answers, as the client receives it (Gson reads it as a map). */
  private static Map<String, Object> addEntryAnswer(String key, Path bib, boolean appended) {
    return Map.of("key", key, "bib", Documents.uri(bib), "appended", appended);
  }
}
