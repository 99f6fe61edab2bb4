#!/usr/bin/env bash
# Latency of completion at an empty \cite{} with 10k project entries, end to end over stdio with
# ../shared/bench/lspbench.py: generates a 10k-entry .bib (genbib.py, seed 1) and a paper of
# 600 paragraphs citing 1,800 times, places the cursor in an empty \cite at the end of a sentence,
# waits for the .bib to be indexed, then times 300 requests (the first 20 left out as warm-up).
# Prints lspbench's summary and the load average. Usage: scripts/bench-suggest.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
bench="$here/../shared/bench"
jar="$here/server/target/citeassist.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -o -pl index,server package -DskipTests -Dspotless.check.skip=true)
fi
cd "$out"
python3 "$bench/genbib.py" -n 10000 --seed 1 -o refs.bib >/dev/null
position=$(python3 - <<'PY'
import re, random
random.seed(7)
bib = open('refs.bib', encoding='utf-8').read()
keys = re.findall(r'^@\w+\{([^,]+),', bib, re.M)
titles = re.findall(r'^\s*title\s*=\s*[{"](.+?)[}"],?\s*$', bib, re.M | re.I)
words = [w for t in titles[:3000] for w in re.findall(r'[A-Za-z]{4,}', t)]
out = ["\\documentclass{article}", "\\begin{document}"]
for s in range(40):
    out.append("\\section{%s}" % " ".join(random.sample(words, 3)))
    for p in range(15):
        sents = []
        for k in range(3):
            ks = ",".join(random.sample(keys, random.choice([1, 1, 2, 3])))
            sents.append("%s studied~\\cite{%s}." % (" ".join(random.sample(words, 8)).capitalize(), ks))
        out.append(" ".join(sents))
        out.append("")
probe = "We build on %s and %s for %s \\cite{}." % tuple(random.sample(words, 3))
out.append(probe)
line = len(out) - 1
col = probe.index("\\cite{}") + 6
out += ["\\bibliographystyle{plain}", "\\bibliography{refs}", "\\end{document}"]
open('paper.tex', 'w').write("\n".join(out) + "\n")
print("%d:%d" % (line, col))
PY
)
# the server's catalogue cache goes to the output folder, not the user's
export CITEASSIST_CACHE="$out/cache" XDG_CONFIG_HOME="$out/config"
uptime
python3 "$bench/lspbench.py" --tex paper.tex --bib refs.bib --position "$position" -n 300 \
  --warmup 20 --hover-requests 50 --wait-after-open 40 --output "$out/empty-cite-10k.json" \
  -- "$JAVA_HOME/bin/java" -jar "$jar" serve
uptime
