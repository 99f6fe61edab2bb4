package dev.citeassist.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.citeassist.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a {@link Paper}: compact JSON (null values, empty lists and maps left out),
 * UTF-8. Lucene compresses stored fields by blocks, so JSON's repeated names cost little. The whole
 * paper is stored, so hover and BibTeX never re-read a source. Thread-safe.
 *
 * <p>Unknown names are ignored when reading, so an index written by a newer model still opens; a
 * change that alters meaning must bump {@link PaperIndex}'s schema version instead.
 */
final class PaperCodec {

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectWriter WRITER = MAPPER.writerFor(Paper.class);
  private static final ObjectReader READER = MAPPER.readerFor(Paper.class);

  private PaperCodec() {}

  static byte[] encode(Paper paper) {
    try {
      return WRITER.writeValueAsBytes(paper);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store paper " + paper.key(), e);
    }
  }

  static Paper decode(byte[] bytes, int offset, int length) {
    try {
      return READER.readValue(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("the index holds a paper it cannot read", e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    // Paper turns absent lists and maps into empty ones, so empty ones need not be written.
    mapper
        .configOverride(List.class)
        .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
    mapper
        .configOverride(Map.class)
        .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper;
  }
}
