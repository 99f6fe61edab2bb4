package dev.citeassist.settings;

import dev.citeassist.bibtex.BibtexDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything the client can configure, section {@code citeassist}, with defaults; immutable and
 * swapped whole on each change. Wire names live in {@link SettingsParser} only.
 *
 * @param completionLimit most completion items returned (then the list is incomplete)
 * @param extraCiteCommands command names (no backslash) that take cite keys like {@code \cite}
 * @param dialect how generated entries are written
 * @param targetBib the {@code .bib} new entries go to (relative to the root document), or null for
 *     the first one the document names
 * @param catalogueSources catalogue sources added to the built-in seeds and to those that {@code
 *     citeassist index} registered
 * @param cacheDir where the catalogue index lives
 * @param bibFolders folders searched for a {@code .bib} the document names that is not beside the
 *     root (before {@code BIBINPUTS}), relative to the root's folder unless absolute
 */
public record Settings(
    int completionLimit,
    Set<String> extraCiteCommands,
    BibtexDialect dialect,
    String targetBib,
    List<Path> catalogueSources,
    Path cacheDir,
    List<Path> bibFolders) {

  public static final int DEFAULT_COMPLETION_LIMIT = 50;

  public Settings {
    extraCiteCommands = Set.copyOf(extraCiteCommands);
    catalogueSources = List.copyOf(catalogueSources);
    bibFolders = List.copyOf(bibFolders);
  }

  public static Settings defaults() {
    return new Settings(
        DEFAULT_COMPLETION_LIMIT,
        Set.of(),
        BibtexDialect.BIBTEX,
        null,
        List.of(),
        defaultCacheDir(),
        List.of());
  }

  /** The catalogue's own default ({@code $CITEASSIST_CACHE}, XDG, platform cache folder). */
  static Path defaultCacheDir() {
    return dev.citeassist.catalogue.CacheLocation.resolve();
  }
}
