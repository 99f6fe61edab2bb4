package dev.citeassist.paper;

/** Receives what a {@link CatalogueReader} reads, in source order. */
public interface PaperSink {

  void paper(Paper paper);

  void problem(ReadProblem problem);
}
