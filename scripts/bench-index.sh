#!/usr/bin/env bash
# Catalogue build at scale: generates N arXiv-snapshot records (ArxivSnapshotGenerator, seed 42),
# runs `citeassist index` on them through the launcher (its heap settings) under /usr/bin/time -v
# with a fresh cache, then times `citeassist search` (JVM start included, 3 runs) and measures the
# resident memory of a search with the catalogue open. Prints each figure with the load average.
# Usage: scripts/bench-index.sh N [WORK_DIR]   (WORK_DIR keeps the generated file between runs;
# delete it afterwards: 2.6M records are about 4.6 GB, their catalogue about 2.5 GB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:?usage: scripts/bench-index.sh N [WORK_DIR]}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt install time)" >&2; exit 2; }
data="$work/arxiv-$n.jsonl"
if [ ! -s "$data" ]; then
  (cd "$here" && mvn -B -q -o -pl index test-compile -Dspotless.check.skip=true)
  cp=$(cd "$here" && mvn -B -q -o -pl index dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=/dev/stdout)
  "$JAVA_HOME/bin/java" -cp "$here/index/target/test-classes:$here/index/target/classes:$cp" \
    dev.citeassist.bench.ArxivSnapshotGenerator "$n" "$data" 42
fi
export CITEASSIST_CACHE="$work/cache" CITEASSIST_CONFIG="$work/config"
rm -rf "$CITEASSIST_CACHE" "$CITEASSIST_CONFIG"
echo "records: $n ($(du -h "$data" | cut -f1)); before: $(uptime)"
CITEASSIST_NO_CLASS_CACHE=1 /usr/bin/time -v "$here/citeassist" index "$data" 2> "$work/index.log" >/dev/null || true
tr '\r' '\n' < "$work/index.log" | grep -E "Indexed|Catalogue:|Elapsed|Maximum resident|User time|System time|Percent of CPU" | sed 's/\x1b\[K//g'
echo "index done: $(uptime)"
echo "catalogue on disk: $(du -sh "$CITEASSIST_CACHE" | cut -f1)"
"$here/citeassist" search "graph neural" >/dev/null 2>&1 # records the launcher's class cache
for i in 1 2 3; do
  /usr/bin/time -f "search: %e s wall, %U s user + %S s sys CPU, %M KB peak RSS" "$here/citeassist" search "graph neural" >/dev/null
done
echo "search done: $(uptime)"
