package dev.citeassist.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.citeassist.catalogue.RecordJson;
import dev.citeassist.commands.Commands;
import dev.citeassist.search.CatalogueBackend;
import dev.citeassist.search.SearchQuery;
import java.io.IOException;
import java.util.List;

/**
 * The catalogue's commands: {@value Commands#SEARCH} answers the JSON of {@code citeassist search
 * --json} (one object per hit: key, score, title, authors, etAl, year, venue, category, doi,
 * arxivId, url, abstract); {@value Commands#REBUILD_CATALOGUE} is handled by the server, which owns
 * the catalogue's configuration.
 */
final class CatalogueCommands {

  static final int DEFAULT_LIMIT = 20;

  private CatalogueCommands() {}

  /**
   * Arguments: the query, then optionally the most hits (1 to 1000). An empty array without a
   * catalogue.
   */
  static JsonArray search(List<Object> arguments, CatalogueBackend index) throws IOException {
    String query = arguments == null || arguments.isEmpty() ? "" : string(arguments.get(0));
    int limit = DEFAULT_LIMIT;
    if (arguments != null && arguments.size() > 1) {
      try {
        limit = Math.max(1, Math.min(1000, (int) Double.parseDouble(string(arguments.get(1)))));
      } catch (NumberFormatException e) {
        // Keep the default.
      }
    }
    if (index == null || query.isBlank()) {
      return new JsonArray();
    }
    // The shape of `citeassist search --json`, written in one place (RecordJson).
    return JsonParser.parseString(RecordJson.hits(index.search(SearchQuery.of(query, limit))))
        .getAsJsonArray();
  }

  private static String string(Object o) {
    if (o instanceof JsonPrimitive p) {
      return p.getAsString();
    }
    return o instanceof JsonElement e && e.isJsonNull() ? "" : String.valueOf(o);
  }
}
