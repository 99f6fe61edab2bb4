package dev.citeassist.document;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the client has open, by normalised path, with their unsaved text; any other file is
 * read from disk. Thread-safe: the protocol thread replaces versions, requests read snapshots.
 */
public final class Documents {

  private final ConcurrentHashMap<Path, TextDocument> open = new ConcurrentHashMap<>();

  public static Path path(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  public static String uri(Path path) {
    return path.toUri().toString();
  }

  public void open(TextDocument document) {
    open.put(path(document.uri()), document);
  }

  /** Applies a change to an open document and returns its new version. */
  public TextDocument change(String uri, java.util.function.UnaryOperator<TextDocument> change) {
    return open.computeIfPresent(path(uri), (p, d) -> change.apply(d));
  }

  public void close(String uri) {
    open.remove(path(uri));
  }

  public Optional<TextDocument> get(Path path) {
    return Optional.ofNullable(open.get(path));
  }

  public Optional<TextDocument> get(String uri) {
    return get(path(uri));
  }

  public Collection<TextDocument> all() {
    return open.values();
  }

  /** The open buffer's text, else the file's text on disk, else null when there is neither. */
  public String text(Path path) {
    TextDocument d = open.get(path);
    if (d != null) {
      return d.text();
    }
    try {
      return Files.isRegularFile(path) ? read(path) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The file's text on disk: UTF-8, or Latin-1 when it is not valid UTF-8. */
  public static String read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      // Old .bib files are often Latin-1; reading them so keeps every character.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
