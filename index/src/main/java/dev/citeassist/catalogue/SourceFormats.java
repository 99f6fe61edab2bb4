package dev.citeassist.catalogue;

import dev.citeassist.bibtex.BibtexReader;
import dev.citeassist.formats.ArxivSnapshotReader;
import dev.citeassist.formats.CslJsonReader;
import dev.citeassist.formats.SeedFormats;
import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a catalogue source's format from its name and first bytes, and gives the reader for a
 * format. {@code .bib} is BibTeX; JSON ({@code .json}, {@code .jsonl}, {@code .ndjson}) is CSL-JSON
 * when its first non-blank byte is {@code [} and the arXiv snapshot (JSON lines) when it is {@code
 * {}. Any other source is a seed listing or a daily-papers page when {@link SeedFormats} says so.
 * Stateless.
 */
public final class SourceFormats {

  /** How many bytes {@link #detect(Path)} reads: enough to pass a BOM and leading blank lines. */
  private static final int HEAD_BYTES = 4096;

  private SourceFormats() {}

  /** The format of {@code file}, empty when neither its name nor its first bytes tell. */
  public static Optional<SourceFormat> detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    }
    return detect(file.getFileName().toString(), head);
  }

  /**
   * The format of a source called {@code name} that starts with {@code head} (any number of its
   * first bytes), empty when they do not tell.
   */
  public static Optional<SourceFormat> detect(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bib") || lower.endsWith(".bibtex") || lower.endsWith(".biblatex")) {
      return Optional.of(SourceFormat.BIBTEX);
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return switch (firstSignificantByte(head)) {
        case '[' -> Optional.of(SourceFormat.CSL_JSON);
        case '{' -> Optional.of(SourceFormat.ARXIV_JSON);
        default -> Optional.empty();
      };
    }
    // Anything else may be a seed listing or a daily-papers page (.txt), told by its first lines.
    return SeedFormats.sniff(new String(head, StandardCharsets.UTF_8));
  }

  /**
   * The reader for a source called {@code name} that starts with {@code head}.
   *
   * @throws IllegalArgumentException when its format is not one CiteAssist reads
   */
  public static CatalogueReader readerFor(String name, byte[] head) {
    return reader(
        detect(name, head)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        name
                            + " is not a catalogue CiteAssist reads: expected a .bib file, a"
                            + " CSL-JSON export (.json), the arXiv metadata snapshot (.json lines), a paper"
                            + " listing or a daily-papers page (.txt)")));
  }

  /** A reader for {@code format}. */
  public static CatalogueReader reader(SourceFormat format) {
    return switch (format) {
      case BIBTEX -> new BibtexReader();
      case ARXIV_JSON -> new ArxivSnapshotReader();
      case CSL_JSON -> new CslJsonReader();
      case LISTING, DAILY_PAPERS -> SeedFormats.readerFor(format);
    };
  }

  /** The first byte that is not a UTF-8 byte-order mark or JSON whitespace; -1 when none. */
  private static int firstSignificantByte(byte[] head) {
    int i = 0;
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    for (; i < head.length; i++) {
      byte b = head[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return -1;
  }
}
