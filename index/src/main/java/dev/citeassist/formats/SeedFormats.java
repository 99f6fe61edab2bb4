package dev.citeassist.formats;

import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a listing from a daily-papers page by its first lines, so that commands take files without
 * a format flag. A listing starts with a category/date line ("LGFeb 27, 2023"); a daily-papers page
 * has the "Daily Papers" page title, a "• N authors" line or a lone "·" among its first lines.
 * Anything else is not a seed format (empty). Stateless.
 */
public final class SeedFormats {

  /** Enough of a file to see the page header and the first record's metadata. */
  static final int HEAD_BYTES = 8192;

  private static final int HEAD_LINES = 40;

  private SeedFormats() {}

  /** The format of a text, judged from its beginning ({@code head} may be cut anywhere). */
  public static Optional<SourceFormat> sniff(String head) {
    int seen = 0;
    for (String raw : head.replace("\uFEFF", "").split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (seen == 0 && ListingHeader.parse(line).isPresent()) {
        return Optional.of(SourceFormat.LISTING);
      }
      if (line.equals(DailyPapersReader.PAGE_TITLE)
          || line.equals("·")
          || line.matches("•\\s*\\d+\\s+authors?")) {
        return Optional.of(SourceFormat.DAILY_PAPERS);
      }
      if (++seen == HEAD_LINES) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The format of a file, judged from its first {@value #HEAD_BYTES} bytes. */
  public static Optional<SourceFormat> sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sniff(new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8));
    }
  }

  /** The reader of a seed format; IllegalArgumentException for any other format. */
  public static CatalogueReader readerFor(SourceFormat format) {
    return switch (format) {
      case LISTING -> new ListingReader();
      case DAILY_PAPERS -> new DailyPapersReader();
      default -> throw new IllegalArgumentException("not a seed listing format: " + format);
    };
  }
}
