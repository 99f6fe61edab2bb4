package dev.citeassist.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.bibtex.BibOutline;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibProblemsTest {

  @Test
  void aKeyUsedAgainIsReportedOnceOnItsKeyCaseIgnored() {
    String text =
        "@misc{Same, title = {One}}\r\n@misc(same, title = \"Two, again\")\r\n"
            + "@misc{other, title = {Three}}\r\n";
    assertEquals(
        List.of(
            "DUPLICATE_KEY same: Duplicate key `same`: line 1 already defines it; BibTeX uses the"
                + " first."),
        problems(text));
  }

  @Test
  void requiredFieldsAreTheEntrysOwnWhateverTheDelimiters() {
    String text =
        """
        @article(complete,
          author = "Doe, Jane", title = {T, with a comma}, journal = {J},
          % year = 2020 in a comment does not count
          date = 2020)
        @article{partial,
          author = {A}, note = {, title = not a field}, year = 2021
        }
        """;
    assertEquals(
        List.of(
            "MISSING_FIELD partial: @article `partial` lacks the required fields title, journal or"
                + " journaltitle."),
        problems(text));
  }

  @Test
  void syntaxProblemsKeepTheReadersLineAndWords() {
    String text = "@misc{a, title = {A}}\n@misc{b,\n  title = {B},\n  year 2020,\n}\n";
    assertEquals(
        List.of(
            "SYNTAX line 4: cannot read part of @misc{b}: found '2020' where '=' should be; this"
                + " line is skipped, the rest of the entry is read"),
        problems(text));
  }

  private static List<String> problems(String text) {
    return BibProblems.of(BibOutline.of(text)).stream()
        .map(
            p ->
                p.kind()
                    + " "
                    + (p.start() < 0 ? "line " + p.line() : text.substring(p.start(), p.end()))
                    + ": "
                    + p.message())
        .toList();
  }
}
