#!/usr/bin/env python3
"""Random but valid annual reports, for placement tests: every value known by construction.

usage: generate.py --seed S --count N --out DIR [--blank-share 0.12]

Writes DIR/<stem>.json (a nianbao report JSON, the input of `nianbao convert X.json --to docx`)
and DIR/expected/<stem>.json (the values score.py compares: a blank cell is null). Values are
mostly distinct and non-zero so any shift of a column changes a value; rules 1-4 of the contract
hold, counting a blank cell as 0 (as real reports mean it). Stems: syn<seed>_<i>_<template>.
"""
import argparse, json, os, random

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
RESULTS_2019 = ["granted", "partially_granted", "denied_state_secret", "denied_prohibited",
    "denied_security_stability", "denied_third_party", "denied_internal_affairs", "denied_process_info",
    "denied_enforcement_file", "denied_inquiry", "unavailable_not_held", "unavailable_needs_creation",
    "unavailable_unclear", "not_processed_petition", "not_processed_duplicate", "not_processed_publication",
    "not_processed_excessive", "not_processed_confirmation", "other_handling"]
RESULTS_2021 = RESULTS_2019[:-1] + ["other_overdue_correction", "other_overdue_fee", "other_misc"]
GROUPS = ["review", "litigation_direct", "litigation_after_review"]
AGENCIES = ["长春市九台区交通运输局", "杭州市西湖区人民政府", "宁波市自然资源和规划局", "成都市武侯区教育局",
    "广州市天河区人民政府办公室", "济南市历城区卫生健康局", "南京市市场监督管理局", "西安市碑林区民政局"]


class Values:
    """Draws mostly distinct values; `blank` decides which cells the report leaves empty."""
    def __init__(self, rng, blank_share):
        self.rng, self.blank_share, self.used = rng, blank_share, set()

    def number(self, low=1, high=999):
        for _ in range(50):
            v = self.rng.randint(low, high)
            if v not in self.used:
                self.used.add(v)
                return v
        return self.rng.randint(low, high)

    def big(self):
        return self.number(1000, 999999) if self.rng.random() < 0.15 else self.number()

    def blank(self):
        return self.rng.random() < self.blank_share


def requests_table(rng, vals, results, blank_columns):
    rows = {}
    blank_rows = {r for r in results if rng.random() < 0.15}
    for r in results:
        row = {}
        for c in COLS:
            if r in blank_rows or c in blank_columns or vals.blank():
                row[c] = None
            else:
                row[c] = vals.big() if rng.random() < 0.1 else vals.number(1, 300)
        s = sum(v or 0 for v in row.values())
        row["total"] = None if r in blank_rows else s
        rows[r] = row
    total = {}
    for c in COLS + ["total"]:
        total[c] = sum(rows[r][c] or 0 for r in results)
    forward, over, new = {}, {}, {}
    for c in COLS:
        if c in blank_columns:
            forward[c] = over[c] = None
            new[c] = None
            total[c] = None
            continue
        f = None if vals.blank() else vals.number(1, 200)
        o = None if vals.blank() else vals.number(1, min(200, max(1, total[c] + (f or 0))))
        if (o or 0) > total[c] + (f or 0):
            o = None
        n = total[c] + (f or 0) - (o or 0)
        forward[c], over[c], new[c] = f, o, n
    for d in (forward, over, new):
        d["total"] = sum(d[c] or 0 for c in COLS)
    out = {"new_received": new, "carried_over": over}
    out.update(rows)
    out["results_total"] = total
    out["carried_forward"] = forward
    return out


def review_table(rng, vals):
    out = {}
    for g in GROUPS:
        if rng.random() < 0.12:
            out[g] = {k: None for k in ["upheld", "corrected", "other", "pending", "total"]}
            continue
        row = {k: (None if vals.blank() else vals.number(1, 400)) for k in ["upheld", "corrected", "other", "pending"]}
        row["total"] = sum(v or 0 for v in row.values())
        out[g] = row
    return out


def active_2019(rng, vals):
    def maybe(v):
        return None if vals.blank() else v
    out = {}
    for r in ["regulations", "normative_documents"]:
        made = vals.number(1, 300)
        out[r] = {"new_made": maybe(made), "new_published": maybe(vals.number(1, 300)),
                  "total_published": maybe(vals.big())}
    for r in ["licensing", "other_services", "punishment", "enforcement"]:
        change = vals.number(1, 90) * rng.choice([1, -1])
        out[r] = {"previous_items": maybe(vals.number(91, 999)), "change": maybe(change), "decisions": maybe(vals.big())}
    out["fees"] = {"previous_items": maybe(vals.number(1, 99)), "change": maybe(vals.number(1, 20) * rng.choice([1, -1]))}
    out["procurement"] = {"items": maybe(vals.number(1, 99)), "amount_yuan": maybe(vals.number(10, 99999) * 100)}
    return out


def active_2021(rng, vals):
    def maybe(v):
        return None if vals.blank() else v
    out = {}
    for r in ["regulations", "normative_documents"]:
        out[r] = {"issued": maybe(vals.number(1, 300)), "repealed": maybe(vals.number(1, 300)), "in_force": maybe(vals.big())}
    for r in ["licensing", "punishment", "enforcement"]:
        out[r] = {"decisions": maybe(vals.big())}
    out["fees"] = {"amount_yuan": maybe(vals.number(1, 99999) * 100)}
    return out


def report(seed, i, blank_share):
    rng = random.Random(f"{seed}/{i}")
    template = "2019" if i % 2 == 0 else "2021"
    year = rng.choice([2019, 2020]) if template == "2019" else rng.choice([2021, 2022, 2023, 2024])
    agency = rng.choice(AGENCIES)
    vals = Values(rng, blank_share)
    blank_columns = set(rng.sample(COLS[1:5], rng.choice([0, 0, 0, 1, 2])))
    results = RESULTS_2019 if template == "2019" else RESULTS_2021
    title = f"{agency}{year}年政府信息公开工作年度报告"
    sections = {
        "overview": f"根据《中华人民共和国政府信息公开条例》要求，{agency}编制本报告。本报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
        "active_disclosure": None, "requests": None, "review_litigation": None,
        "problems": "一是公开内容不够全面；二是公开形式较为单一。下一步将进一步加强政府信息公开工作。",
        "other": "无。",
    }
    stem = f"syn{seed}_{i:04d}_{template}"
    rep = {
        "schema": "nianbao.report/1",
        "source": {"file": stem + ".json", "format": "json", "sha256": "0" * 64, "encoding": "UTF-8"},
        "title": title, "agency": agency, "year": year, "published": f"{year + 1}-01-{rng.randint(10, 28):02d}",
        "template": template, "sections": sections,
        "active_disclosure": active_2019(rng, vals) if template == "2019" else active_2021(rng, vals),
        "requests": requests_table(rng, vals, results, blank_columns),
        "review_litigation": review_table(rng, vals),
        "diagnostics": [],
    }
    expected = {k: rep[k] for k in ["title", "year", "published", "template", "active_disclosure", "requests", "review_litigation"]}
    expected["agency"] = [agency]
    return stem, rep, expected


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--out", required=True)
    p.add_argument("--blank-share", type=float, default=0.12)
    a = p.parse_args()
    os.makedirs(os.path.join(a.out, "expected"), exist_ok=True)
    for i in range(a.count):
        stem, rep, exp = report(a.seed, i, a.blank_share)
        with open(os.path.join(a.out, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(rep, f, ensure_ascii=False, indent=1)
        with open(os.path.join(a.out, "expected", stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(exp, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
