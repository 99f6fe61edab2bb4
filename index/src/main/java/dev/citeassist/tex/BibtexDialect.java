package dev.citeassist.tex;

/**
 * Which bibliography processor an entry is written for: classic {@code bibtex} (LaTeX accents,
 * {@code archivePrefix}/{@code primaryClass}) or {@code biblatex} with biber (Unicode kept, {@code
 * eprinttype}/{@code eprintclass}).
 */
public enum BibtexDialect {
  BIBTEX,
  BIBLATEX
}
