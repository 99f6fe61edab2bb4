package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.paper.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibtexNamesTest {

  @Test
  void readsLastCommaFirst() {
    assertEquals(new Person("Lenka", "Zdeborová"), BibtexNames.person("Zdeborov{\\'a}, Lenka"));
  }

  @Test
  void readsFirstVonLast() {
    assertEquals(new Person("Ludwig", "van Beethoven"), BibtexNames.person("Ludwig van Beethoven"));
    assertEquals(
        new Person("Charles Louis", "de la Vallée Poussin"),
        BibtexNames.person("Charles Louis de la Vall{\\'e}e Poussin"));
  }

  @Test
  void readsVonLastCommaFirst() {
    assertEquals(
        new Person("Johannes Diderik", "van der Waals"),
        BibtexNames.person("van der Waals, Johannes Diderik"));
  }

  @Test
  void putsJuniorAtTheEndOfTheGivenName() {
    assertEquals(new Person("Jessica Jr.", "Nowak"), BibtexNames.person("Nowak, Jr., Jessica"));
  }

  @Test
  void keepsBracedCorporateNameWhole() {
    BibtexNames.Names names = BibtexNames.parse("{Barnes and Noble, Inc.} and Smith, J.");
    assertEquals(
        List.of(new Person("", "Barnes and Noble, Inc."), new Person("J.", "Smith")),
        names.persons());
  }

  @Test
  void andOthersMeansEtAl() {
    BibtexNames.Names names = BibtexNames.parse("Doe, Jane and others");
    assertEquals(List.of(new Person("Jane", "Doe")), names.persons());
    assertTrue(names.etAl());
    assertFalse(BibtexNames.parse("Doe, Jane").etAl());
  }

  @Test
  void splitsOnAndInAnyCaseButNotInsideWords() {
    assertEquals(
        List.of(new Person("Ann", "Anderson"), new Person("Bob", "Sand")),
        BibtexNames.parse("Ann Anderson AND Bob Sand").persons());
  }

  @Test
  void tieAndAccentTildeAreTellApart() {
    assertEquals(new Person("D. E.", "Knuth"), BibtexNames.person("D.~E. Knuth"));
    assertEquals(new Person("José", "Peña"), BibtexNames.person("Pe\\~na, Jos\\'e"));
  }

  @Test
  void lowerCaseSpecialCharacterWordIsVon() {
    // BibTeX looks at the letter inside {\'e}: upper-case É starts a first name
    assertEquals(new Person("Émile", "Zola"), BibtexNames.person("{\\'E}mile Zola"));
  }
}
