package dev.citeassist.catalogue;

/**
 * Told how far building a catalogue has got: papers read so far and bytes of the sources read out
 * of the total. Called on the building thread, every thousand papers and after each source.
 */
@FunctionalInterface
public interface CatalogueProgress {

  CatalogueProgress NONE = (papers, bytesDone, bytesTotal) -> {};

  void update(long papers, long bytesDone, long bytesTotal);
}
