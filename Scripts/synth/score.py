#!/usr/bin/env python3
"""Scores nianbao's JSON outputs of the generator's renderings: right, WRONG NUMBERS, nulls.

usage: score.py OUT_ROOT EXPECTED_DIR [--check] [--wrong N] [--patterns N] [--variants FILE] [--json]

OUT_ROOT/<rendering>/<stem>.json are nianbao's outputs (one folder per rendering, as
Scripts/soak.sh writes them); EXPECTED_DIR/<stem>.json the generator's expected values. A single
folder of outputs (no subfolders) is scored as one rendering. For every expected field:

  right   the value read equals the expected one (a number, or null for a blank cell)
  wrong   a WRONG NUMBER: a number different from the expected number, or a number where the
          source left the cell blank (null expected) — the failure a user cannot see
  null    null (or absent) where a number was expected
  other   title, agency, year, published or template not as expected (counted in the total)

A missing output file counts all its fields as null. Prints a markdown table (one row per
rendering), then, with --wrong N, the first N wrong cells per rendering (file, path, expected,
got) and with --patterns N the N most common wrong-number patterns (path with the row's cells
expected → got); --variants FILE (layouts.py's manifest) adds each rendering's wrong numbers per
layout variant and blank mark. --json prints the figures as JSON instead of the table. --check exits 1 when any
rendering has a wrong number.
"""
import argparse, collections, json, os, re, sys

TABLES = ("active_disclosure", "requests", "review_litigation")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def leaves(obj, prefix=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from leaves(v, prefix + (k,))
    else:
        yield prefix, obj


def dig(obj, path):
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def squash(s):
    return re.sub(r"\s+", "", s) if isinstance(s, str) else s


def score_file(actual, expected):
    """Yields (kind, path, expected, got) for every expected field."""
    missing = actual is None
    actual = actual or {}
    for key in ("title", "year", "published", "template"):
        if key in expected:
            ok = squash(actual.get(key)) == squash(expected[key])
            yield ("right" if ok else "other"), key, expected[key], actual.get(key)
    if "agency" in expected:
        options = expected["agency"] if isinstance(expected["agency"], list) else [expected["agency"]]
        ok = squash(actual.get("agency")) in [squash(o) for o in options]
        yield ("right" if ok else "other"), "agency", options, actual.get("agency")
    for table in TABLES:
        if table not in expected:
            continue
        for path, e in leaves(expected[table], (table,)):
            a = None if missing else dig(actual, path)
            if is_number(a) and is_number(e) and abs(a - e) < 1e-6:
                kind = "right"
            elif a is None and e is None:
                kind = "right"
            elif is_number(a):
                kind = "wrong"
            elif a is None:
                kind = "null"
            else:
                kind = "wrong" if e is not None else "other"
            yield kind, ".".join(path), e, a


def row_of(path):
    return path.rsplit(".", 1)[0]


def score_folder(folder, expected_dir, stems):
    counts = collections.Counter()
    wrong, patterns = [], collections.Counter()
    for stem in stems:
        expected = load(os.path.join(expected_dir, stem + ".json"))
        actual = load(os.path.join(folder, stem + ".json"))
        bad_rows = set()
        for kind, path, e, a in score_file(actual, expected):
            counts[kind] += 1
            if kind == "wrong":
                wrong.append((stem, path, e, a))
                bad_rows.add(row_of(path))
        for row in sorted(bad_rows):
            e_row = dig(expected, row.split("."))
            a_row = dig(actual, row.split(".")) if actual else None
            def shape(r, ref):
                if not isinstance(r, dict):
                    return "absent"
                return "[" + ", ".join("—" if r.get(k) is None else ("n" if r.get(k) == ref.get(k) else "x") for k in ref) + "]"
            # the pattern: which cells are blank (—), read right (n) or wrong (x), named by row key
            key = row.split(".", 1)[0] + "." + row.rsplit(".", 1)[-1]
            patterns[(row.split(".")[0], key, "expected " + shape(e_row, e_row) + " got " + shape(a_row, e_row))] += 1
    return counts, wrong, patterns


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("root")
    p.add_argument("expected")
    p.add_argument("--check", action="store_true")
    p.add_argument("--wrong", type=int, default=0)
    p.add_argument("--patterns", type=int, default=0)
    p.add_argument("--variants")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    stems = sorted(n[:-5] for n in os.listdir(a.expected) if n.endswith(".json"))
    subfolders = sorted(d for d in os.listdir(a.root) if os.path.isdir(os.path.join(a.root, d)))
    folders = [(d, os.path.join(a.root, d)) for d in subfolders] or [(os.path.basename(a.root.rstrip("/")), a.root)]
    results = {}
    for name, folder in folders:
        results[name] = score_folder(folder, a.expected, stems)
    if a.json:
        print(json.dumps({name: {"right": c["right"], "wrong": c["wrong"], "null": c["null"], "other": c["other"],
                                 "total": sum(c.values()), "wrong_cells": [list(w) for w in wr[:a.wrong]]}
                          for name, (c, wr, _) in results.items()}, ensure_ascii=False, indent=1))
    else:
        print(f"{len(stems)} reports\n")
        print("| rendering | fields right | wrong numbers | null where a number was expected | other fields wrong |")
        print("|---|---:|---:|---:|---:|")
        for name, (c, _, _) in results.items():
            total = sum(c.values()) or 1
            print(f"| {name} | {100 * c['right'] / total:.1f} % ({c['right']}/{total}) | {c['wrong']} | {c['null']} | {c['other']} |")
        for name, (c, wrong, patterns) in results.items():
            if a.wrong and wrong:
                print(f"\n{name}: {len(wrong)} wrong numbers, first {min(a.wrong, len(wrong))}:")
                for stem, path, e, got in wrong[:a.wrong]:
                    print(f"  {stem} {path}: expected {e}, got {got}")
            if a.patterns and patterns:
                print(f"\n{name}: most common wrong-number rows (cells: n right, x wrong, — null):")
                for (table, row, shape), n in patterns.most_common(a.patterns):
                    print(f"  {n:5d}  {row}  {shape}")
    if a.variants and not a.json:
        manifest = load(a.variants) or {}
        print("\nwrong numbers per layout variant (reports with that variant in brackets):")
        per_variant = collections.Counter(v["variant"] for v in manifest.values())
        per_mark = collections.Counter(v["blank_mark"] or "empty" for v in manifest.values())
        for name, (c, wrong, _) in results.items():
            if not wrong:
                continue
            by_variant = collections.Counter(manifest.get(stem, {}).get("variant", "?") for stem, _, _, _ in wrong)
            by_mark = collections.Counter(manifest.get(stem, {}).get("blank_mark", "?") or "empty" for stem, _, _, _ in wrong)
            print(f"  {name}: " + ", ".join(f"{v} {n} [{per_variant[v]}]" for v, n in by_variant.most_common())
                  + "; blank mark: " + ", ".join(f"{m} {n} [{per_mark[m]}]" for m, n in by_mark.most_common()))
    if a.check and any(c["wrong"] for c, _, _ in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
