package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.SourceFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedFormatsTest {

  @Test
  void sniffsAListingFromItsFirstHeader() {
    assertEquals(
        Optional.of(SourceFormat.LISTING),
        SeedFormats.sniff("\uFEFF\nCVMar 24, 2022Code\nA TitleJohn Smith\nAbstract."));
  }

  @Test
  void sniffsADailyPapersPageFromItsPageTitle() {
    assertEquals(
        Optional.of(SourceFormat.DAILY_PAPERS),
        SeedFormats.sniff("new\n\nSubscribe\n\nDaily Papers\n\nbyAK\n\nMay 6\n\nA Title\n"));
  }

  @Test
  void sniffsADailyPapersPageWithoutHeaderFromItsAuthorCount() {
    assertEquals(
        Optional.of(SourceFormat.DAILY_PAPERS),
        SeedFormats.sniff("A Title\n\nAn abstract. More.\n\n  • 4 authors\n·\nAug 19, 2023\n"));
  }

  @Test
  void sniffsNothingInOtherText() {
    assertEquals(Optional.empty(), SeedFormats.sniff("@article{xu2025,\n  title = {A Title}\n}\n"));
    assertEquals(Optional.empty(), SeedFormats.sniff("A Title\nLGFeb 27, 2023\n"));
    assertEquals(Optional.empty(), SeedFormats.sniff(""));
  }
}
