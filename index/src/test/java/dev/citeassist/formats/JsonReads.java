package dev.citeassist.formats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader delivered for one source, in order, and its golden-file form: one JSON line per
 * paper (empty values left out, fields in the order the paper keeps them) and {@code {"problem":
 * "source:line: message"}} per problem.
 */
record JsonReads(List<Paper> papers, List<ReadProblem> problems, List<String> lines) {

  private static final ObjectMapper JSON =
      new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);

  static JsonReads read(CatalogueReader reader, String source, byte[] bytes) {
    List<Paper> papers = new ArrayList<>();
    List<ReadProblem> problems = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    PaperSink sink =
        new PaperSink() {
          @Override
          public void paper(Paper paper) {
            papers.add(paper);
            lines.add(json(paper));
          }

          @Override
          public void problem(ReadProblem problem) {
            problems.add(problem);
            lines.add(json(Map.of("problem", problem.toString())));
          }
        };
    try {
      reader.read(source, new ByteArrayInputStream(bytes), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonReads(List.copyOf(papers), List.copyOf(problems), List.copyOf(lines));
  }

  static JsonReads read(CatalogueReader reader, String source, String text) {
    return read(reader, source, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
