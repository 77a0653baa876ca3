#!/usr/bin/env python3
# Holds the settings schema's chart choices and the man page's chart list against the chart
# catalogue (src/charts/lgr-chart-catalogue.c), as printed by the lgr-chart-kinds program: the
# same names in the same order, the first the default.
# Usage: check-chart-kinds.py GSCHEMA MAN_PAGE LGR_CHART_KINDS
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

schema, page, program = sys.argv[1:4]
results = []

env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
proc = subprocess.run([program], capture_output=True, text=True, env=env, timeout=60)
names = [line.split('\t')[0] for line in proc.stdout.splitlines() if line.strip()]
results.append((proc.returncode == 0 and len(names) > 0, 'the catalogue lists chart kinds',
                proc.stderr))
default = names[0] if names else None

# The settings schema: <key name="chart"> with one <choice> per kind and the first as default.
key = None
for k in ET.parse(schema).getroot().iter('key'):
    if k.get('name') == 'chart':
        key = k
results.append((key is not None, f'{os.path.basename(schema)} has the key “chart”', ''))
if key is not None:
    choices = [c.get('value') for c in key.iter('choice')]
    results.append((choices == names, 'the schema’s chart choices are the catalogue’s names',
                    f'schema: {choices}\ncatalogue: {names}'))
    schema_default = (key.findtext('default') or '').strip().strip("'\"")
    results.append((schema_default == default, 'the schema’s default chart is the first kind',
                    f'schema: {schema_default}, catalogue: {default}'))
    description = key.findtext('description') or ''
    missing = [n for n in names if not re.search(r'\b' + re.escape(n) + r'\b', description)]
    results.append((not missing, 'the schema’s description names every chart',
                    f'missing: {", ".join(missing)}'))

# The man page: the paragraph of --chart=NAME lists every kind as ".B name", in order.
source = open(page, encoding='utf-8').read()
item = re.search(r'^\.BI \\-\\-chart= NAME\n(.*?)^\.(?:TP|SH)', source, re.M | re.S)
results.append((item is not None, f'{os.path.basename(page)} documents --chart', ''))
if item is not None:
    listed = re.findall(r'^\.B (\S+)$', item.group(1), re.M)
    results.append((listed == names, 'the man page lists the catalogue’s charts',
                    f'man page: {listed}\ncatalogue: {names}'))
    marked = re.search(r'^\.B (\S+)\n[^\n]*\bthe default\b', item.group(1), re.M)
    results.append((marked is not None and marked.group(1) == default,
                    'the man page gives the first kind as the default',
                    f'default there: {marked.group(1) if marked else None}, catalogue: {default}'))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
