package dev.citeassist.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reading the files a project names ({@code .tex}, {@code .bib}) from disk, within size limits, and
 * saying in a few words why one cannot be read. Stateless; thread-safe.
 *
 * <p>The limits bound what one file may cost in memory. A file is held as its bytes while decoded,
 * then as a {@code String} (one byte per character for Latin-1 text, two otherwise); a {@code .bib}
 * adds its parsed entries and their in-memory index. Measured: a 68 MB {@code .bib} of 100,000
 * entries (with abstracts, {@code ../shared/bench/genbib.py}) keeps 259 MB of heap once indexed
 * (3.8 times its size) and indexes within a 1 GB heap; so a {@code .bib} at the limit keeps about 1
 * GB, more while it is read. Real projects stay far below: a 100,000-entry {@code .bib} is 30–70
 * MB, and a 20 MB {@code .tex} is large. A file over its limit is not read at all; the project gets
 * a diagnostic instead.
 */
public final class DiskFiles {

  /** The largest {@code .bib} read: several times the largest bibliographies in use. */
  public static final long MAX_BIB_BYTES = 256L << 20;

  /** The largest {@code .tex} (or other included file) read: three times a huge 20 MB chapter. */
  public static final long MAX_TEX_BYTES = 64L << 20;

  private DiskFiles() {}

  /** The size limit of {@code file}, by its extension. */
  public static long limit(Path file) {
    return isBib(file) ? MAX_BIB_BYTES : MAX_TEX_BYTES;
  }

  private static boolean isBib(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".bib");
  }

  /**
   * Why {@code file} cannot be read, as a phrase that follows its name ("no such file", "is a
   * directory", "is not a regular file", "cannot be read: permission denied", "is 3.0 GB, over the
   * 256 MB limit for .bib files"), or null when it can. Never opens the file: a FIFO would block.
   */
  public static String problem(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "no such file";
    } catch (AccessDeniedException e) {
      return "cannot be read: permission denied";
    } catch (FileSystemException e) {
      // A link whose target's attributes cannot be read, though it exists and may be read: the
      // links loop ("Too many levels of symbolic links"). Else a name too long, an I/O error, ...
      return Files.isSymbolicLink(file)
          ? "cannot be read: symbolic link loop"
          : "cannot be read: " + reason(e);
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
    if (attributes.isDirectory()) {
      return "is a directory";
    }
    if (!attributes.isRegularFile()) {
      return "is not a regular file";
    }
    long limit = limit(file);
    if (attributes.size() > limit) {
      return tooLarge(file, attributes.size());
    }
    if (!Files.isReadable(file)) {
      return "cannot be read: permission denied";
    }
    return null;
  }

  /** The phrase for a file (or an open document) of {@code size} bytes over its limit. */
  public static String tooLarge(Path file, long size) {
    String limit = size(limit(file));
    String shown = size(size);
    return "is "
        + (shown.equals(limit) ? String.format(Locale.ROOT, "%,d bytes", size) : shown)
        + ", over the "
        + limit
        + " limit for "
        + (isBib(file) ? ".bib" : ".tex")
        + " files";
  }

  /**
   * The file's text (UTF-8, else Latin-1, as old {@code .bib} files often are), or null when {@link
   * #problem} has an answer or reading fails. A file that grows past its limit while it is read is
   * not read either: at most the limit plus one byte is ever held.
   */
  public static String read(Path file) {
    if (problem(file) != null) {
      return null;
    }
    long limit = limit(file);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      return null;
    }
    if (bytes.length > limit) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      // Old .bib files are often Latin-1; reading them so keeps every character.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static String reason(FileSystemException e) {
    String reason = e.getReason();
    return reason == null ? e.getClass().getSimpleName() : reason.toLowerCase(Locale.ROOT);
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
  }
}
