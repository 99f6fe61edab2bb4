#!/usr/bin/env bash
# Time of the .bib outline (index: dev.citeassist.bibtex.BibOutline), which the server computes on
# every change of an open .bib: generates a 100k-entry .bib (../shared/bench/genbib.py, seed 1;
# about 25 MB) and prints the median of 30 in-process runs after 10 warm-up runs, with the load
# average. Usage: scripts/bench-outline.sh [ENTRIES] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
entries="${1:-100000}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
(cd "$here" && mvn -B -q -o -pl index test-compile -Dspotless.check.skip=true)
python3 "$here/../shared/bench/genbib.py" -n "$entries" --seed 1 -o "$out/refs.bib" >/dev/null
uptime
"$JAVA_HOME/bin/java" -cp "$here/index/target/classes:$here/index/target/test-classes" \
  dev.citeassist.bibtex.BibOutlineRun "$out/refs.bib" 30
