package dev.citeassist.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonTest {

  @Test
  void parsesGivenFamilyAndFamilyCommaGiven() {
    assertEquals(new Person("Aidan Z. H.", "Yang"), Person.parse("Aidan Z. H. Yang"));
    assertEquals(new Person("Lenka", "Zdeborová"), Person.parse("Zdeborová, Lenka"));
    assertEquals(new Person("", "Plato"), Person.parse("Plato"));
  }

  @Test
  void lowerCaseParticlesBelongToTheFamilyName() {
    assertEquals(
        new Person("Johannes Diderik", "van der Waals"),
        Person.parse("Johannes Diderik van der Waals"));
  }

  @Test
  void suffixStaysWithTheGivenNameAndDisplaysLast() {
    Person king = Person.parse("Martin Luther King Jr.");
    assertEquals(new Person("Martin Luther Jr.", "King"), king);
    assertEquals("Martin Luther King Jr.", king.display());
    assertEquals("King, Jr., Martin Luther", king.bibtex());
  }

  @Test
  void displayReproducesTheShownName() {
    for (String name : new String[] {"TianQi Hou", "Michał Dereziński", "Liu Ziyin", "J. Smith"}) {
      assertEquals(name, Person.parse(name).display());
    }
  }
}
