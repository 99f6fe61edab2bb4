package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The split rule on invented title lines that appear in no seed file: acronyms, coined camel-case
 * words, camel-case and prefixed names, particles, diacritics, initials, punctuation.
 */
class TitleAuthorSplitterTest {

  @Test
  void splitsAfterAPluralAcronym() {
    assertSplit(
        "Sparse Attention for Long-Context LLMsWei Zhang, Maria Rossi",
        "Sparse Attention for Long-Context LLMs",
        "Wei Zhang",
        "Maria Rossi");
  }

  @Test
  void splitsAfterAHyphenatedAcronym() {
    assertSplit(
        "Kernel Ridge Regression versus GP-UCBAnna Schmidt, Tom Baker",
        "Kernel Ridge Regression versus GP-UCB",
        "Anna Schmidt",
        "Tom Baker");
  }

  @Test
  void keepsACamelCaseGivenNameWhole() {
    assertSplit(
        "Diffusion Models for Protein DesignJunYi Chen, Sarah O'Connor",
        "Diffusion Models for Protein Design",
        "JunYi Chen",
        "Sarah O'Connor");
  }

  @Test
  void keepsACamelCaseGivenNameWholeAfterAPluralWord() {
    assertSplit("Beyond the ModelsTianQi Hou", "Beyond the Models", "TianQi Hou");
  }

  @Test
  void keepsACoinedCamelCaseWordInTheTitle() {
    assertSplit(
        "Gesture Recognition with mmWaveRui Li, Pedro Alves",
        "Gesture Recognition with mmWave",
        "Rui Li",
        "Pedro Alves");
    assertSplit(
        "Reproducible Training in PyTorchJohn Smith",
        "Reproducible Training in PyTorch",
        "John Smith");
  }

  @Test
  void keepsACoinedCamelCaseWordThatPrecedesTheSplit() {
    assertSplit(
        "Private Aggregation via FedAvgMaría José García-López, John Q. Public",
        "Private Aggregation via FedAvg",
        "María José García-López",
        "John Q. Public");
  }

  @Test
  void readsDiacriticsAndParticles() {
    assertSplit(
        "Optimal Transport on GraphsÉmile Durand, Laurens van der Maaten, Zoë Ødegård",
        "Optimal Transport on Graphs",
        "Émile Durand",
        "Laurens van der Maaten",
        "Zoë Ødegård");
  }

  @Test
  void readsSurnamePrefixesWithInnerCapitals() {
    assertSplit(
        "Energy-Based Models RevisitedAidan McDonald, Yann LeCun",
        "Energy-Based Models Revisited",
        "Aidan McDonald",
        "Yann LeCun");
  }

  @Test
  void splitsAfterPunctuationAndDigits() {
    assertSplit(
        "Do Transformers Dream of Electric Sheep?Kenji Watanabe",
        "Do Transformers Dream of Electric Sheep?",
        "Kenji Watanabe");
    assertSplit(
        "Learning to Rank (Revisited)Olga Petrova, Chen Li",
        "Learning to Rank (Revisited)",
        "Olga Petrova",
        "Chen Li");
    assertSplit(
        "Segmenter 2.0Iris Novak, Jean-Pierre Roux",
        "Segmenter 2.0",
        "Iris Novak",
        "Jean-Pierre Roux");
  }

  @Test
  void keepsCommasAndUpperCaseSymbolsInTheTitle() {
    assertSplit(
        "Fast, Exact, and Stable ΣΔ ModulatorsJosé Núñez, B. K. Rao",
        "Fast, Exact, and Stable ΣΔ Modulators",
        "José Núñez",
        "B. K. Rao");
  }

  @Test
  void keepsAPinyinGivenNameWholeAfterAPlainWord() {
    assertSplit("Scaling Laws for DataTianQi Hou", "Scaling Laws for Data", "TianQi Hou");
    assertSplit(
        "Neural Networks as Gaussian ProcessesXiaoMing Wang, Jae-Hyun Park",
        "Neural Networks as Gaussian Processes",
        "XiaoMing Wang",
        "Jae-Hyun Park");
  }

  @Test
  void splitsAfterCoinedWordsThatEndInCapitals() {
    assertSplit("Mining Code on GitHubAlice Wong", "Mining Code on GitHub", "Alice Wong");
    assertSplit("Benchmarking ChatGPTSiddharth Rao", "Benchmarking ChatGPT", "Siddharth Rao");
    assertSplit(
        "Routing Experts in DeepSeekMoEYu Wu, Ana Lima",
        "Routing Experts in DeepSeekMoE",
        "Yu Wu",
        "Ana Lima");
  }

  @Test
  void splitsAfterQuotesAndLowerCaseWords() {
    assertSplit("The \"Grokking\" PhenomenonLi Wei", "The \"Grokking\" Phenomenon", "Li Wei");
    assertSplit(
        "ternary features with no performance lossHafiz Tiomoko Ali, Martin Luther King Jr.",
        "ternary features with no performance loss",
        "Hafiz Tiomoko Ali",
        "Martin Luther King Jr.");
  }

  @Test
  void readsNamesGivenAsInitialsAndFamilyName() {
    assertSplit(
        "Sparse Coding RevisitedJ. Smith, K. L. Ng, Th. Müller",
        "Sparse Coding Revisited",
        "J. Smith",
        "K. L. Ng",
        "Th. Müller");
  }

