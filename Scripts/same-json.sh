#!/usr/bin/env bash
# Byte-identical outputs check for speed work: converts every PDF, DOCX, HTML and text fixture under
# Tests/ and the soak renderings (when present) to JSON with the given binary into OUT, so that two
# runs (before and after a change) can be compared with `diff -r`.
#   Scripts/same-json.sh BIN OUT      then   diff -r OUT_BEFORE OUT_AFTER
# Extra input folders: SAME_JSON_DIRS="dir1 dir2" (defaults: the soak renderings under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$1"; OUT="$2"
DIRS="${SAME_JSON_DIRS:-/tmp/soak401/renderings/lo-pdf /tmp/soak-final/renderings/lo-pdf /tmp/soak-final/renderings/mupdf-pdf /tmp/soak-final/renderings/docx}"
rm -rf "$OUT"; mkdir -p "$OUT"
IN=/tmp/same-json-in; rm -rf "$IN"; mkdir -p "$IN"; trap 'rm -rf "$IN"' EXIT
# Fixtures: one flat folder, each file named after its path (so that names never collide).
mkdir -p "$IN/tests"
find Tests \( -name '*.pdf' -o -name '*.docx' -o -name '*.html' -o -name '*.htm' -o -name '*.txt' \) -type f | sort |
while read -r f; do cp "$f" "$IN/tests/$(echo "$f" | tr '/' '_')"; done
"$BIN" convert "$IN/tests" --to json --out "$OUT/tests" --jobs 2 --quiet >"$OUT/tests.log" 2>&1 || true
for d in $DIRS; do
    [[ -d "$d" ]] || continue
    name="$(echo "${d#/tmp/}" | tr '/' '_')"
    "$BIN" convert "$d" --to json --out "$OUT/$name" --jobs 2 --quiet >"$OUT/$name.log" 2>&1 || true
done
find "$OUT" -name '*.json' | wc -l | xargs echo "JSON files:"
