#!/usr/bin/env python3
# Checks the Flatpak manifest without building it (that needs the GNOME runtime from the
# network): it parses, names the same application and command as the build, asks only for the
# sandbox holes the app needs, and builds the app with meson.
# Usage: check-flatpak.py MANIFEST APP_ID COMMAND
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

manifest_path, app_id, command = sys.argv[1:4]
results = []


def check(ok, description, detail=''):
    results.append((bool(ok), description, detail))


try:
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    parsed = isinstance(manifest, dict)
    check(parsed, 'manifest parses as a JSON object')
except (OSError, ValueError) as e:
    manifest = {}
    check(False, 'manifest parses as a JSON object', str(e))

got = manifest.get('app-id', manifest.get('id'))
check(got == app_id, f'app-id is {app_id}', f'it is {got!r}')
check(manifest.get('command') == command, f'command is {command}',
      f'it is {manifest.get("command")!r}')
check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform',
      f'it is {manifest.get("runtime")!r}')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk',
      f'it is {manifest.get("sdk")!r}')
check(isinstance(manifest.get('runtime-version'), str) and manifest.get('runtime-version'),
      'runtime-version is given as a string', f'it is {manifest.get("runtime-version")!r}')

allowed = {'--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri'}
finish = manifest.get('finish-args', [])
extra = [a for a in finish if a not in allowed]
check(not extra, 'finish-args ask for nothing beyond wayland, fallback-x11, ipc and dri',
      f'also asks for {", ".join(extra)} (files go through portals; no network is needed)')
missing = sorted(allowed - set(finish))
check(not missing, 'finish-args include wayland, fallback-x11, ipc and dri',
      f'missing {", ".join(missing)}')

modules = manifest.get('modules', [])
check(isinstance(modules, list) and modules, 'manifest has modules')
app_modules = [m for m in modules if isinstance(m, dict) and m.get('name') == 'lgr-explorer']
check(len(app_modules) == 1, 'one module is named lgr-explorer')
for m in app_modules:
    check(m.get('buildsystem') == 'meson', 'the lgr-explorer module builds with meson',
          f'buildsystem is {m.get("buildsystem")!r}')
    check('-Dbuildtype=release' in m.get('config-opts', []),
          'the lgr-explorer module configures a release build')
    sources = m.get('sources', [])
    check(any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
          'the lgr-explorer module builds this source tree (dir source "..")')

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        print(f'# {manifest_path}: {detail}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
