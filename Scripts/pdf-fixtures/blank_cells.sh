#!/usr/bin/env bash
# Make the blank-cell PDF fixtures of the PDF placement tests from two random reports of
# Scripts/synth/generate.py (seed 1): distinct non-zero values, blank cells, rows and whole
# applicant columns blank.
#   blank_cells.lo.pdf      syn1_0013_2021 (科研机构 and 法律服务机构 blank in every row), the project's
#                           DOCX through LibreOffice
#   blank_cells.narrow.pdf  syn1_0001_2021 (商业企业 and 科研机构 blank in every row), value columns
#                           narrowed to 75 % so header cells wrap (商业企 / 业, 社会公益 / 组织)
# with their expected values as blank_cells.<variant>.expected.json, into OUT_DIR (default
# Tests/NianbaoTests/Fixtures/pdf).
#
# usage: Scripts/pdf-fixtures/blank_cells.sh [OUT_DIR]
# needs: a built .build/debug/nianbao (or NIANBAO=…), python3, soffice
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-Tests/NianbaoTests/Fixtures/pdf}
nianbao=${NIANBAO:-.build/debug/nianbao}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/synth/generate.py --seed 1 --count 14 --out "$work/gen" >/dev/null
"$nianbao" convert "$work/gen/syn1_0013_2021.json" "$work/gen/syn1_0001_2021.json" --to docx --out "$work/docx" >/dev/null
mkdir -p "$work/in" "$work/pdf"
cp "$work/docx/syn1_0013_2021.docx" "$work/in/blank_cells.lo.docx"
python3 Scripts/pdf-fixtures/narrow_columns.py "$work/docx/syn1_0001_2021.docx" "$work/in/blank_cells.narrow.docx" 0.75
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work/pdf" "$work"/in/*.docx >/dev/null 2>&1
cp "$work/pdf/blank_cells.lo.pdf" "$work/pdf/blank_cells.narrow.pdf" "$out/"
cp "$work/gen/expected/syn1_0013_2021.json" "$out/blank_cells.lo.expected.json"
cp "$work/gen/expected/syn1_0001_2021.json" "$out/blank_cells.narrow.expected.json"
ls -l "$out"/blank_cells.*
