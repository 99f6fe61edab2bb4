package dev.citeassist.paper;

import java.util.regex.Pattern;

/**
 * The shapes of DOIs and arXiv identifiers, written once: the readers, the index and the server
 * build their patterns from these pieces (regular-expression source, without groups of their own).
 * The arXiv pieces use lower-case letters: match case-insensitively or on lower-cased text.
 * Stateless.
 */
public final class IdentifierSyntax {

  /** A new-style arXiv id, {@code 2408.15495}. */
  public static final String ARXIV_NEW_ID = "\\d{4}\\.\\d{4,5}";

  /**
   * An arXiv id without its version: new style, or old style {@code hep-th/9901001}, {@code
   * math.AG/0101001}.
   */
  public static final String ARXIV_ID =
      "(?:" + ARXIV_NEW_ID + "|[a-z][a-z-]+(?:\\.[a-z]{2})?/\\d{7})";

  /** The optional version after an arXiv id, {@code v2}. */
  public static final String ARXIV_VERSION = "(?:v\\d+)?";

  /**
   * arXiv's abstract or PDF page, before the id: {@code arxiv.org/abs/}, {@code arxiv.org/pdf/}.
   */
  public static final String ARXIV_PAGE = "arxiv\\.org/(?:abs|pdf)/";

  /** The DOI prefix arXiv registers its papers under, before the id: {@code 10.48550/arXiv.}. */
  public static final String ARXIV_DOI_PREFIX = "10\\.48550/arxiv\\.";

  /** A DOI: {@code 10.}, a registrant code, a slash, a suffix without white space. */
  public static final String DOI = "10\\.\\d{4,9}/\\S+";

  /**
   * What may stand before a DOI: {@code https://doi.org/}, {@code http://dx.doi.org/}, {@code
   * doi:}.
   */
  public static final Pattern DOI_RESOLVER =
      Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);

  private IdentifierSyntax() {}

  /** {@code doi} without a leading resolver ({@link #DOI_RESOLVER}). */
  public static String withoutResolver(String doi) {
    return DOI_RESOLVER.matcher(doi).replaceFirst("");
  }
}
