#!/usr/bin/env python3
# The user guide's Mallard pages: valid (yelp-check validate), every xref resolves and every
# page is reachable from the front page, every page and file of help/C is one that meson
# installs, and the Welsh pages that itstool merges from help/cy/cy.po are valid and translated.
# Usage: check-help.py YELP_CHECK HELP_SOURCE_DIR HELP_BUILD_DIR   (TAP)
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import re
import subprocess
import sys

yelp_check, source, build = sys.argv[1:4]
results = []


def check(ok, description, detail=''):
    results.append((ok, description, detail))


def run(*args):
    proc = subprocess.run([yelp_check, *args], capture_output=True, text=True, timeout=120)
    return proc.returncode == 0 and not proc.stdout.strip(), (proc.stdout + proc.stderr).strip()


pages = sorted(glob.glob(os.path.join(source, 'C', '*.page')))
check(len(pages) > 1, 'help/C has the guide\'s pages', f'found {pages}')
for command, what in (('validate', 'are valid Mallard'), ('links', 'link only to pages that exist'),
                      ('orphans', 'are all reachable from index.page'),
                      ('ids', 'have ids that match their file names'),
                      ('media', 'refer only to media files that exist')):
    ok, out = run(command, *pages)
    check(ok, f'yelp-check {command}: the English pages {what}', out)

# Every page and other file of help/C is installed (listed in help/meson.build).
listed = open(os.path.join(source, 'meson.build'), encoding='utf-8').read()
names = set(re.findall(r"'([A-Za-z0-9_.-]+\.(?:page|lgr))'", listed))
present = {os.path.basename(p) for p in glob.glob(os.path.join(source, 'C', '*'))
           if not p.endswith('.pot')}
check(present == names, 'help/meson.build lists every file of help/C',
      f'not listed: {sorted(present - names)}; listed but missing: {sorted(names - present)}')

# The guide's worked example is linked from its page and ships beside it.
county = open(os.path.join(source, 'C', 'new-county.page'), encoding='utf-8').read()
check('href="example-county.lgr"' in county and 'example-county.lgr' in names,
      'new-county.page links to example-county.lgr, which is installed with the pages')

# Welsh: itstool's merged pages are valid and carry the translated titles.
welsh = sorted(glob.glob(os.path.join(build, 'cy', '*.page')))
check(len(welsh) == len(pages), 'itstool merged every page into Welsh',
      f'{len(welsh)} Welsh pages for {len(pages)} English ones')
if welsh:
    ok, out = run('validate', *welsh)
    check(ok, 'yelp-check validate: the Welsh pages are valid Mallard', out)


def title(path):
    text = re.sub(r'<info>.*?</info>', '', open(path, encoding='utf-8').read(), flags=re.S)
    m = re.search(r'<title>(.*?)</title>', text, re.S)
    return m.group(1).strip() if m else None


translated = [os.path.basename(p) for p in welsh
              if title(p) != title(os.path.join(source, 'C', os.path.basename(p)))]
check(len(translated) == len(welsh) and welsh,
      'every Welsh page has a Welsh title',
      'untranslated: ' + ', '.join(sorted(set(map(os.path.basename, welsh)) - set(translated))))
index = os.path.join(build, 'cy', 'index.page')
check(os.path.isfile(index) and 'xml:lang="cy"' in open(index, encoding='utf-8').read(),
      'the Welsh front page says it is Welsh (xml:lang="cy")')

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in str(detail).strip().splitlines()[:20]:
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
