#!/usr/bin/env bash
# The release build on every PDF, DOCX, HTML and text fixture under Tests/ in one bulk run: fails
# when nianbao dies by a signal (a crash the debug build of `swift test` does not show: the
# optimizer has made code that tests green in debug crash in release) or when an input is neither
# converted nor listed in errors.csv. Run by .ci/run after Scripts/setup.sh.
#   Scripts/release-smoke.sh [BIN]   (default: the release build's nianbao)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build -c release --show-bin-path)/nianbao}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/in"
# One flat folder, each file named after its path (so that names never collide).
find Tests \( -name '*.pdf' -o -name '*.docx' -o -name '*.html' -o -name '*.htm' -o -name '*.txt' \) -type f | sort |
while read -r f; do cp "$f" "$WORK/in/$(echo "$f" | tr '/' '_')"; done
inputs=$(find "$WORK/in" -type f | wc -l)
status=0
"$BIN" convert "$WORK/in" --to json --out "$WORK/out" --jobs 2 --quiet >"$WORK/log" 2>&1 || status=$?
if (( status >= 128 )); then
    tail -40 "$WORK/log"
    echo "release-smoke: nianbao died by signal $((status - 128)) on the fixtures" >&2
    exit 1
fi
converted=$(find "$WORK/out" -name '*.json' | wc -l)
failed=0
[[ -f "$WORK/out/errors.csv" ]] && failed=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))))' "$WORK/out/errors.csv") - 1 ))
echo "release-smoke: $inputs inputs, $converted converted, $failed listed in errors.csv (exit $status)"
if (( converted + failed < inputs )); then
    echo "release-smoke: $((inputs - converted - failed)) inputs neither converted nor listed" >&2
    exit 1
fi
