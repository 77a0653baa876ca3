#!/usr/bin/env python3
# Checks the application icons: the full-colour icon is an SVG on a 128x128 canvas, the
# symbolic icon an SVG on a 16x16 canvas, and both render (with rsvg-convert when installed).
# Usage: check-icons.py APP_ICON SYMBOLIC_ICON
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}svg'
results = []

for path, size in ((sys.argv[1], 128), (sys.argv[2], 16)):
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        results.append((False, f'{name} is well-formed SVG', str(e)))
        continue
    results.append((root.tag == SVG, f'{name} is an SVG document', root.tag))
    canvas = (root.get('width'), root.get('height'), root.get('viewBox'))
    results.append((canvas == (str(size), str(size), f'0 0 {size} {size}'),
                    f'{name} is drawn on a {size}x{size} canvas', repr(canvas)))
    if path.endswith('-symbolic.svg'):
        colours = {el.get('fill') for el in root.iter() if el.get('fill') not in (None, 'none')}
        results.append((len(colours) <= 1, f'{name} uses one colour', ', '.join(colours)))
    if shutil.which('rsvg-convert'):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'icon.png')
            proc = subprocess.run(['rsvg-convert', '-w', '64', '-h', '64', '-o', out, path],
                                  capture_output=True, text=True)
            results.append((proc.returncode == 0 and os.path.getsize(out) > 0,
                            f'{name} renders', proc.stderr))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        print(f'# {detail}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
