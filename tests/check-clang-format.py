#!/usr/bin/env python3
# Every .c and .h file under src/ and tests/ is formatted as the repository's .clang-format
# says: `clang-format --dry-run --Werror` finds nothing to change. Fix a file with
# `clang-format -i FILE`. Exits 77 (skipped) when clang-format is not installed.
# Usage: check-clang-format.py SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
clang_format = os.environ.get('CLANG_FORMAT') or shutil.which('clang-format')
if not clang_format:
    print('clang-format not found (Debian package clang-format): formatting not checked')
    sys.exit(77)

files = []
for top in ('src', 'tests'):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(('.c', '.h')):
                files.append(os.path.relpath(os.path.join(dirpath, name), root))

failures = []
print(f'1..{len(files)}')
for i, rel in enumerate(files, 1):
    # Run from the root so that clang-format finds the repository's .clang-format.
    result = subprocess.run([clang_format, '--dry-run', '--Werror', rel], cwd=root,
                            capture_output=True, text=True)
    if result.returncode == 0:
        print(f'ok {i} - {rel}')
        continue
    failures.append(rel)
    print(f'not ok {i} - {rel} is not formatted (run: clang-format -i {rel})')
    for line in (result.stderr or result.stdout).splitlines()[:12]:
        print(f'# {line}')

if failures:
    print(f'# {len(failures)} of {len(files)} files need clang-format -i')
    sys.exit(1)
