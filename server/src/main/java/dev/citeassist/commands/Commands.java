package dev.citeassist.commands;

import java.util.List;

/** The ids of the commands the server offers through {@code workspace/executeCommand}. */
public final class Commands {

  /**
   * Adds a catalogue paper to the project's bibliography. Arguments: the {@code .tex} URI, the key
   * the completion inserted, the catalogue key, the line and UTF-16 column where the key starts.
   * Answers, once the edit is applied, {@code {key, bib, appended}}: the key now in the text, the
   * {@code .bib}'s URI, whether an entry was appended to it; null when the command failed.
   */
  public static final String ADD_ENTRY = "citeassist.addEntry";

  /**
   * Searches the catalogue. Arguments: the query and the most results (default 20); answers the
   * JSON array of {@code citeassist search --json}.
   */
  public static final String SEARCH = "citeassist.search";

  /** Reopens the catalogue in the background, rebuilding its index when a source changed. */
  public static final String REBUILD_CATALOGUE = "citeassist.rebuildCatalogue";

  public static final List<String> ALL = List.of(ADD_ENTRY, SEARCH, REBUILD_CATALOGUE);

  private Commands() {}
}
