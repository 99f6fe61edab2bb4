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
}
