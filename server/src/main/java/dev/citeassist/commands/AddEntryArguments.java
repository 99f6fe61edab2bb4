package dev.citeassist.commands;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;

/**
 * The arguments of {@value Commands#ADD_ENTRY}, in the one place that turns them into JSON and
 * back: a {@link Command} (LSP4J's Gson serialises its list) and a markdown {@code command:} link
 * (the same list serialised here by Gson, then percent-encoded as VS Code decodes it), so no key or
 * path (quotes, backslashes, brackets, parentheses, line breaks, any Unicode) can break out of
 * either.
 *
 * @param texUri the {@code .tex} document's URI
 * @param insertedKey the key the completion or quick fix inserted
 * @param catalogueKey the catalogue paper's key
 * @param keyStart where the inserted key starts (line, UTF-16 column), or null when unknown (then
 *     the text is not changed even if another key is used)
 */
public record AddEntryArguments(
    String texUri, String insertedKey, String catalogueKey, Position keyStart) {

  private static final Gson GSON = new Gson();

  public AddEntryArguments {
    if (texUri == null || insertedKey == null || catalogueKey == null) {
      throw new IllegalArgumentException("the document, the key and the catalogue key are needed");
    }
  }

  /** The list a {@link Command} carries. */
  public List<Object> toList() {
    List<Object> list = new ArrayList<>(List.of(texUri, insertedKey, catalogueKey));
    if (keyStart != null) {
      list.add(keyStart.getLine());
      list.add(keyStart.getCharacter());
    }
    return list;
  }

  public Command command(String title) {
    return new Command(title, Commands.ADD_ENTRY, toList());
  }

  /** A {@code command:} URI for a markdown link; safe inside {@code [text](…)}. */
  public String commandUri() {
    JsonArray array = GSON.toJsonTree(toList()).getAsJsonArray();
    // URLEncoder escapes everything but letters, digits and . - * _ (so also ( ) [ ] and quotes).
    String query =
        URLEncoder.encode(GSON.toJson(array), StandardCharsets.UTF_8).replace("+", "%20");
    return "command:" + Commands.ADD_ENTRY + "?" + query;
  }

  /**
   * The arguments as the client sent them: JSON values through JSON-RPC, or Java values in-process.
   *
   * @throws IllegalArgumentException when they are missing or of the wrong type
   */
  public static AddEntryArguments parse(List<Object> arguments) {
    if (arguments == null || arguments.size() < 2) {
      throw new IllegalArgumentException(
          Commands.ADD_ENTRY + " needs the document and the key as arguments");
    }
    String texUri = string(arguments.get(0));
    String insertedKey = string(arguments.get(1));
    String catalogueKey = arguments.size() > 2 ? string(arguments.get(2)) : insertedKey;
    Position start =
        arguments.size() > 4
            ? new Position(integer(arguments.get(3)), integer(arguments.get(4)))
            : null;
    return new AddEntryArguments(texUri, insertedKey, catalogueKey, start);
  }

  private static String string(Object o) {
    if (o instanceof JsonPrimitive p && p.isString()) {
      return p.getAsString();
    }
    if (o instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("expected a string argument, got " + kind(o));
  }

  private static int integer(Object o) {
    Number n = null;
    if (o instanceof JsonPrimitive p && p.isNumber()) {
      n = p.getAsNumber();
    } else if (o instanceof Number x) {
      n = x;
    }
    if (n == null || n.doubleValue() != Math.floor(n.doubleValue()) || n.doubleValue() < 0) {
      throw new IllegalArgumentException("expected a line or column number, got " + kind(o));
    }
    return (int) Math.min(Integer.MAX_VALUE, n.longValue());
  }

  private static String kind(Object o) {
    return o instanceof JsonElement e
        ? e.getClass().getSimpleName()
        : String.valueOf(o == null ? null : o.getClass().getSimpleName());
  }
}
