package dev.citeassist.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.fixture.CursorFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as the prose around a cursor. */
class CursorProseTest {

  private static CursorProse at(String fixture) {
    CursorFixture f = CursorFixture.parse(fixture);
    return CursorProse.at(f.text(), f.offset());
  }

  @Test
  void sentenceAndItsNeighboursInTheParagraphWithoutCitationsOrMath() {
    CursorProse p =
        at(
            """
            \\chapter{Filtering}
            \\section{Linear models}
            An earlier paragraph.

            Kalman filters track targets \\cite{kalman1960new}. When the noise $\\sigma^2$ is
            unknown, the filter adapts~\\citep[see][p.~3]{|}. Particle filters \\emph{sample}
            the posterior. % a comment \\cite{hidden}
            Last one.

            Next paragraph.
            """);
    assertEquals("When the noise is unknown, the filter adapts.", p.sentence());
    assertEquals("Kalman filters track targets.", p.before());
    assertEquals("Particle filters sample the posterior.", p.after());
    assertEquals(List.of("Filtering", "Linear models"), p.sections());
  }

  @Test
  void aNewSectionForgetsTheSubsectionsOfTheLastOne() {
    CursorProse p =
        at(
            """
            \\section{One}\\subsection{Deep}
            \\section*[short]{Two \\emph{parts}}
            Text \\cite{a,|}
            """);
    assertEquals(List.of("Two parts"), p.sections());
    assertEquals("Text", p.sentence());
  }

  @Test
  void referencesLabelsAndEnvironmentNamesAreNotWords() {
    CursorProse p =
        at(
            "\\begin{theorem}\\label{thm:x} As in Section~\\ref{sec:y}, see \\cite{|}.\\end{theorem}");
    assertEquals("As in Section, see.", p.sentence());
  }
}
