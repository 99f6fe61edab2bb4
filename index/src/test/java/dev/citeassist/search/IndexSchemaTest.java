package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

/**
 * The plain form of the schema that a remote index is built from: it names every indexed field of
 * the local documents with the local indexing, and a paper's terms are the local analysis's.
 */
class IndexSchemaTest {

  @Test
  void everyIndexedFieldOfTheBuiltInPapersIsInTheSchemaWithItsIndexing() throws IOException {
    Map<String, IndexSchema.Field> schema = new java.util.HashMap<>();
    IndexSchema.fields().forEach(f -> schema.put(f.name(), f));
    Set<String> seen = new HashSet<>();
    List<Paper> papers = new java.util.ArrayList<>(Catalogue.builtIn());
    // what the seeds lack: a DOI, a venue, keywords
    papers.add(
        Paper.builder()
            .key("kalman1960new")
            .title("A New Approach to Linear Filtering and Prediction Problems")
            .venue("Journal of Basic Engineering")
            .doi("10.1115/1.3662552")
            .fields(Map.of("keywords", "filtering, estimation"))
            .year(1960)
            .build());
    for (Paper p : papers) {
      Document doc = PaperDocuments.toDocument(p, "s.bib");
      for (IndexableField f : doc) {
        IndexOptions options = f.fieldType().indexOptions();
        if (options == IndexOptions.NONE) {
          continue;
        }
        IndexSchema.Field field = schema.get(f.name());
        assertTrue(field != null, f.name() + " is not in IndexSchema.fields()");
        IndexSchema.Indexing expected =
            options == IndexOptions.DOCS_AND_FREQS
                ? IndexSchema.Indexing.FREQS_AND_NORMS
                : f.fieldType().omitNorms()
                    ? IndexSchema.Indexing.DOCS
                    : IndexSchema.Indexing.DOCS_AND_NORMS;
        assertEquals(expected, field.indexing(), f.name());
        seen.add(f.name());
      }
      assertEquals(p, IndexSchema.decode(IndexSchema.encode(p)));
    }
    assertEquals(schema.keySet(), seen, "fields no built-in paper uses");
  }

  @Test
  void termsAreTheLocalAnalysis() {
    Paper p =
        Paper.builder()
            .key("zdeborova2016statistical")
            .title("Statistical Physics of Inference: Thresholds and Algorithms")
            .authors(List.of(new dev.citeassist.paper.Person("Lenka", "Zdeborov{\\'a}")))
            .year(2016)
            .build();
    Map<String, List<String>> terms = IndexSchema.terms(p, null);
    assertEquals(List.of("zdeborova"), terms.get(Fields.FAMILY));
    assertEquals(List.of("z", "zd", "zde"), terms.get(Fields.FAMILY_PREFIX));
    assertEquals(
        List.of("statistical", "physics", "of", "inference", "thresholds", "and", "algorithms"),
        terms.get(Fields.TITLE));
    assertEquals("threshold", terms.get(Fields.TITLE_STEM).get(4));
    assertEquals(List.of("2016"), terms.get(Fields.YEAR_TERM));
    assertFalse(terms.containsKey(Fields.SOURCE));
  }

  @Test
  void typedQueriesTranslateToTheSameTermsAndBoosts() {
    List<QueryNode> tiers = QueryPlans.typed(SearchQuery.of("zdeborva symm", 10));
    assertEquals(3, tiers.size());
    String all = tiers.get(0).toString();
    assertTrue(all.contains("Completion[field=title, prefix=symm, size=10, boost=3.0]"), all);
    assertTrue(all.contains("Term[field=title, text=zdeborva, boost=3.0]"), all);
    String forgiving = tiers.get(1).toString();
    assertTrue(
        forgiving.contains(
            "Fuzzy[field=family, text=zdeborva, edits=2, prefixLength=1, maxExpansions=50,"
                + " transpositions=true, boost=2.0]"),
        forgiving);
    assertEquals(List.of(), QueryPlans.typed(SearchQuery.of("  ", 10)));
    QueryNode context = QueryPlans.context(ContextQuery.builder().add("Kalman filters", 1).build());
    assertTrue(
        context.toString().contains("Term[field=abstract, text=filter, boost=1.0]"),
        context.toString());
  }
}
