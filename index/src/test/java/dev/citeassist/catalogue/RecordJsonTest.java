package dev.citeassist.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.Origin;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.SourceFormat;
import dev.citeassist.search.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

  @Test
  void writesAListingRecordInTheExpectedShape() {
    Paper paper =
        Paper.builder()
            .title("Sparse \"Coding\"")
            .authors(List.of(new Person("Zoë", "Ødegård"), new Person("Aidan Z. H.", "Yang")))
            .etAl(true)
            .category("ST")
            .month(6)
            .day(3)
            .code(true)
            .abstractText("Line\\one.")
            .origin(new Origin("x.txt", 4, SourceFormat.LISTING))
            .build();

    assertEquals(
        "{\"source\": \"x.txt\", \"line\": 4, \"category\": \"ST\", \"month\": \"Jun\","
            + " \"day\": 3, \"year\": null, \"code\": true, \"title\": \"Sparse \\\"Coding\\\"\","
            + " \"authors\": [\"Zoë Ødegård\", \"Aidan Z. H. Yang\"], \"etAl\": true,"
            + " \"affiliation\": null, \"abstract\": \"Line\\\\one.\"}",
        RecordJson.toJson(paper));
  }

  @Test
  void writesUpvotesOnlyForADailyPapersRecordWithADate() {
    Paper.Builder paper =
        Paper.builder()
            .title("T")
            .abstractText("A.")
            .origin(new Origin("d.txt", 9, SourceFormat.DAILY_PAPERS));

    assertEquals(
        "{\"source\": \"d.txt\", \"title\": \"T\", \"abstract\": \"A.\", \"authorCount\": null,"
            + " \"month\": null, \"day\": null, \"year\": null}",
        RecordJson.toJson(paper.build()));
    assertEquals(
        "{\"source\": \"d.txt\", \"title\": \"T\", \"abstract\": \"A.\", \"authorCount\": 2,"
            + " \"month\": \"Mar\", \"day\": 4, \"year\": null, \"upvotes\": null}",
        RecordJson.toJson(paper.authorCount(2).month(3).day(4).build()));
  }

  @Test
  void writesARecordOfAnotherFormatInTheGeneralShape() {
    Paper bibtex =
        Paper.builder()
            .key("xu2025fundamental")
            .type("article")
            .title("T")
            .authors(List.of(new Person("Yizhou", "Xu")))
            .year(2025)
            .venue("J")
            .origin(new Origin("r.bib", 7, SourceFormat.BIBTEX))
            .build();

    assertEquals(
        "{\"source\": \"r.bib\", \"line\": 7, \"type\": \"article\", \"key\": \"xu2025fundamental\","
            + " \"title\": \"T\", \"authors\": [\"Yizhou Xu\"], \"etAl\": false, \"month\": null,"
            + " \"day\": null, \"year\": 2025, \"venue\": \"J\", \"doi\": null, \"arxivId\": null,"
            + " \"url\": null, \"category\": null, \"abstract\": null}",
        RecordJson.toJson(bibtex));
  }

  @Test
  void writesSearchHitsAsOneCompactArray() {
    Paper paper =
        Paper.builder()
            .key("we\"ird\\2024")
            .title("T")
            .authors(List.of(new Person("Zoë", "Ødegård")))
            .year(2024)
            .doi("10.1/x")
            .build();
    Paper bare = Paper.builder().key("b").title("U").build();

    assertEquals(
        "[{\"key\":\"we\\\"ird\\\\2024\",\"score\":1.5,\"title\":\"T\","
            + "\"authors\":[\"Zoë Ødegård\"],\"etAl\":false,\"year\":2024,\"venue\":null,"
            + "\"category\":null,\"doi\":\"10.1/x\",\"arxivId\":null,\"url\":null,"
            + "\"abstract\":null},{\"key\":\"b\",\"score\":0.25,\"title\":\"U\",\"authors\":[],"
            + "\"etAl\":false,\"year\":null,\"venue\":null,\"category\":null,\"doi\":null,"
            + "\"arxivId\":null,\"url\":null,\"abstract\":null}]",
        RecordJson.hits(List.of(new SearchHit(paper, 1.5f), new SearchHit(bare, 0.25f))));
    assertEquals("[]", RecordJson.hits(List.of()));
  }
}
