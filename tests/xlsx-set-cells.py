#!/usr/bin/env python3
# Changes number cells of one sheet of an .xlsx file, as someone typing in a spreadsheet would,
# for tests/test-workbook.c: the changed workbook is then recalculated by a spreadsheet engine.
# Usage: xlsx-set-cells.py IN.xlsx OUT.xlsx SHEET_NUMBER CELL=VALUE... (SHEET_NUMBER from 1;
# each CELL, such as B12, must already hold a value or a formula; VALUE is a number, or text
# after an apostrophe as typed in a spreadsheet: D52='north).
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys
import zipfile

source, target, sheet = sys.argv[1], sys.argv[2], int(sys.argv[3])
changes = dict(arg.split('=', 1) for arg in sys.argv[4:])
name = f'xl/worksheets/sheet{sheet}.xml'

with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == name:
            xml = data.decode('utf-8')
            for cell, value in changes.items():
                if value.startswith("'"):
                    text = value[1:].replace('&', '&amp;').replace('<', '&lt;')
                    content = ' t="inlineStr"><is><t>%s</t></is>' % text
                else:
                    float(value)  # a number
                    content = '><v>%s</v>' % value
                pattern = re.compile(r'<c r="%s"( s="\d+")?( t="\w+")?>.*?</c>' % cell)
                xml, n = pattern.subn(lambda m: '<c r="%s"%s%s</c>'
                                      % (cell, m.group(1) or '', content), xml, count=1)
                if n != 1:
                    sys.exit(f'{name} has no cell {cell}')
            data = xml.encode('utf-8')
        zout.writestr(info, data)
