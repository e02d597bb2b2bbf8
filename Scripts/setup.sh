#!/usr/bin/env bash
# Sets up a fresh Debian machine for nianbao and runs the main job: every report in Samples/
# converted to JSON under out/json (and CSV under out/csv), then scored against ../shared if present.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! pkg-config --exists libzip libxml-2.0 sqlite3 2>/dev/null || ! command -v pdftotext >/dev/null; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    # poppler-utils: pdftotext, which the PDF reader runs (nianbao builds and works without it).
    $SUDO apt-get install -y libzip-dev libxml2-dev libsqlite3-dev pkg-config poppler-utils
fi

swift build -c release
BIN="$(swift build -c release --show-bin-path)/nianbao"
rm -rf out/json
"$BIN" convert Samples --to json --out out/json || status=$?
echo "JSON written to out/json"
if [ -f ../shared/tools/score.py ] && [ -d ../shared/samples/expected ]; then
    python3 ../shared/tools/score.py out/json ../shared/samples/expected --min 0 | tail -1
fi
exit "${status:-0}"
