#!/usr/bin/env bash
# Runs every Jazzer fuzz target for real, one after another (never in parallel), and writes a
# summary table (target, executions, seconds, findings) to fuzz-results.md and to stdout.
#
#   scripts/fuzz.sh                       # every target, its default budget (see TARGETS)
#   FUZZ_SCALE=0.25 scripts/fuzz.sh       # every budget times 0.25 (a quick pass)
#   scripts/fuzz.sh BibtexFuzzTest#bib    # only the targets named (Class#method)
#
# A target runs with the Maven profile `fuzz` (pom.xml): a one-second timeout per input, an RSS
# limit, a fixed -Xss/-Xmx. A finding (failed property, exception, hang, out-of-memory) is written
# by Jazzer into the target's inputs folder under src/test/resources/<package>/<Class>Inputs/<method>/
# and counted here; fix the bug, keep the file (renamed to say what it is) so every `mvn verify`
# replays it. Logs: target/fuzz-logs/. Extra Maven flags: MAVEN_FLAGS (for example -o).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

# module  Class#method  seconds. The budgets favour the fast targets (thousands of executions
# a second) over the ones that cost milliseconds per input (the .bib parser, the server).
TARGETS=(
  "index  dev.citeassist.bibtex.BibtexFuzzTest#bib                      150"
  "index  dev.citeassist.bibtex.BibtexFuzzTest#entryScanner             300"
  "index  dev.citeassist.bibtex.BibtexFuzzTest#outline                  240"
  "index  dev.citeassist.tex.LatexDecoderFuzzTest#decode                 300"
  "index  dev.citeassist.tex.LatexDecoderFuzzTest#encodeThenDecode       300"
  "index  dev.citeassist.formats.CatalogueReadersFuzzTest#listing        120"
  "index  dev.citeassist.formats.CatalogueReadersFuzzTest#dailyPapers    240"
  "index  dev.citeassist.formats.CatalogueReadersFuzzTest#cslJson        120"
  "index  dev.citeassist.formats.CatalogueReadersFuzzTest#arxivSnapshot  150"
  "server dev.citeassist.latex.LatexFuzzTest#citationScanner             300"
  "server dev.citeassist.latex.LatexFuzzTest#latexStructure              240"
  "server dev.citeassist.server.JsonRpcFuzzTest#framing                  150"
  "server dev.citeassist.server.JsonRpcFuzzTest#messages                 150"
)
SCALE=${FUZZ_SCALE:-1}
MAVEN_FLAGS=${MAVEN_FLAGS:-}
LOGS="$ROOT/target/fuzz-logs"
RESULTS="$ROOT/fuzz-results.md"
mkdir -p "$LOGS"

findings_in() { # the finding files Jazzer writes into an inputs folder
  find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
    -o -name 'leak-*' -o -name 'slow-unit-*' \) 2>/dev/null | sort
}

rows=()
total_runs=0
total_seconds=0
total_findings=0
failed=0
for entry in "${TARGETS[@]}"; do
  read -r module target seconds <<<"$entry"
  if [ $# -gt 0 ]; then
    wanted=0
    for w in "$@"; do
      [[ "$target" == *"$w" ]] && wanted=1
    done
    [ $wanted -eq 1 ] || continue
  fi
  class=${target%#*}
  method=${target#*#}
  simple=${class##*.}
  budget=$(awk -v s="$seconds" -v f="$SCALE" 'BEGIN { b = int(s * f); print (b < 5 ? 5 : b) }')
  inputs="$ROOT/$module/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method"
  mkdir -p "$inputs"
  before=$(findings_in "$inputs")
  log="$LOGS/$simple-$method.log"
  echo "== $simple#$method: ${budget}s" >&2
  # -am: the server runs against this checkout's index module, not whatever the local Maven
  # repository holds.
  mvn -B $MAVEN_FLAGS -Pfuzz -pl "$module" -am test -Dtest="$simple#$method" \
    -Dfuzz.duration="${budget}s" -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
    >"$log" 2>&1
  status=$?
  # libFuzzer's last words: "Done N runs in S second(s)" (or stat:: lines after a finding).
  runs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  secs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $5}')
  runs=${runs:-0}
  secs=${secs:-?}
  new=$(comm -13 <(echo "$before") <(findings_in "$inputs") | grep -c . || true)
  if [ "$status" -ne 0 ] && [ "$new" -eq 0 ]; then
    new="error (see $log)"
    failed=1
  elif [ "$new" -ne 0 ]; then
    failed=1
    total_findings=$((total_findings + new))
  fi
  total_runs=$((total_runs + runs))
  [[ "$secs" =~ ^[0-9]+$ ]] && total_seconds=$((total_seconds + secs))
  rows+=("| \`$simple#$method\` | $runs | $secs | $new |")
  echo "   $runs executions, $secs s, findings: $new" >&2
done

{
  echo "# Fuzzing results"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`scripts/fuzz.sh\` (FUZZ_SCALE=$SCALE), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| target | executions | seconds | findings |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo "| **total** | **$total_runs** | **$total_seconds** | **$total_findings** |"
} | tee "$RESULTS"
exit $failed
