#!/usr/bin/env python3
# Runs the command line in Welsh and checks that it speaks Welsh: --help, a usage error and
# --check on a valid study, each compared with the build's own cy catalogue (so the test
# follows the translation rather than repeating it).
# Usage: check-translation.py LGR_EXPLORER PO_BUILD_DIR STUDY
#   PO_BUILD_DIR holds cy/LC_MESSAGES/lgr-explorer.mo (the build's po/ directory); the program
#   reads it through LGR_LOCALEDIR.
# SPDX-License-Identifier: GPL-3.0-or-later
import gettext
import os
import subprocess
import sys

program, po_dir, study = sys.argv[1:4]
mo_path = os.path.join(po_dir, 'cy', 'LC_MESSAGES', 'lgr-explorer.mo')
locale_name = 'cy_GB.UTF-8'

available = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
if not {'cy_GB.utf8', 'cy_GB.UTF-8'} & set(available):
    print(f'1..0 # SKIP the {locale_name} locale is not generated; as root: '
          "sed -i 's/^# cy_GB.UTF-8/cy_GB.UTF-8/' /etc/locale.gen && locale-gen")
    sys.exit(0)

results = []
if not os.path.isfile(mo_path):
    print('1..1')
    print(f'not ok 1 - the Welsh catalogue {mo_path} was built')
    sys.exit(1)
with open(mo_path, 'rb') as f:
    cy = gettext.GNUTranslations(f)

env = dict(os.environ, LANGUAGE='cy', LC_ALL=locale_name, LGR_LOCALEDIR=po_dir)
for key in ('LANG', 'LC_MESSAGES'):
    env.pop(key, None)


def run(*args):
    return subprocess.run([program, *args], env=env, capture_output=True, text=True,
                          timeout=60)


def expect_welsh(output, msgid, where):
    welsh = cy.gettext(msgid).strip()
    translated = welsh != msgid.strip()
    results.append((translated, f'the catalogue translates “{msgid.strip()[:50]}”',
                    'cy.po has no translation for it'))
    first_line = welsh.splitlines()[0] if welsh else ''
    results.append((translated and first_line in output, f'{where} shows it in Welsh',
                    f'expected “{first_line}” in:\n{output}'))


proc = run('--help')
results.append((proc.returncode == 0, 'lgr-explorer --help exits with 0', proc.stderr))
expect_welsh(proc.stdout, 'Check study files and print any errors; exit 0 if all are valid',
             '--help')
expect_welsh(proc.stdout, 'Exit status: 0 success; 1 an input file is invalid or an output '
             'cannot be written; 2 wrong usage.', '--help')

proc = run('--summary=xml', study)
results.append((proc.returncode == 2, 'a usage error exits with 2',
                f'exit status {proc.returncode}'))
expect_welsh(proc.stderr, 'Try “lgr-explorer --help” for more information.\n',
             'the usage error')

proc = run('--check', study)
results.append((proc.returncode == 0, f'--check {os.path.basename(study)} exits with 0',
                proc.stdout + proc.stderr))
# Two scenarios: Welsh has a separate plural form for two (“dau”).
welsh = cy.ngettext('%s: valid, %u scenario\n', '%s: valid, %u scenarios\n', 2)
expected = welsh.replace('%s', study).replace('%u', '2')
results.append((welsh != '%s: valid, %u scenarios\n' and expected in proc.stdout,
                '--check reports the valid study in Welsh, with the plural form for two',
                f'expected “{expected.strip()}” in:\n{proc.stdout}'))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
