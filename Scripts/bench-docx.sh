#!/usr/bin/env bash
# Benchmark the DOCX reader on a generated document.xml of SIZE_MB (default 20) megabytes: prints
# blocks, seconds, MB/s, and the peak RSS of the test process (/usr/bin/time -v).
# usage: Scripts/bench-docx.sh [SIZE_MB] [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20}
config=${2:-debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/docx-fixtures/make_bench_docx.py "$work/bench.docx" "$size"
xml_bytes=$(unzip -l "$work/bench.docx" word/document.xml | awk 'NR==4 {print $1}')
swift build --build-tests -c "$config" -Xswiftc -enable-testing >/dev/null
NIANBAO_DOCX_BENCH="$work/bench.docx" NIANBAO_DOCX_BENCH_XML_BYTES="$xml_bytes" \
    /usr/bin/time -v swift test -c "$config" -Xswiftc -enable-testing --skip-build --filter DOCXBenchmarkTests 2>&1 \
    | grep -E "DOCX bench|Maximum resident|Elapsed \(wall"
