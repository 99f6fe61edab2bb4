package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeassist.tex.BibtexDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each golden paper {@code <case>.json} is written exactly as {@code <case>.bib} shows. */
class GoldenBibtexWriterTest {

  static List<String> cases() {
    return WriterCases.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void writesBibtexDialectAsGolden(String name) throws IOException {
    assertEquals(
        Files.readString(WriterCases.directory().resolve(name + ".bib")),
        BibtexWriter.toBibtex(WriterCases.get(name), BibtexDialect.BIBTEX));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void writesBiblatexDialectAsGolden(String name) throws IOException {
    assertEquals(
        Files.readString(WriterCases.directory().resolve(name + ".biblatex.bib")),
        BibtexWriter.toBibtex(WriterCases.get(name), BibtexDialect.BIBLATEX));
  }

  @Test
  void everyGoldenFileHasItsPair() throws IOException {
    List<String> names = WriterCases.names();
    List<String> unmatched = new ArrayList<>();
    try (Stream<Path> files = Files.list(WriterCases.directory())) {
      for (Path file : files.toList()) {
        String n = file.getFileName().toString();
        String name = n.replaceFirst("(\\.biblatex)?\\.bib$|\\.json$", "");
        if (!names.contains(name)) {
          unmatched.add(n);
        }
      }
    }
    for (String name : names) {
      for (String suffix : List.of(".bib", ".biblatex.bib")) {
        if (!Files.isRegularFile(WriterCases.directory().resolve(name + suffix))) {
          unmatched.add(name + suffix);
        }
      }
    }
    assertEquals(List.of(), unmatched);
    assertTrue(names.size() >= 12, names.toString());
  }
}
