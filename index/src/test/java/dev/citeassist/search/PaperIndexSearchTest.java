package dev.citeassist.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact rankings for what a user types, over the hand-made papers of {@link SamplePapers}. */
class PaperIndexSearchTest {

  @TempDir static Path dir;
  static PaperIndex index;

  @BeforeAll
  static void build() throws IOException {
    index = PaperIndex.open(dir);
    index.addAll(SamplePapers.all());
    index.commit(java.util.Map.of());
    index.refresh();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void oneLetterMorePrefixRanksKeyAndSurnameBeforeTitles() throws IOException {
    assertEquals(
        List.of(
            "symeonidis2019kalman",
            "kamienny2022endtoend",
            "ziyin2025parameter",
            "kim2023regularizing",
            "ziyin2024remove"),
        keys("sym"));
  }

  @Test
  void longerPrefixKeepsOnlyItsCompletions() throws IOException {
    assertEquals(
        List.of("ziyin2025parameter", "kim2023regularizing", "ziyin2024remove"), keys("symm"));
  }

  @Test
  void earlierWordMustMatchAndPartialMatchesFollow() throws IOException {
    assertEquals(
        List.of("ziyin2024remove", "ziyin2025parameter", "kim2023regularizing", "ulyanov2018deep"),
        keys("remove symm"));
  }

  @Test
  void accentsAndLatexSpellingsOfANameAreOne() throws IOException {
    List<String> expected =
        List.of(
            "zdeborova2016statistical",
            "xu2025fundamental",
            "xu2025learning",
            "maillard2020phase",
            "krzakala2012statistical");
    assertEquals(expected, keys("zdeborova"));
    assertEquals(expected, keys("Zdeborová"));
    assertEquals(expected, keys("Zdeborov{\\'a}"));
    assertEquals(expected, keys("ZDEBOROV\\'{A}"));
  }

  @Test
  void surnameAndYearRankThatAuthorsPapersOfThatYearFirstThenHisOtherPapers() throws IOException {
    // other papers of 2021 (song2021denoising, radford2021learning) do not count: a year alone
    // does not fill the list
    assertEquals(
        List.of(
            "liao2021hessian",
            "ali2021random",
            "li2021offpolicy",
            "liao2025random",
            "liao2018dynamics",
            "liao2020random",
            "derezinski2020precise",
            "derezinski2020sparse"),
        keys("liao 2021"));
  }

  @Test
  void yearAloneFindsThatYearsPapers() throws IOException {
    assertEquals(
        List.of(
            "liao2021hessian",
            "ali2021random",
            "li2021offpolicy",
            "song2021denoising",
            "radford2021learning"),
        keys("2021"));
  }

  @Test
  void wordOnlyInAnAbstractFillsTheListAfterTitleMatches() throws IOException {
    assertEquals(List.of("papyan2020prevalence"), keys("symmetric"));
    assertEquals(List.of("symeonidis2019kalman", "ulyanov2018deep"), keys("noise"));
  }

  @Test
  void scoresDecreaseAcrossTheFallbackTier() throws IOException {
    List<SearchHit> hits = index.search(SearchQuery.of("liao 2021", 10));
    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i).score() <= hits.get(i - 1).score(), "hit " + i);
    }
    // the last paper that matched both words scores above the first that matched one
    assertTrue(hits.get(3).score() < hits.get(2).score());
  }

  @Test
  void shortYearIsAPrefixOfTheYear() throws IOException {
    assertEquals(
        List.of(
            "liao2021hessian",
            "liao2020random",
            "liao2025random",
            "ali2021random",
            "li2021offpolicy"),
        keys("liao 202").subList(0, 5));
  }

  @Test
  void typoInSurnameStillFindsTheAuthor() throws IOException {
    assertEquals(
        List.of(
            "zdeborova2016statistical",
            "xu2025fundamental",
            "xu2025learning",
            "maillard2020phase",
            "krzakala2012statistical"),
        keys("zdeborva"));
    // Dereziński's own papers first, then the one he co-wrote
    assertEquals(
        List.of("derezinski2020precise", "derezinski2020sparse", "niu2025debiasing"),
        keys("dereziski"));
  }

  @Test
  void yearRangeKeepsOnlyPapersOfThoseYears() throws IOException {
    assertEquals(
        List.of(
            "liao2021hessian",
            "liao2020random",
            "ali2021random",
            "li2021offpolicy",
            "derezinski2020precise",
            "derezinski2020sparse"),
        keys(new SearchQuery("liao", 10, 2020, 2021)));
    assertEquals(List.of("liao2025random"), keys(new SearchQuery("liao", 10, 2022, null)));
  }

  @Test
  void yearRangeLeavesOutPapersWithoutYear() throws IOException {
    assertEquals(
        List.of("derezinski2020precise", "derezinski2020sparse"),
        keys(new SearchQuery("dereziński", 10, null, 2030)));
  }

  @Test
  void keyPrefixFindsTheKey() throws IOException {
    assertEquals(List.of("xu2025fundamental", "xu2025learning"), keys("xu2025"));
    assertEquals(List.of("xu2025fundamental"), keys("xu2025fu"));
  }

  @Test
  void identifierFindsItsPaper() throws IOException {
    assertEquals(List.of("niu2025debiasing"), keys("2408.15495v1"));
  }

  @Test
  void limitCutsTheList() throws IOException {
    assertEquals(List.of("liao2021hessian", "ali2021random"), keys(SearchQuery.of("liao 2021", 2)));
  }

  @Test
  void queryWithoutWordsFindsNothing() throws IOException {
    assertEquals(List.of(), keys(""));
    assertEquals(List.of(), keys("   "));
    assertEquals(List.of(), keys("{}"));
  }

  private static List<String> keys(String text) throws IOException {
    return keys(SearchQuery.of(text, 10));
  }

  private static List<String> keys(SearchQuery query) throws IOException {
    return index.search(query).stream().map(h -> h.paper().key()).toList();
  }
}
