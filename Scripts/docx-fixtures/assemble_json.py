#!/usr/bin/env python3
"""Assemble a nianbao-contract JSON (schema nianbao.report/1) for one sample from the shared
hand-checked values (../shared/samples/expected/<stem>.json) and the prose of its text
(../shared/samples/text/<stem>.txt). A stand-in until the converter writes real JSON.

usage: assemble_json.py EXPECTED_JSON TEXT_FILE > OUT_JSON
"""
import json
import re
import sys

SECTION_KEYS = ["overview", "active_disclosure", "requests", "review_litigation", "problems", "other"]
NUMERALS = "一二三四五六"


def sections_from_text(text):
    sections = {key: [] for key in SECTION_KEYS}
    current = None
    expected = 0
    for raw in text.splitlines():
        line = raw.strip()
        match = re.match(r"^([一二三四五六])、", line)
        if match and "\t" not in raw and len(line) < 40 and NUMERALS.index(match.group(1)) >= expected:
            expected = NUMERALS.index(match.group(1))
            current = SECTION_KEYS[expected]
            expected += 1
            continue
        if current is None or not line or raw.startswith("\t") or "\t" in line:
            continue
        if len(line) < 12 or re.match(r"^[\d（(]?[\d.]+", line):
            continue
        sections[current].append(line)
    return {key: "\n".join(lines) for key, lines in sections.items()}


def main():
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    text = open(sys.argv[2], encoding="utf-8", errors="replace").read()
    agency = expected.get("agency")
    if isinstance(agency, list):
        agency = agency[0] if agency else None
    stem = sys.argv[2].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    report = {
        "schema": "nianbao.report/1",
        "source": {"file": stem + ".txt", "format": "text", "sha256": "", "encoding": "UTF-8"},
        "title": re.sub(r"\s+", "", expected.get("title") or ""),
        "agency": agency,
        "year": expected.get("year"),
        "published": expected.get("published"),
        "template": expected.get("template"),
        "sections": sections_from_text(text),
        "active_disclosure": expected.get("active_disclosure", {}),
        "requests": expected.get("requests", {}),
        "review_litigation": expected.get("review_litigation", {}),
        "diagnostics": [],
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
