#!/usr/bin/env bash
# Every figure of issue 10 in one run (project .bib readiness, edit visibility, completion latency
# at 10k and 100k entries, response size, server RSS, catalogue build and search), each beside its
# target, and the same against digestif when it is installed; appended to server/BENCHMARKS.md.
# See scripts/bench.py for the steps. Long (the default 2.6M-record catalogue takes an hour or
# more to generate and index); `--records 300000` for a shorter run.
#
# Usage: scripts/bench.sh [--records N] [--out DIR] [--sizes 10000,100000] [--no-digestif]
#                         [--no-catalogue] [--doc FILE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
min=21

# Prints the feature version (17, 21, 25) of the JDK at $1, or nothing.
jdk_version() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  v="${v#1.}"
  echo "${v%%[.+-]*}"
}

# $CITEASSIST_JAVA_HOME, $JAVA_HOME, the java on PATH, then the newest JDK 21+ in the usual places.
find_jdk() {
  local c v best="" best_v=0 candidates=()
  [ -n "${CITEASSIST_JAVA_HOME:-}" ] && candidates+=("$CITEASSIST_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
    candidates+=("$(dirname "$(dirname "$c")")")
  fi
  for c in "${candidates[@]}"; do
    v=$(jdk_version "$c")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$c"; return 0; fi
  done
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] || continue
    v=$(jdk_version "$c")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
  return 0
}

jdk=$(find_jdk)
if [ -z "$jdk" ]; then
  echo "bench.sh: no JDK $min or newer found (JAVA_HOME, PATH, /usr/lib/jvm, ...)" >&2
  exit 2
fi
export JAVA_HOME="$jdk"
for tool in python3 mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench.sh: $tool is needed" >&2; exit 2; }
done

# The server jar (the launcher rebuilds it when the sources are newer) and the generator's classes.
cd "$here"
mvn -B -q -Dspotless.check.skip=true -DskipTests -pl index install
mvn -B -q -Dspotless.check.skip=true -DskipTests -pl server package
mvn -B -q -Dspotless.check.skip=true -pl index test-compile
mvn -B -q -pl index dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$here/index/target/bench-classpath.txt" >/dev/null
cp="$here/index/target/test-classes:$here/index/target/classes:$(cat "$here/index/target/bench-classpath.txt")"

exec python3 "$here/scripts/bench.py" --java "$jdk/bin/java" --classpath "$cp" "$@"
