package dev.citeassist.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.citeassist.settings.SettingsParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's command ids and setting names against its clients' lists: the VS Code extension's
 * {@code src/ids.ts} and {@code package.json}, and the settings table of the repository README. The
 * commands are those the running server advertises ({@code executeCommandProvider}), the settings
 * those {@link SettingsParser} reads. (The extension's own test ties ids.ts to package.json and its
 * README.) A side that adds an id or a setting the other lacks fails here.
 */
class ClientContractTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path IDS = REPO.resolve("client-vscode/src/ids.ts");

  @TempDir Path dir;
  @TempDir Path cache;

  @Test
  void theServerAdvertisesExactlyTheCommandsTheExtensionCalls() throws Exception {
    Set<String> advertised;
    try (LspHarness h = new LspHarness(dir, cache, LspHarness.Features.all())) {
      advertised =
          new TreeSet<>(h.initialized.getCapabilities().getExecuteCommandProvider().getCommands());
    }
    assertEquals(quoted(tsBlock("export const ServerCommands = {", "} as const;")), advertised);
    Set<String> contributed = new TreeSet<>();
    for (JsonElement c : packageJson().getAsJsonObject("contributes").getAsJsonArray("commands")) {
      contributed.add(c.getAsJsonObject().get("command").getAsString());
    }
    for (String id : advertised) {
      assertFalse(
          contributed.contains(id), id + " is the server's: the extension must not contribute it");
    }
  }

  @Test
  void theExtensionSendsExactlyTheSettingsTheServerReads() throws Exception {
    Set<String> read = new TreeSet<>(SettingsParser.NAMES);
    assertEquals(read, quoted(tsBlock("export const SERVER_SETTINGS = [", "] as const;")));
    Set<String> declared =
        packageJson()
            .getAsJsonObject("contributes")
            .getAsJsonObject("configuration")
            .getAsJsonObject("properties")
            .keySet();
    for (String name : read) {
      assertTrue(declared.contains(SettingsParser.SECTION + "." + name), name + " in package.json");
    }
  }

  @Test
  void theReadmeSettingsTableHasEverySettingTheServerReads() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    int table = readme.indexOf("| setting | default | what |");
    assertTrue(table >= 0, "the README's settings table");
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE).matcher(readme);
    m.region(table, readme.indexOf("\n\n", table));
    while (m.find()) {
      rows.add(m.group(1));
    }
    assertEquals(rows.size(), Set.copyOf(rows).size(), "each setting once: " + rows);
    assertEquals(new TreeSet<>(SettingsParser.NAMES), new TreeSet<>(rows));
  }

  private static JsonObject packageJson() throws IOException {
    return JsonParser.parseString(Files.readString(REPO.resolve("client-vscode/package.json")))
        .getAsJsonObject();
  }

  /** The text of ids.ts between {@code start} and the next {@code end}. */
  private static String tsBlock(String start, String end) throws IOException {
    String ts = Files.readString(IDS);
    int from = ts.indexOf(start);
    assertTrue(from >= 0, "ids.ts has " + start);
    int to = ts.indexOf(end, from);
    assertTrue(to > from, "ids.ts closes " + start);
    return ts.substring(from + start.length(), to);
  }

  /** The single-quoted strings of a TypeScript block, comments left out. */
  private static Set<String> quoted(String block) {
    String code = block.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("'([^'\\\\]*)'").matcher(code);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertFalse(out.isEmpty(), "no ids in " + block);
    return out;
  }
}
