package dev.citeassist.search;

import dev.citeassist.paper.IdentifierSyntax;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises DOIs and arXiv identifiers to the terms of {@link Fields#IDENTIFIER}: lower case,
 * without a resolver prefix ({@code https://doi.org/}, {@code doi:}, {@code
 * https://arxiv.org/abs/}, {@code arXiv:}) and without an arXiv version ({@code 2408.15495v2} is
 * {@code 2408.15495}). An arXiv DOI ({@code 10.48550/arXiv.2408.15495}) also yields the bare arXiv
 * id, so either form finds the paper. DOIs and arXiv ids cannot collide (DOIs start with {@code
 * 10.}), so one field holds both.
 */
final class Identifiers {

  private static final Pattern ARXIV_PREFIX =
      Pattern.compile(
          "^(?:https?://(?:www\\.|export\\.)?" + IdentifierSyntax.ARXIV_PAGE + "|arxiv:\\s*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOI = Pattern.compile("^" + IdentifierSyntax.DOI + "$");
  private static final Pattern ARXIV_DOI =
      Pattern.compile("^" + IdentifierSyntax.ARXIV_DOI_PREFIX + "(.+)$");
  private static final Pattern ARXIV =
      Pattern.compile(
          "^(" + IdentifierSyntax.ARXIV_ID + ")" + IdentifierSyntax.ARXIV_VERSION + "(?:\\.pdf)?$");

  private Identifiers() {}

  /**
   * The terms {@code text} stands for; an unrecognised identifier stands for itself, lower-cased
   * and without a resolver prefix, so that odd DOIs still match exactly.
   */
  static Set<String> of(String text) {
    Set<String> terms = recognised(text);
    if (terms.isEmpty() && text != null && !text.isBlank()) {
      terms.add(withoutPrefix(text.strip()).toLowerCase(Locale.ROOT));
    }
    return terms;
  }

  /** The terms {@code text} stands for: none when it is neither a DOI nor an arXiv id. */
  static Set<String> recognised(String text) {
    Set<String> terms = new LinkedHashSet<>();
    if (text == null) {
      return terms;
    }
    String s = withoutPrefix(text.strip()).toLowerCase(Locale.ROOT);
    if (DOI.matcher(s).matches()) {
      terms.add(s);
      Matcher arxivDoi = ARXIV_DOI.matcher(s);
      if (arxivDoi.matches()) {
        s = arxivDoi.group(1);
      }
    }
    Matcher arxiv = ARXIV.matcher(s);
    if (arxiv.matches()) {
      terms.add(arxiv.group(1));
    }
    return terms;
  }

  private static String withoutPrefix(String s) {
    Matcher arxivPrefix = ARXIV_PREFIX.matcher(s);
    if (arxivPrefix.find()) {
      return s.substring(arxivPrefix.end());
    }
    return IdentifierSyntax.withoutResolver(s);
  }
}
