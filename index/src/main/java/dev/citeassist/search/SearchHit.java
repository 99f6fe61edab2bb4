package dev.citeassist.search;

import dev.citeassist.paper.Paper;

/** One search result: the stored paper and its relevance score (higher is better). */
public record SearchHit(Paper paper, float score) {}
