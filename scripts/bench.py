#!/usr/bin/env python3
"""Every figure of issue 10 in one run, each beside its target; appended to server/BENCHMARKS.md.

Run it through scripts/bench.sh (finds a JDK 21+, builds what is missing). What it does:

  1. data: a 10,000- and a 100,000-entry project (../shared/bench/genbib.py, seed 1) and an arXiv
     metadata snapshot of RECORDS generated records (ArxivSnapshotGenerator, seed 42), kept in
     OUT/data between runs;
  2. the catalogue: `citeassist index SNAPSHOT` under /usr/bin/time -v (wall, peak RSS), into a
     cache and config folder of its own (OUT/cache, OUT/config), never the user's;
  3. `citeassist search "neural collapse"` wall time on that catalogue;
  4. per project size: ready_probe.py with no cached .bib index (first open) and again with it
     (reopen); lspbench.py in typing mode (prefix smith, 300 requests, after the .bib is read):
     completion median/p99, response size, server peak RSS; edit_probe.py: an entry added to
     the open .bib until completion offers it;
  5. the same ready/typing runs against digestif when texlua and digestif are installed
     (Debian: texlive-extra-utils), with the ratio; skipped, and said so, otherwise.

The load average (uptime) is printed before and after each measurement and kept in the table:
the figures mean little on a busy machine.

Usage: scripts/bench.sh [--records N] [--out DIR] [--sizes 10000,100000] [--no-digestif]
       [--no-catalogue] [--doc FILE]
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# issue 10's targets: (what, target text, test on the measured value)
TARGETS = {
    'ready_first_10000': ('.bib searchable after didOpen, first open, 10k', '<= 1 s', lambda v: v <= 1.0),
    'ready_first_100000': ('.bib searchable after didOpen, first open, 100k', '<= 3 s', lambda v: v <= 3.0),
    'ready_reopen_10000': ('.bib searchable after didOpen, reopen (cached), 10k', '~0', lambda v: v <= 0.5),
    'ready_reopen_100000': ('.bib searchable after didOpen, reopen (cached), 100k', '~0', lambda v: v <= 1.0),
    'read_all_10000': ('whole .bib read (edit probe ready), first open, 10k', '-', None),
    'read_all_100000': ('whole .bib read (edit probe ready), first open, 100k', '-', None),
    'edit_100000': ('an edit of the open .bib visible in completion, 100k', '<= 100 ms', lambda v: v <= 100),
    'edit_10000': ('an edit of the open .bib visible in completion, 10k', '<= 100 ms', lambda v: v <= 100),
    'median_10000': ('completion median, typing, 10k', '<= 3 ms', lambda v: v <= 3),
    'p99_10000': ('completion p99, typing, 10k', '<= 10 ms', lambda v: v <= 10),
    'median_100000': ('completion median, typing, 100k', '<= 3 ms', lambda v: v <= 3),
    'p99_100000': ('completion p99, typing, 100k', '<= 10 ms', lambda v: v <= 10),
    'bytes_10000': ('completion response, 50 items, 10k', 'lean (was 24-33 KB)', lambda v: v <= 24000),
    'rss_10000': ('server peak RSS, catalogue + 10k project', '<= 300 MB', lambda v: v <= 300),
    'rss_100000': ('server peak RSS, catalogue + 100k project', '-', None),
    'index_wall': ('citeassist index, catalogue build wall', '-', None),
    'index_rss': ('citeassist index, peak RSS', '-', None),
    'search_wall': ('citeassist search "neural collapse" wall', '-', None),
}


def uptime():
    try:
        return open('/proc/loadavg').read().split()[:3]
    except OSError:
        return ['?', '?', '?']


def log(msg):
    print(msg, flush=True)


def run(cmd, env=None, cwd=None, timeout=None, capture=True):
    log('$ ' + ' '.join(cmd))
    p = subprocess.run(cmd, env=env, cwd=cwd, timeout=timeout, text=True,
                       stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None)
    if capture:
        sys.stdout.write(p.stdout)
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--records', type=int, default=2_600_000, help='generated arXiv records (default 2.6M)')
    ap.add_argument('--out', default=os.path.join(ROOT, 'target', 'bench'), help='work folder (default target/bench)')
    ap.add_argument('--sizes', default='10000,100000', help='project .bib sizes')
    ap.add_argument('--requests', type=int, default=300, help='typing completions per size')
    ap.add_argument('--no-digestif', action='store_true')
    ap.add_argument('--no-catalogue', action='store_true', help='only the built-in catalogue (no generated records)')
    ap.add_argument('--doc', default=os.path.join(ROOT, 'server', 'BENCHMARKS.md'), help='results are appended here')
    ap.add_argument('--java', required=True, help='java of a JDK 21+ (bench.sh finds one)')
    ap.add_argument('--classpath', required=True, help='classpath of ArxivSnapshotGenerator (bench.sh builds it)')
    a = ap.parse_args()

    bench = os.path.join(ROOT, '..', 'shared', 'bench')
    if not os.path.exists(os.path.join(bench, 'lspbench.py')):
        sys.exit('bench.py: ../shared/bench/lspbench.py not found (the shared benchmark tools)')
    out = os.path.abspath(a.out)
    data = os.path.join(out, 'data')
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ)
    env['CITEASSIST_CACHE'] = os.path.join(out, 'cache')
    env['XDG_CONFIG_HOME'] = os.path.join(out, 'config')
    launcher = os.path.join(ROOT, 'citeassist')
    server = [launcher, 'serve']
    results, loads, notes = {}, [], []
    started = datetime.datetime.now(datetime.timezone.utc)
    loads.append(('start', uptime()))

    # ---- data
    sizes = [int(s) for s in a.sizes.split(',') if s]
    for n in sizes:
        d = os.path.join(data, 'p%d' % n)
        if not os.path.exists(os.path.join(d, 'refs.bib')):
            os.makedirs(d, exist_ok=True)
            run([sys.executable, os.path.join(bench, 'genbib.py'), '-n', str(n), '--seed', '1',
                 '-o', os.path.join(d, 'refs.bib'), '--tex', os.path.join(d, 'main.tex')])

    # ---- catalogue
    if os.path.isdir(env['XDG_CONFIG_HOME']):
        shutil.rmtree(env['XDG_CONFIG_HOME'])
    if not a.no_catalogue:
        snap = os.path.join(data, 'arxiv-%d.jsonl' % a.records)
        if not os.path.exists(snap):
            run([a.java, '-cp', a.classpath, 'dev.citeassist.bench.ArxivSnapshotGenerator',
                 str(a.records), snap + '.tmp', '42'])
            os.replace(snap + '.tmp', snap)
        shutil.rmtree(env['CITEASSIST_CACHE'], ignore_errors=True)
        loads.append(('before index', uptime()))
        timev = shutil.which('time') or ('/usr/bin/time' if os.path.exists('/usr/bin/time') else None)
        t0 = time.time()
        if timev:
            p = run([timev, '-v', launcher, 'index', snap], env=env)
            m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stdout)
            if m:
                results['index_rss'] = int(m.group(1)) / 1024
        else:
            p = run([launcher, 'index', snap], env=env)
            notes.append('/usr/bin/time not installed: no peak RSS of the index build')
        results['index_wall'] = time.time() - t0
        if p.returncode != 0:
            notes.append('citeassist index failed (exit %d)' % p.returncode)
        loads.append(('after index', uptime()))
        results['catalogue_records'] = a.records
    t0 = time.time()
    p = run([launcher, 'search', 'neural collapse', '--limit', '10'], env=env)
    results['search_wall'] = time.time() - t0

    # ---- the server, per project size
    def ready(n, label, cmd, fresh, limit=300):
        d = os.path.join(data, 'p%d' % n)
        if fresh:
            shutil.rmtree(os.path.join(env['CITEASSIST_CACHE'], 'bibs'), ignore_errors=True)
        loads.append(('%s %d' % (label, n), uptime()))
        p = run([sys.executable, os.path.join(bench, 'ready_probe.py'), '--tex', os.path.join(d, 'main.tex'),
                 '--bib', os.path.join(d, 'refs.bib'), '--prefix', 'smith', '--limit-s', str(limit), '--'] + cmd,
                env=env, timeout=900)
        m = re.search(r'in completion ([\d.]+) s after didOpen', p.stdout)
        return float(m.group(1)) if m else None

    def typing(n, label, cmd, wait, requests=None, timeout=60):
        d = os.path.join(data, 'p%d' % n)
        o = os.path.join(out, '%s-typing-%d.json' % (label, n))
        loads.append(('%s typing %d' % (label, n), uptime()))
        run([sys.executable, os.path.join(bench, 'lspbench.py'), '--tex', os.path.join(d, 'main.tex'),
             '--bib', os.path.join(d, 'refs.bib'), '--prefix', 'smith', '--mode', 'typing',
             '--wait-after-open', str(wait), '-n', str(requests or a.requests), '--hover-requests', '0',
             '--timeout', str(timeout),
             '--output', o, '--'] + cmd, env=env, timeout=1800)
        try:
            r = json.load(open(o))
            return r
        except (OSError, ValueError):
            return None

    for n in sizes:
        d = os.path.join(data, 'p%d' % n)
        results['ready_first_%d' % n] = ready(n, 'ready first', server, True)
        # the edit probe waits until the whole .bib is read (which also stores its index in the
        # cache: a server stopped in the middle of a first reading stores nothing)
        loads.append(('edit %d' % n, uptime()))
        p = run([sys.executable, os.path.join(HERE, 'edit_probe.py'), '--bench', bench,
                 '--tex', os.path.join(d, 'main.tex'), '--bib', os.path.join(d, 'refs.bib'), '--rounds', '5', '--']
                + server, env=env, timeout=900)
        try:
            e = json.loads(p.stdout.strip().splitlines()[-1])
            results['edit_%d' % n] = e.get('median_ms')
            results['edit_max_%d' % n] = e.get('max_ms')
            results['read_all_%d' % n] = e.get('ready_s')
        except (ValueError, IndexError):
            notes.append('edit probe at %d failed' % n)
        results['ready_reopen_%d' % n] = ready(n, 'ready reopen', server, False)
        r = typing(n, 'citeassist', server, 25 if n <= 10000 else 40)
        if r and r.get('completion', {}).get('stats', {}).get('n'):
            s = r['completion']['stats']
            results['median_%d' % n], results['p99_%d' % n] = s['median'], s['p99']
            results['bytes_%d' % n] = r['completion'].get('response_bytes_max')
            results['rss_%d' % n] = (r.get('memory') or {}).get('vmhwm_kb', 0) / 1024
            results['incomplete_%d' % n] = r['completion'].get('is_incomplete')

    # ---- digestif
    digestif = None
    if not a.no_digestif and shutil.which('texlua'):
        for c in ['/usr/share/texlive/texmf-dist/scripts/digestif/digestif.texlua',
                  '/usr/share/texmf/scripts/digestif/digestif.texlua']:
            if os.path.exists(c):
                digestif = ['texlua', c]
        if digestif is None and shutil.which('digestif'):
            digestif = [shutil.which('digestif')]
    if digestif:
        for n in sizes:
            results['digestif_ready_%d' % n] = ready(n, 'digestif ready', digestif, False, 120)
            # digestif answers in seconds at 100k: fewer requests, a shorter timeout each
            r = typing(n, 'digestif', digestif, 25 if n <= 10000 else 60, 60, 20)
            if r and r.get('completion', {}).get('stats', {}).get('n'):
                s = r['completion']['stats']
                results['digestif_median_%d' % n], results['digestif_p99_%d' % n] = s['median'], s['p99']
                results['digestif_rss_%d' % n] = (r.get('memory') or {}).get('vmhwm_kb', 0) / 1024
    else:
        notes.append('digestif not run: ' + ('--no-digestif' if a.no_digestif else
                                             'texlua/digestif not installed (Debian: texlive-extra-utils)'))
    loads.append(('end', uptime()))

    # ---- table
    rev = subprocess.run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'], text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip() or '?'
    jv = subprocess.run([a.java, '-version'], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout
    jv = (re.search(r'version "([^"]+)"', jv) or re.search(r'(\S+)', jv)).group(1)

    def fmt(k, v):
        if v is None:
            return 'not measured'
        if k.startswith(('ready', 'digestif_ready', 'read_all')):
            return '%.2f s' % v
        if k.startswith(('median', 'p99', 'edit', 'digestif_median', 'digestif_p99')):
            return '%.1f ms' % v
        if k.startswith('bytes'):
            return '%.1f KB' % (v / 1000)
        if k.startswith(('rss', 'index_rss', 'digestif_rss')):
            return '%.0f MB' % v
        if k.endswith('wall'):
            return '%.1f s' % v
        return str(v)

    lines = ['', '## %s, commit %s' % (started.strftime('%Y-%m-%d %H:%M UTC'), rev), '',
             'JDK %s, %d cores, catalogue: %s; load average (1, 5, 15 min) at each step: %s.' % (
                 jv, os.cpu_count(),
                 'built-in only' if a.no_catalogue else '%s generated arXiv records + built-in' % format(a.records, ','),
                 '; '.join('%s %s' % (w, '/'.join(l)) for w, l in loads)), '',
             '| figure | target | measured | met |', '|---|---|---|---|']
    for k, (what, target, ok) in TARGETS.items():
        v = results.get(k)
        met = '' if ok is None or v is None else ('yes' if ok(v) else '**no**')
        lines.append('| %s | %s | %s | %s |' % (what, target, fmt(k, v), met))
    for n in sizes:
        if 'digestif_median_%d' % n in results:
            ours, theirs = results.get('median_%d' % n), results['digestif_median_%d' % n]
            ratio = '%.1f×' % (theirs / ours) if ours else '-'
            lines.append('| digestif, %dk: ready %s, median %s, p99 %s, RSS %s | - | ratio of medians (digestif / ours) %s | |' % (
                n // 1000, fmt('ready', results.get('digestif_ready_%d' % n)),
                fmt('median', theirs), fmt('p99', results.get('digestif_p99_%d' % n)),
                fmt('rss', results.get('digestif_rss_%d' % n)), ratio))
    if 'edit_max_100000' in results or 'edit_max_10000' in results:
        lines.append('')
        lines.append('Edit visible: median of 5 edits; the slowest: %s.' % ', '.join(
            '%dk %s' % (n // 1000, fmt('edit', results.get('edit_max_%d' % n))) for n in sizes))
    for note in notes:
        lines.append('')
        lines.append('Note: ' + note + '.')
    text = '\n'.join(lines) + '\n'
    log(text)
    with open(os.path.join(out, 'results.json'), 'w') as fh:
        json.dump({'results': results, 'loads': loads, 'notes': notes}, fh, indent=1)
    if a.doc:
        if not os.path.exists(a.doc):
            with open(a.doc, 'w') as fh:
                fh.write('# Benchmarks (server)\n\nWritten by `scripts/bench.sh`; each run appends a section.\n')
        with open(a.doc, 'a') as fh:
            fh.write(text)
        log('appended to %s' % a.doc)


if __name__ == '__main__':
    main()
