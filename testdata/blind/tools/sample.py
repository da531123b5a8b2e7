#!/usr/bin/env python3
"""sample.py FACTS.jsonl SEED OUT.md [N]: draw N (default 100) (fact, source)
pairs at random from `awskg facts --notes ../shared/public-notes --json`
output (run from the project root) and write them, each with its source
line and the 12 lines either side, for a judge who sees no code."""
import json, os, random, sys
facts, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 100
pairs = []
for line in open(facts):
    f = json.loads(line)
    for k, src in enumerate(f['sources']):
        det = f['details'][k] if k < len(f.get('details') or []) else ''
        pairs.append((f['subject'], f['predicate'], f['object'], det, src))
random.Random(seed).shuffle(pairs)
with open(out, 'w') as w:
    w.write(f'# {n} of {len(pairs)} (fact, source) pairs, seed {seed}\n\n')
    for i, (s, p, o, det, src) in enumerate(pairs[:n], 1):
        path, _, ln = src.rpartition(':')
        ln = int(ln)
        lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
        w.write(f'## {i}. ({s}) --{p}--> ({o})\n\nsource {src}\n\n```\n')
        for j in range(max(1, ln - 12), min(len(lines), ln + 12) + 1):
            w.write(f'{">>" if j == ln else "  "} {j:5} {lines[j - 1]}\n')
        w.write('```\n\n')
