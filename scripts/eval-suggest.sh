#!/usr/bin/env bash
# Reruns the evaluation of suggestions at an empty \cite (server/EVALUATION.md): builds the index
# and server modules with their test classes, then prints the markdown table of every method on
# every corpus project. Options go to SuggestionEvaluation: --corpus DIR (default: ../shared/corpus
# or $CITEASSIST_SHARED/corpus), --cross-validate (choose the weights leaving one project out at
# a time, and print how each held-out project scores).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline=()
[ "${CITEASSIST_ONLINE:-}" = 1 ] || offline=(-o)
# one reactor run, so that the server resolves the index module to its fresh classes
mvn -B -q "${offline[@]}" -pl index,server test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/eval.classpath \
  -Dmdep.includeScope=test >&2
cp="server/target/test-classes:server/target/classes:index/target/classes:$(cat server/target/eval.classpath)"
export CITEASSIST_SHARED="${CITEASSIST_SHARED:-$here/../shared}"
exec "$JAVA_HOME/bin/java" -cp "$cp" dev.citeassist.suggestion.SuggestionEvaluation "$@"
