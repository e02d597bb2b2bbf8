#!/usr/bin/env bash
# Benchmark: converts N reports (copies of Samples/, default 2000) to JSON with 1 job and with all
# cores, and prints files/s and peak resident memory for each run.
#   Scripts/bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
swift build -c release >/dev/null
BIN="$(swift build -c release --show-bin-path)/nianbao"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/in"
samples=(Samples/*.txt)
for ((i = 0; i < N; i++)); do
    s="${samples[$((i % ${#samples[@]}))]}"
    d="$WORK/in/$((i / 500))"
    mkdir -p "$d"
    cp "$s" "$d/r$i.txt"
done
bytes=$(du -sb "$WORK/in" | cut -f1)

run() {
    local jobs="$1"
    rm -rf "$WORK/out"
    python3 - "$BIN" "$WORK/in" "$WORK/out" "$jobs" "$N" "$bytes" <<'PY'
import resource, subprocess, sys, time
binary, src, out, jobs, n, size = sys.argv[1:7]
start = time.monotonic()
subprocess.run([binary, "convert", src, "--to", "json", "--out", out, "--jobs", jobs, "--quiet"], check=True)
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"jobs={jobs:>2}  {int(n)} reports in {elapsed:.2f} s  {int(n)/elapsed:,.0f} reports/s  "
      f"{int(size)/elapsed/1e6:.1f} MB/s of text  peak RSS {peak:.0f} MB")
PY
}

echo "nianbao bench: $N text reports ($((bytes / 1024)) KiB), $(nproc) cores, $(uname -m)"
run 1
run "$(nproc)"
