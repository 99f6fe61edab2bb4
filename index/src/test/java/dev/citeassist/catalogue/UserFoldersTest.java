package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {

  @Test
  void cacheIsExplicitThenXdgThenPlatformDefault() {
    assertEquals(
        Path.of("/c"),
        new UserFolders(Map.of("CITEASSIST_CACHE", "/c", "XDG_CACHE_HOME", "/x"), "Linux", "/h")
            .cache());
    assertEquals(
        Path.of("/x/citeassist"),
        new UserFolders(Map.of("XDG_CACHE_HOME", "/x"), "Linux", "/h").cache());
    assertEquals(Path.of("/h/.cache/citeassist"), new UserFolders(Map.of(), "Linux", "/h").cache());
    assertEquals(
        Path.of("/h/Library/Caches/citeassist"),
        new UserFolders(Map.of(), "Mac OS X", "/h").cache());
    assertEquals(
        Path.of("L:/citeassist"),
        new UserFolders(Map.of("LOCALAPPDATA", "L:"), "Windows 11", "/h").cache());
    assertEquals(
        Path.of("/h/.cache/citeassist"),
        new UserFolders(Map.of("XDG_CACHE_HOME", " "), "Windows 11", "/h").cache());
  }

  @Test
  void configIsExplicitThenXdgThenPlatformDefault() {
    assertEquals(
        Path.of("/c"),
        new UserFolders(Map.of("CITEASSIST_CONFIG", "/c", "XDG_CONFIG_HOME", "/x"), "Linux", "/h")
            .config());
    assertEquals(
        Path.of("/x/citeassist"),
        new UserFolders(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/h").config());
    assertEquals(
        Path.of("/h/.config/citeassist"), new UserFolders(Map.of(), "Linux", "/h").config());
    assertEquals(
        Path.of("/h/Library/Application Support/citeassist"),
        new UserFolders(Map.of(), "Mac OS X", "/h").config());
    assertEquals(
        Path.of("R:/citeassist"),
        new UserFolders(Map.of("APPDATA", "R:", "LOCALAPPDATA", "L:"), "Windows 11", "/h")
            .config());
  }
}
