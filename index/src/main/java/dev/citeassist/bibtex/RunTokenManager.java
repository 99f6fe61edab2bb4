package dev.citeassist.bibtex;

import java.io.IOException;
import org.jbibtex.BibTeXParserConstants;
import org.jbibtex.BibTeXParserTokenManager;
import org.jbibtex.SimpleCharStream;
import org.jbibtex.StringProvider;
import org.jbibtex.Token;

/**
 * JBibTeX's lexer with two changes inside a braced or quoted value (the parser's {@code IN_LITERAL}
 * state); outside values the generated lexer runs unchanged.
 *
 * <ul>
 *   <li>Speed: the generated lexer makes one token per character there, a token and a string for
 *       every character of every abstract. This one returns a run of ordinary characters as one
 *       token and each '{', '}' and '"' alone, which is all the parser's literal rule looks at: it
 *       appends token images, counts single-brace tokens and stops at the delimiter.
 *   <li>Braces count as in BibTeX: the literal rule skips a brace whose previous token is a lone
 *       backslash; a backslash right before a brace is followed by an empty token so that every
 *       brace counts ({@code {L\{o}drup}} is one balanced value for BibTeX, and for us).
 * </ul>
 *
 * <p>The parser changes states through {@link #SwitchTo}, so tracking that call is enough to know
 * the state. One instance per parser; not thread-safe.
 */
final class RunTokenManager extends BibTeXParserTokenManager {

  private int state = BibTeXParserConstants.DEFAULT;
  private boolean emptyNext;

  RunTokenManager() {
    super(new SimpleCharStream(new StringProvider(""), 1, 1));
  }

  @Override
  public void SwitchTo(int lexState) {
    super.SwitchTo(lexState);
    state = lexState;
    emptyNext = false;
  }

  @Override
  public void ReInit(SimpleCharStream stream) {
    super.ReInit(stream);
    state = BibTeXParserConstants.DEFAULT;
    emptyNext = false;
  }

  @Override
  public Token getNextToken() {
    if (state != BibTeXParserConstants.IN_LITERAL) {
      return super.getNextToken();
    }
    if (emptyNext) {
      emptyNext = false;
      Token empty = Token.newToken(BibTeXParserConstants.TEXT, "");
      empty.beginLine = empty.endLine = input_stream.getEndLine();
      empty.beginColumn = empty.endColumn = input_stream.getEndColumn();
      return empty;
    }
    char c;
    try {
      c = input_stream.BeginToken();
    } catch (IOException end) {
      Token eof = Token.newToken(BibTeXParserConstants.EOF, "");
      eof.beginLine = eof.endLine = input_stream.getEndLine();
      eof.beginColumn = eof.endColumn = input_stream.getEndColumn();
      return eof;
    }
    if (!special(c)) {
      try {
        char d;
        do {
          d = input_stream.readChar();
        } while (!special(d));
        input_stream.backup(1);
        emptyNext = (d == '{' || d == '}') && c == '\\' && input_stream.GetImage().equals("\\");
      } catch (IOException end) {
        // the run ends with the input; the parser sees the end on its next call
      }
    }
    Token t = Token.newToken(BibTeXParserConstants.TEXT, input_stream.GetImage());
    t.beginLine = input_stream.getBeginLine();
    t.beginColumn = input_stream.getBeginColumn();
    t.endLine = input_stream.getEndLine();
    t.endColumn = input_stream.getEndColumn();
    return t;
  }

  private static boolean special(char c) {
    return c == '{' || c == '}' || c == '"';
  }
}
