#!/usr/bin/env python3
# Prints the fuzzers' dictionary, tests/fuzz/lgr.dict, followed by an entry for every element,
# attribute and enumeration value of the schema table (src/core/lgr-study-schema.c,
# src/core/lgr-study.c) that it lacks, so a name added to the format reaches the fuzzers the day
# it is added. scripts/run-fuzz uses the output. Usage: complete-dict.py SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()


def read(*parts):
    with open(os.path.join(root, *parts), encoding='utf-8') as f:
        return f.read()


schema = read('src', 'core', 'lgr-study-schema.c')
study = read('src', 'core', 'lgr-study.c')
committed = read('tests', 'fuzz', 'lgr.dict')
entries = set()
for line in committed.splitlines():
    m = re.match(r'^\w*="(.*)"$', line)
    if m:
        entries.add(m.group(1).replace('\\"', '"'))

wanted = []
for e in sorted(set(re.findall(r'=\s*\{\s*"([a-z-]+)",\s*LGR_OBJECT', schema))):
    wanted += [f'<{e}', f'</{e}>']
wanted += [f' {a}="' for a in sorted(set(re.findall(r'\.name = "([a-z-]+)"', schema)))]
wanted += [f'"{v}"' for v in sorted(set(re.findall(r'\] = "([a-z-]+)",', study)))]

sys.stdout.write(committed)
missing = [w for w in wanted if w not in entries]
if missing:
    print('\n# not yet in tests/fuzz/lgr.dict (from the schema table)')
    for w in missing:
        print('"' + w.replace('\\', '\\\\').replace('"', '\\"') + '"')
