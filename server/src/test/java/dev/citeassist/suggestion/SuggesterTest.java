package dev.citeassist.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.document.Project;
import dev.citeassist.document.ProjectBibliography;
import dev.citeassist.fixture.CursorFixture;
import dev.citeassist.latex.CitationContext;
import dev.citeassist.latex.CitationScanner;
import dev.citeassist.suggestion.ProjectCitations.Cite;
import dev.citeassist.suggestion.Suggester.Suggestion;
import dev.citeassist.suggestion.Suggester.Weights;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signals of the ranking, one at a time and fused, over a real in-memory bibliography. */
class SuggesterTest {

  static final Path TEX = Path.of("/p/main.tex").toAbsolutePath();
  static final Path BIB = Path.of("/p/refs.bib").toAbsolutePath();

  static final String REFS =
      """
      @article{kalman1960, title={A New Approach to Linear Filtering and Prediction},
        author={Kalman, Rudolf}, year={1960}}
      @article{gordon1993, title={Novel approach to nonlinear Bayesian state estimation},
        author={Gordon, Neil}, year={1993}}
      @article{doucet2001, title={Sequential Monte Carlo methods in practice},
        author={Doucet, Arnaud}, year={2001}}
      @article{mehra1970, title={On the identification of variances and adaptive Kalman
        filtering}, author={Mehra, Raman}, year={1970}, keywords={unknown noise statistics}}
      @article{vaswani2017, title={Attention is all you need}, author={Vaswani, Ashish},
        year={2017}}
      """;

  ProjectBibliography bibliography;

  @BeforeEach
  void read() {
    bibliography = new ProjectBibliography();
    bibliography.update(BIB, REFS).join();
  }

  @AfterEach
  void close() throws Exception {
    bibliography.close();
  }

  private List<String> suggest(String fixture, Weights w) {
    CursorFixture f = CursorFixture.parse(fixture);
    CitationScanner scanner = CitationScanner.standard();
    CitationContext ctx = scanner.scan(f.text(), f.offset()).orElseThrow();
    ProjectCitations cites = ProjectCitations.Reader.ofText(TEX, f.text(), scanner);
    Suggester.Situation s =
        Suggester.Situation.at(TEX, f.text(), f.offset(), ctx, cites, List.of(TEX));
    return new Suggester(bibliography, () -> null)
        .suggest(s, Set.of(BIB), Set.copyOf(ctx.keys()), 10, 0, w).project().stream()
            .map(Suggestion::key)
            .toList();
  }

  @Test
  void theSentenceRanksTheEntryItIsAboutFirst() {
    assertEquals(
        "mehra1970",
        suggest(
                "When the noise statistics are unknown, adapt the filter \\cite{|}.",
                Weights.DEFAULT)
            .get(0));
  }

  @Test
  void keysCitedTogetherElsewhereComeWithTheOtherKeysOfTheCite() {
    String text =
        """
        Particle filters \\cite{gordon1993, doucet2001}.

        Unrelated words here \\cite{gordon1993, |}.
        """;
    assertEquals("doucet2001", suggest(text, new Weights(60, 0, 1, 0, 0, 0, 0)).get(0));
  }

  @Test
  void withoutWordsTheNearestCitationsComeFirstBeforeOrAfter() {
    String text =
        """
        Old \\cite{vaswani2017}. Then \\cite{kalman1960}. Now \\cite{|}. Later \\cite{gordon1993}.
        """;
    List<String> keys = suggest(text, new Weights(60, 0, 0, 1, 0, 0, 0));
    assertEquals(Set.of("kalman1960", "gordon1993"), Set.copyOf(keys.subList(0, 2)));
    assertEquals("vaswani2017", keys.get(2));
    // the rest of the bibliography follows in file order, so the list holds every entry
    assertEquals(List.of("doucet2001", "mehra1970"), keys.subList(3, 5));
  }

  @Test
  void citationsOfTheCommandAtTheCursorAreNotKnown() {
    String text = "A \\cite{kalman1960}. B \\cite{gordon1993,|}.";
    CursorFixture f = CursorFixture.parse(text);
    ProjectCitations cites =
        ProjectCitations.Reader.ofText(TEX, f.text(), CitationScanner.standard());
    CitationContext ctx = CitationScanner.standard().scan(f.text(), f.offset()).orElseThrow();
    Suggester.Situation s =
        Suggester.Situation.at(TEX, f.text(), f.offset(), ctx, cites, List.of(TEX));
    assertEquals(List.of("kalman1960"), s.known().stream().map(Cite::key).toList());
    assertEquals(List.of("gordon1993"), s.inCite());
  }

  @Test
  void citationsKnowTheirGroupParagraphAndLine() {
    String text = "\\cite{a, b}\\cite{c}\n\n% \\cite{hidden}\nx \\cites{d}{e}\n";
    List<Cite> cites = ProjectCitations.Reader.ofText(TEX, text, CitationScanner.standard()).all();
    assertEquals(List.of("a", "b", "c", "d", "e"), cites.stream().map(Cite::key).toList());
    assertEquals(List.of(0, 0, 1, 2, 2), cites.stream().map(Cite::group).toList());
    assertEquals(List.of(0, 0, 0, 1, 1), cites.stream().map(Cite::paragraph).toList());
    assertEquals(List.of(1, 1, 1, 4, 4), cites.stream().map(Cite::line).toList());
    Project project = new Project(TEX, List.of(TEX), List.of(BIB));
    assertEquals(
        "cited 1× — main.tex:4",
        SuggestionText.uses(
            ProjectCitations.Reader.ofText(TEX, text, CitationScanner.standard()).uses("d"),
            project));
  }
}
