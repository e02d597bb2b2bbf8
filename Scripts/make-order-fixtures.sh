#!/usr/bin/env bash
# Remakes Tests/NianbaoTests/Fixtures/counted-order: texts of random valid reports (seed 301,
# Scripts/synth) through LibreOffice's PDF and pdftotext, pdftotext -layout and PyMuPDF, and the
# generator's expected JSON; and their LibreOffice HTML through trafilatura (Fixtures/headless).
# Needs python3, LibreOffice, poppler-utils, PyMuPDF and trafilatura (with lxml_html_clean).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nianbao=${NIANBAO:-.build/debug/nianbao}
python3 Scripts/synth/generate.py --seed 301 --count 6 --out "$work/reports"
"$nianbao" convert "$work"/reports/*.json --to docx --out "$work/writer" >/dev/null
rm -f "$work/writer/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer" "$work/docx"
python3 Scripts/synth/render.py "$work/docx" "$work/renderings" --only pdftotext,pdftotext-layout,pymupdf
out=Tests/NianbaoTests/Fixtures/counted-order
mkdir -p "$out"
for pair in pdftotext:syn301_0001_2021 pdftotext:syn301_0005_2021 pdftotext-layout:syn301_0005_2021 pymupdf:syn301_0005_2021; do
    cp "$work/renderings/${pair%%:*}/${pair##*:}.txt" "$out/${pair##*:}.${pair%%:*}.txt"
done
for stem in syn301_0001_2021 syn301_0005_2021; do cp "$work/reports/expected/$stem.json" "$out/$stem.expected.json"; done
ls -l "$out"

# Tests/NianbaoTests/Fixtures/headless: the same reports' LibreOffice HTML through trafilatura
# (tables as `| … |` rows, part headings dropped).
python3 Scripts/synth/render.py "$work/docx" "$work/renderings" --only trafilatura
headless=Tests/NianbaoTests/Fixtures/headless
mkdir -p "$headless"
for stem in syn301_0000_2019 syn301_0001_2021; do
    cp "$work/renderings/trafilatura/$stem.txt" "$headless/$stem.trafilatura.txt"
    cp "$work/reports/expected/$stem.json" "$headless/$stem.expected.json"
done
