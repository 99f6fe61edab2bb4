package dev.citeassist.settings;

import dev.citeassist.citekey.KeyPattern;
import dev.citeassist.latex.DialectDetection;
import dev.citeassist.tex.BibtexDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything the client can configure, section {@code citeassist}, with defaults; immutable and
 * swapped whole on each change. Wire names live in {@link SettingsParser} only.
 *
 * @param completionLimit most completion items returned (then the list is incomplete)
 * @param extraCiteCommands command names (no backslash) that take cite keys like {@code \cite}
 * @param dialect how generated entries are written, or null to detect it from the root document
 *     (see {@link #dialectFor})
 * @param targetBib the {@code .bib} new entries go to (relative to the root document), or null for
 *     the first one the document names
 * @param catalogueSources catalogue sources added to the built-in seeds and to those that {@code
 *     citeassist index} registered
 * @param cacheDir where the catalogue index lives
 * @param keyPattern how catalogue keys are made (JabRef syntax, e.g. {@code
 *     [auth:lower][year][veryshorttitle:lower]}), or null for the catalogue's default
 * @param bibFolders folders searched for a {@code .bib} the document names that is not beside the
 *     root (before {@code BIBINPUTS}), relative to the root's folder unless absolute
 * @param catalogueUrl a shared catalogue on an OpenSearch cluster to search instead of the local
 *     one ({@code http[s]://host:port[/name]}, several nodes comma-separated), or null
 * @param catalogueUser with {@code cataloguePassword}: basic authentication to it, or null
 * @param cataloguePassword the basic-auth password, or null
 * @param catalogueApiKey sent as {@code Authorization: ApiKey …} instead, or null
 * @param catalogueCaCertificate a PEM file of a certificate authority to trust for it, or null
 * @param catalogueTimeoutMillis the longest a call to it may take, retries included
 */
public record Settings(
    int completionLimit,
    Set<String> extraCiteCommands,
    BibtexDialect dialect,
    String targetBib,
    List<Path> catalogueSources,
    Path cacheDir,
    String keyPattern,
    List<Path> bibFolders,
    String catalogueUrl,
    String catalogueUser,
    String cataloguePassword,
    String catalogueApiKey,
    Path catalogueCaCertificate,
    int catalogueTimeoutMillis) {

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
        null,
        null,
        List.of(),
        defaultCacheDir(),
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        RemoteCatalogueSettings.DEFAULT_TIMEOUT_MILLIS);
  }

  /** The shared catalogue to search instead of the local one, or null for the local one. */
  public RemoteCatalogueSettings remoteCatalogue() {
    if (catalogueUrl == null || catalogueUrl.isBlank()) {
      return null;
    }
    return new RemoteCatalogueSettings(
        catalogueUrl,
        catalogueUser,
        cataloguePassword,
        catalogueApiKey,
        catalogueCaCertificate,
        catalogueTimeoutMillis);
  }

  /**
   * The dialect for a project whose root document has {@code rootText} (null when unknown): the
   * configured one, else biblatex when the root loads the {@code biblatex} package, else bibtex (a
   * {@code \bibliographystyle}, or nothing to go by).
   */
  public BibtexDialect dialectFor(String rootText) {
    return dialect != null ? dialect : DialectDetection.detect(rootText);
  }

  /** The cite-key pattern, parsed ({@link KeyPattern#DEFAULT} when none is set). */
  public KeyPattern keyPatternOrDefault() {
    return keyPattern == null ? KeyPattern.DEFAULT : KeyPattern.parse(keyPattern);
  }

  /** The catalogue's own default ({@code $CITEASSIST_CACHE}, XDG, platform cache folder). */
  static Path defaultCacheDir() {
    return dev.citeassist.catalogue.UserFolders.ofThisProcess().cache();
  }
}
