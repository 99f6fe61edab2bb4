package dev.citeassist.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.catalogue.Catalogue;
import dev.citeassist.paper.Paper;
import dev.citeassist.search.PaperIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name of a load's index, which a re-run must find again to resume (no cluster needed). */
class BulkLoaderTest {

  @Test
  void indexNameIsADigestOfThePapersInAnyOrder() throws IOException {
    List<Paper> papers = Catalogue.builtIn();
    try (ClusterClient client = new ClusterClient(ClusterSettings.parse("http://127.0.0.1:9/lab"));
        PaperIndex index = PaperIndex.inMemory()) {
      BulkLoader loader = new BulkLoader(client, BulkLoader.Options.defaults());
      String name = loader.indexName(papers);
      assertTrue(name.startsWith("lab-s"), name);
      assertEquals(name, loader.indexName(papers.reversed()));
      assertNotEquals(name, loader.indexName(papers.subList(1, papers.size())));
      List<Paper> twice = new ArrayList<>(papers);
      twice.add(papers.get(0));
      assertNotEquals(name, loader.indexName(twice));
      // the same papers streamed from a local index, in its order, name the same index
      index.addAll(papers);
      index.refresh();
      BulkLoader.Papers streamed = BulkLoader.Papers.of(index);
      assertEquals(papers.size(), streamed.count());
      assertEquals(name, loader.indexName(streamed));
    }
  }
}
