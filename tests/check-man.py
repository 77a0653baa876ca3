#!/usr/bin/env python3
# Checks the man page: groff formats it without warnings, and it documents every option that
# `lgr-explorer --help` lists (and no option the program does not have).
# Usage: check-man.py MAN_PAGE LGR_EXPLORER
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys

page, program = sys.argv[1:3]
results = []
source = open(page, encoding='utf-8').read()

if shutil.which('groff'):
    proc = subprocess.run(['groff', '-t', '-man', '-ww', '-z', page], capture_output=True,
                          text=True, env=dict(os.environ, LC_ALL='C.UTF-8'))
    results.append((proc.returncode == 0 and not proc.stderr.strip(),
                    f'groff formats {os.path.basename(page)} without warnings', proc.stderr))

env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
proc = subprocess.run([program, '--help'], capture_output=True, text=True, env=env, timeout=60)
results.append((proc.returncode == 0, 'lgr-explorer --help exits with 0', proc.stderr))

program_options = set(re.findall(r'^\s+(?:-\w, )?--([a-z][a-z-]*)', proc.stdout, re.M))
program_options -= {'help-all', 'help-gapplication', 'help-gtk'}
page_options = set(re.findall(r'\\-\\-([a-z][a-z-]*)', source))
results.append((bool(program_options), '--help lists options', proc.stdout))
for option in sorted(program_options):
    results.append((option in page_options, f'the man page documents --{option}', ''))
for option in sorted(page_options - program_options):
    results.append((False, f'the man page documents --{option}, which the program lacks', ''))
for status in ('0', '1', '2'):
    results.append((re.search(r'^\.SH EXIT STATUS(?:.|\n)*^\.B ' + status + r'$', source, re.M)
                    is not None, f'the man page explains exit status {status}', ''))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
