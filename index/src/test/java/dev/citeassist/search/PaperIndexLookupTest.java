package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored paper comes back whole, by key, by identifier and from a search. */
class PaperIndexLookupTest {

  static final Paper FULL =
      Paper.builder()
          .key("vanderwaals2025fundamental")
          .type("inproceedings")
          .title("Fundamental Limits of $\\ell^4$-Norm Matrix Sensing")
          .authors(
              List.of(
                  new Person("Johannes Diderik", "van der Waals"),
                  new Person("Lenka", "Zdeborová"),
                  new Person("", "OpenAI Collaboration"),
                  new Person("Martin Luther, Jr.", "King")))
          .etAl(true)
          .authorCount(12)
          .year(2025)
          .month(2)
          .day(27)
          .abstractText("We study matrix sensing.\nA second line, with \"quotes\" and ünïcödé.")
          .venue("Advances in Neural Information Processing Systems")
          .category("cs.LG")
          .doi("10.48550/arXiv.2502.07341")
          .arxivId("2502.07341")
          .url("https://arxiv.org/abs/2502.07341v2")
          .affiliation("epfl")
          .code(true)
          .upvotes(42)
          .fields(Map.of("publisher", "Curran Associates", "pages", "1--20", "note", ""))
          .origin(new Origin("/home/me/paper/refs.bib", 117, SourceFormat.BIBTEX))
          .build();

  static final Paper BARE = Paper.builder().key("bare").build();

  static final Paper WITH_DOI =
      Paper.builder()
          .key("zdeborova2016statistical")
          .title("Statistical Physics of Inference")
          .doi("10.1080/00018732.2016.1211393")
          .build();

  static final Paper OLD_ARXIV =
      Paper.builder().key("maldacena1997large").arxivId("hep-th/9711200").build();

  @TempDir Path dir;

  @Test
  void storedPaperRoundTripsEveryField() throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addAll(List.of(FULL, BARE));
      index.refresh();
      assertEquals(Optional.of(FULL), index.byKey("vanderwaals2025fundamental"));
      assertEquals(Optional.of(BARE), index.byKey("bare"));
      assertEquals(FULL, index.search(SearchQuery.of("waals", 1)).get(0).paper());
    }
  }

  @Test
  void codecRoundTripsWithoutAnIndex() {
    byte[] stored = PaperCodec.encode(FULL);
    assertEquals(FULL, PaperCodec.decode(stored, 0, stored.length));
    byte[] bare = PaperCodec.encode(BARE);
    assertEquals(
        "{\"key\":\"bare\",\"type\":\"misc\",\"etAl\":false,\"code\":false}", new String(bare));
  }

  @Test
  void byKeyIsExactAndCaseSensitive() throws IOException {
    try (PaperIndex index = index()) {
      assertEquals(Optional.of(WITH_DOI), index.byKey("zdeborova2016statistical"));
      assertEquals(Optional.empty(), index.byKey("Zdeborova2016statistical"));
      assertEquals(Optional.empty(), index.byKey("zdeborova2016"));
    }
  }

  @Test
  void byIdentifierFindsADoiInAnyCaseAndResolverForm() throws IOException {
    try (PaperIndex index = index()) {
      for (String doi :
          List.of(
              "10.1080/00018732.2016.1211393",
              "10.1080/00018732.2016.1211393 ",
              "https://doi.org/10.1080/00018732.2016.1211393",
              "http://dx.doi.org/10.1080/00018732.2016.1211393",
              "doi:10.1080/00018732.2016.1211393",
              "DOI: 10.1080/00018732.2016.1211393")) {
        assertEquals(List.of(WITH_DOI), index.byIdentifier(doi), doi);
      }
      assertEquals(List.of(FULL), index.byIdentifier("10.48550/ARXIV.2502.07341"));
    }
  }

  @Test
  void byIdentifierFindsAnArxivIdWithoutItsVersion() throws IOException {
    try (PaperIndex index = index()) {
      for (String id :
          List.of(
              "2502.07341",
              "2502.07341v2",
              "arXiv:2502.07341v1",
              "https://arxiv.org/abs/2502.07341v3",
              "https://arxiv.org/pdf/2502.07341v3.pdf",
              "10.48550/arXiv.2502.07341")) {
        assertEquals(List.of(FULL), index.byIdentifier(id), id);
      }
      assertEquals(List.of(OLD_ARXIV), index.byIdentifier("arXiv:hep-th/9711200v3"));
    }
  }

  @Test
  void byIdentifierFindsNothingForAnUnknownId() throws IOException {
    try (PaperIndex index = index()) {
      assertEquals(List.of(), index.byIdentifier("2502.99999"));
      assertEquals(List.of(), index.byIdentifier(""));
    }
  }

  private static PaperIndex index() throws IOException {
    PaperIndex index = PaperIndex.inMemory();
    index.addAll(List.of(FULL, BARE, WITH_DOI, OLD_ARXIV));
    index.refresh();
    return index;
  }
}
