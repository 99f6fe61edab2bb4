package dev.citeassist.catalogue;

import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The built-in catalogue: the five seed listings shipped inside the jar (resources {@code
 * dev/citeassist/catalogue/seeds/}), read in order with the reader their format needs. 192 records;
 * four papers appear on both daily-papers pages. Stateless.
 */
public final class SeedCatalogue {

  /** The seed files, in reading order; each record's {@code Origin.source} is its name. */
  public static final List<String> FILES =
      List.of(
          "000_57b64fd6235a7719.txt",
          "001_a92a934c40817990.txt",
          "002_ca03343937b2f4f6.txt",
          "003_0cc9b078124915cd.txt",
          "004_c505c23aec72c6d2.txt");

  private SeedCatalogue() {}

  /** Reads every seed record into {@code sink}. */
  public static void read(PaperSink sink) throws IOException {
    for (String file : FILES) {
      String head;
      try (InputStream in = open(file)) {
        head = new String(in.readNBytes(SeedFormats.HEAD_BYTES), StandardCharsets.UTF_8);
      }
      SourceFormat format =
          SeedFormats.sniff(head)
              .orElseThrow(() -> new IllegalStateException("unknown seed format: " + file));
      try (InputStream in = open(file)) {
        SeedFormats.readerFor(format).read(file, in, sink);
      }
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = SeedCatalogue.class.getResourceAsStream("seeds/" + file);
    if (in == null) {
      throw new IOException("seed listing missing from the jar: " + file);
    }
    return in;
  }
}
