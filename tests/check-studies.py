#!/usr/bin/env python3
# Validates study files against the RELAX NG schema of the format (data/lgr-study.rng) with
# xmllint. Skips (TAP "1..0 # SKIP") while the schema is still empty.
# Usage: check-studies.py SCHEMA FILE...
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys

schema, files = sys.argv[1], sys.argv[2:]
if os.path.getsize(schema) == 0:
    print(f'1..0 # SKIP {schema} is still empty; nothing to validate against')
    sys.exit(0)

print(f'1..{len(files)}')
failed = 0
for n, path in enumerate(files, 1):
    proc = subprocess.run(['xmllint', '--noout', '--nonet', '--relaxng', schema, path],
                          capture_output=True, text=True)
    ok = proc.returncode == 0
    print(f'{"ok" if ok else "not ok"} {n} - {os.path.basename(path)} is valid against '
          f'{os.path.basename(schema)}')
    if not ok:
        failed += 1
        for line in (proc.stdout + proc.stderr).strip().splitlines():
            print(f'# {line}')
sys.exit(1 if failed else 0)
