package dev.citeassist.remote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.search.IndexSchema;

/**
 * The cluster's index template, made from the local schema ({@link IndexSchema#fields()}): each
 * field is a {@code text} field analysed by {@code keyword}, so a value is one term exactly as the
 * project's own Lucene analysis produced it, and no analysis module of the cluster is needed (the
 * minimal distribution has none); frequencies and norms are kept where the local field keeps them,
 * so BM25 sees the same statistics. Fields whose terms complete a typed prefix get a {@code
 * keyword} twin with doc values (not searchable), counted by a terms aggregation. Only the stored
 * paper is kept in {@code _source}: the terms are derived data.
 */
final class IndexMapping {

  /** The twin of a completable field that holds its terms as doc values. */
  static final String TERMS = "terms";

  /** The stored paper (the local index's stored field), an object the cluster does not index. */
  static final String PAPER = "paper";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private IndexMapping() {}

  /**
   * The cluster's name of a schema field: a dot would make {@code title.prefix} a sub-field of
   * {@code title}, so dots become underscores.
   */
  static String name(String field) {
    return field.replace('.', '_');
  }

  static ObjectNode mappings() {
    ObjectNode mappings = F.objectNode();
    mappings.put("dynamic", "strict");
    mappings.putObject("_source").putArray("includes").add(PAPER);
    ObjectNode properties = mappings.putObject("properties");
    properties.putObject(PAPER).put("type", "object").put("enabled", false);
    properties.putObject(name(IndexSchema.YEAR)).put("type", "integer").put("doc_values", false);
    for (IndexSchema.Field field : IndexSchema.fields()) {
      ObjectNode f = properties.putObject(name(field.name()));
      f.put("type", "text");
      f.put("analyzer", "keyword");
      switch (field.indexing()) {
        case FREQS_AND_NORMS -> f.put("index_options", "freqs").put("norms", true);
        case DOCS_AND_NORMS -> f.put("index_options", "docs").put("norms", true);
        case DOCS -> f.put("index_options", "docs").put("norms", false);
      }
      if (field.completable()) {
        f.putObject("fields")
            .putObject(TERMS)
            .put("type", "keyword")
            .put("index", false)
            .put("doc_values", true);
      }
    }
    return mappings;
  }

  /** The composable template that gives every {@code alias-*} index these mappings. */
  static ObjectNode template(String alias) {
    ObjectNode template = F.objectNode();
    template.putArray("index_patterns").add(alias + "-*");
    template.putObject("template").set("mappings", mappings());
    template.putObject("_meta").put("schema", IndexSchema.version());
    return template;
  }
}
