package dev.citeassist.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeassist.paper.Paper;
import dev.citeassist.tex.BibtexDialect;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the real {@code bibtex}, {@code latex} and {@code biber} over a list of papers: all the
 * papers go into one {@code .bib} and each tool runs once over it, so a catalogue of hundreds of
 * papers costs a few processes. Reports what the tools' logs say, line by line.
 *
 * <p>Public in spirit: the catalogue test feeds it every built-in paper.
 */
final class BibtexToolchain {

  /** A tool's exit code, the problem lines of its log, and the whole log for the failure text. */
  record Report(int exitCode, List<String> problems, String log) {

    /** Fails, quoting the log, unless the tool exited 0 and its log names no problem. */
    void assertClean(String what) {
      assertEquals(List.of(), problems, what + " reported problems; its log:\n" + log);
      assertEquals(0, exitCode, what + " failed; its log:\n" + log);
    }
  }

  private static final Pattern BIBTEX_PROBLEM =
      Pattern.compile(
          "^(Warning--.*|.*---line \\d+ of file.*|I was expecting.*|I'm skipping.*"
              + "|Repeated entry.*|I couldn't open.*|\\(There (was|were) .*)$");
  private static final Pattern BIBER_PROBLEM = Pattern.compile("\\b(WARN|ERROR) - .*");
  private static final long TIMEOUT_SECONDS = 180;

  /** TeX logs may cut a UTF-8 sequence at a line break; Latin-1 reads any byte. */
  private static final java.nio.charset.Charset UTF8_LENIENT = StandardCharsets.ISO_8859_1;

  private BibtexToolchain() {}

  /** True when every named program is an executable on the PATH. */
  static boolean onPath(String... programs) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String program : programs) {
      boolean found = false;
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** One {@code .bib} holding every paper's entry, in list order, a blank line between entries. */
  static String bib(List<Paper> papers, BibtexDialect dialect) {
    return papers.stream()
        .map(p -> BibtexWriter.toBibtex(p, dialect))
        .collect(Collectors.joining("\n"));
  }

  /**
   * Writes the papers in the BibTeX dialect to {@code dir/entries.bib} and runs {@code bibtex} once
   * with {@code \citation{*}} and the given standard style (plain, alpha, ...).
   */
  static Report bibtex(List<Paper> papers, String style, Path dir)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve("entries.bib"), bib(papers, BibtexDialect.BIBTEX));
    String job = "cite-" + style;
    Files.writeString(
        dir.resolve(job + ".aux"),
        "\\relax\n\\citation{*}\n\\bibstyle{" + style + "}\n\\bibdata{entries}\n");
    int exit = run(dir, "bibtex", job);
    String log = Files.readString(dir.resolve(job + ".blg"), StandardCharsets.UTF_8);
    return new Report(exit, problems(log, BIBTEX_PROBLEM), log);
  }

  /**
   * Writes the papers in the biblatex dialect to {@code dir/entries.bib}, runs {@code latex} on a
   * biblatex document that cites them all (that writes the {@code .bcf} biber reads), then runs
   * {@code biber} with the extra options given ({@code --validate-datamodel}).
   */
  static Report biber(List<Paper> papers, Path dir, String... biberOptions)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve("entries.bib"), bib(papers, BibtexDialect.BIBLATEX));
    Files.writeString(
        dir.resolve("doc.tex"),
        """
        \\documentclass{article}
        \\usepackage[backend=biber]{biblatex}
        \\addbibresource{entries.bib}
        \\begin{document}
        \\nocite{*}
        \\printbibliography
        \\end{document}
        """);
    int latex = run(dir, "latex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex");
    if (latex != 0) {
      return new Report(
          latex, List.of("latex failed"), Files.readString(dir.resolve("doc.log"), UTF8_LENIENT));
    }
    List<String> command = new ArrayList<>(List.of("biber"));
    command.addAll(List.of(biberOptions));
    command.add("doc");
    int exit = run(dir, command.toArray(String[]::new));
    String log = Files.readString(dir.resolve("doc.blg"), StandardCharsets.UTF_8);
    return new Report(exit, problems(log, BIBER_PROBLEM), log);
  }

  /** The problem lines; BibTeX's "while executing---line N" gets the message line before it. */
  private static List<String> problems(String log, Pattern problem) {
    List<String> lines = new ArrayList<>();
    String previous = "";
    for (String raw : log.split("\n")) {
      String line = raw.strip();
      var m = problem.matcher(line);
      if (m.find()) {
        lines.add(line.startsWith("while executing") ? previous + " " + m.group() : m.group());
      }
      previous = line;
    }
    return lines;
  }

  /** Runs a program in {@code dir}, output to a file there, and returns its exit code. */
  private static int run(Path dir, String... command) throws IOException, InterruptedException {
    Path output = dir.resolve(command[0] + ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(
          String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }
}
