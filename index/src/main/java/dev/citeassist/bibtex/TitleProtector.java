package dev.citeassist.bibtex;

import dev.citeassist.tex.LatexEncoder;
import dev.citeassist.tex.LatexSyntax;
import dev.citeassist.tex.LatexSyntax.Range;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which words of a title need braces so that a style that changes case (BibTeX's {@code
 * change.case$}, biblatex's sentence case) keeps them as written. Works on a {@link
 * LatexEncoder#prepare prepared} Unicode title and returns the ranges to brace; the encoder writes
 * them.
 *
 * <p>The rule, per word (hyphenated words per part, so {@code {Q}-values}):
 *
 * <ul>
 *   <li>braced: a capital after the first letter ({@code {LLM}}, {@code {TianQi}}, {@code
 *       {(Re)$^2$H2O}}), digits with capitals ({@code {3D}}), a lone capital other than "A" ({@code
 *       {Q}-values}), math with a capital ({@code {$O(n)$}}), a LaTeX command ({@code {\LaTeX}});
 *       an all-capital plural keeps its "s" outside ({@code {GPU}s});
 *   <li>braced unless first in the title or after a colon: names from a short list of proper nouns
 *       common in technical titles ({@code {Bayesian}}, {@code {Schrödinger}}), and, when the title
 *       is in sentence case, every capitalised word (it can only be a name);
 *   <li>a capitalised word after "?" or "!" starts a new sentence and is braced ({@code {A}});
 *   <li>never braced: a word that already has braces or lies inside a brace group, a word that is
 *       merely capitalised in a Title Case title.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class TitleProtector {

  /** Proper nouns (lower case) that turn up in titles and that sentence case would spoil. */
  private static final Set<String> PROPER_NOUNS =
      Set.of(
          "bayes",
          "bayesian",
          "gauss",
          "gaussian",
          "markov",
          "markovian",
          "bernoulli",
          "poisson",
          "dirichlet",
          "gibbs",
          "langevin",
          "hamilton",
          "hamiltonian",
          "lagrange",
          "lagrangian",
          "laplace",
          "laplacian",
          "fourier",
          "hilbert",
          "banach",
          "sobolev",
          "lipschitz",
          "euclid",
          "euclidean",
          "riemann",
          "riemannian",
          "hessian",
          "jacobian",
          "newton",
          "newtonian",
          "wasserstein",
          "schrödinger",
          "fréchet",
          "kalman",
          "bellman",
          "boltzmann",
          "monte",
          "carlo",
          "nash",
          "turing",
          "shapley",
          "wishart",
          "stein",
          "ising",
          "hopfield",
          "kolmogorov",
          "brownian",
          "lévy",
          "hawkes",
          "gromov",
          "kullback",
          "leibler",
          "cauchy",
          "chebyshev",
          "legendre",
          "hermite",
          "hermitian",
          "krylov",
          "lanczos",
          "nesterov",
          "stiefel",
          "grassmann",
          "grassmannian",
          "wiener",
          "itô",
          "hebbian",
          "boolean",
          "galerkin",
          "hodge",
          "lyapunov",
          "pareto",
          "wigner",
          "weibull",
          "koopman",
          "bessel",
          "tucker",
          "fisher",
          "shannon",
          "procrustes",
          "voronoi",
          "delaunay",
          "english",
          "chinese",
          "german",
          "french",
          "japanese",
          "european",
          "african",
          "american",
          "asian",
          "indian",
          "arabic",
          "spanish");

  /** Lower-case words of four letters or more that Title Case leaves in lower case. */
  private static final Set<String> SMALL_WORDS =
      Set.of(
          "with", "from", "into", "onto", "over", "upon", "than", "that", "versus", "when", "where",
          "while", "without", "within", "through", "toward", "towards", "under", "between", "among",
          "across", "against", "along", "about", "after", "before", "beyond", "during", "like",
          "near", "since", "until", "unto", "also", "does", "their", "this", "these", "those",
          "via");

  private static final String LEADING_PUNCTUATION = "(['\"`‘“«";
  private static final String TRAILING_PUNCTUATION = ".,;:?!)]'\"’”»";

  private TitleProtector() {}

  /** The ranges of {@code title} (prepared) to wrap in braces, sorted and disjoint. */
  static List<Range> protect(String title) {
    List<Range> math = LatexSyntax.math(title);
    boolean[] atomic = atomic(title, math);
    BitSet unmatched = LatexSyntax.unmatchedBraces(title);
    int[] depth = braceDepth(title, unmatched);
    List<Word> words = words(title, atomic);
    boolean sentenceCase = isSentenceCase(title, words, atomic, math);
    List<Range> ranges = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      Word word = words.get(w);
      if (word.hasBraces(title, unmatched) || depth[word.start] > 0) {
        continue;
      }
      Start start = w == 0 ? Start.TITLE : words.get(w - 1).startOfNext(title);
      Range range = protectWord(title, word, start, sentenceCase, atomic, math);
      if (range != null) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  /** How a word begins: first in the title, after a colon, a new sentence after ?/!, or inside. */
  private enum Start {
    TITLE,
    AFTER_COLON,
    NEW_SENTENCE,
    INSIDE
  }

  /** A word [start, end) and its core [coreStart, coreEnd) without surrounding punctuation. */
  private record Word(int start, int end, int coreStart, int coreEnd) {

    boolean hasBraces(String s, BitSet unmatched) {
      for (int i = start; i < end; i++) {
        if ((s.charAt(i) == '{' || s.charAt(i) == '}') && !unmatched.get(i)) {
          return true;
        }
      }
      return false;
    }

    Start startOfNext(String s) {
      char last = s.charAt(end - 1);
      return switch (last) {
        case ':' -> Start.AFTER_COLON;
        case '?', '!' -> Start.NEW_SENTENCE;
        default -> Start.INSIDE;
      };
    }
  }

  /** What the letters of one part of a word look like, math and commands aside. */
  private record Shape(
      int letters,
      boolean firstUpper,
      boolean innerUpper,
      boolean digit,
      boolean upper,
      boolean allUpperButFinalS,
      boolean command,
      boolean mathUpper,
      String lowerLetters) {}

  private static Range protectWord(
      String s, Word word, Start start, boolean sentenceCase, boolean[] atomic, List<Range> math) {
    if (word.coreStart >= word.coreEnd) {
      return null;
    }
    boolean initial = start == Start.TITLE || start == Start.AFTER_COLON;
    int from = -1;
    int to = -1;
    Shape lastShape = null;
    int partStart = word.coreStart;
    boolean firstPart = true;
    for (int i = word.coreStart; i <= word.coreEnd; i++) {
      boolean boundary =
          i == word.coreEnd || (!atomic[i] && (s.charAt(i) == '-' || s.charAt(i) == '/'));
      if (!boundary) {
        continue;
      }
      if (i > partStart) {
        Shape shape = shape(s, partStart, i, atomic, math);
        boolean needs =
            shape.command
                || shape.mathUpper
                || shape.innerUpper
                || (shape.digit && shape.upper)
                || (shape.letters == 1 && shape.upper && !shape.lowerLetters.equals("a"))
                || (!initial && shape.firstUpper && isProperNoun(shape.lowerLetters))
                || (!initial && sentenceCase && shape.firstUpper)
                || (firstPart && start == Start.NEW_SENTENCE && shape.firstUpper);
        if (needs) {
          if (from < 0) {
            from = partStart;
          }
          to = i;
          lastShape = shape;
        }
      }
      firstPart = false;
      partStart = i + 1;
    }
    if (from < 0) {
      return null;
    }
    if (lastShape.allUpperButFinalS && s.charAt(to - 1) == 's') {
      to--;
    }
    return new Range(from, to);
  }

  private static Shape shape(String s, int start, int end, boolean[] atomic, List<Range> math) {
    StringBuilder letters = new StringBuilder();
    boolean innerUpper = false;
    boolean digit = false;
    boolean upper = false;
    boolean command = false;
    boolean mathUpper = false;
    int upperCount = 0;
    for (int i = start; i < end; ) {
      Range m = mathAt(math, i);
      if (m != null) {
        mathUpper |= hasUpper(s, m.start(), Math.min(m.end(), end));
        i = m.end();
        continue;
      }
      if (s.charAt(i) == '\\') {
        int length = Math.max(1, LatexSyntax.controlSequence(s, i));
        command |= length > 2 || (length == 2 && LatexSyntax.isAsciiLetter(s.charAt(i + 1)));
        i += length;
        continue;
      }
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
          upper = true;
          upperCount++;
          innerUpper |= !letters.isEmpty();
        }
        letters.appendCodePoint(cp);
      } else if (Character.isDigit(cp)) {
        digit = true;
      }
      i += Character.charCount(cp);
    }
    String text = letters.toString();
    int count = text.codePointCount(0, text.length());
    boolean firstUpper = count > 0 && Character.isUpperCase(text.codePointAt(0));
    boolean allUpperButFinalS = count >= 3 && text.endsWith("s") && upperCount == count - 1;
    return new Shape(
        count,
        firstUpper,
        innerUpper,
        digit,
        upper,
        allUpperButFinalS,
        command,
        mathUpper,
        text.toLowerCase(Locale.ROOT));
  }

  private static boolean isProperNoun(String lowerLetters) {
    return PROPER_NOUNS.contains(lowerLetters)
        || (lowerLetters.endsWith("s")
            && PROPER_NOUNS.contains(lowerLetters.substring(0, lowerLetters.length() - 1)));
  }

  /**
   * Sentence case when, among the words that Title Case would capitalise (four letters or more, not
   * first, not a small word, nothing special about them), more start in lower case than in upper
   * case.
   */
  private static boolean isSentenceCase(
      String s, List<Word> words, boolean[] atomic, List<Range> math) {
    int lower = 0;
    int upper = 0;
    for (int w = 1; w < words.size(); w++) {
      Word word = words.get(w);
      if (words.get(w - 1).startOfNext(s) != Start.INSIDE) {
        continue;
      }
      int end = word.coreStart;
      while (end < word.coreEnd && (atomic[end] || s.charAt(end) != '-')) {
        end++;
      }
      Shape shape = shape(s, word.coreStart, end, atomic, math);
      if (shape.letters < 4
          || shape.innerUpper
          || shape.digit
          || shape.command
          || SMALL_WORDS.contains(shape.lowerLetters)
          || isProperNoun(shape.lowerLetters)) {
        continue;
      }
      if (shape.firstUpper) {
        upper++;
      } else {
        lower++;
      }
    }
    return lower > upper;
  }

  private static List<Word> words(String s, boolean[] atomic) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == ' ' && !atomic[i]) {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && (atomic[i] || s.charAt(i) != ' ')) {
        i++;
      }
      words.add(core(s, start, i, atomic));
    }
    return words;
  }

  /** Strips the punctuation around a word, keeping a parenthesis whose partner is inside. */
  private static Word core(String s, int start, int end, boolean[] atomic) {
    int a = start;
    int b = end;
    while (a < b && !atomic[a] && LEADING_PUNCTUATION.indexOf(s.charAt(a)) >= 0) {
      char c = s.charAt(a);
      if ((c == '(' && s.indexOf(')', a + 1) >= 0 && s.indexOf(')', a + 1) < b)
          || (c == '[' && s.indexOf(']', a + 1) >= 0 && s.indexOf(']', a + 1) < b)) {
        break;
      }
      a++;
    }
    while (b > a && !atomic[b - 1] && TRAILING_PUNCTUATION.indexOf(s.charAt(b - 1)) >= 0) {
      char c = s.charAt(b - 1);
      int opener = c == ')' ? s.lastIndexOf('(', b - 2) : c == ']' ? s.lastIndexOf('[', b - 2) : -1;
      if (opener >= a) {
        break;
      }
      b--;
    }
    return new Word(start, end, a, b);
  }

  /** Marks the characters of math and of control sequences, which words never split. */
  private static boolean[] atomic(String s, List<Range> math) {
    boolean[] atomic = new boolean[s.length()];
    for (Range m : math) {
      for (int i = m.start(); i < m.end(); i++) {
        atomic[i] = true;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      if (!atomic[i] && s.charAt(i) == '\\') {
        int length = LatexSyntax.controlSequence(s, i);
        for (int k = 0; k < length; k++) {
          atomic[i + k] = true;
        }
        i += Math.max(0, length - 1);
      }
    }
    return atomic;
  }

  /** The brace depth before each character, paired bare braces only (what LaTeX groups). */
  private static int[] braceDepth(String s, BitSet unmatched) {
    int[] depth = new int[s.length() + 1];
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      depth[i] = d;
      char c = s.charAt(i);
      if (c == '\\') {
        depth[i + 1] = d;
        i++;
        if (i < s.length()) {
          depth[i] = d;
        }
        continue;
      }
      if (c == '{' && !unmatched.get(i)) {
        d++;
      } else if (c == '}' && !unmatched.get(i)) {
        d--;
      }
    }
    depth[s.length()] = d;
    return depth;
  }

  private static Range mathAt(List<Range> math, int i) {
    for (Range m : math) {
      if (m.start() == i) {
        return m;
      }
      if (m.start() > i) {
        return null;
      }
    }
    return null;
  }

  private static boolean hasUpper(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }
}
