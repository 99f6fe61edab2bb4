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

  private static final String COMPLETION_LIMIT = "completionLimit";
  private static final String CITE_COMMANDS = "citeCommands";
  private static final String DIALECT = "dialect";
  private static final String TARGET_BIB = "targetBib";
  private static final String CATALOGUE_SOURCES = "catalogueSources";
  private static final String CACHE_DIR = "cacheDir";
  private static final String BIB_FOLDERS = "bibFolders";
  private static final String KEY_PATTERN = "keyPattern";
  private static final String CATALOGUE_URL = "catalogueUrl";
  private static final String CATALOGUE_USER = "catalogueUser";
  private static final String CATALOGUE_PASSWORD = "cataloguePassword";
  private static final String CATALOGUE_API_KEY = "catalogueApiKey";
  private static final String CATALOGUE_CA_CERTIFICATE = "catalogueCaCertificate";
  private static final String CATALOGUE_TIMEOUT_MILLIS = "catalogueTimeoutMillis";

  /**
   * Every setting this parser reads, by its wire name: one per {@link Settings} component. The
   * clients' lists (the VS Code extension's package.json and ids.ts, the README) are tested against
   * it.
   */
  public static final List<String> NAMES =
      List.of(
          COMPLETION_LIMIT,
          CITE_COMMANDS,
          DIALECT,
          TARGET_BIB,
          CATALOGUE_SOURCES,
          KEY_PATTERN,
          CACHE_DIR,
          BIB_FOLDERS,
          CATALOGUE_URL,
          CATALOGUE_USER,
          CATALOGUE_PASSWORD,
          CATALOGUE_API_KEY,
          CATALOGUE_CA_CERTIFICATE,
          CATALOGUE_TIMEOUT_MILLIS);

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
    JsonElement e = o.get(COMPLETION_LIMIT);
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      limit = Math.max(1, Math.min(1000, e.getAsInt()));
    }
    Set<String> commands = current.extraCiteCommands();
    if (o.get(CITE_COMMANDS) instanceof JsonArray a) {
      commands = new LinkedHashSet<>();
      for (JsonElement c : a) {
        if (c.isJsonPrimitive()) {
          commands.add(c.getAsString().replaceFirst("^\\\\", ""));
        }
      }
    }
    BibtexDialect dialect = current.dialect();
    if (o.get(DIALECT) instanceof JsonElement d
        && d.isJsonPrimitive()
        && d.getAsString().equalsIgnoreCase("auto")) {
      dialect = null;
    } else if (o.get(DIALECT) instanceof JsonElement d && d.isJsonPrimitive()) {
      try {
        dialect = BibtexDialect.valueOf(d.getAsString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // Keep the current dialect.
      }
    }
    String target = current.targetBib();
    if (o.get(TARGET_BIB) instanceof JsonElement t && t.isJsonPrimitive()) {
      target = t.getAsString().isBlank() ? null : t.getAsString();
    }
    List<Path> sources = current.catalogueSources();
    if (o.get(CATALOGUE_SOURCES) instanceof JsonArray a) {
      sources = new ArrayList<>();
      for (JsonElement s : a) {
        if (s.isJsonPrimitive()) {
          sources.add(Path.of(s.getAsString()));
        }
      }
    }
    Path cache = current.cacheDir();
    if (o.get(CACHE_DIR) instanceof JsonElement c
        && c.isJsonPrimitive()
        && !c.getAsString().isBlank()) {
      cache = Path.of(c.getAsString());
    }
    List<Path> bibFolders = current.bibFolders();
    if (o.get(BIB_FOLDERS) instanceof JsonArray a) {
      bibFolders = new ArrayList<>();
      for (JsonElement f : a) {
        if (f.isJsonPrimitive() && !f.getAsString().isBlank()) {
          bibFolders.add(Path.of(f.getAsString()));
        }
      }
    }
    String keyPattern = current.keyPattern();
    if (o.get(KEY_PATTERN) instanceof JsonElement k && k.isJsonPrimitive()) {
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
        blankToNull(string(o, CATALOGUE_URL, current.catalogueUrl())),
        blankToNull(string(o, CATALOGUE_USER, current.catalogueUser())),
        string(o, CATALOGUE_PASSWORD, current.cataloguePassword()),
        blankToNull(string(o, CATALOGUE_API_KEY, current.catalogueApiKey())),
        path(o, CATALOGUE_CA_CERTIFICATE, current.catalogueCaCertificate()),
        timeout(o, current.catalogueTimeoutMillis()));
  }

  /** A path setting: an empty string clears it, anything but a string keeps the current one. */
  private static Path path(JsonObject o, String name, Path current) {
    String s = string(o, name, null);
    return s == null ? current : s.isBlank() ? null : Path.of(s.strip());
  }

  private static int timeout(JsonObject o, int current) {
    JsonElement t = o.get(CATALOGUE_TIMEOUT_MILLIS);
    if (t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isNumber()) {
      return Math.max(50, Math.min(60_000, t.getAsInt()));
    }
    return current;
  }

  private static String string(JsonObject o, String name, String current) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : current;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
