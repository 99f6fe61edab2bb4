#!/usr/bin/env python3
"""A long session against one real server: random edits, completions and hovers, RSS sampled.

Starts the server over stdio (../shared/bench/lspbench.py's client), opens a genbib.py project
(main.tex + refs.bib, both as open buffers), then runs --ops operations chosen at random:
edits of main.tex (a line with citations inserted, deleted or rewritten, odd Unicode included),
edits of the refs.bib buffer (an entry appended or its title changed), completions inside a
\\cite whose prefix changes, and hovers on cited keys. Every --every operations it samples the
server's resident memory (VmRSS) and prints a row. Any error response (other than a cancelled
request), a timeout or a dead server counts as an error; the exit code is 1 if there was one.

  scripts/soak.py --ops 30000 --entries 1000 -- ./citeassist serve
"""
import argparse
import json
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

WORDS = ["deep", "learning", "symmetry", "graph", "neural", "kernel", "bayesian", "optimal",
         "transport", "Zdeborová", "naïve", "Erdős", "Ångström", "😀", "a\u0301", "👩‍🔬", "façade"]


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ops", type=int, default=30000)
    ap.add_argument("--every", type=int, default=1000, help="sample RSS every N operations")
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30, help="per-request timeout, seconds")
    ap.add_argument("--bench", default=os.environ.get("CITEASSIST_BENCH", os.path.join(REPO, "..", "shared", "bench")))
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        cmd = [os.path.join(REPO, "citeassist"), "serve"]
    sys.path.insert(0, a.bench)
    import lspbench
    from lspbench import LspClient, path_to_uri, utf16_len, RequestTimeout, ServerDied

    rnd = random.Random(a.seed)
    ws = tempfile.mkdtemp(prefix="citeassist-soak-")
    tex, bib = os.path.join(ws, "main.tex"), os.path.join(ws, "refs.bib")
    import subprocess
    subprocess.run([sys.executable, os.path.join(a.bench, "genbib.py"), "-n", str(a.entries), "-o", bib,
                    "--tex", tex, "--keys", os.path.join(ws, "keys.txt")], check=True, stdout=subprocess.DEVNULL)
    keys = open(os.path.join(ws, "keys.txt")).read().split()
    os.environ.setdefault("CITEASSIST_CACHE", os.path.join(ws, "cache"))

    c = LspClient(cmd, ws, os.path.join(ws, "server.stderr"), workspace_uri=path_to_uri(ws))
    c.request("initialize", {"processId": os.getpid(), "rootUri": path_to_uri(ws), "capabilities": {
        "textDocument": {"completion": {"completionItem": {"snippetSupport": False}},
                         "hover": {"contentFormat": ["markdown", "plaintext"]}}},
        "workspaceFolders": [{"uri": path_to_uri(ws), "name": "ws"}]}, 60)
    c.notify("initialized", {})
    tex_uri, bib_uri = path_to_uri(tex), path_to_uri(bib)
    lines = open(tex, encoding="utf-8").read().split("\n")
    end = next(i for i, l in enumerate(lines) if l.startswith("\\end{document}"))
    lines.insert(end, "\\cite{")  # the probe line, always just before \end{document}
    bib_lines = open(bib, encoding="utf-8").read().split("\n")
    versions = {tex_uri: 1, bib_uri: 1}
    c.notify("textDocument/didOpen", {"textDocument": {"uri": tex_uri, "languageId": "latex", "version": 1,
                                                        "text": "\n".join(lines)}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": bib_uri, "languageId": "bibtex", "version": 1,
                                                        "text": "\n".join(bib_lines)}})

    def change(uri, start_line, end_line, new_text):
        """Replaces whole lines [start_line, end_line) by new_text (which ends with a newline)."""
        versions[uri] += 1
        c.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": versions[uri]},
            "contentChanges": [{"range": {"start": {"line": start_line, "character": 0},
                                          "end": {"line": end_line, "character": 0}}, "text": new_text}]})

    def sentence():
        ks = ",".join(rnd.sample(keys, rnd.randint(1, 3)))
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 8)))
        return "%s \\%s{%s} %s." % (words, rnd.choice(["cite", "citep", "citet", "parencite"]), ks,
                                     rnd.choice(WORDS))

    errors, counts, rows = [], {}, []
    t0 = time.time()
    load0 = os.getloadavg()
    print("ops  rss_MiB  errors  seconds", flush=True)
    for op in range(1, a.ops + 1):
        kind = rnd.choices(["edit", "bib", "complete", "hover"], [35, 5, 40, 20])[0]
        counts[kind] = counts.get(kind, 0) + 1
        probe = lines.index(next(l for l in reversed(lines) if l.startswith("\\cite{")))
        try:
            if kind == "edit":
                body = [i for i in range(1, probe) if not lines[i].startswith("\\")]
                r = rnd.random()
                if r < 0.5 or not body:
                    at = rnd.randint(1, probe)
                    s = sentence()
                    lines.insert(at, s)
                    change(tex_uri, at, at, s + "\n")
                elif r < 0.8:
                    at = rnd.choice(body)
                    del lines[at]
                    change(tex_uri, at, at + 1, "")
                else:
                    at = rnd.choice(body)
                    lines[at] = sentence()
                    change(tex_uri, at, at + 1, lines[at] + "\n")
            elif kind == "bib":
                if rnd.random() < 0.5:
                    k = "soak%d" % op
                    entry = ["@article{%s," % k, "  title = {%s}," % " ".join(rnd.choice(WORDS) for _ in range(4)),
                             "  author = {Soak, Ann and Erdős, Paul},", "  year = {2024}", "}", ""]
                    at = len(bib_lines) - 1
                    bib_lines[at:at] = entry
                    change(bib_uri, at, at, "\n".join(entry) + "\n")
                    keys.append(k)
                else:
                    titles = [i for i, l in enumerate(bib_lines) if l.strip().startswith("title")]
                    at = rnd.choice(titles)
                    bib_lines[at] = "  title = {%s}," % " ".join(rnd.choice(WORDS) for _ in range(5))
                    change(bib_uri, at, at + 1, bib_lines[at] + "\n")
            elif kind == "complete":
                prefix = rnd.choice(["", rnd.choice(keys)[:rnd.randint(1, 6)], rnd.choice(WORDS)[:3]])
                lines[probe] = "\\cite{" + prefix
                change(tex_uri, probe, probe + 1, lines[probe] + "\n")
                _, _, resp, _ = c.request("textDocument/completion", {
                    "textDocument": {"uri": tex_uri},
                    "position": {"line": probe, "character": utf16_len(lines[probe])}}, a.timeout)
                if "error" in resp and resp["error"].get("code") != -32800:
                    errors.append((op, kind, resp["error"]))
            else:
                cited = [i for i in range(1, probe) if "cite" in lines[i]]
                if cited:
                    at = rnd.choice(cited)
                    col = lines[at].index("{") + 1
                    _, _, resp, _ = c.request("textDocument/hover", {
                        "textDocument": {"uri": tex_uri},
                        "position": {"line": at, "character": utf16_len(lines[at][:col])}}, a.timeout)
                    if "error" in resp:
                        errors.append((op, kind, resp["error"]))
        except (RequestTimeout, ServerDied) as e:
            errors.append((op, kind, repr(e)))
            if isinstance(e, ServerDied):
                break
        if op % a.every == 0:
            mib = rss_kb(c.pid) / 1024
            rows.append((op, mib))
            print("%5d  %7.0f  %6d  %7.0f" % (op, mib, len(errors), time.time() - t0), flush=True)
    try:
        c.request("shutdown", None, 30)
        c.notify("exit", None)
    except (RequestTimeout, ServerDied):
        pass
    print("operations %s; errors %d; load average at start %.2f, at end %.2f" % (
        json.dumps(counts), len(errors), load0[0], os.getloadavg()[0]))
    if rows:
        first = rows[min(2, len(rows) - 1)][1]
        print("RSS after %d ops %.0f MiB, at the end %.0f MiB, max %.0f MiB" % (
            rows[min(2, len(rows) - 1)][0], first, rows[-1][1], max(r[1] for r in rows)))
    for e in errors[:10]:
        print("error at op %d (%s): %s" % e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
