package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.citeassist.paper.Months;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.Person;
import dev.citeassist.tex.BibtexDialect;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writing then reading with JBibTeX gives back every value the paper holds, once the LaTeX the
 * writer introduced is undone by {@link TexToUnicode}, and no field the paper does not justify.
 */
class BibtexRoundTripTest {

  @ParameterizedTest
  @EnumSource(BibtexDialect.class)
  void jbibtexReadsBackEveryValueWritten(BibtexDialect dialect) throws Exception {
    List<Paper> papers = WriterCases.all();
    BibTeXDatabase database =
        new BibTeXParser().parse(new StringReader(BibtexToolchain.bib(papers, dialect)));
    assertEquals(papers.size(), database.getEntries().size());
    for (Paper paper : papers) {
      BibTeXEntry entry = database.resolveEntry(new Key(paper.key()));
      assertNotNull(entry, paper.key());
      assertEquals(expected(paper, dialect), actual(entry), paper.key() + " in " + dialect);
    }
  }

  /** Our own reader is JBibTeX: whatever the text, every entry must come back, none lost. */
  @ParameterizedTest
  @EnumSource(BibtexDialect.class)
  void jbibtexReadsEveryEntryOfArbitraryTexts(BibtexDialect dialect) throws Exception {
    List<Paper> papers = ArbitraryPapers.generate(7, 2000);
    BibTeXDatabase database =
        new BibTeXParser().parse(new StringReader(BibtexToolchain.bib(papers, dialect)));
    assertEquals(papers.size(), database.getEntries().size());
    for (Paper paper : papers) {
      BibTeXEntry entry = database.resolveEntry(new Key(paper.key()));
      assertNotNull(entry.getField(new Key("abstract")), paper.key());
    }
  }

  /** The entry as field name to value, names lower case, LaTeX undone, the type as "@type". */
  private static Map<String, String> actual(BibTeXEntry entry) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("@type", entry.getType().getValue().toLowerCase(Locale.ROOT));
    for (Map.Entry<Key, Value> field : entry.getFields().entrySet()) {
      String name = field.getKey().getValue().toLowerCase(Locale.ROOT);
      String value = TexToUnicode.decode(field.getValue().toUserString());
      if (name.equals("title")) {
        value = TexToUnicode.withoutBraces(value);
      }
      if (name.equals("author")) {
        value = authors(value);
      }
      fields.put(name, value);
    }
    return fields;
  }

  /** What the paper says, in the same shape. */
  private static Map<String, String> expected(Paper p, BibtexDialect dialect) {
    Map<String, String> fields = new TreeMap<>();
    boolean bibtex = dialect == BibtexDialect.BIBTEX;
    String type = p.type();
    if (p.venue() == null) {
      type = "misc";
    }
    fields.put("@type", type);
    if (!p.authors().isEmpty()) {
      List<String> names = new ArrayList<>(p.authors().stream().map(Person::display).toList());
      if (p.etAl()) {
        names.add("others");
      }
      fields.put("author", String.join(" | ", names));
    } else if (bibtex) {
      fields.put("key", text(p.title()));
    }
    putText(fields, "title", p.title() == null ? null : TexToUnicode.withoutBraces(p.title()));
    if (p.venue() != null) {
      String venueField =
          switch (type) {
            case "article" -> bibtex ? "journal" : "journaltitle";
            case "inproceedings" -> "booktitle";
            default -> "howpublished";
          };
      putText(fields, venueField, p.venue());
    }
    if (p.year() != null) {
      if (bibtex) {
        fields.put("year", p.year().toString());
        if (p.month() != null) {
          fields.put("month", Months.NAMES.get(p.month() - 1));
        }
      } else {
        String date = p.year().toString();
        if (p.month() != null) {
          date += String.format("-%02d", p.month());
          if (p.day() != null) {
            date += String.format("-%02d", p.day());
          }
        }
        fields.put("date", date);
      }
    }
    p.fields().forEach((name, value) -> putText(fields, name, value.replace("–", "--")));
    if (p.arxivId() != null) {
      fields.put("eprint", p.arxivId());
      fields.put(bibtex ? "archiveprefix" : "eprinttype", bibtex ? "arXiv" : "arxiv");
      if (p.category() != null) {
        fields.put(bibtex ? "primaryclass" : "eprintclass", p.category());
      }
    }
    if (p.doi() != null) {
      fields.put("doi", p.doi().replaceFirst("^https://doi.org/", ""));
    }
    if (p.url() != null) {
      fields.put("url", p.url());
    }
    putText(fields, "abstract", p.abstractText());
    return fields;
  }

  private static void putText(Map<String, String> fields, String name, String value) {
    if (value != null) {
      fields.put(name, text(value));
    }
  }

  /** Whitespace runs become one space; composed characters (the writer's own normalisation). */
  private static String text(String value) {
    return Normalizer.normalize(value.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
  }

  /** "King, Jr., Martin Luther and {Google DeepMind}" as "Martin Luther, Jr. King | Google ...". */
  private static String authors(String value) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(" and ")) {
      String[] parts = TexToUnicode.withoutBraces(name).split(", ");
      names.add(
          switch (parts.length) {
            case 1 -> parts[0];
            case 2 -> new Person(parts[1], parts[0]).display();
            default -> new Person(parts[2] + ", " + parts[1], parts[0]).display();
          });
    }
    return String.join(" | ", names);
  }
}
