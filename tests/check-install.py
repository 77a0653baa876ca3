#!/usr/bin/env python3
# Installs the build into a temporary DESTDIR and checks that everything a desktop needs is
# there: the program, launcher, metainfo, icons, MIME type, settings schema, man page, bundled
# study, schema, the user guide (Mallard pages for Yelp, in English and Welsh, and as HTML) and
# the Welsh translation.
# Usage: check-install.py BUILD_DIR PREFIX BINDIR DATADIR MANDIR LOCALEDIR APP_ID LIBDIR
# (directories as meson reports them: absolute, or relative to PREFIX)
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile

build_dir, prefix, bindir, datadir, mandir, localedir, app_id, libdir = sys.argv[1:9]


def under_prefix(d):
    return d if os.path.isabs(d) else os.path.join(prefix, d)


bindir, datadir, mandir, localedir, libdir = map(under_prefix,
                                                  (bindir, datadir, mandir, localedir, libdir))

expected = [
    (os.path.join(bindir, 'lgr-explorer'), 'the program'),
    (os.path.join(datadir, 'applications', app_id + '.desktop'), 'the launcher'),
    (os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'), 'the AppStream metainfo'),
    (os.path.join(datadir, 'icons/hicolor/scalable/apps', app_id + '.svg'), 'the icon'),
    (os.path.join(datadir, 'icons/hicolor/symbolic/apps', app_id + '-symbolic.svg'),
     'the symbolic icon'),
    (os.path.join(datadir, 'mime/packages', app_id + '.xml'), 'the MIME type of .lgr files'),
    (os.path.join(datadir, 'glib-2.0/schemas', app_id + '.gschema.xml'), 'the settings schema'),
    (os.path.join(mandir, 'man1', 'lgr-explorer.1'), 'the man page'),
    (os.path.join(datadir, 'lgr-explorer/studies/warwickshire.lgr'), 'the bundled study'),
    (os.path.join(datadir, 'lgr-explorer/lgr-study.rng'), 'the study file schema'),
    (os.path.join(datadir, 'help/C/lgr-explorer/index.page'), 'the user guide (Yelp)'),
    (os.path.join(datadir, 'help/C/lgr-explorer/troubleshooting.page'),
     'a topic of the user guide'),
    (os.path.join(datadir, 'help/C/lgr-explorer/example-county.lgr'),
     'the guide\'s example study'),
    (os.path.join(datadir, 'help/cy/lgr-explorer/index.page'), 'the Welsh user guide'),
    (os.path.join(datadir, 'help/cy/lgr-explorer/example-county.lgr'),
     'the Welsh guide\'s example study'),
    (os.path.join(datadir, 'doc/lgr-explorer/html/index.html'), 'the user guide as HTML'),
    (os.path.join(datadir, 'doc/lgr-explorer/html/example-county.lgr'),
     'the example study beside the HTML guide'),
    (os.path.join(localedir, 'cy/LC_MESSAGES/lgr-explorer.mo'), 'the Welsh translation'),
    (os.path.join(libdir, 'lgr-explorer', 'lgr-explorer-window.so'), 'the window module'),
]

results = []
with tempfile.TemporaryDirectory(prefix='lgr-install-') as destdir:
    env = dict(os.environ, DESTDIR=destdir)
    proc = subprocess.run(['meson', 'install', '-C', build_dir, '--no-rebuild', '--quiet',
                           '--destdir', destdir],
                          env=env, capture_output=True, text=True)
    results.append((proc.returncode == 0, 'meson install --destdir succeeds',
                    (proc.stdout + proc.stderr).strip()))

    def installed(path):
        return os.path.join(destdir, path.lstrip('/'))

    for path, what in expected:
        results.append((os.path.isfile(installed(path)), f'installs {what}: {path}',
                        'not installed'))

    program = installed(os.path.join(bindir, 'lgr-explorer'))
    results.append((os.access(program, os.X_OK), 'the program is executable', ''))

    desktop = installed(expected[1][0])
    text = open(desktop, encoding='utf-8').read() if os.path.isfile(desktop) else ''
    results.append(('MimeType=application/x-lgr-study+xml;' in text,
                    'the launcher claims application/x-lgr-study+xml', ''))
    results.append(('Name[cy]=' in text, 'the launcher carries the Welsh name',
                    'no Name[cy]: is cy in po/LINGUAS and is the desktop file translated?'))

    metainfo = installed(expected[2][0])
    text = open(metainfo, encoding='utf-8').read() if os.path.isfile(metainfo) else ''
    results.append(('xml:lang="cy"' in text, 'the metainfo carries the Welsh summary', ''))

    # Every page of the guide is installed, and the Welsh front page is translated.
    source_pages = sorted(os.listdir(os.path.join(os.path.dirname(__file__), '..', 'help', 'C')))
    for lang in ('C', 'cy'):
        folder = installed(os.path.join(datadir, 'help', lang, 'lgr-explorer'))
        missing = [p for p in source_pages if p.endswith('.page')
                   and not os.path.isfile(os.path.join(folder, p))]
        results.append((not missing, f'installs every page of the guide in {lang}',
                        'missing: ' + ', '.join(missing)))
    welsh = installed(os.path.join(datadir, 'help/cy/lgr-explorer/index.page'))
    text = open(welsh, encoding='utf-8').read() if os.path.isfile(welsh) else ''
    results.append(('<title>Cymorth LGR Explorer</title>' in text,
                    'the Welsh guide has its Welsh title', ''))

    # Nothing unexpected: every installed file is one of the above or a known extra.
    found = []
    for dirpath, _, filenames in os.walk(destdir):
        for name in filenames:
            found.append('/' + os.path.relpath(os.path.join(dirpath, name), destdir))
    known = {p for p, _ in expected}
    unexpected = [p for p in found if p not in known
                  and not p.startswith(os.path.join(localedir, ''))
                  and not p.startswith(os.path.join(datadir, 'help', ''))
                  and not p.startswith(os.path.join(datadir, 'doc/lgr-explorer/html/'))]
    results.append((not unexpected, 'installs nothing else',
                    'also installed: ' + ', '.join(sorted(unexpected))))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
