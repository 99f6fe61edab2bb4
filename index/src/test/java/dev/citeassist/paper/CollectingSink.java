package dev.citeassist.paper;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader produced, in order, for assertions. */
public final class CollectingSink implements PaperSink {
  public final List<Paper> papers = new ArrayList<>();
  public final List<ReadProblem> problems = new ArrayList<>();

  @Override
  public void paper(Paper paper) {
    papers.add(paper);
  }

  @Override
  public void problem(ReadProblem problem) {
    problems.add(problem);
  }

  /** The first paper with this key; fails the test when there is none. */
  public Paper paper(String key) {
    return papers.stream()
        .filter(p -> key.equals(p.key()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paper " + key + " in " + keys()));
  }

  public List<String> keys() {
    return papers.stream().map(Paper::key).toList();
  }

  /** The problems as "line: message". */
  public List<String> problemLines() {
    return problems.stream().map(p -> p.line() + ": " + p.message()).toList();
  }
}
