package dev.citeassist.tex;

import java.util.Map;

/**
 * The characters LaTeX writes with a command, in one table for the decoder, the encoder and the
 * search index's markup stripping: accent commands with the combining mark each draws, and the
 * letters that have a command of their own. Immutable.
 */
public final class LatexCharacters {

  /**
   * Accent commands (the name after the backslash) and the combining mark each puts on its
   * argument.
   */
  public static final Map<String, Character> ACCENTS =
      Map.ofEntries(
          Map.entry("'", '\u0301'),
          Map.entry("`", '\u0300'),
          Map.entry("^", '\u0302'),
          Map.entry("\"", '\u0308'),
          Map.entry("~", '\u0303'),
          Map.entry("=", '\u0304'),
          Map.entry(".", '\u0307'),
          Map.entry("u", '\u0306'),
          Map.entry("v", '\u030C'),
          Map.entry("H", '\u030B'),
          Map.entry("c", '\u0327'),
          Map.entry("k", '\u0328'),
          Map.entry("d", '\u0323'),
          Map.entry("b", '\u0331'),
          Map.entry("r", '\u030A'),
          Map.entry("t", '\u0361'));

  /** The tie accent: it joins two letters, so no single letter is written with it. */
  static final char TIE = '\u0361';

  /** Letters LaTeX writes with a command of their own ({@code \o} is ø), by command name. */
  public static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("ss", "ß"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"));

  private LatexCharacters() {}
}
