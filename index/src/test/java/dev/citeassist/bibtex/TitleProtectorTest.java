package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.tex.BibtexDialect;
import dev.citeassist.tex.LatexEncoder;
import org.junit.jupiter.api.Test;

class TitleProtectorTest {

  private static String title(String title, BibtexDialect dialect) {
    String prepared = LatexEncoder.prepare(title);
    return LatexEncoder.encode(prepared, dialect, TitleProtector.protect(prepared), false);
  }

  private static String title(String title) {
    return title(title, BibtexDialect.BIBLATEX);
  }

  @Test
  void bracesAcronymsAndKeepsPluralSOutside() {
    assertEquals("Scaling {LLM}s on {GPU}s", title("Scaling LLMs on GPUs"));
  }

  @Test
  void bracesAcronymAsFirstWord() {
    assertEquals("{LLM} Agents", title("LLM Agents"));
  }

  @Test
  void leavesTitleCaseWordsAlone() {
    String t = "Remove Symmetries to Control Model Expressivity and Improve Optimization";
    assertEquals(t, title(t));
    assertEquals("Attention is All you Need", title("Attention is All you Need"));
  }

  @Test
  void bracesOnlyTheProtectedPartOfHyphenatedWords() {
    assertEquals("{Q}-values and {K}-means", title("Q-values and K-means"));
    assertEquals("{GPT}-4 Technical Report", title("GPT-4 Technical Report"));
    assertEquals("{ML-RI-GAMP} and Multi-Layer", title("ML-RI-GAMP and Multi-Layer"));
  }

  @Test
  void bracesInnerCapitalsAndDigitsWithCapitals() {
    assertEquals("{iPhone} and {TianQi} in {3D}", title("iPhone and TianQi in 3D"));
  }

  @Test
  void bracesWordWithMathAndKeepsMathUntouched() {
    assertEquals("{(Re)$^2$H2O}: Autonomous Driving", title("(Re)$^2$H2O: Autonomous Driving"));
    assertEquals(
        "An {$O(n)$} algorithm and $\\ell^4$-norm",
        title("An $O(n)$ algorithm and $\\ell^4$-norm"));
  }

  @Test
  void bracesCapitalAfterQuestionMarkAndProperNounsInTitleCase() {
    assertEquals(
        "Which Spaces can be Embedded in {$L_p$}-type Reproducing Kernel {Banach} Space? {A}"
            + " Characterization via Metric Entropy",
        title(
            "Which Spaces can be Embedded in $L_p$-type Reproducing Kernel Banach Space? A"
                + " Characterization via Metric Entropy"));
  }

  @Test
  void bracesEveryCapitalisedWordOfSentenceCaseTitleButTheFirst() {
    assertEquals(
        "Bayesian inference for {Gaussian} processes in {Paris}",
        title("Bayesian inference for Gaussian processes in Paris"));
  }

  @Test
  void oneLowerCaseWordDoesNotMakeATitleCaseTitleSentenceCase() {
    assertEquals(
        "Learning to Rank using Gradient Descent",
        title("Learning to Rank using Gradient Descent"));
  }

  @Test
  void wordAfterColonKeepsNormalCaseTreatment() {
    assertEquals(
        "Deep learning models: Bayesian methods for vision",
        title("Deep learning models: Bayesian methods for vision"));
  }

  @Test
  void leavesExistingBraceGroupsAlone() {
    assertEquals("The {RNN} Encoder", title("The {RNN} Encoder"));
    assertEquals("{Deep Learning} for {TianQi}", title("{Deep Learning} for TianQi"));
  }

  @Test
  void unmatchedBraceIsEscapedAndDoesNotStopProtection() {
    assertEquals("Sets {\\textbraceleft} of things for {LLM}s", title("Sets { of things for LLMs"));
  }

  @Test
  void bracesLatexCommandsThatCaseChangeWouldSpoil() {
    assertEquals("The {\\LaTeX} Companion", title("The \\LaTeX Companion"));
  }

  @Test
  void protectsAccentedProperNounsInBothDialects() {
    assertEquals("Light {Schrödinger} Bridge", title("Light Schrödinger Bridge"));
    assertEquals(
        "Light {Schr{\\\"o}dinger} Bridge",
        title("Light Schrödinger Bridge", BibtexDialect.BIBTEX));
  }

  @Test
  void greekLetterBecomesMathForBibtex() {
    assertEquals(
        "{VA}-$\\pi$: Variational Policy Alignment",
        title("VA-π: Variational Policy Alignment", BibtexDialect.BIBTEX));
  }

  @Test
  void escapesSpecialsInsideProtectedWords() {
    assertEquals(
        "{R\\&D} for 100\\% of the \\#1 snake\\_case", title("R&D for 100% of the #1 snake_case"));
  }
}