  @Test
  void readsRunTogetherInitialsAsOnePartOfTheName() {
    assertSplit(
        "Spectral Clustering of Sparse GraphsS.V. Shanmugam, Priya Nair",
        "Spectral Clustering of Sparse Graphs",
        "S.V. Shanmugam",
        "Priya Nair");
    assertSplit(
        "Middle-Earth Cartography RevisitedJ.R.R. Tolkien",
        "Middle-Earth Cartography Revisited",
        "J.R.R. Tolkien");
    assertSplit(
        "Probing Language ModelsD.M.L. Bot, Wei Chen",
        "Probing Language Models",
        "D.M.L. Bot",
        "Wei Chen");
  }

  @Test
  void readsRunTogetherInitialsAfterAcronymsCoinedWordsAndInTheList() {
    // a coined word costs the right split a little: initials glued to the title cost more
    assertSplit(
        "Gesture Recognition with mmWaveA.K. Gupta",
        "Gesture Recognition with mmWave",
        "A.K. Gupta");
    assertSplit(
        "Scaling Laws for LLMsR.K. Singh, M.N.O. Adeyemi",
        "Scaling Laws for LLMs",
        "R.K. Singh",
        "M.N.O. Adeyemi");
    assertSplit(
        "Tensor Sketching in 3DAnna Schmidt, J.-P. Roux, T.H. Le",
        "Tensor Sketching in 3D",
        "Anna Schmidt",
        "J.-P. Roux",
        "T.H. Le");
  }

  @Test
  void readsInitialsWithoutPeriodsAndInitialsGluedToTheFamilyName() {
    assertSplit(
        "Sparse Recovery in Hilbert SpacesMarta K Nowak, Tomás EP Ruiz",
        "Sparse Recovery in Hilbert Spaces",
        "Marta K Nowak",
        "Tomás EP Ruiz");
    assertSplit(
        "Planar Separators RevisitedM. Chrobak, H.Karlsson",
        "Planar Separators Revisited",
        "M. Chrobak",
        "H.Karlsson");
  }

  @Test
  void readsLowerCasePartsAfterAHyphenOrAnApostropheInAName() {
    assertSplit(
        "Low-Resource Parsing of Cantonese ArticlesKa-wai Chan, Jin-ichi Mori",
        "Low-Resource Parsing of Cantonese Articles",
        "Ka-wai Chan",
        "Jin-ichi Mori");
    assertSplit(
        "Valency Frames RevisitedIgor Vel'čenko", "Valency Frames Revisited", "Igor Vel'čenko");
  }

  @Test
  void doesNotCutASurnameAtItsInnerCapital() {
    assertSplit(
        "Tidal Flows in EstuariesAngus Ross McDougall",
        "Tidal Flows in Estuaries",
        "Angus Ross McDougall");
    assertSplit(
        "Unfolding Orthogonal PolyhedraKa-ming Ho, Joseph O'Rourke",
        "Unfolding Orthogonal Polyhedra",
        "Ka-ming Ho",
        "Joseph O'Rourke");
  }

  @Test
  void aTitleDoesNotEndInAnOpeningQuote() {
    assertSplit("Readings of ‘Heimat'Lena Fischer", "Readings of ‘Heimat'", "Lena Fischer");
  }

  @Test
  void guessesTheSplitWhenAnAuthorHasNoShapeOfAName() {
    assertGuess(
        "Deep Kernel MachinesJohn Smith, bell hooks",
        "Deep Kernel Machines",
        "John Smith",
        "bell hooks");
  }

  @Test
  void guessKeepsTheNamesThatLookLikeNames() {
    assertGuess(
        "Protein Folding at ScaleMaria de los Angeles Garcia Torres, John Doe",
        "Protein Folding at Scale",
        "Maria de los Angeles Garcia Torres",
        "John Doe");
    assertGuess(
        "Graph Neural NetworksWei Zhang (Alibaba), Tom Baker",
        "Graph Neural Networks",
        "Wei Zhang (Alibaba)",
        "Tom Baker");
    assertGuess(
        "Quantum Error CorrectionAnna Schmidt, Team 42",
        "Quantum Error Correction",
        "Anna Schmidt",
        "Team 42");
  }

  @Test
  void guessKeepsTheWholeLineAsTitleWhenNoAuthorCanBeTold() {
    assertGuess("A Title With No Authors At All", "A Title With No Authors At All");
    assertGuess("Learning with 3 Examples张伟, 李娜", "Learning with 3 Examples张伟, 李娜");
  }

  @Test
  void guessIsTheSplitWhenThereIsOne() {
    String line = "Sparse Coding RevisitedJ. Smith, K. L. Ng";
    assertEquals(TitleAuthorSplitter.split(line).orElseThrow(), TitleAuthorSplitter.guess(line));
  }

  @Test
  void findsNoSplitWhenNoAuthorIsGlued() {
    assertEquals(Optional.empty(), TitleAuthorSplitter.split("A Title With No Authors At All"));
    assertEquals(Optional.empty(), TitleAuthorSplitter.split("Learning with 3 Examples"));
  }

  private static void assertGuess(String glued, String title, String... authors) {
    assertEquals(Optional.empty(), TitleAuthorSplitter.split(glued));
    assertEquals(
        new TitleAuthorSplitter.Split(title, List.of(authors)),
        TitleAuthorSplitter.guess(glued),
        () -> "candidates: " + String.join("\n", TitleAuthorSplitter.candidates(glued)));
  }

  private static void assertSplit(String glued, String title, String... authors) {
    Optional<TitleAuthorSplitter.Split> split = TitleAuthorSplitter.split(glued);
    assertEquals(
        Optional.of(new TitleAuthorSplitter.Split(title, List.of(authors))),
        split,
        () -> "candidates: " + String.join("\n", TitleAuthorSplitter.candidates(glued)));
  }
}
