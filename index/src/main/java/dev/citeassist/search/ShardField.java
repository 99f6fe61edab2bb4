package dev.citeassist.search;

/** The terms of catalogue shards that {@link ShardSet#scan} walks, named by role. */
public enum ShardField {
  DOI(Fields.SAME_DOI),
  ARXIV(Fields.SAME_ARXIV),
  TITLE(Fields.SAME_TITLE),
  BASE_KEY(Fields.BASE_KEY),
  PRESET_KEY(Fields.PRESET_KEY),
  /** The key a paper is found by (pattern key, suffixed key or preset key). */
  KEY(Fields.KEY);

  final String field;

  ShardField(String field) {
    this.field = field;
  }
}
