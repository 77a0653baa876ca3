#!/usr/bin/env python3
# Every libadwaita row of the templates says whether its title and subtitle are Pango markup.
# A row parses markup unless told otherwise, and names typed by users ("Children & Families",
# "<senior>") then make GTK warn and show an empty or wrong title. Plain text is
# <property name="use-markup">False</property>; a row that really shows markup says True, and
# its code escapes what it puts there with g_markup_escape_text.
# Usage: check-plain-rows.py UI_DIR
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sys
import xml.etree.ElementTree as ET

ROWS = {'AdwPreferencesRow', 'AdwActionRow', 'AdwExpanderRow', 'AdwEntryRow',
        'AdwPasswordEntryRow', 'AdwComboRow'}
results = []

ui_dir = sys.argv[1]
for name in sorted(os.listdir(ui_dir)):
    if not name.endswith('.ui'):
        continue
    root = ET.parse(os.path.join(ui_dir, name)).getroot()
    for element in root.iter():
        if element.tag == 'object' and element.get('class') in ROWS:
            what = f'{element.get("class")} {element.get("id") or "(no id)"}'
        elif element.tag == 'template' and element.get('parent') in ROWS:
            what = f'template {element.get("class")}'
        else:
            continue
        values = [p.text for p in element.findall('property') if p.get('name') == 'use-markup']
        ok = len(values) == 1 and (values[0] or '').strip() in ('False', 'True')
        results.append((ok, f'{name}: {what} sets use-markup', repr(values)))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        print(f'# {detail}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
