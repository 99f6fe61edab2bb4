package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.fixture.CursorFixture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CitationScannerTest {

  private static Optional<CitationContext> scan(String fixture) {
    CursorFixture f = CursorFixture.parse(fixture);
    return CitationScanner.standard().scan(f.text(), f.offset());
  }

  private static CitationContext context(String fixture) {
    Optional<CitationContext> c = scan(fixture);
    assertTrue(c.isPresent(), "no citation context in " + fixture);
    return c.get();
  }

  private static void assertNone(String fixture) {
    assertEquals(Optional.empty(), scan(fixture), fixture);
  }

  @Test
  void completesAfterOpeningBrace() {
    CitationContext c = context("\\cite{|}");
    assertEquals(new CitationContext("cite", "", 6, 6, List.of()), c);
  }

  @Test
  void readsTypedPrefixOfUnclosedCite() {
    CitationContext c = context("see \\citep{symm|");
    assertEquals("citep", c.command());
    assertEquals("symm", c.prefix());
    assertEquals(11, c.replaceStart());
    assertEquals(15, c.replaceEnd());
  }

  @Test
  void replacesWholeKeySpanningCursor() {
    CursorFixture f =
        CursorFixture.parse(
            """
            \\citet{liao20|18random}
                   ^^^^^^^^^^^^^^^
            """);
    CitationContext c = CitationScanner.standard().scan(f.text(), f.offset()).orElseThrow();
    assertEquals("liao20", c.prefix());
    assertEquals(f.range()[0], c.replaceStart());
    assertEquals(f.range()[1], c.replaceEnd());
    assertEquals("liao2018random", c.key(f.text()));
  }

  @Test
  void skipsOptionalArguments() {
    CitationContext c = context("\\citep[see][p.~3]{xu|}");
    assertEquals("citep", c.command());
    assertEquals("xu", c.prefix());
  }

  @Test
  void completesAfterCommaInMultiKeyCite() {
    CitationContext c = context("\\cite{a, b, |}");
    assertEquals("", c.prefix());
    assertEquals(List.of("a", "b"), c.keys());
  }

  @Test
  void listsOtherKeysOnBothSides() {
    CitationContext c = context("\\cite{a,sy|m,b}");
    assertEquals("sy", c.prefix());
    assertEquals(List.of("a", "b"), c.keys());
    assertEquals("sym", c.key("\\cite{a,sym,b}"));
  }

  @Test
  void completesInKeyListSpanningLines() {
    CitationContext c = context("\\cite{alpha,\n  be|");
    assertEquals("be", c.prefix());
    assertEquals(List.of("alpha"), c.keys());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cite",
        "citep",
        "citet",
        "citealt",
        "citealp",
        "citeauthor",
        "citeyear",
        "citeyearpar",
        "Citet",
        "Citep",
        "parencite",
        "textcite",
        "autocite",
        "footcite",
        "smartcite",
        "supercite",
        "fullcite",
        "footfullcite",
        "citetitle",
        "citedate",
        "nocite",
        "citeA",
        "citeposs",
        "newcite",
        "citep*",
        "citet*",
        "parencite*",
        "textcite*"
      })
  void knowsCiteCommand(String command) {
    CitationContext c = context("\\" + command + "{ke|");
    assertEquals(command, c.command());
    assertEquals("ke", c.prefix());
  }

  @Test
  void knowsBiblatexOptionalArgumentsOnStarredForm() {
    assertEquals("parencite*", context("\\parencite*[][12]{k|}").command());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\cites{a}{b|}",
        "\\parencites(pre)(post)[see][1]{a}[2]{b|}",
        "\\textcites[3]{a}{b|}",
        "\\autocites(all)[p.~1]{a,c}[]{b|}"
      })
  void completesInLaterGroupOfMulticite(String text) {
    CitationContext c = context(text);
    assertEquals("b", c.prefix());
  }

  @Test
  void completesInFirstGroupOfMulticite() {
    assertEquals("parencites", context("\\parencites(pre)(post)[see][1]{a|}").command());
  }

  @Test
  void completesVolciteKeyButNotItsVolume() {
    assertEquals("k", context("\\volcite[see]{3}[12]{k|}").prefix());
    assertNone("\\volcite[see]{3|}");
  }

  @Test
  void singleCiteDoesNotTakeSecondBraceGroup() {
    assertNone("\\cite{a}{b|}");
  }

  @Test
  void completesConfiguredCommand() {
    CursorFixture f = CursorFixture.parse("\\mycite{ab|}");
    assertEquals(Optional.empty(), CitationScanner.standard().scan(f.text(), f.offset()));
    assertEquals(
        "mycite",
        new CitationScanner(Set.of("mycite")).scan(f.text(), f.offset()).orElseThrow().command());
  }

  @Test
  void noCompletionOutsideCite() {
    assertNone("\\section{intro|}");
    assertNone("\\cite{a} and |");
    assertNone("\\cite|{a}");
    assertNone("\\emph{\\cite{a}|}");
  }

  @Test
  void noCompletionInComment() {
    assertNone("% \\cite{a|}");
    assertNone("text % see \\citep{x|");
  }

  @Test
  void escapedPercentIsText() {
    assertEquals("x", context("50\\% of \\cite{x|}").prefix());
  }

  @Test
  void commentOnEarlierLineDoesNotHideCite() {
    assertEquals("x", context("% comment\n\\cite{x|}").prefix());
  }

  @Test
  void noCompletionAfterLineBreakCommand() {
    assertNone("\\\\cite{x|}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"verbatim", "lstlisting", "minted", "comment"})
  void noCompletionInVerbatimEnvironment(String env) {
    assertNone("\\begin{" + env + "}\n\\cite{x|}\n\\end{" + env + "}");
    assertEquals(
        "y", context("\\begin{" + env + "}\n\\cite{x}\n\\end{" + env + "}\n\\cite{y|}").prefix());
  }

  @Test
  void noCompletionInVerb() {
    String text = "\\verb|\\cite{x| and \\cite{y";
    assertEquals(Optional.empty(), CitationScanner.standard().scan(text, 13));
    assertEquals("y", CitationScanner.standard().scan(text, text.length()).orElseThrow().prefix());
    assertNone("\\verb+\\cite{x|+");
  }

  @Test
  void findsKeysOfTheAclStylesPossessiveCite() {
    String text = "\\citeposs{Gusfield:97} work, as \\newcite{och-ney} show";
    assertEquals(List.of("Gusfield:97", "och-ney"), CitationScanner.standard().citedKeys(text));
  }

  @Test
  void findsCitedKeysInOrder() {
    String text =
        """
        \\citep[see][]{b, a} % \\cite{hidden}
        \\begin{verbatim}\\cite{verb}\\end{verbatim}
        \\textcites[1]{c}[2]{d} \\volcite{2}{e} \\cite*{f}
        """;
    assertEquals(List.of("b", "a", "c", "d", "e", "f"), CitationScanner.standard().citedKeys(text));
  }
}
