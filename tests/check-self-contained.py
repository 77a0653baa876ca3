#!/usr/bin/env python3
# The repository is self-contained: a reader has every document a tracked file points to.
#   - a Markdown document named anywhere ("see <name>.md") must be a file of the repository,
#     by its path from the repository's root or from the naming file's folder, or by its name;
#   - a relative path must not climb out of the repository (".." past its root);
#   - a source is cited as a public document (publisher, title, date), never by the name of a
#     working note ("(seed NNN)", or a file named like "NNN_<hexadecimal>.txt").
#
# Usage: check-self-contained.py SOURCE_ROOT   (TAP)
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys

MARKDOWN_NAME = re.compile(r'(?<![A-Za-z0-9_./-])([A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md)\b')
CLIMBING_PATH = re.compile(r'(?<![A-Za-z0-9_.])((?:\.\./)+[A-Za-z0-9_.-]+)')
NOTE_NAME = re.compile(r'\bseed [0-9]{3}\b|(?<![A-Za-z0-9_])[0-9]{3}_[0-9a-f]{6,}\.txt\b')


def tracked_files(root):
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z'], capture_output=True,
                             check=True).stdout
        files = [f for f in out.decode('utf-8', 'surrogateescape').split('\0') if f]
        if files:
            return sorted(files)
    except (OSError, subprocess.CalledProcessError):
        pass
    # Not a git checkout (a release tarball): every file but build directories.
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.git', '_build', 'build')))
        for name in sorted(filenames):
            files.append(os.path.relpath(os.path.join(dirpath, name), root))
    return files


def read_text(path):
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return None
    if b'\0' in data:
        return None  # binary (images)
    return data.decode('utf-8', 'replace')


def problems_in(rel, text, files, names):
    folder = os.path.dirname(rel)
    for number, line in enumerate(text.splitlines(), 1):
        for m in MARKDOWN_NAME.finditer(line):
            doc = m.group(1)
            here = os.path.normpath(os.path.join(folder, doc))
            if doc not in files and here not in files and os.path.basename(doc) not in names:
                yield number, 'a document the repository does not have', doc
        for m in CLIMBING_PATH.finditer(line):
            target = os.path.normpath(os.path.join(folder, m.group(1)))
            if target == '..' or target.startswith('../'):
                yield number, 'a path outside the repository', m.group(1)
        for m in NOTE_NAME.finditer(line):
            yield number, 'a working note instead of a public document', m.group(0)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    tracked = tracked_files(root)
    files = set(tracked)
    names = {os.path.basename(f) for f in tracked}

    found = []
    for rel in tracked:
        text = read_text(os.path.join(root, rel))
        if text is None:
            continue
        for number, what, match in problems_in(rel, text, files, names):
            found.append(f'{rel}:{number}: refers to {what}: {match}')

    print('1..1')
    if found:
        for line in found:
            print(f'# {line}')
        print('not ok 1 - no file refers to anything outside the repository')
        return 1
    print('ok 1 - no file refers to anything outside the repository')
    return 0


sys.exit(main())
