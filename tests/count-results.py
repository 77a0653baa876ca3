#!/usr/bin/env python3
"""Counts the individual GLib test cases (TAP subtests) across meson test logs and prints the
closing line 'N passed, N failed'. Exits 1 if any failed."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            out = entry.get("stdout") or ""
            cases = re.findall(r"^(ok|not ok) \d+.*$", out, re.M)
            if not cases:  # not TAP: count the test program itself
                if entry.get("result") in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif entry.get("result") == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                continue
            for m in re.finditer(r"^(ok|not ok) \d+(.*)$", out, re.M):
                if "# SKIP" in m.group(2):
                    skipped += 1
                elif m.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL"):
                failed += 1  # crashed or timed out beyond its TAP lines
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
