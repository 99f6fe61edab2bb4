package dev.citeassist.catalogue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where CiteAssist keeps its indexes: {@code $CITEASSIST_CACHE} if set, else {@code
 * $XDG_CACHE_HOME/citeassist}, else the platform's cache folder ({@code ~/.cache/citeassist} on
 * Linux, {@code ~/Library/Caches/citeassist} on macOS, {@code %LOCALAPPDATA%\citeassist} on
 * Windows). Everything there can be deleted at any time: it is rebuilt from the sources.
 */
public final class CacheLocation {

  private CacheLocation() {}

  public static Path resolve() {
    return resolve(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
  }

  static Path resolve(Map<String, String> env, String osName, String home) {
    String explicit = env.get("CITEASSIST_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "citeassist");
    }
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Caches", "citeassist");
    }
    String localAppData = env.get("LOCALAPPDATA");
    if (os.contains("win") && localAppData != null) {
      return Path.of(localAppData, "citeassist");
    }
    return Path.of(home, ".cache", "citeassist");
  }
}
