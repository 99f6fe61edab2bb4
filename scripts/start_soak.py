#!/usr/bin/env python3
"""Starts the real server many times, several at once, and counts the starts that hang.

Each start is ../shared/bench/ready_probe.py against a fresh server process on the same project
(a genbib.py bibliography, 10k entries by default): initialize, didOpen, then completion polled
until one of the project's own keys appears. A start whose entries never appear within --limit-s,
or whose probe fails, counts as hung; its server's stderr is kept for the thread dump that the
watchdog writes. All servers share one cache folder, as the editors of one user do.

  scripts/start_soak.py --starts 500 --parallel 4          # the issue's figure
  scripts/start_soak.py --starts 20 -- java -jar server/target/citeassist.jar serve
"""
import argparse
import concurrent.futures
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=500)
    ap.add_argument("--parallel", type=int, default=4, help="servers started at once (default 4)")
    ap.add_argument("--entries", type=int, default=10000, help="entries of the project's .bib")
    ap.add_argument("--limit-s", type=float, default=60, help="a start not ready by then hung")
    ap.add_argument("--bench", default=os.environ.get("CITEASSIST_BENCH", os.path.join(REPO, "..", "shared", "bench")))
    ap.add_argument("--keep", help="folder for the project, cache and logs (default: a temp folder)")
    ap.add_argument("cmd", nargs=argparse.REMAINDER, help="server command after -- (default: ./citeassist serve)")
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        cmd = [os.path.join(REPO, "citeassist"), "serve"]
    work = a.keep or tempfile.mkdtemp(prefix="citeassist-soak-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, CITEASSIST_CACHE=os.path.join(work, "cache"))
    # The launcher may build the jar and the catalogue snapshot: once, before the clock starts.
    if os.path.basename(cmd[0]) == "citeassist":
        subprocess.run(cmd[:1] + ["search", "warm"], env=env, stdout=subprocess.DEVNULL)
    # One copy of the project per concurrent start: ready_probe.py writes the server's stderr
    # beside the .tex, and a hung start's stderr holds the watchdog's thread dump.
    slots = queue.Queue()
    for k in range(a.parallel):
        project = os.path.join(work, "project-%d" % k)
        os.makedirs(project, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(a.bench, "genbib.py"), "-n", str(a.entries),
                        "-o", os.path.join(project, "refs.bib"), "--tex", os.path.join(project, "main.tex")],
                       check=True, stdout=subprocess.DEVNULL)
        slots.put(project)
    logs = os.path.join(work, "logs")
    os.makedirs(logs, exist_ok=True)

    def start(i):
        project = slots.get()
        try:
            tex, bib = os.path.join(project, "main.tex"), os.path.join(project, "refs.bib")
            t0 = time.time()
            try:
                p = subprocess.run([sys.executable, os.path.join(a.bench, "ready_probe.py"), "--tex", tex,
                                    "--bib", bib, "--limit-s", str(a.limit_s), "--"] + cmd,
                                   env=env, capture_output=True, text=True, timeout=a.limit_s + 120)
                out, err, rc = p.stdout, p.stderr, p.returncode
            except subprocess.TimeoutExpired as e:
                out, err, rc = str(e.stdout or ""), str(e.stderr or ""), -1
            m = re.search(r"project entries in completion ([\d.]+) s after didOpen", out)
            ready = float(m.group(1)) if m else None
            if ready is None:
                with open(os.path.join(logs, "start-%04d.log" % i), "w") as f:
                    f.write(out + "\n--- probe stderr ---\n" + err)
                server_err = os.path.join(project, "ready.stderr")
                if os.path.exists(server_err):
                    shutil.copy(server_err, os.path.join(logs, "start-%04d.server-stderr" % i))
            return i, ready, time.time() - t0, rc
        finally:
            slots.put(project)

    load = os.getloadavg()
    results = []
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(a.parallel) as pool:
        for i, ready, wall, rc in pool.map(start, range(a.starts)):
            results.append((i, ready, wall, rc))
            if ready is None:
                print("start %d: entries never appeared (probe exit %d); logs in %s" % (i, rc, logs), flush=True)
            if (i + 1) % 50 == 0:
                print("%d starts done, %d hung, load %.2f" % (i + 1, sum(r[1] is None for r in results),
                                                              os.getloadavg()[0]), flush=True)
    ready = sorted(r[1] for r in results if r[1] is not None)
    hung = [r[0] for r in results if r[1] is None]
    q = lambda p: ready[min(len(ready) - 1, int(p * len(ready)))] if ready else float("nan")
    print("starts %d, parallel %d, %d-entry .bib: ready %d, hung %d %s" % (
        a.starts, a.parallel, a.entries, len(ready), len(hung), hung[:20] if hung else ""))
    if ready:
        print("entries in completion after didOpen: median %.2f s, p90 %.2f s, max %.2f s" % (
            statistics.median(ready), q(0.9), ready[-1]))
    print("wall %.0f s; load average at start %.2f %.2f %.2f, at end %.2f %.2f %.2f" % (
        (time.time() - t0,) + load + os.getloadavg()))
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if hung else 0


if __name__ == "__main__":
    sys.exit(main())
