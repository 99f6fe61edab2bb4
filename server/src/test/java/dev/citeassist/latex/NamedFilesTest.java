package dev.citeassist.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedFilesTest {

  /** The names and the text at each one's range, which is where a diagnostic goes. */
  private static List<String> named(String text) {
    return NamedFiles.of(text).stream()
        .map(
            f ->
                (f.bibliography() ? "bib " : "tex ")
                    + f.name()
                    + " @"
                    + text.substring(f.start(), f.end()))
        .toList();
  }

  @Test
  void namesEachBibliographyAndInputWithItsRange() {
    assertEquals(
        List.of("bib refs @refs", "bib more @more", "bib x.bib @x.bib", "tex ch/one @ch/one"),
        named("\\bibliography{refs, more}\n\\addbibresource[label=a]{x.bib}\n\\input{ch/one}"));
  }

  @Test
  void commentsAndLineBreaksInsideTheArgumentAreNoPartOfAName() {
    assertEquals(
        List.of("bib a @a", "bib b @b"), named("\\bibliography{a,% the old one\n    b}\n"));
  }

  @Test
  void commentedCommandsAndImportsNameNothingHere() {
    assertEquals(List.of(), named("% \\bibliography{gone}\n\\import{dir/}{file}\n\\input{}"));
  }
}
