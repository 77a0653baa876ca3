#!/usr/bin/env python3
# The documentation's examples are true: the example study of docs/format.md is valid, and the
# figures of docs/model.md's worked example of the bundled study are the ones
# `lgr-explorer --summary=json` prints for it (rounded to the pound, as the page shows them).
# Usage: check-docs.py LGR_EXPLORER SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

explorer, root = sys.argv[1], sys.argv[2]
tests = []


def check(ok, name, detail=''):
    tests.append((ok, name, detail))


def read(rel):
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        return f.read()


def pounds(value):
    """A figure as the page writes it in its tables: whole pounds (halves rounded away from
    zero, as by hand), grouped, ASCII minus."""
    n = math.floor(abs(value) + 0.5)
    return f'-{n:,}' if value < 0 and n else f'{n:,}'


# 1. docs/format.md's example study loads (and validates against the schema if xmllint is there).
fmt = read('docs/format.md')
m = re.search(r'```xml\n(.*?)```', fmt, re.S)
check(m is not None, 'docs/format.md has an example study')
if m:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'example.lgr')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(m.group(1))
        r = subprocess.run([explorer, '--check', path], capture_output=True, text=True)
        check(r.returncode == 0, 'the example of docs/format.md is a valid study', r.stderr)
        xmllint = shutil.which('xmllint')
        if xmllint:
            r = subprocess.run([xmllint, '--noout', '--relaxng',
                                os.path.join(root, 'data', 'lgr-study.rng'), path],
                               capture_output=True, text=True)
            check(r.returncode == 0, 'the example of docs/format.md matches data/lgr-study.rng',
                  r.stderr)

# 2. docs/model.md's worked example against the app's own figures.
model = read('docs/model.md')
start = model.find('## A fully worked example')
example = model[start:] if start >= 0 else ''
check(start >= 0, 'docs/model.md has the worked example of the bundled study')
study = os.path.join(root, 'data', 'studies', 'warwickshire.lgr')
r = subprocess.run([explorer, '--summary=json', study], capture_output=True, text=True)
check(r.returncode == 0, 'lgr-explorer --summary=json runs on the bundled study', r.stderr)
summary = json.loads(r.stdout) if r.returncode == 0 else {'scenarios': []}

for s in summary['scenarios']:
    annual = s['annual']
    measures = ['cashable_savings', 'one_off_costs', 'net', 'cumulative']
    if any(annual['cost_avoidance']):
        measures.append('cost_avoidance')
    missing = [f'{m}[{t}] {pounds(v)}' for m in measures for t, v in enumerate(annual[m])
               if pounds(v) not in example]
    check(not missing, f'docs/model.md shows the annual figures of scenario "{s["id"]}"',
          ', '.join(missing))
    npv = pounds(s['npv'])
    check(npv in example, f'docs/model.md shows the NPV of scenario "{s["id"]}" ({npv})')
    payback = f'{s["payback_years"]:.2f}'
    check(f'**{payback}**' in example,
          f'docs/model.md shows the payback of scenario "{s["id"]}" ({payback} years)')
    for lever in s['levers']:
        if lever['id'] != 'north-lac':
            continue
        missing = [f'{m}[{t}] {pounds(v)}' for m in ('saving', 'volume_effect', 'price_effect')
                   for t, v in enumerate(lever[m]) if pounds(v) not in example]
        check(not missing, 'docs/model.md works the North\'s looked-after children correctly',
              ', '.join(missing))

print(f'1..{len(tests)}')
failed = 0
for i, (ok, name, detail) in enumerate(tests, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok:
        failed += 1
        for line in str(detail).strip().splitlines()[:10]:
            print(f'# {line}')
sys.exit(1 if failed else 0)
