package dev.citeassist.bibtex;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Papers whose texts are random strings of the pieces that break BibTeX writers: braces,
 * backslashes, dollars, TeX specials, accents, combining marks, emoji, "and", commas. Seeded, so a
 * failure repeats.
 */
final class ArbitraryPapers {

  private static final String[] PIECES = {
    "a", "b", "A", "Q", "LLM", "{", "}", "\\", "$", "%", "&", "#", "_", "~", "^", "é", "π", "Δ",
    " ", " ", " ", "-", ":", "?", "2", "\\emph", "\\{", "\\}", "$x$", "ł", "\"", "'", "@", "(", ")",
    "深", "🚀", "\u00A0", "\u0301", "\n", "\\\\", "\\ ", ",", "=", "and", "%20"
  };

  private ArbitraryPapers() {}

  static List<Paper> generate(long seed, int count) {
    Random random = new Random(seed);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String title = text(random, 12);
      papers.add(
          Paper.builder()
              .key("arbitrary" + i)
              .type(random.nextBoolean() ? "article" : "misc")
              .title(title)
              .authors(
                  List.of(new Person(text(random, 3), text(random, 3)), new Person("Ann", "Lee")))
              .etAl(random.nextBoolean())
              .year(1900 + i)
              .month(1 + random.nextInt(12))
              .day(1 + random.nextInt(28))
              .venue(random.nextBoolean() ? text(random, 6) : null)
              .url(random.nextBoolean() ? "https://x.org/" + text(random, 4) : null)
              .abstractText(text(random, 40))
              .build());
    }
    return papers;
  }

  private static String text(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < pieces; k++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }
}
