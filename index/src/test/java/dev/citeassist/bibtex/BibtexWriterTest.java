package dev.citeassist.bibtex;

import static dev.citeassist.tex.BibtexDialect.BIBLATEX;
import static dev.citeassist.tex.BibtexDialect.BIBTEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.tex.BibtexDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BibtexWriterTest {

  @Test
  void writesArxivPreprintAsMiscWithEprintFields() {
    assertEquals(
        """
        @misc{ziyin2024remove,
          author        = {Ziyin, Liu and Xu, Yizhou and Chuang, Isaac},
          title         = {Remove Symmetries to Control Model Expressivity and Improve Optimization},
          year          = {2024},
          month         = aug,
          eprint        = {2408.15495},
          archivePrefix = {arXiv},
          primaryClass  = {cs.LG},
          abstract      = {When symmetry is present in the loss function, the model is likely to be \
        trapped in a low-capacity state that is sometimes known as a "collapse".}
        }
        """,
        BibtexWriter.toBibtex(WriterCases.get("arxiv-preprint"), BIBTEX));
  }

  @Test
  void writesArxivPreprintForBiblatexWithDateAndEprinttype() {
    assertEquals(
        """
        @misc{ziyin2024remove,
          author        = {Ziyin, Liu and Xu, Yizhou and Chuang, Isaac},
          title         = {Remove Symmetries to Control Model Expressivity and Improve Optimization},
          date          = {2024-08-28},
          eprint        = {2408.15495},
          eprinttype    = {arxiv},
          eprintclass   = {cs.LG},
          abstract      = {When symmetry is present in the loss function, the model is likely to be \
        trapped in a low-capacity state that is sometimes known as a "collapse".}
        }
        """,
        BibtexWriter.toBibtex(WriterCases.get("arxiv-preprint"), BIBLATEX));
  }

  @Test
  void writesJournalArticleWithAccentsSourceFieldsAndBareDoi() {
    assertEquals(
        """
        @article{derezinski2021determinantal,
          author        = {Derezi{\\'n}ski, Micha{\\l} and Mahoney, Michael W.},
          title         = {Determinantal Point Processes in Randomized Numerical Linear Algebra},
          journal       = {Notices of the American Mathematical Society},
          year          = {2021},
          month         = jan,
          volume        = {68},
          number        = {1},
          pages         = {34--45},
          doi           = {10.1090/noti2202},
          abstract      = {Randomized Numerical Linear Algebra (RandNLA) uses randomness to develop \
        improved algorithms for matrix problems that arise in scientific computing.}
        }
        """,
        BibtexWriter.toBibtex(WriterCases.get("journal-article"), BIBTEX));
  }

  @Test
  void writesJournaltitleAndUnicodeForBiblatex() {
    String entry = BibtexWriter.toBibtex(WriterCases.get("journal-article"), BIBLATEX);
    assertTrue(entry.contains("  author        = {Dereziński, Michał and Mahoney, Michael W.},\n"));
    assertTrue(
        entry.contains("  journaltitle  = {Notices of the American Mathematical Society},\n"));
    assertTrue(entry.contains("  date          = {2021-01},\n"));
  }

  @Test
  void writesProceedingsPaperWithBooktitleAndOthers() {
    assertEquals(
        """
        @inproceedings{vaswani2017attention,
          author        = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},
          title         = {Attention is All you Need},
          booktitle     = {Advances in Neural Information Processing Systems 30 (NeurIPS 2017)},
          year          = {2017},
          month         = dec,
          pages         = {5998--6008},
          publisher     = {Curran Associates, Inc.},
          url           = {https://proceedings.neurips.cc/paper/2017/hash/\
        3f5ee243547dee91fbd053c1c4a845aa-Abstract.html},
          abstract      = {The dominant sequence transduction models are based on complex recurrent \
        or convolutional neural networks in an encoder-decoder configuration.}
        }
        """,
        BibtexWriter.toBibtex(WriterCases.get("proceedings-paper"), BIBTEX));
  }

  /** A listing gives a two-letter code, no arXiv id, an affiliation: none is bibliographic. */
  @Test
  void writesListingPaperAsPlainMiscWithoutCategoryOrAffiliation() {
    assertEquals(
        """
        @misc{niu2023continual,
          author        = {Niu, Haoyi and Xu, Yizhou and Jiang, Xingjian and others},
          title         = {Continual Driving Policy Optimization with Closed-Loop Individualized \
        Curricula},
          date          = {2023-09-25},
          abstract      = {Therefore, we develop a continual driving policy optimization framework \
        featuring Closed-Loop Individualized Curricula (CLIC), which we factorize into a set of \
        standardized sub-modules.}
        }
        """,
        BibtexWriter.toBibtex(WriterCases.get("listing-paper"), BIBLATEX));
  }

  @Test
  void writesNoDateWhenTheSourceGivesNoYear() {
    String bibtex = BibtexWriter.toBibtex(WriterCases.get("no-year"), BIBTEX);
    String biblatex = BibtexWriter.toBibtex(WriterCases.get("no-year"), BIBLATEX);
    assertTrue(!bibtex.contains("year") && !bibtex.contains("month"), bibtex);
    assertTrue(!biblatex.contains("date"), biblatex);
  }

  /** Without names BibTeX styles sort by the key field, and warn when it is missing too. */
  @Test
  void givesBibtexEntriesWithoutAuthorsASortKeyFromTheTitle() {
    Paper paper =
        Paper.builder()
            .key("k2023")
            .title("Light Schrödinger Bridge")
            .authorCount(4)
            .year(2023)
            .build();
    assertEquals(
        """
        @misc{k2023,
          title         = {Light {Schr{\\"o}dinger} Bridge},
          year          = {2023},
          key           = {Light Schr{\\"o}dinger Bridge}
        }
        """,
        BibtexWriter.toBibtex(paper, BIBTEX));
    assertEquals(
        """
        @misc{k2023,
          title         = {Light {Schrödinger} Bridge},
          date          = {2023}
        }
        """,
        BibtexWriter.toBibtex(paper, BIBLATEX));
  }

  @Test
  void bracesCorporateNamesAndPlacesSuffixes() {
    Paper paper =
        Paper.builder()
            .key("k")
            .authors(
                List.of(
                    new Person("", "Google DeepMind Team"),
                    new Person("", "OpenAI"),
                    new Person("Martin Luther, Jr.", "King"),
                    new Person("Ludwig", "van Beethoven"),
                    new Person("", "others"),
                    new Person("Tom", "Black and White")))
            .build();
    assertEquals(
        """
        @misc{k,
          author        = {{Google DeepMind Team} and OpenAI and King, Jr., Martin Luther and van \
        Beethoven, Ludwig and {others} and {Black and White}, Tom}
        }
        """,
        BibtexWriter.toBibtex(paper, BIBLATEX));
  }

  @Test
  void writesProceedingsAndArticlesWithoutVenueAsMisc() {
    Paper article = Paper.builder().key("a").type("article").title("T").build();
    Paper conference =
        Paper.builder()
            .key("c")
            .type("conference")
            .title("Some Title")
            .authors(List.of(new Person("Ada", "Lovelace")))
            .venue("Proc. of X")
            .build();
    assertTrue(BibtexWriter.toBibtex(article, BIBTEX).startsWith("@misc{a,\n"));
    assertEquals(
        """
        @inproceedings{c,
          author        = {Lovelace, Ada},
          title         = {Some Title},
          booktitle     = {Proc. of X}
        }
        """,
        BibtexWriter.toBibtex(conference, BIBTEX));
  }

  @Test
  void writesTypesThatBibtexStylesDoNotKnowAsMiscButKeepsThemForBiblatex() {
    Paper online = Paper.builder().key("o").type("online").title("T").build();
    assertTrue(BibtexWriter.toBibtex(online, BIBTEX).startsWith("@misc{o,\n"));
    assertTrue(BibtexWriter.toBibtex(online, BIBLATEX).startsWith("@online{o,\n"));
  }

  @Test
  void writesSourceFieldsInCanonicalThenAlphabeticalOrderSkippingDerivedAndInvalidNames() {
    Paper paper =
        Paper.builder()
            .key("k")
            .type("book")
            .fields(
                Map.of(
                    "zzz", "last",
                    "publisher", "Springer & Sons",
                    "volume", "3",
                    "title", "ignored: the paper's title wins",
                    "bad name", "skipped",
                    "isbn", "978-3-16-148410-0",
                    "file", "C:\\papers\\a_b.pdf"))
            .build();
    assertEquals(
        """
        @book{k,
          volume        = {3},
          publisher     = {Springer \\& Sons},
          isbn          = {978-3-16-148410-0},
          file          = {C:\\papers\\a_b.pdf},
          zzz           = {last},
          key           = {k}
        }
        """,
        BibtexWriter.toBibtex(paper, BIBTEX));
  }

  @Test
  void ignoresImpossibleMonthsAndDays() {
    Paper paper = Paper.builder().key("k").year(2023).month(2).day(30).build();
    assertTrue(BibtexWriter.toBibtex(paper, BIBLATEX).contains("date          = {2023-02}\n"));
    Paper noMonth = Paper.builder().key("k").year(2023).month(13).day(3).build();
    assertTrue(BibtexWriter.toBibtex(noMonth, BIBLATEX).contains("date          = {2023}\n"));
  }

  @Test
  void writesUrlsVerbatimExceptSpacesAndUnpairedBraces() {
    Paper paper =
        Paper.builder()
            .key("k")
            .url("https://example.org/a_b%20c d#x}")
            .doi("doi:10.1000/ab_(c)")
            .build();
    assertEquals(
        """
        @misc{k,
          doi           = {10.1000/ab_(c)},
          url           = {https://example.org/a_b%20c%20d#x%7D}
        }
        """,
        BibtexWriter.toBibtex(paper, BIBLATEX));
  }

  @Test
  void writesListingCategoryCodeNowhereButArxivClassAsPrimaryClass() {
    Paper listing = WriterCases.get("listing-paper").toBuilder().arxivId("2309.14209").build();
    String entry = BibtexWriter.toBibtex(listing, BIBTEX);
    assertTrue(entry.contains("archivePrefix = {arXiv}") && !entry.contains("primaryClass"), entry);
  }

  @Test
  void writingTwiceGivesTheSameBytes() {
    for (Paper paper : WriterCases.all()) {
      for (BibtexDialect dialect : BibtexDialect.values()) {
        String first = BibtexWriter.toBibtex(paper, dialect);
        assertEquals(first, BibtexWriter.toBibtex(paper, dialect));
        assertTrue(first.endsWith("}\n"), first);
      }
    }
  }

  @Test
  void refusesPaperWithoutKey() {
    Paper paper = WriterCases.get("arxiv-preprint").toBuilder().key(null).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BibtexWriter.toBibtex(paper, BIBTEX));
    assertEquals(
        "a paper needs a cite key to be written as BibTeX: Remove Symmetries to Control Model"
            + " Expressivity and Improve Optimization",
        e.getMessage());
  }

  @Test
  void refusesKeyBibtexCannotRead() {
    Paper paper = Paper.builder().key("xu 2025").build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BibtexWriter.toBibtex(paper, BIBTEX));
    assertEquals(
        "cite key \"xu 2025\" contains ' ', which BibTeX cannot read in a key", e.getMessage());
  }
}
