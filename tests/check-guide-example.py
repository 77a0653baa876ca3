#!/usr/bin/env python3
# The user guide's example study (help/C/example-county.lgr) must be valid, and the figures the
# guide's pages quote for it must be the ones the program computes.
# Usage: check-guide-example.py LGR_EXPLORER HELP_C_DIR
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import subprocess
import sys

program, pages = sys.argv[1:3]
example = os.path.join(pages, 'example-county.lgr')


def page_text(name):
    """The page's words, tags removed and spaces folded, as a reader sees them."""
    try:
        text = open(os.path.join(pages, name), encoding='utf-8').read()
    except OSError:
        return ''
    return ' '.join(re.sub(r'<[^>]+>', ' ', text).split())


env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
results = []

proc = subprocess.run([program, '--check', example], capture_output=True, text=True, env=env,
                      timeout=60)
results.append((proc.returncode == 0, f'lgr-explorer --check {os.path.basename(example)}',
                proc.stdout + proc.stderr))

proc = subprocess.run([program, '--summary=json', example], capture_output=True, text=True,
                      env=env, timeout=60)
try:
    summary = json.loads(proc.stdout)
    scenarios = {s['id']: s for s in summary['scenarios']}
except (ValueError, KeyError, TypeError) as e:
    scenarios = {}
    results.append((False, '--summary=json prints the results', f'{e}\n{proc.stderr}'))

# Quoted in new-county.page, "The example study".
county = page_text('new-county.page')
quoted = [('one', '2029/30', 22.0e6, 'one unitary pays back in 2029/30 with a peak funding '
           'requirement of £22.0m'),
          ('two', '2031/32', 35.97e6, 'two unitaries in 2031/32 with a peak of £36.0m')]
for sid, year, peak, words in quoted:
    results.append((words in county, f'new-county.page says "{words}"', ''))
    s = scenarios.get(sid, {})
    results.append((s.get('payback_year') == year, f'scenario {sid} pays back in {year}',
                    f'the program says {s.get("payback_year")!r}'))
    got = s.get('peak_funding')
    results.append((got is not None and abs(got - peak) < 0.01e6,
                    f'scenario {sid} needs peak funding of £{peak / 1e6:.2f}m',
                    f'the program says {got!r}'))

# The guide's worked lever (levers.page): East council, looked-after children, at full
# realisation.
levers = page_text('levers.page')
for words in ('Saving: £11.70m = volume effect (108 × £1,800 × 52 = £10.11m) + price effect '
              '(372 × £82 × 52 = £1.59m)', 'Baseline spend: 480 × £1,800 × 52 = £44.93m',
              'Scenario spend: 372 × £1,718 × 52 = £33.23m'):
    results.append((words in levers, f'levers.page says "{words}"', ''))
east = next((l for l in scenarios.get('two', {}).get('levers', []) if l['id'] == 'east-lac'),
            None)
if east is not None:
    full = east['saving'][-1]
    results.append((abs(full - 11695008) < 1, 'the East looked-after children lever saves '
                    '£11.70m at full realisation', f'the program says {full!r}'))
    parts = (east['volume_effect'][-1], east['price_effect'][-1])
    results.append((abs(parts[0] - 10108800) < 1 and abs(parts[1] - 1586208) < 1,
                    'its volume and price effects are £10.11m and £1.59m',
                    f'the program says {parts!r}'))
else:
    results.append((False, 'scenario two has the lever east-lac', ''))

print(f'1..{len(results)}')
for n, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {description}')
    if not ok and detail:
        for line in detail.strip().splitlines()[:20]:
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
