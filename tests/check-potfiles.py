#!/usr/bin/env python3
# Every source file with strings marked for translation must be listed in po/POTFILES.in, and
# every listed file must exist. Usage: check-potfiles.py SOURCE_ROOT
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true)"')

root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()

listed = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

failures = []
for path in listed:
    if not os.path.isfile(os.path.join(root, path)):
        failures.append(f'po/POTFILES.in lists {path}, which does not exist')

marked = []
for top in ('src', 'ui'):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if name.endswith(('.c', '.h')):
                pattern = C_MARK
            elif name.endswith('.ui'):
                pattern = UI_MARK
            else:
                continue
            with open(full, encoding='utf-8', errors='replace') as f:
                text = f.read()
            if pattern.search(text):
                marked.append(rel)
                if rel not in listed:
                    failures.append(f'{rel} has strings marked for translation but is not '
                                    'listed in po/POTFILES.in')

# Desktop integration files translated through i18n.merge_file.
for rel in ('data/io.github.lgrexplorer.Explorer.desktop.in',
            'data/io.github.lgrexplorer.Explorer.metainfo.xml.in'):
    if rel not in listed:
        failures.append(f'{rel} is translated at build time but is not listed in po/POTFILES.in')

print(f'1..1')
if failures:
    for failure in failures:
        print(f'# {failure}')
    print('not ok 1 - po/POTFILES.in is complete')
    sys.exit(1)
print(f'# {len(marked)} source files with marked strings, {len(listed)} files listed')
print('ok 1 - po/POTFILES.in is complete')
