package dev.citeassist.citekey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyAssignerTest {

  private final KeyAssigner assigner = new KeyAssigner(KeyPattern.DEFAULT);

  private static Paper paper(String title, String author) {
    return Paper.builder().title(title).year(2021).authors(List.of(Person.parse(author))).build();
  }

  @Test
  void collisionsGetLetterSuffixesIndependentOfInputOrder() {
    List<Paper> papers =
        List.of(
            paper("Random Features", "Zhenyu Liao"),
            paper("Random Matrices", "Zhenyu Liao"),
            paper("Random Tensors", "Zhenyu Liao"),
            paper("Kernels", "Zhenyu Liao"));
    Map<String, String> expected = keysByTitle(assigner.assign(papers));
    assertEquals("liao2021randoma", expected.get("Random Features"));
    assertEquals("liao2021randomb", expected.get("Random Matrices"));
    assertEquals("liao2021randomc", expected.get("Random Tensors"));
    assertEquals("liao2021kernels", expected.get("Kernels"));
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      List<Paper> shuffled = new ArrayList<>(papers);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, keysByTitle(assigner.assign(shuffled)));
    }
  }

  @Test
  void aSuffixNeverTakesAnotherPapersKey() {
    List<Paper> papers =
        List.of(
            Paper.builder().key("liao2021randoma").title("Hand-keyed").build(),
            paper("Random Features", "Zhenyu Liao"),
            paper("Random Matrices", "Zhenyu Liao"));
    List<Paper> keyed = assigner.assign(papers);
    assertEquals(
        List.of("liao2021randoma", "liao2021randomb", "liao2021randomc"),
        keyed.stream().map(Paper::key).toList());
  }

  @Test
  void keepsOutputInInputOrder() {
    List<Paper> papers = List.of(paper("Beta", "Ann Bee"), paper("Alpha", "Ann Ay"));
    assertEquals(
        List.of("bee2021beta", "ay2021alpha"),
        assigner.assign(papers).stream().map(Paper::key).toList());
  }

  private static Map<String, String> keysByTitle(List<Paper> papers) {
    return papers.stream().collect(Collectors.toMap(Paper::title, Paper::key, (a, b) -> a));
  }
}
