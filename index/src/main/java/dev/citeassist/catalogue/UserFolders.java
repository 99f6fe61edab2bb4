package dev.citeassist.catalogue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that knows where CiteAssist keeps files for a user, by the XDG rules and the
 * platform's folders.
 *
 * <ul>
 *   <li>{@link #cache()}, the indexes: {@code $CITEASSIST_CACHE} if set, else {@code
 *       $XDG_CACHE_HOME/citeassist}, else {@code ~/Library/Caches/citeassist} on macOS, {@code
 *       %LOCALAPPDATA%\citeassist} on Windows, {@code ~/.cache/citeassist} elsewhere. Everything
 *       there can be deleted at any time: it is rebuilt from the sources.
 *   <li>{@link #config()}, the user's choices (the list of sources): {@code $CITEASSIST_CONFIG} if
 *       set, else {@code $XDG_CONFIG_HOME/citeassist}, else {@code ~/Library/Application
 *       Support/citeassist} on macOS, {@code %APPDATA%\citeassist} on Windows, {@code
 *       ~/.config/citeassist} elsewhere.
 * </ul>
 *
 * @param env the environment variables
 * @param osName the {@code os.name} system property
 * @param home the user's home folder
 */
public record UserFolders(Map<String, String> env, String osName, String home) {

  /** The folders of the user running this JVM. */
  public static UserFolders ofThisProcess() {
    return new UserFolders(
        System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
  }

  public Path cache() {
    return folder("CITEASSIST_CACHE", "XDG_CACHE_HOME", "LOCALAPPDATA", ".cache", "Caches");
  }

  public Path config() {
    return folder(
        "CITEASSIST_CONFIG", "XDG_CONFIG_HOME", "APPDATA", ".config", "Application Support");
  }

  private Path folder(
      String override, String xdg, String windows, String unixDefault, String macFolder) {
    String explicit = env.get(override);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdgHome = env.get(xdg);
    if (xdgHome != null && !xdgHome.isBlank()) {
      return Path.of(xdgHome, "citeassist");
    }
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", macFolder, "citeassist");
    }
    String windowsHome = env.get(windows);
    if (os.contains("win") && windowsHome != null) {
      return Path.of(windowsHome, "citeassist");
    }
    return Path.of(home, unixDefault, "citeassist");
  }
}
