#!/usr/bin/env python3
# bench-largest.py: the largest studies the format allows, and what each command costs on them.
#
# Writes two studies just under the 16 MiB file limit, both over the longest timeline (60 years)
# with titles and names at 200 characters and notes at 4,000:
#   items  - as many items (with distinct names) as the limit holds, in 20 scenarios: the most
#            series, legend entries and table rows;
#   text   - every text at its longest (descriptions and sources of 4,000 characters) in 20
#            scenarios: the most text for the report to set;
#   random - with bench-core given, its --write-largest-study: random scenarios of 40 levers and
#            40 items over 60 years (the most scenarios, so the most panels and lines).
# and runs lgr-explorer on each: --summary=json, --export of every chart kind as PNG, SVG and
# PDF, and --report, one process each, printing the wall time and the peak memory (maximum
# resident set, from wait4) of each. A meson benchmark(), never part of the pass/fail suite.
#
#   python3 tests/bench-largest.py _build/src/lgr-explorer [_build/tests/bench-core [WORKDIR]]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile
import time

LIMIT = 16 * 1024 * 1024
YEARS = 60
NAME_CHARS = 200
NOTE_CHARS = 4000
SCENARIOS = 20
CHARTS = ["cashflow", "savings", "difference", "children"]


def text(stem, n):
    """stem repeated to exactly n characters, with spaces so it can wrap."""
    words = (stem + " lorem ipsum dolor sit amet ") * (n // 20 + 2)
    return words[:n].rstrip() + "x" * (n - len(words[:n].rstrip()))


def head(title, description):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<lgr-study version="1">\n'
        f"  <title>{title}</title>\n"
        f"  <description>{description}</description>\n"
        f'  <timeline first-year="2025" years="{YEARS}" vesting-year="2028" '
        'discount-rate="3.5" weeks-per-year="52"/>\n'
        '  <settings benefit-realisation="100" cost-contingency="0" count-avoidance="true"/>\n'
    )


def scenario_open(s, description):
    return (
        f'  <scenario id="s{s}" name="{text(f"Scenario {s}", NAME_CHARS)}">\n'
        f"    <description>{description}</description>\n"
        f'    <authority id="a" name="{text(f"Authority {s}", NAME_CHARS)}" '
        'population="600000" child-population="125000"/>\n'
    )


def lever(s, i, source):
    src = f"      <source>{source}</source>\n" if source else ""
    return (
        f'    <lever id="l{i}" name="{text(f"Lever {s}-{i}", NAME_CHARS)}" authority="a" '
        f'benefit="{"avoidance" if i % 3 == 2 else "cashable"}">\n'
        f'      <cohort basis="count" baseline="{1000 + i}" target="{900 + i}"/>\n'
        '      <unit-cost per="year" baseline="40000" target="38000"/>\n'
        '      <growth cohort="1" unit-cost="2"/>\n'
        '      <realisation start="2028" profile="25 50 75 100"/>\n'
        f"{src}    </lever>\n"
    )


KINDS = ["saving", "recurring-cost", "avoidance", "one-off-cost"]


def item(s, i, name_chars, source):
    kind = KINDS[i % 4]
    src = f"      <source>{source}</source>\n" if source else ""
    if kind == "one-off-cost":
        body = f'      <spread total="{1000000 + i}" start="2026" profile="30 50 20"/>\n'
    else:
        body = (
            f'      <recurring amount="{100000 + i}" start="2028" profile="50 75 100" '
            'growth="1"/>\n'
        )
    return (
        f'    <item id="i{i}" name="{text(f"Item {s}-{i}", name_chars)}" kind="{kind}">\n'
        f"{body}{src}    </item>\n"
    )


def build(shape):
    long_note = text("note", NOTE_CHARS)
    note = long_note if shape == "text" else None
    name_chars = NAME_CHARS if shape == "text" else 40
    description = long_note if shape == "text" else None
    scenarios = [
        [scenario_open(s, description or f"Scenario {s}"), lever(s, 0, note)]
        for s in range(SCENARIOS)
    ]
    size = len(head(text("Largest study", NAME_CHARS), long_note).encode()) + 64
    size += sum(len("".join(c).encode()) + 16 for c in scenarios)
    # add levers and items round robin over the scenarios until the next would pass the limit
    n_levers, n_items, k = SCENARIOS, 0, 0
    while True:
        s = k % SCENARIOS
        if shape == "text" and (k // SCENARIOS) % 2 == 1:
            part = lever(s, k, note)
        else:
            part = item(s, k, name_chars, note)
        length = len(part.encode())
        if size + length > LIMIT - 1024:
            break
        size += length
        scenarios[s].append(part)
        if part.startswith("    <lever"):
            n_levers += 1
        else:
            n_items += 1
        k += 1
    parts = [head(text("Largest study", NAME_CHARS), long_note)]
    parts += ["".join(c) + "  </scenario>\n" for c in scenarios]
    parts.append("</lgr-study>\n")
    counts = f"{SCENARIOS} scenarios, {n_levers} levers and {n_items} items in all"
    return "".join(parts), counts


def run(argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace").strip()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, err


def main():
    explorer = os.path.abspath(sys.argv[1])
    bench_core = sys.argv[2] if len(sys.argv) > 2 else None
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="lgr-largest-")
    os.makedirs(work, exist_ok=True)
    failed = False
    for shape in ("items", "text", "random"):
        path = os.path.join(work, f"largest-{shape}.lgr")
        if shape == "random":
            if not bench_core:
                continue
            subprocess.run([bench_core, f"--write-largest-study={path}"], check=True,
                           stdout=subprocess.DEVNULL)
            counts = "random scenarios of 40 levers and 40 items"
        else:
            xml, counts = build(shape)
            with open(path, "w", encoding="utf-8") as f:
                f.write(xml)
        print(f"\n{shape}: {os.path.getsize(path) / 1048576:.2f} MiB, {counts}, {YEARS} years")
        commands = [("--summary=json", ["--summary=json", path])]
        for kind in CHARTS:
            for ext in ("png", "svg", "pdf"):
                out = os.path.join(work, f"{shape}-{kind}.{ext}")
                commands.append(
                    (f"--export {kind}.{ext}", [f"--export={out}", f"--chart={kind}", path])
                )
        commands.append(("--report", [f"--report={os.path.join(work, shape + '.pdf')}", path]))
        for what, args in commands:
            elapsed, peak, code, err = run([explorer] + args)
            note = "" if code == 0 else f"  exit {code}: {err[:200]}"
            failed |= code != 0
            print(f"  {what:<26} {elapsed * 1000:9.0f} ms  {peak:7.0f} MiB{note}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
