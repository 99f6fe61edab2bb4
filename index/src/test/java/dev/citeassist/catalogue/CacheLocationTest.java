package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheLocationTest {

  @Test
  void explicitThenXdgThenPlatformDefault() {
    assertEquals(
        Path.of("/c"),
        CacheLocation.resolve(
            Map.of("CITEASSIST_CACHE", "/c", "XDG_CACHE_HOME", "/x"), "Linux", "/h"));
    assertEquals(
        Path.of("/x/citeassist"),
        CacheLocation.resolve(Map.of("XDG_CACHE_HOME", "/x"), "Linux", "/h"));
    assertEquals(Path.of("/h/.cache/citeassist"), CacheLocation.resolve(Map.of(), "Linux", "/h"));
    assertEquals(
        Path.of("/h/Library/Caches/citeassist"), CacheLocation.resolve(Map.of(), "Mac OS X", "/h"));
  }
}
