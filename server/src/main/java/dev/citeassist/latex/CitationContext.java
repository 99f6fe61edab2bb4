package dev.citeassist.latex;

import java.util.List;

/**
 * Where the cursor sits inside a citation command's key list.
 *
 * @param command the command name without backslash, with its star if any ("citep", "cite*")
 * @param prefix the part of the current key typed before the cursor
 * @param replaceStart offset of the first character of the key spanning the cursor
 * @param replaceEnd offset after its last character (a completion replaces the whole key)
 * @param keys the other keys already in this key list, in order
 */
public record CitationContext(
    String command, String prefix, int replaceStart, int replaceEnd, List<String> keys) {

  public CitationContext {
    keys = List.copyOf(keys);
  }

  /** The whole key spanning the cursor, read from the text the context was scanned in. */
  public String key(CharSequence text) {
    return text.subSequence(replaceStart, replaceEnd).toString();
  }
}
