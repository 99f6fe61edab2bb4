package dev.citeassist.bibtex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The writer's golden cases, {@code writer/<case>.json} (a {@link Paper} as Jackson reads the
 * record) next to {@code <case>.bib} and {@code <case>.biblatex.bib}. The papers are shaped like
 * the ones the catalogue holds, each exercising something the writer must get right: every kind of
 * venue, listing and daily-papers records, math, TeX specials, diacritics, corporate and suffixed
 * names, an abstract full of quotes, percent signs, braces and backslashes, a paper without a year.
 */
final class WriterCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WriterCases() {}

  /** The folder of the golden files. */
  static Path directory() {
    try {
      return Path.of(WriterCases.class.getResource("writer").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The case names, sorted. */
  static List<String> names() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Paper get(String name) {
    try {
      return JSON.readValue(directory().resolve(name + ".json").toFile(), Paper.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Paper> all() {
    return names().stream().map(WriterCases::get).toList();
  }
}
