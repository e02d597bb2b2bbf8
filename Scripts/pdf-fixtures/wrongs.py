#!/usr/bin/env python3
"""Right / wrong number / null counts of nianbao's JSON outputs against the generator's expected
values (Scripts/synth/generate.py): a number that differs from the expected one is WRONG (the worst
bug), a null where a number was expected is a miss.

usage: wrongs.py ACTUAL_DIR EXPECTED_DIR [--show N]
"""
import json
import os
import sys


def leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for key, item in zip(["upheld", "corrected", "other", "pending", "total"], value):
            yield path + (key,), item
    else:
        yield path, value


def dig(value, path):
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


actual_dir, expected_dir = sys.argv[1], sys.argv[2]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
right = wrong = null = total = 0
shown = []
for name in sorted(os.listdir(expected_dir)):
    expected = json.load(open(os.path.join(expected_dir, name), encoding="utf-8"))
    try:
        actual = json.load(open(os.path.join(actual_dir, name), encoding="utf-8"))
    except (OSError, ValueError):
        actual = {}
    for table in ("active_disclosure", "requests", "review_litigation"):
        for path, want in leaves(expected.get(table, {}), (table,)):
            got = dig(actual, path)
            total += 1
            if (got is None and want is None) or (got is not None and want is not None and not isinstance(got, bool)
                                                  and isinstance(got, (int, float)) and abs(got - want) < 1e-6):
                right += 1
            elif got is None:
                null += 1
                if len(shown) < show: shown.append(f"  null  {name} {'.'.join(path)} expected {want}")
            else:
                wrong += 1
                if len(shown) < show: shown.append(f"  WRONG {name} {'.'.join(path)} expected {want} got {got}")
print("\n".join(shown))
print(f"right {right}/{total} ({100 * right / max(total, 1):.2f} %)  wrong {wrong}  null {null}")
