package dev.citeassist.catalogue;

import dev.citeassist.paper.Paper;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader produced, in order, for assertions. */
final class CollectingSink implements PaperSink {
  final List<Paper> papers = new ArrayList<>();
  final List<ReadProblem> problems = new ArrayList<>();

  @Override
  public void paper(Paper paper) {
    papers.add(paper);
  }

  @Override
  public void problem(ReadProblem problem) {
    problems.add(problem);
  }
}
