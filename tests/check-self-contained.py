#!/usr/bin/env python3
# The repository is self-contained: no tracked file refers to a document outside it (the
# product's planning texts, a sibling "shared" folder) or to the names of the raw source notes
# the bundled study was built from (three digits, an underscore, hexadecimal, ".txt"). The
# repository's own documents are docs/model.md, docs/format.md and HACKING.md.
#
# Usage: check-self-contained.py SOURCE_ROOT          check (TAP)
#        check-self-contained.py SOURCE_ROOT --fix    rewrite the references to the repository's
#                                                     own documents (a mechanical edit of
#                                                     comments and text; a C comment line that
#                                                     grows past 100 columns is wrapped)
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys

# The names are assembled so that this file does not match itself.
MD = '.' + 'md'
OUTSIDE_DOCS = {
    'DEFAULT-' + 'STUDY' + MD: 'docs/format.md',  # its section "The bundled study"
    'MO' + 'DEL' + MD: 'docs/model.md',
    'FOR' + 'MAT' + MD: 'docs/format.md',
    'STY' + 'LE' + MD: 'HACKING.md',
}
SHARED = re.escape('..' + '/') + r'(?:\.\./)*' + 'sha' + 'red'
DOC_NAME = re.compile(r'(?<![A-Za-z0-9_-])('
                      + '|'.join(re.escape(n) for n in OUTSIDE_DOCS) + r')(?![A-Za-z0-9_])')
SHARED_PATH = re.compile(SHARED + r'(?:/[A-Za-z0-9_.-]+)*/?')
SEED_NAME = re.compile(r'(?<![A-Za-z0-9_])[0-9]{3}_[0-9a-f]{6,}\.' + 'txt' + r'\b')


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


def problems_in(text):
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, what in ((DOC_NAME, 'a document outside the repository'),
                              (SHARED_PATH, 'a folder outside the repository'),
                              (SEED_NAME, 'a raw source note by its file name')):
            for m in pattern.finditer(line):
                yield number, what, m.group(0)


def wrap_c_comment(line, limit=100):
    """Splits a comment line of C that has grown past the column limit at its last space that
    fits, continuing the comment on a new line (" * ") with the same indentation."""
    if len(line) <= limit:
        return [line]
    stripped = line.lstrip()
    indent = line[:len(line) - len(stripped)]
    if stripped.startswith('/*'):
        prefix = indent + ' * '
    elif stripped.startswith('* '):
        prefix = indent + '* '
    elif stripped.startswith('//'):
        prefix = indent + '// '
    else:
        return [line]  # code: left for a person (the clang-format check will say so)
    cut = line.rfind(' ', len(prefix), limit + 1)
    while cut > len(prefix) and line[cut + 1:].strip() == '*/':
        cut = line.rfind(' ', len(prefix), cut)  # never leave the comment's end on its own
    if cut <= len(prefix):
        return [line]
    return [line[:cut].rstrip()] + wrap_c_comment(prefix + line[cut + 1:], limit)


def fix_text(text, c_file=False):
    # "../shared/product/X.md" -> "X.md" first, then the names themselves.
    text = re.sub(SHARED + r'(?:/[A-Za-z0-9_.-]+)*/(' + '|'.join(re.escape(n) for n in OUTSIDE_DOCS)
                  + ')', lambda m: m.group(1), text)
    if not c_file:
        return DOC_NAME.sub(lambda m: OUTSIDE_DOCS[m.group(1)], text)
    lines = []
    for line in text.split('\n'):
        new = DOC_NAME.sub(lambda m: OUTSIDE_DOCS[m.group(1)], line)
        lines.extend(wrap_c_comment(new) if new != line else [line])
    return '\n'.join(lines)


def main():
    args = [a for a in sys.argv[1:] if a != '--fix']
    fix = '--fix' in sys.argv[1:]
    root = args[0] if args else os.getcwd()
    me = os.path.relpath(os.path.abspath(__file__), os.path.abspath(root))

    found = []
    changed = []
    for rel in tracked_files(root):
        if rel == me:
            continue
        path = os.path.join(root, rel)
        text = read_text(path)
        if text is None:
            continue
        if fix:
            new = fix_text(text, rel.endswith(('.c', '.h')))
            if new != text:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(new)
                changed.append(rel)
                text = new
        for number, what, match in problems_in(text):
            found.append(f'{rel}:{number}: refers to {what}: {match}')

    if fix:
        for rel in changed:
            print(f'# rewrote {rel}')

    print('1..1')
    if found:
        for line in found:
            print(f'# {line}')
        print('not ok 1 - no file refers to anything outside the repository')
        return 1
    print('ok 1 - no file refers to anything outside the repository')
    return 0


sys.exit(main())
