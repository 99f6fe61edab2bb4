package dev.citeassist.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeassist.search.QueryNode;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link QueryNode} tree as OpenSearch query DSL over the fields of {@link IndexMapping} (text
 * fields of pre-analysed terms, so a term query scores by BM25 as Lucene's does). Completions are
 * resolved beforehand into plain nodes by the caller. Stateless.
 */
final class QueryJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private QueryJson() {}

  /** The DSL of {@code node}; {@code completions} replaces each completion node. */
  static ObjectNode of(QueryNode node, Function<QueryNode.Completion, QueryNode> completions) {
    ObjectNode o = F.objectNode();
    switch (node) {
      case QueryNode.Term t -> {
        ObjectNode term = o.putObject("term").putObject(IndexMapping.name(t.field()));
        term.put("value", t.text());
        term.put("boost", t.boost());
      }
      case QueryNode.Constant c -> {
        ObjectNode constant = o.putObject("constant_score");
        constant.set("filter", of(c.filter(), completions));
        constant.put("boost", c.score());
      }
      case QueryNode.Prefix p ->
          o.putObject("prefix").putObject(IndexMapping.name(p.field())).put("value", p.prefix());
      case QueryNode.Fuzzy f -> {
        ObjectNode fuzzy = o.putObject("fuzzy").putObject(IndexMapping.name(f.field()));
        fuzzy.put("value", f.text());
        fuzzy.put("fuzziness", f.edits());
        fuzzy.put("prefix_length", f.prefixLength());
        fuzzy.put("max_expansions", f.maxExpansions());
        fuzzy.put("transpositions", f.transpositions());
        fuzzy.put("boost", f.boost());
      }
      case QueryNode.Completion c -> {
        return of(completions.apply(c), completions);
      }
      case QueryNode.DisMax d -> {
        ObjectNode disMax = o.putObject("dis_max");
        add(disMax.putArray("queries"), d.queries(), completions);
        disMax.put("tie_breaker", d.tieBreaker());
        disMax.put("boost", d.boost());
      }
      case QueryNode.Bool b -> {
        ObjectNode bool = o.putObject("bool");
        if (!b.must().isEmpty()) {
          add(bool.putArray("must"), b.must(), completions);
        }
        if (!b.should().isEmpty()) {
          add(bool.putArray("should"), b.should(), completions);
        }
        if (!b.filter().isEmpty()) {
          add(bool.putArray("filter"), b.filter(), completions);
        }
        bool.put("boost", b.boost());
      }
      case QueryNode.Range r -> {
        ObjectNode range = o.putObject("range").putObject(IndexMapping.name(r.field()));
        range.put("gte", r.from());
        range.put("lte", r.to());
      }
      case QueryNode.None n -> o.putObject("match_none");
    }
    return o;
  }

  private static void add(
      ArrayNode array, List<QueryNode> nodes, Function<QueryNode.Completion, QueryNode> c) {
    nodes.forEach(n -> array.add(of(n, c)));
  }
}
