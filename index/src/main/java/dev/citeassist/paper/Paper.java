package dev.citeassist.paper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One paper, whatever source it came from. Every text is Unicode (LaTeX accents decoded), except
 * that math ({@code $^2$}) is kept as written. Absent values are null (or empty lists/maps, never
 * null); nothing is invented: a paper whose source gives no year has a null year.
 *
 * @param key cite key; null until the catalogue assigns one (BibTeX sources carry their own)
 * @param type BibTeX entry type in lower case ("article", "inproceedings", "misc", ...)
 * @param authors the names the source gives, in order
 * @param etAl true when the source cut the author list ("et al.")
 * @param authorCount the total number of authors when the source states it without names
 * @param month 1..12 or null
 * @param venue journal or proceedings title (booktitle), whichever the type uses
 * @param category arXiv primary class ("cs.LG") or a listing's category code ("LG")
 * @param arxivId bare arXiv identifier without version ("2408.15495")
 * @param code the listing flags that code is available
 * @param upvotes the count a daily-papers page shows after the date
 * @param fields every other BibTeX field of a BibTeX source, lower-case names, decoded values
 */
public record Paper(
    String key,
    String type,
    String title,
    List<Person> authors,
    boolean etAl,
    Integer authorCount,
    Integer year,
    Integer month,
    Integer day,
    String abstractText,
    String venue,
    String category,
    String doi,
    String arxivId,
    String url,
    String affiliation,
    boolean code,
    Integer upvotes,
    Map<String, String> fields,
    Origin origin) {

  public Paper {
    type = Objects.requireNonNullElse(type, "misc");
    authors = List.copyOf(Objects.requireNonNullElse(authors, List.of()));
    // Insertion order is kept, so that a writer can reproduce a source's field order.
    fields =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(fields, Map.of())));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable builder; records with twenty components are unreadable to construct otherwise. */
  public static final class Builder {
    private String key;
    private String type = "misc";
    private String title;
    private List<Person> authors = List.of();
    private boolean etAl;
    private Integer authorCount;
    private Integer year;
    private Integer month;
    private Integer day;
    private String abstractText;
    private String venue;
    private String category;
    private String doi;
    private String arxivId;
    private String url;
    private String affiliation;
    private boolean code;
    private Integer upvotes;
    private Map<String, String> fields = Map.of();
    private Origin origin;

    private Builder() {}

    private Builder(Paper p) {
      key = p.key;
      type = p.type;
      title = p.title;
      authors = p.authors;
      etAl = p.etAl;
      authorCount = p.authorCount;
      year = p.year;
      month = p.month;
      day = p.day;
      abstractText = p.abstractText;
      venue = p.venue;
      category = p.category;
      doi = p.doi;
      arxivId = p.arxivId;
      url = p.url;
      affiliation = p.affiliation;
      code = p.code;
      upvotes = p.upvotes;
      fields = p.fields;
      origin = p.origin;
    }

    public Builder key(String v) {
      key = v;
      return this;
    }

    public Builder type(String v) {
      type = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder authors(List<Person> v) {
      authors = v;
      return this;
    }

    public Builder etAl(boolean v) {
      etAl = v;
      return this;
    }

    public Builder authorCount(Integer v) {
      authorCount = v;
      return this;
    }

    public Builder year(Integer v) {
      year = v;
      return this;
    }

    public Builder month(Integer v) {
      month = v;
      return this;
    }

    public Builder day(Integer v) {
      day = v;
      return this;
    }

    public Builder abstractText(String v) {
      abstractText = v;
      return this;
    }

    public Builder venue(String v) {
      venue = v;
      return this;
    }

    public Builder category(String v) {
      category = v;
      return this;
    }

    public Builder doi(String v) {
      doi = v;
      return this;
    }

    public Builder arxivId(String v) {
      arxivId = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder affiliation(String v) {
      affiliation = v;
      return this;
    }

    public Builder code(boolean v) {
      code = v;
      return this;
    }

    public Builder upvotes(Integer v) {
      upvotes = v;
      return this;
    }

    public Builder fields(Map<String, String> v) {
      fields = v;
      return this;
    }

    public Builder origin(Origin v) {
      origin = v;
      return this;
    }

    public Paper build() {
      return new Paper(
          key,
          type,
          title,
          authors,
          etAl,
          authorCount,
          year,
          month,
          day,
          abstractText,
          venue,
          category,
          doi,
          arxivId,
          url,
          affiliation,
          code,
          upvotes,
          fields,
          origin);
    }
  }
}
