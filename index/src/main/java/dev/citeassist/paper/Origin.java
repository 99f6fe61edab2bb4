package dev.citeassist.paper;

/**
 * Where a paper was read: the source's name (a file name for seeds, a path for user files), the
 * 1-based line of the record's first line (0 when unknown), and the format it was read from.
 */
public record Origin(String source, int line, SourceFormat format) {}
