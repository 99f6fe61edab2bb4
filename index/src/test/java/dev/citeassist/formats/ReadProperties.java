package dev.citeassist.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.Person;
import dev.citeassist.paper.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every {@link CatalogueReader} promises for any bytes at all, checked by the fuzz tests: the
 * read returns (nothing escapes from an in-memory stream), every paper and problem names the source
 * and a line that exists, and every text is well-formed UTF-16 (no unpaired surrogate).
 */
public final class ReadProperties {

  /** What one read delivered, in order. */
  public record Read(List<Paper> papers, List<ReadProblem> problems) {

    /**
     * Whether the record that starts at {@code line} was kept (a paper at that line) or reported (a
     * problem at a line from there to before {@code next}, where the next record starts).
     */
    public boolean accountsFor(int line, int next) {
      return papers.stream().anyMatch(p -> p.origin().line() == line)
          || problems.stream()
              .anyMatch(p -> p.line() >= line && p.line() < Math.max(next, line + 1));
    }
  }

  static final String SOURCE = "fuzz.input";

  private ReadProperties() {}

  /** Reads {@code bytes} with {@code reader}, checks the common properties, returns the read. */
  public static Read check(CatalogueReader reader, byte[] bytes) {
    Read first = read(reader, bytes);
    int lines = lineCount(bytes);
    for (Paper p : first.papers()) {
      assertNotNull(p.origin(), "paper without origin");
      assertEquals(SOURCE, p.origin().source());
      assertLine(p.origin().line(), lines, "paper " + p.key() + " / " + p.title());
      assertWellFormed(p);
    }
    for (ReadProblem p : first.problems()) {
      assertEquals(SOURCE, p.source());
      assertLine(p.line(), lines, "problem " + p.message());
      assertNotNull(p.message());
      assertFalse(p.message().isBlank(), "problem without message");
      assertWellFormed(p.message(), "problem message");
    }
    return first;
  }

  private static Read read(CatalogueReader reader, byte[] bytes) {
    List<Paper> papers = new ArrayList<>();
    List<ReadProblem> problems = new ArrayList<>();
    PaperSink sink =
        new PaperSink() {
          @Override
          public void paper(Paper paper) {
            assertNotNull(paper, "null paper");
            papers.add(paper);
          }

          @Override
          public void problem(ReadProblem problem) {
            assertNotNull(problem, "null problem");
            problems.add(problem);
          }
        };
    try {
      reader.read(SOURCE, new ByteArrayInputStream(bytes), sink);
    } catch (IOException e) {
      fail("an in-memory stream cannot fail, but the reader threw " + e, e);
    }
    return new Read(papers, problems);
  }

  /**
   * How many lines the bytes have at most, whichever of {@code \n}, {@code \r\n} or a lone {@code
   * \r} a reader takes as a line end.
   */
  public static int lineCount(byte[] bytes) {
    int n = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private static void assertLine(int line, int lines, String what) {
    assertTrue(line >= 1 && line <= lines, what + ": line " + line + " is not in 1.." + lines);
  }

  private static void assertWellFormed(Paper p) {
    String what = "paper at line " + p.origin().line();
    for (String s :
        new String[] {
          p.key(),
          p.type(),
          p.title(),
          p.abstractText(),
          p.venue(),
          p.category(),
          p.doi(),
          p.arxivId(),
          p.url(),
          p.affiliation()
        }) {
      assertWellFormed(s, what);
    }
    for (Person person : p.authors()) {
      assertNotNull(person, what + ": null author");
      assertWellFormed(person.given(), what);
      assertWellFormed(person.family(), what);
    }
    for (Map.Entry<String, String> e : p.fields().entrySet()) {
      assertWellFormed(e.getKey(), what);
      assertWellFormed(e.getValue(), what + " field " + e.getKey());
    }
    if (p.month() != null) {
      assertTrue(p.month() >= 1 && p.month() <= 12, what + ": month " + p.month());
    }
    if (p.day() != null) {
      assertTrue(p.day() >= 1 && p.day() <= 31, what + ": day " + p.day());
    }
  }

  /** Fails on a lone high or low surrogate: such a string cannot be written as UTF-8 or JSON. */
  public static void assertWellFormed(String s, String what) {
    if (s == null) {
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        fail(what + ": unpaired high surrogate at " + i + " in " + s);
      } else if (Character.isLowSurrogate(c)) {
        fail(what + ": unpaired low surrogate at " + i + " in " + s);
      }
    }
  }
}
