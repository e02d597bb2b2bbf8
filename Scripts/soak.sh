#!/usr/bin/env bash
# Placement soak: N random valid reports (Scripts/synth/generate.py), written by nianbao's own DOCX
# writer, given layout variations (Scripts/synth/layouts.py), rendered through LibreOffice, MuPDF
# and every text extractor (Scripts/synth/render.py), read back by nianbao in bulk, and scored per
# rendering: fields right, WRONG NUMBERS, nulls (Scripts/synth/score.py). Prints the markdown table
# and the most common wrong-number rows.
#
# usage: Scripts/soak.sh N [SEED]
#   env: NIANBAO (binary, default .build/debug/nianbao), JOBS (nianbao --jobs, default 1),
#        SOAK_DIR (work folder, default a new temp dir; kept for inspection), ONLY / SKIP
#        (comma-separated renderings for render.py), CHECK=1 (exit 1 on any wrong number).
# Everything runs under `nice -n 19`. Outputs stay out of git (a temp dir by default).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Scripts/soak.sh N [SEED]}
seed=${2:-1}
nianbao=${NIANBAO:-.build/debug/nianbao}
jobs=${JOBS:-1}
dir=${SOAK_DIR:-$(mktemp -d /tmp/nianbao-soak-XXXXXX)}
[[ -x $nianbao ]] || { echo "no nianbao binary at $nianbao (swift build first)" >&2; exit 1; }
mkdir -p "$dir"
start=$SECONDS
nice -n 19 python3 Scripts/synth/generate.py --seed "$seed" --count "$n" --out "$dir/reports"
nice -n 19 "$nianbao" convert "$dir"/reports/*.json --to docx --out "$dir/writer" --jobs "$jobs" >/dev/null
rm -f "$dir/writer/errors.csv"
nice -n 19 python3 Scripts/synth/layouts.py "$dir/writer" "$dir/docx" --manifest "$dir/variants.json"
nice -n 19 python3 Scripts/synth/render.py "$dir/docx" "$dir/renderings" --only "${ONLY:-}" --skip "${SKIP:-}"
rm -rf "$dir/out"
for r in "$dir"/renderings/*/; do
    name=$(basename "$r")
    nice -n 19 "$nianbao" convert "$r" --out "$dir/out/$name" --jobs "$jobs" >/dev/null 2>&1 || true
done
echo "soak: $n reports, seed $seed, $((SECONDS - start)) s, work folder $dir"
check=()
[[ ${CHECK:-} == 1 ]] && check=(--check)
python3 Scripts/synth/score.py "$dir/out" "$dir/reports/expected" --patterns 5 --variants "$dir/variants.json" "${check[@]}"
