#!/usr/bin/env python3
"""runall.py BIN OUT.json [SET...]: score every blind set here (and dev, dev+public) with BIN,
two at a time; prints each set's mean F1 and writes per-question F1s to OUT.json."""
import json, os, re, subprocess, sys, glob
from concurrent.futures import ThreadPoolExecutor
B = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # testdata/blind
ROOT = os.path.dirname(os.path.dirname(B))                         # the project
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')             # ../shared beside it
SCORE = os.path.join(SHARED, 'eval', 'score')
binp, out = sys.argv[1], sys.argv[2]
want = sys.argv[3:]
DEV = os.path.join(SHARED, 'eval', 'questions-dev.json')
PUB = os.path.join(SHARED, 'public-notes')
sets = [('dev', DEV, None), ('devpub', DEV, PUB)]
for f in sorted(glob.glob(B + '/r*.json')):
    name = os.path.basename(f)[:-5]
    if name.endswith('.first'):
        continue
    notes = None
    if name.endswith('c'):
        notes = PUB
    elif name.endswith('n'):
        notes = B + '/' + name + '/notes'
    sets.append((name, f, notes))
HOLD = {"r110a", "r110c", "r110n"}  # rounds held out for a stop: scored only when named
if not want:
    sets = [s for s in sets if s[0] not in HOLD]
if want:
    sets = [s for s in sets if s[0] in want]
def run(s):
    name, f, notes = s
    cmd = [SCORE, '--questions', f, '--', binp, 'ask'] + (['--notes', notes] if notes else []) + ['--json']
    r = subprocess.run(cmd, capture_output=True, text=True)
    res = {}
    for line in r.stdout.splitlines():
        m = re.match(r'(?:LOW )?(\S+)\s+\S+\s+P=\S+ R=\S+ F1=(\S+)', line)
        if m:
            res[m.group(1)] = float(m.group(2))
    return name, res
with ThreadPoolExecutor(2) as ex:
    allres = dict(ex.map(run, sets))
json.dump(allres, open(out, 'w'), indent=1)
for k, v in allres.items():
    print(f'{k:8} {sum(v.values())/max(1,len(v)):.3f} ({len(v)})')
