#!/usr/bin/env python3
# Builds a private MIME database from our shared-mime-info definition and checks that it
# knows application/x-lgr-study+xml, claims *.lgr and the lgr-study root element, and is a
# kind of application/xml.
# Usage: check-mime.py MIME_XML
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

source = sys.argv[1]
mime_type = 'application/x-lgr-study+xml'
results = []

proc = subprocess.run(['xmllint', '--noout', '--nonet', source], capture_output=True, text=True)
results.append((proc.returncode == 0, f'{os.path.basename(source)} is well-formed XML',
                proc.stderr.strip()))

with tempfile.TemporaryDirectory(prefix='lgr-mime-') as mime_dir:
    os.makedirs(os.path.join(mime_dir, 'packages'))
    shutil.copy(source, os.path.join(mime_dir, 'packages', 'io.github.lgrexplorer.Explorer.xml'))
    proc = subprocess.run(['update-mime-database', mime_dir], capture_output=True, text=True)
    complaints = [line for line in (proc.stdout + proc.stderr).splitlines()
                  if any(word in line.lower() for word in ('error', 'warning', 'unknown',
                                                             'invalid', 'not allowed'))]
    results.append((proc.returncode == 0 and not complaints,
                    'update-mime-database accepts the definition', '\n'.join(complaints)))

    def read(name):
        path = os.path.join(mime_dir, name)
        return open(path, encoding='utf-8').read() if os.path.exists(path) else ''

    types = read('types').split()
    results.append((mime_type in types, f'the database knows {mime_type}', ''))
    globs = read('globs2').splitlines()
    results.append((any(line.endswith(f':{mime_type}:*.lgr') for line in globs),
                    f'*.lgr files are {mime_type}', '\n'.join(globs)))
    subclasses = read('subclasses').splitlines()
    results.append((f'{mime_type} application/xml' in subclasses,
                    f'{mime_type} is a kind of application/xml', '\n'.join(subclasses)))
    xmlns = read('XMLnamespaces').splitlines()
    results.append((any(line.split(' ')[-2:] == ['lgr-study', mime_type] for line in xmlns),
                    'an XML file whose root element is lgr-study is a study',
                    '\n'.join(xmlns)))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
