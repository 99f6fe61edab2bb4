#!/usr/bin/env python3
"""How long after an edit of an open .bib is the new entry offered by completion?

Opens TEX (with a probe `\\cite{zzprobe`) and BIB (as an open buffer), waits until the project's
entries are in completion, then ROUNDS times: inserts a new entry `@misc{zzprobeN, ...}` in the
middle of the .bib with one incremental didChange and polls completion (no pause between polls)
until its key is offered. Prints the milliseconds from didChange to the first completion that has
it: each round, then median and max, as one JSON line on the last line of output.

Usage: edit_probe.py --tex main.tex --bib refs.bib [--rounds 5] -- ./citeassist serve
Needs lspbench.py (../shared/bench, or --bench DIR).
"""
import argparse
import json
import os
import re
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument('--tex', required=True)
ap.add_argument('--bib', required=True)
ap.add_argument('--rounds', type=int, default=5)
ap.add_argument('--limit-s', type=float, default=300, help='give up waiting for the first entries')
ap.add_argument('--bench', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'bench'))
ap.add_argument('cmd', nargs=argparse.REMAINDER)
a = ap.parse_args()
sys.path.insert(0, os.path.abspath(a.bench))
import lspbench  # noqa: E402
from lspbench import LspClient, path_to_uri  # noqa: E402

cmd = a.cmd[1:] if a.cmd and a.cmd[0] == '--' else a.cmd
bib_text = open(a.bib, encoding='utf-8').read()
keys = set(re.findall(r'^@\w+\s*\{\s*([^,\s]+)\s*,', bib_text, re.M))
ws = os.path.dirname(os.path.abspath(a.tex))
text = open(a.tex, encoding='utf-8').read()
i = text.rindex('\\end{document}')
probe = '\\cite{zzprobe'
text = text[:i] + probe + '}\n' + text[i:]
pos = {'line': text[:i].count('\n'), 'character': len(probe)}
c = LspClient(cmd, ws, os.path.join(ws, 'edit.stderr'), workspace_uri=path_to_uri(ws))
c.request('initialize', {'processId': os.getpid(), 'rootUri': path_to_uri(ws),
                         'capabilities': {'workspace': {'configuration': True}},
                         'workspaceFolders': [{'uri': path_to_uri(ws), 'name': 'ws'}]}, 60)
c.notify('initialized', {})
tex_uri = path_to_uri(os.path.abspath(a.tex))
bib_uri = path_to_uri(os.path.abspath(a.bib))
c.notify('textDocument/didOpen', {'textDocument': {'uri': tex_uri, 'languageId': 'latex', 'version': 1, 'text': text}})
c.notify('textDocument/didOpen', {'textDocument': {'uri': bib_uri, 'languageId': 'bibtex', 'version': 1, 'text': bib_text}})


def labels(prefix_pos):
    _, _, r, _ = c.request('textDocument/completion', {'textDocument': {'uri': tex_uri}, 'position': prefix_pos}, 60)
    items, incomplete = lspbench.completion_items(r.get('result'))
    return [it.get('label') for it in items], incomplete


# ready: completion of a key's first letters offers project keys and is no longer waiting
first = sorted(keys)[0]
start_pos = dict(pos)
ready = None
t0 = time.time()
while time.time() - t0 < a.limit_s:
    ls, incomplete = labels(start_pos)
    # the probe prefix "zzprobe" finds nothing yet; "waiting" items start with an ellipsis
    if not any(l and l.startswith('\u2026') for l in ls):
        ready = time.time() - t0
        break
    time.sleep(0.2)
if ready is None:
    print(json.dumps({'error': 'the .bib was not read in %.0f s' % a.limit_s}))
    c.close(10)
    sys.exit(1)

lines = bib_text.split('\n')
mid = next(k for k in range(len(lines) // 2, len(lines)) if lines[k].startswith('@'))
version = 1
times = []
for r in range(a.rounds):
    key = 'zzprobe%d' % r
    entry = '@misc{%s,\n  title = {Probe entry %d},\n  year = {2026}\n}\n\n' % (key, r)
    version += 1
    t_change = time.perf_counter()
    c.notify('textDocument/didChange', {'textDocument': {'uri': bib_uri, 'version': version}, 'contentChanges': [
        {'range': {'start': {'line': mid, 'character': 0}, 'end': {'line': mid, 'character': 0}}, 'text': entry}]})
    seen = None
    while time.perf_counter() - t_change < 60:
        ls, _ = labels(pos)
        if key in ls:
            seen = (time.perf_counter() - t_change) * 1000
            break
    times.append(seen)
    print('round %d: %s' % (r, ('%.0f ms' % seen) if seen is not None else 'never (60 s)'))
    time.sleep(0.5)
c.close(10)
ok = sorted(t for t in times if t is not None)
summary = {'rounds': len(times), 'seen': len(ok),
           'median_ms': ok[len(ok) // 2] if ok else None, 'max_ms': ok[-1] if ok else None,
           'ready_s': round(ready, 2)}
print(json.dumps(summary))
