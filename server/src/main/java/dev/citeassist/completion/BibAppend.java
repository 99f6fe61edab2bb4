package dev.citeassist.completion;

/**
 * Appending one entry at the end of a {@code .bib} text without changing a byte of it: the text to
 * insert at the end, which starts with what separates it from the last entry (a line break if the
 * file does not end with one, then one blank line) and uses the file's own line endings.
 *
 * @param offset where to insert (the text's length)
 * @param insert what to insert
 */
public record BibAppend(int offset, String insert) {

  public static BibAppend of(String bibText, String entry) {
    String text = bibText == null ? "" : bibText;
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    String body = entry.replace("\r\n", "\n").strip() + "\n";
    if (!eol.equals("\n")) {
      body = body.replace("\n", eol);
    }
    StringBuilder b = new StringBuilder();
    if (!text.isEmpty()) {
      if (!text.endsWith("\n")) {
        b.append(eol).append(eol);
      } else if (!text.endsWith(eol + eol) && !text.isBlank()) {
        b.append(eol);
      }
    }
    b.append(body);
    return new BibAppend(text.length(), b.toString());
  }
}
