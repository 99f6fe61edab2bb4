package dev.citeassist.citekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPatternTest {

  private static Paper paper(String title, Integer year, String... authors) {
    return Paper.builder()
        .title(title)
        .year(year)
        .authors(List.of(authors).stream().map(Person::parse).toList())
        .build();
  }

  @Test
  void defaultIsSurnameYearFirstSignificantWord() {
    Paper p = paper("The Fundamental Limits of Learning", 2025, "Yizhou Xu", "Liu Ziyin");
    assertEquals("xu2025fundamental", KeyPattern.DEFAULT.apply(p));
  }

  @Test
  void foldsDiacriticsAndLettersThatDoNotDecompose() {
    Paper p = paper("Sharpened Error Bounds", 2020, "Michał Dereziński");
    assertEquals("derezinski2020sharpened", KeyPattern.DEFAULT.apply(p));
    Paper q = paper("Über Ähnlichkeit", 2019, "Jürgen Øster-Łukasz");
    assertEquals("osterlukasz2019uber", KeyPattern.DEFAULT.apply(q));
  }

  @Test
  void skipsMathAndFunctionWordsInTitles() {
    Paper p = paper("(Re)$^2$H2O: Autonomous Driving", 2023, "Haoyi Niu");
    assertEquals("niu2023re", KeyPattern.DEFAULT.apply(p));
    Paper q = paper("On the Role of Noise", 2021, "Zhenyu Liao");
    assertEquals("liao2021role", KeyPattern.DEFAULT.apply(q));
  }

  @Test
  void particlesAreNotPartOfTheSurnameInKeys() {
    Paper p = paper("Gases", 1873, "Johannes Diderik van der Waals");
    assertEquals("waals1873gases", KeyPattern.DEFAULT.apply(p));
  }

  @Test
  void noAuthorsGivesTwoTitleWordsAndYear() {
    Paper p = paper("Remove Symmetries to Control Model Expressivity", 2024);
    assertEquals("removesymmetries2024", KeyPattern.DEFAULT.apply(p));
  }

  @Test
  void noYearLeavesTheYearOut() {
    assertEquals("liao", KeyPattern.DEFAULT.apply(paper("", null, "Zhenyu Liao")));
  }

  @Test
  void jabrefFieldsAndModifiers() {
    Paper two =
        paper(
            "A Random Matrix Approach to Neural Networks", 2018, "Zhenyu Liao", "Romain Couillet");
    Paper three = paper("Neural Collapse", 2020, "Vardan Papyan", "X. Y. Han", "David L. Donoho");
    assertEquals("Liao.Couillet2018", KeyPattern.parse("[auth.etal][year]").apply(two));
    assertEquals("Papyan.etal2020", KeyPattern.parse("[auth.etal][year]").apply(three));
    assertEquals("PapyanEtAl", KeyPattern.parse("[authEtAl]").apply(three));
    assertEquals(
        "liao2018randommatrixapproach",
        KeyPattern.parse("[auth:lower][year][shorttitle:lower]").apply(two));
    assertEquals(
        "LIAO-18-random",
        KeyPattern.parse("[auth:upper]-[shortyear]-[veryshorttitle:lower]").apply(two));
    assertEquals("LiaoCouillet", KeyPattern.parse("[authors]").apply(two));
    assertEquals("PapyanEtAl", KeyPattern.parse("[authors1]").apply(three));
  }

  @Test
  void etAlListsCountAsMoreThanTwoAuthors() {
    Paper p =
        Paper.builder()
            .title("X")
            .authors(List.of(Person.parse("Haoyi Niu"), Person.parse("Kun Ren")))
            .etAl(true)
            .build();
    assertEquals("Niu.etal", KeyPattern.parse("[auth.etal]").apply(p));
  }

  @Test
  void rejectsUnknownFieldsAndModifiers() {
    assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("[journal]"));
    assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("[auth:title]"));
    assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("plain"));
  }
}
