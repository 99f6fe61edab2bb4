package dev.citeassist.catalogue;

import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Paper;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One source of papers: a built-in seed listing inside the jar, or a user's file. Knows how to open
 * it, which reader reads it, its fingerprint, and the year a listing's dates without a year mean.
 */
public final class CatalogueSource {

  private static final String SEEDS = "/dev/citeassist/catalogue/seeds/";

  /**
   * The shipped seed listings were captured in 2026: their dates without a year ("Mar 26") mean
   * 2026.
   */
  static final int SEED_LISTING_YEAR = 2026;

  private final String name;
  private final long size;
  private final String fingerprint;
  private final Opener opener;
  private final CatalogueReader reader;
  private final int listingYear;

  private CatalogueSource(
      String name,
      long size,
      String fingerprint,
      Opener opener,
      CatalogueReader reader,
      int listingYear) {
    this.name = name;
    this.size = size;
    this.fingerprint = fingerprint;
    this.opener = opener;
    this.reader = reader;
    this.listingYear = listingYear;
  }

  /** The seed listings shipped inside the jar, in file order. */
  public static List<CatalogueSource> builtIn() throws IOException {
    List<CatalogueSource> sources = new ArrayList<>();
    for (String file : resourceText(SEEDS + "seeds.list").split("\\R")) {
      if (file.isBlank()) {
        continue;
      }
      byte[] bytes = resource(SEEDS + file.strip());
      sources.add(
          new CatalogueSource(
              file.strip(),
              bytes.length,
              "builtin " + file.strip() + " " + Catalogue.sha256(bytes),
              () -> new java.io.ByteArrayInputStream(bytes),
              SourceFormats.readerFor(file.strip(), head(bytes)),
              SEED_LISTING_YEAR));
    }
    return sources;
  }

  /**
   * A user's file; its format is told from its name and first bytes.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws java.nio.file.FileSystemException when it is not a regular file
   * @throws IllegalArgumentException when its format is not one CiteAssist reads
   */
  public static CatalogueSource of(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      // Never opened: a FIFO would block the reader for good.
      throw new java.nio.file.FileSystemException(
          path.toString(),
          null,
          attributes.isDirectory() ? "is a directory" : "is not a regular file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(4096);
    }
    int year = attributes.lastModifiedTime().toInstant().atZone(ZoneOffset.UTC).getYear();
    return new CatalogueSource(
        path.toString(),
        attributes.size(),
        path.toAbsolutePath().normalize()
            + " "
            + attributes.size()
            + " "
            + attributes.lastModifiedTime().toMillis(),
        () -> new BufferedInputStream(Files.newInputStream(path), 1 << 16),
        SourceFormats.readerFor(path.getFileName().toString(), head),
        year);
  }

  public String name() {
    return name;
  }

  public long size() {
    return size;
  }

  /** Whether it is one of the seed listings shipped inside the jar. */
  boolean isBuiltIn() {
    return fingerprint.startsWith("builtin ");
  }

  String fingerprint() {
    return fingerprint;
  }

  public CatalogueReader reader() {
    return reader;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }

  /**
   * A listing's date without a year means the listing's own year; a paper with no date at all gets
   * no year.
   */
  Paper completeDate(Paper paper) {
    if (paper.year() == null
        && paper.month() != null
        && paper.origin() != null
        && Catalogue.isPage(paper.origin().format())) {
      return paper.toBuilder().year(listingYear).build();
    }
    return paper;
  }

  private static byte[] head(byte[] bytes) {
    return Arrays.copyOf(bytes, Math.min(bytes.length, 4096));
  }

  private static String resourceText(String name) throws IOException {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CatalogueSource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new FileNotFoundException("missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }
}
