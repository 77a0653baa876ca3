#!/usr/bin/env python3
# Builds the user guide's Mallard pages into OUT_DIR as HTML with yelp-build, and copies the
# other files (the example study the pages link to) beside them, replacing what was there.
# Usage: build-html.py YELP_BUILD OUT_DIR FILE...
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys

yelp_build, out_dir, *inputs = sys.argv[1:]
pages = [f for f in inputs if f.endswith('.page')]
others = [f for f in inputs if not f.endswith('.page')]

shutil.rmtree(out_dir, ignore_errors=True)
os.makedirs(out_dir)
# yelp-build wants the folder to end with a slash.
subprocess.run([yelp_build, 'html', '-o', os.path.join(out_dir, ''), *pages], check=True)
for f in others:
    shutil.copy(f, out_dir)
if not os.path.isfile(os.path.join(out_dir, 'index.html')):
    sys.exit(f'{out_dir}: yelp-build wrote no index.html')
