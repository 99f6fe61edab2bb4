package dev.citeassist.document;

import java.net.URI;
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
  private final ConcurrentHashMap<Path, String> ignored = new ConcurrentHashMap<>();

  public static Path path(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  public static String uri(Path path) {
    return path.toUri().toString();
  }

  /**
   * Opens a document, unless its text is over the size limit of its kind ({@link DiskFiles}): such
   * a document is not kept, so every feature ignores it, and {@link #ignored} says why.
   *
   * @return whether the document was opened
   */
  public boolean open(TextDocument document) {
    Path path = path(document.uri());
    if (tooLarge(path, document)) {
      open.remove(path);
      return false;
    }
    ignored.remove(path);
    open.put(path, document);
    return true;
  }

  /**
   * Applies a change to an open document and returns its new version; null when the document is not
   * open, or when the change makes it too large (it is then closed and {@link #ignored}).
   */
  public TextDocument change(String uri, java.util.function.UnaryOperator<TextDocument> change) {
    Path path = path(uri);
    TextDocument changed = open.computeIfPresent(path, (p, d) -> change.apply(d));
    if (changed != null && tooLarge(path, changed)) {
      open.remove(path);
      return null;
    }
    return changed;
  }

  private boolean tooLarge(Path path, TextDocument document) {
    // Characters, not bytes: a UTF-16 unit costs at least as much memory as a byte on disk.
    long size = document.text().length();
    if (size <= DiskFiles.limit(path)) {
      return false;
    }
    ignored.put(path, DiskFiles.tooLarge(path, size));
    return true;
  }

  /**
   * Why the client's document at {@code uri} is ignored (too large to keep), if it is: a phrase
   * that follows its name.
   */
  public Optional<String> ignored(String uri) {
    return Optional.ofNullable(ignored.get(path(uri)));
  }

  public void close(String uri) {
    open.remove(path(uri));
    ignored.remove(path(uri));
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

  /**
   * The open document, else the file on disk as a document of version 0 (read on each call, not
   * kept); empty when there is neither or the file cannot be read.
   */
  public Optional<TextDocument> document(Path path) {
    TextDocument d = open.get(path);
    if (d != null) {
      return Optional.of(d);
    }
    String text = DiskFiles.read(path);
    return text == null ? Optional.empty() : Optional.of(new TextDocument(uri(path), 0, text));
  }

  /**
   * The open buffer's text, else the file's text on disk, else null when there is neither or the
   * file cannot be read (see {@link DiskFiles#problem}).
   */
  public String text(Path path) {
    TextDocument d = open.get(path);
    if (d != null) {
      return d.text();
    }
    return DiskFiles.read(path);
  }
}
