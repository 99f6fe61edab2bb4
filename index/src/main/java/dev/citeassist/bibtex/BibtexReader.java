package dev.citeassist.bibtex;

import dev.citeassist.bibtex.EntryParser.RawEntry;
import dev.citeassist.paper.CatalogueReader;
import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import dev.citeassist.paper.ReadProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads BibTeX/BibLaTeX through JBibTeX. Each entry becomes a {@code Paper} with its own key,
 * {@code origin.line} the line of its {@code @type{key,}}; see {@link PaperMapper} for the fields.
 *
 * <p>The source is cut into top-level entries first ({@link EntryScanner}) and each is parsed on
 * its own ({@link EntryParser}), because JBibTeX stops at the first error: a broken entry (bad
 * syntax, a missing brace, no key, an undefined {@code @string}) is reported to {@link
 * PaperSink#problem} with its line and reading goes on with the next one. {@code @string} macros
 * and {@code #} are expanded, {@code @comment} and {@code @preamble} skipped, {@code crossref} and
 * biblatex {@code xdata} resolved ({@link Crossrefs}; {@code @xdata} entries are not papers; a
 * child whose parent comes later is delivered right after that parent, so such children are not in
 * source order). An entry without a key is delivered with a null key and a problem; a key used
 * twice is delivered twice with a problem. Each problem has its {@link ReadProblem.Kind}; the
 * structure problems (not closed, not an entry, no key, key used again) are those {@link
 * BibOutline} finds, in the same words. Bytes are UTF-8, a line that is not valid UTF-8 is read as
 * Latin-1.
 *
 * <p>Streams: holds one entry at a time, plus the macros, the keys seen (to report a key used
 * twice) and the container entries that later children may crossref. Stateless and thread-safe;
 * each call uses its own parser. Nothing but an {@link IOException} from the stream escapes.
 */
public final class BibtexReader implements CatalogueReader {

  @Override
  public void read(String sourceName, InputStream in, PaperSink sink) throws IOException {
    new Session(sourceName, sink).run(SourceLines.of(in));
  }

  /** Reads text already in memory (an editor buffer). */
  public void read(String sourceName, String text, PaperSink sink) {
    try {
      new Session(sourceName, sink).run(SourceLines.of(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the lines come from a string
    }
  }

  /** One read of one source. */
  private static final class Session
      implements EntryScanner.Listener, EntryParser.Problems, Crossrefs.Output {
    private final String source;
    private final PaperSink sink;
    private final EntryParser parser = new EntryParser();
    private final Crossrefs crossrefs = new Crossrefs(this);
    private final Map<String, Integer> keyLines = new HashMap<>();

    Session(String source, PaperSink sink) {
      this.source = source;
      this.sink = sink;
    }

    void run(SourceLines lines) throws IOException {
      new EntryScanner(this).scan(lines);
      crossrefs.finish();
    }

    @Override
    public void chunk(EntryScanner.Chunk chunk) {
      try {
        read(chunk);
      } catch (RuntimeException | StackOverflowError e) {
        // a bug must cost one entry, not the file
        problem(chunk.line(), "cannot read @" + chunk.type() + ": " + e, Kind.MALFORMED);
      }
    }

    private void read(EntryScanner.Chunk chunk) {
      String type = chunk.type().toLowerCase(Locale.ROOT);
      if (type.equals("comment")) {
        return;
      }
      if (!chunk.closed()) {
        int[] span =
            EntryScanner.keySpan(
                chunk.text(), chunk.text().indexOf('{'), chunk.text().length(), true);
        problem(
            chunk.line(),
            EntryScanner.notClosed(
                chunk.type(),
                span == null ? null : chunk.text().substring(span[0], span[1]),
                chunk.cutLine()),
            Kind.NOT_CLOSED);
        return;
      }
      switch (type) {
        case "preamble" -> {}
        case "string" -> parser.defineString(chunk, this);
        default -> {
          RawEntry entry = parser.entry(chunk, this);
          if (entry != null) {
            if (entry.key() == null) {
              problem(chunk.line(), EntryScanner.noKey(chunk.type()), Kind.NO_KEY);
            } else {
              Integer first =
                  keyLines.putIfAbsent(entry.key().toLowerCase(Locale.ROOT), chunk.line());
              if (first != null) {
                problem(
                    chunk.line(), EntryScanner.usedAgain(entry.key(), first), Kind.DUPLICATE_KEY);
              }
            }
            crossrefs.accept(entry);
          }
        }
      }
    }

    @Override
    public void notAnEntry(int line, int offset, String type) {
      if (type.equalsIgnoreCase("comment")) {
        return; // "@comment some text": BibTeX skips the word and the text after it
      }
      problem(line, EntryScanner.notAnEntry(type), Kind.NOT_AN_ENTRY);
    }

    @Override
    public void entry(RawEntry entry) {
      Paper paper;
      try {
        paper = PaperMapper.toPaper(entry, source);
      } catch (RuntimeException | StackOverflowError e) {
        // a mapping bug (or absurdly nested LaTeX) must cost one entry, not the file
        problem(
            entry.line(),
            "cannot map @" + entry.type() + "{" + entry.key() + "}: " + e,
            Kind.MALFORMED);
        return;
      }
      sink.paper(paper);
    }

    @Override
    public void problem(int line, String message) {
      problem(line, message, Kind.MALFORMED);
    }

    @Override
    public void problem(int line, String message, Kind kind) {
      sink.problem(new ReadProblem(source, line, message, kind));
    }
  }
}
