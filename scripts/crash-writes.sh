#!/usr/bin/env bash
# The full crash-safety run of the server's .bib append (CrashSafeAppendTest): a child JVM appends
# to a 5 MB .bib and is killed with SIGKILL at random instants; after each kill the file must be
# the old bytes plus whole entries, and no temporary file may survive the next start's cleanup.
# Usage: scripts/crash-writes.sh [KILLS] [APPENDS]   (defaults 250 and 1000, for each of the
# UTF-8/LF and Latin-1/CRLF files). Prints the figures on stderr ("crash-safe appends ...").
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-250}
appends=${2:-1000}
mvn -B -o -pl index,server test -Dtest=CrashSafeAppendTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true -Dciteassist.crash.kills="$kills" -Dciteassist.crash.appends="$appends" \
  | grep -E 'crash-safe appends|Tests run:|FAIL'
