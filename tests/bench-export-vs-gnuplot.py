#!/usr/bin/env python3
"""Whole-process time: `lgr-explorer --export=cashflow.png --size=1600x900` against gnuplot
(pngcairo) drawing the same cumulative cashflow at the same size, interleaved in one run so both
see the same machine load. Prints medians; never fails on a slow machine (goal: ours <= half of
gnuplot's). Usage: bench-export-vs-gnuplot.py LGR_EXPLORER STUDY [RUNS]"""
import csv
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    exe, study = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("gnuplot not installed (Debian package gnuplot-nox): skipping the comparison")
        return 0

    tmp = tempfile.mkdtemp(prefix="lgr-bench-")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    # The same data for gnuplot: cumulative net per scenario, in £m, from our own summary.
    summary = subprocess.run([exe, "--summary=csv", study], check=True, capture_output=True,
                             text=True, env=env).stdout
    rows = list(csv.reader(io.StringIO(summary)))
    years = rows[0][2:]
    series = {r[0]: [float(v) / 1e6 for v in r[2:]] for r in rows[1:] if r[1] == "cumulative"}
    data = os.path.join(tmp, "cashflow.dat")
    with open(data, "w", encoding="utf-8") as f:
        f.write("year " + " ".join(series) + "\n")
        for i, y in enumerate(years):
            f.write(f'"{y}" ' + " ".join(str(series[s][i]) for s in series) + "\n")
    script = os.path.join(tmp, "cashflow.gp")
    plots = ", ".join(f"'{data}' using {i + 2}:xtic(1) with linespoints lw 3 title '{s}'"
                      for i, s in enumerate(series))
    with open(script, "w", encoding="utf-8") as f:
        f.write(f"""set terminal pngcairo size 1600,900 enhanced font 'DejaVu Sans,14'
set output '{tmp}/gnuplot.png'
set title 'Cumulative net cashflow'
set ylabel '£m'
set grid ytics
set xzeroaxis lw 2
set key top left
plot {plots}
""")

    ours_cmd = [exe, f"--export={tmp}/ours.png", "--chart=cashflow", "--size=1600x900", study]
    theirs_cmd = [gnuplot, script]
    ours, theirs = [], []
    for _ in range(3):  # warm the caches for both
        subprocess.run(ours_cmd, check=True, env=env)
        subprocess.run(theirs_cmd, check=True, env=env)
    for _ in range(runs):
        for cmd, times in ((ours_cmd, ours), (theirs_cmd, theirs)):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, env=env)
            times.append((time.perf_counter() - start) * 1000)
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"lgr-explorer --export cashflow 1600x900: median {o:.1f} ms over {runs} runs")
    print(f"gnuplot pngcairo, same data and size:    median {t:.1f} ms over {runs} runs")
    print(f"ratio ours/gnuplot: {o / t:.2f} (goal <= 0.50: {'met' if o <= t / 2 else 'NOT MET'})")
    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
