#!/usr/bin/env bash
# Figures of the shared catalogue on OpenSearch (see index/BENCHMARKS.md, "Shared catalogue"):
# starts a 3-node cluster on loopback from the integ-test distribution Maven resolves, loads N
# generated arXiv records (default 1,000,000) with the bulk API, measures completion latency
# through the remote backend (warm p50/p99) and prints per-shard disk and per-node heap.
#   scripts/bench-opensearch.sh [PAPERS [NODE_HEAP_MB]]
# Runs as root too (the nodes then run as the user citeassist-os, created if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
papers="${1:-1000000}"
heap="${2:-1024}"
mvn -B -q install -pl index -am -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl index dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
zip=$(tr ':' '\n' < index/target/bench.classpath | grep 'integ-test-zip/opensearch/.*\.zip$' | head -1)
if [ -z "$zip" ]; then
  zip=$(mvn -B -q -pl index help:evaluate -Dexpression=settings.localRepository -DforceStdout)/org/opensearch/distribution/integ-test-zip/opensearch/3.3.2/opensearch-3.3.2.zip
fi
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
echo "load average before: $(cat /proc/loadavg)"
"$java_home/bin/java" -Xmx6g -Dciteassist.opensearch.zip="$zip" -Dciteassist.opensearch.version=3.3.2 \
  -cp "index/target/test-classes:index/target/classes:$(cat index/target/bench.classpath)" \
  dev.citeassist.remote.ClusterBenchmark "$papers" "$heap"
echo "load average after: $(cat /proc/loadavg)"
