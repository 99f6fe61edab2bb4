package dev.citeassist.bibtex;

import dev.citeassist.paper.Paper;
import dev.citeassist.paper.PaperSink;
import dev.citeassist.paper.ReadProblem;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it receives, for assertions. */
final class Recorder implements PaperSink {
  final List<Paper> papers = new ArrayList<>();
  final List<ReadProblem> problems = new ArrayList<>();

  static Recorder read(String text) {
    Recorder recorder = new Recorder();
    new BibtexReader().read("test.bib", text, recorder);
    return recorder;
  }

  @Override
  public void paper(Paper paper) {
    papers.add(paper);
  }

  @Override
  public void problem(ReadProblem problem) {
    problems.add(problem);
  }

  Paper paper(String key) {
    return papers.stream()
        .filter(p -> key.equals(p.key()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paper " + key + " in " + keys()));
  }

  List<String> keys() {
    return papers.stream().map(Paper::key).toList();
  }

  List<String> problemLines() {
    return problems.stream().map(p -> p.line() + ": " + p.message()).toList();
  }
}
