package dev.citeassist.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddEntryArgumentsTest {

  private static final MessageJsonHandler JSON = new MessageJsonHandler(java.util.Map.of());

  /** What the server gets back when the client sends the arguments it was given. */
  private static List<Object> overTheWire(List<Object> arguments) {
    String json = JSON.getGson().toJson(arguments);
    List<Object> back = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
      back.add(e);
    }
    return back;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain2024",
        "we\"ird",
        "back\\slash",
        "paren)](x)",
        "line\nbreak\r\n",
        "ünï😀‮",
        "per%25cent+plus and space",
        "\"]) ; [x](command:evil)",
      })
  void commandArgumentsRoundTrip(String key) {
    var args =
        new AddEntryArguments(
            "file:///tmp/a%20b/" + key.replace("\n", ""), key, key + "!", new Position(3, 7));
    Command c = args.command("Add");
    assertEquals(Commands.ADD_ENTRY, c.getCommand());
    assertEquals(args, AddEntryArguments.parse(overTheWire(c.getArguments())));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"we\"ird", "back\\slash", "paren)](x)", "line\nbreak", "ünï😀", "a b+c%d", "\"])"})
  void commandUriRoundTripsAndStaysOneMarkdownLinkTarget(String key) {
    var args = new AddEntryArguments("file:///tmp/p)r[o]j/main.tex", key, key, null);
    String uri = args.commandUri();
    String prefix = "command:" + Commands.ADD_ENTRY + "?";
    assertTrue(uri.startsWith(prefix), uri);
    assertTrue(
        uri.substring(prefix.length()).matches("[A-Za-z0-9.*_%-]+"),
        "characters that markdown could read: " + uri);
    List<Object> back = new ArrayList<>();
    for (JsonElement e :
        JsonParser.parseString(
                URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8))
            .getAsJsonArray()) {
      back.add(e);
    }
    assertEquals(args, AddEntryArguments.parse(back));
  }

  @org.junit.jupiter.api.Test
  void wrongArgumentsAreRefusedWithASentence() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AddEntryArguments.parse(overTheWire(List.of("file:///a.tex", 3))));
    assertTrue(e.getMessage().startsWith("expected a string argument"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AddEntryArguments.parse(List.of("x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> AddEntryArguments.parse(overTheWire(List.of("u", "k", "k", -1, 2))));
  }
}
