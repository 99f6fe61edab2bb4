package dev.citeassist.settings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.tex.BibtexDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@link Settings} from what a client sends as {@code initializationOptions} or in {@code
 * workspace/didChangeConfiguration}: either the {@code citeassist} section itself or an object
 * holding it. Unknown or malformed values keep the current value.
 */
public final class SettingsParser {

  public static final String SECTION = "citeassist";

  private SettingsParser() {}

  public static Settings parse(Object json, Settings current) {
    if (!(json instanceof JsonObject root)) {
      return current;
    }
    JsonObject o =
        root.has(SECTION) && root.get(SECTION).isJsonObject()
            ? root.getAsJsonObject(SECTION)
            : root;
    int limit = current.completionLimit();
    JsonElement e = o.get("completionLimit");
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      limit = Math.max(1, Math.min(1000, e.getAsInt()));
    }
    Set<String> commands = current.extraCiteCommands();
    if (o.get("citeCommands") instanceof JsonArray a) {
      commands = new LinkedHashSet<>();
      for (JsonElement c : a) {
        if (c.isJsonPrimitive()) {
          commands.add(c.getAsString().replaceFirst("^\\\\", ""));
        }
      }
    }
    BibtexDialect dialect = current.dialect();
    if (o.get("dialect") instanceof JsonElement d
        && d.isJsonPrimitive()
        && d.getAsString().equalsIgnoreCase("auto")) {
      dialect = null;
    } else if (o.get("dialect") instanceof JsonElement d && d.isJsonPrimitive()) {
      try {
        dialect = BibtexDialect.valueOf(d.getAsString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // Keep the current dialect.
      }
    }
    String target = current.targetBib();
    if (o.get("targetBib") instanceof JsonElement t && t.isJsonPrimitive()) {
      target = t.getAsString().isBlank() ? null : t.getAsString();
    }
    List<Path> sources = current.catalogueSources();
    if (o.get("catalogueSources") instanceof JsonArray a) {
      sources = new ArrayList<>();
      for (JsonElement s : a) {
        if (s.isJsonPrimitive()) {
          sources.add(Path.of(s.getAsString()));
        }
      }
    }
    Path cache = current.cacheDir();
    if (o.get("cacheDir") instanceof JsonElement c
        && c.isJsonPrimitive()
        && !c.getAsString().isBlank()) {
      cache = Path.of(c.getAsString());
    }
    List<Path> bibFolders = current.bibFolders();
    if (o.get("bibFolders") instanceof JsonArray a) {
      bibFolders = new ArrayList<>();
      for (JsonElement f : a) {
        if (f.isJsonPrimitive() && !f.getAsString().isBlank()) {
          bibFolders.add(Path.of(f.getAsString()));
        }
      }
    }
    String keyPattern = current.keyPattern();
    if (o.get("keyPattern") instanceof JsonElement k && k.isJsonPrimitive()) {
      String p = k.getAsString().trim();
      if (p.isEmpty()) {
        keyPattern = null;
      } else {
        try {
          KeyPattern.parse(p);
          keyPattern = p;
        } catch (IllegalArgumentException ignored) {
          // Keep the current pattern.
        }
      }
    }
    return new Settings(
        limit,
        commands,
        dialect,
        target,
        sources,
        cache,
        keyPattern,
        bibFolders,
        remote(o, current.remoteCatalogue()));
  }

  /**
   * {@code catalogueUrl} (empty: the local catalogue), {@code catalogueUser}, {@code
   * cataloguePassword}, {@code catalogueApiKey}, {@code catalogueCaCertificate}, {@code
   * catalogueTimeoutMillis}; each absent one keeps its current value.
   */
  private static RemoteCatalogueSettings remote(JsonObject o, RemoteCatalogueSettings current) {
    RemoteCatalogueSettings c =
        current != null
            ? current
            : new RemoteCatalogueSettings(
                null, null, null, null, null, RemoteCatalogueSettings.DEFAULT_TIMEOUT_MILLIS);
    String url = string(o, "catalogueUrl", c.url());
    if (url == null || url.isBlank()) {
      return null;
    }
    String ca = string(o, "catalogueCaCertificate", null);
    Path caPath = ca == null ? c.caCertificate() : ca.isBlank() ? null : Path.of(ca);
    int timeout = c.timeoutMillis();
    JsonElement t = o.get("catalogueTimeoutMillis");
    if (t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isNumber()) {
      timeout = Math.max(50, Math.min(60_000, t.getAsInt()));
    }
    return new RemoteCatalogueSettings(
        url.strip(),
        blankToNull(string(o, "catalogueUser", c.user())),
        string(o, "cataloguePassword", c.password()),
        blankToNull(string(o, "catalogueApiKey", c.apiKey())),
        caPath,
        timeout);
  }

  private static String string(JsonObject o, String name, String current) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : current;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
