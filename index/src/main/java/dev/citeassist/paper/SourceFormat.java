package dev.citeassist.paper;

/** The catalogue formats CiteAssist reads. */
public enum SourceFormat {
  /** Category/date line, title glued to authors, abstract (seeds 000, 001, 004). */
  LISTING,
  /** A "Daily Papers" page: title, abstract, "N authors", date (seeds 002, 003). */
  DAILY_PAPERS,
  BIBTEX,
  /** The arXiv metadata snapshot, one JSON object per line. */
  ARXIV_JSON,
  /** CSL-JSON as exported by Zotero and Better BibTeX. */
  CSL_JSON
}
