#!/usr/bin/env python3
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
up = down = 0
for s in b:
    for q, f in b[s].items():
        o = a.get(s, {}).get(q)
        if o is None or abs(o - f) < 1e-9:
            continue
        print(f'{"UP  " if f > o else "DOWN"} {s:7} {q:40} {o:.2f} -> {f:.2f}')
        up += f > o; down += f < o
for s in b:
    ma = sum(a.get(s, {}).values()) / max(1, len(a.get(s, {})))
    mb = sum(b[s].values()) / max(1, len(b[s]))
    print(f'{s:8} {ma:.3f} -> {mb:.3f}')
print('up', up, 'down', down)
