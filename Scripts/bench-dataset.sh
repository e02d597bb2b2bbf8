#!/usr/bin/env bash
# Dataset benchmarks (issue 23), measured in one run on this machine:
#  1. `convert --to sqlite` against `convert --to json` on the same N text reports (copies of
#     Samples/, default 2500 = the five samples × 500) with all cores: reports/s each way and the
#     ratio (best of R rounds, default 3, each round one json run then one sqlite run, each into a
#     new folder / database), the least CPU time (user + sys) of each and the ratio of every round;
#  2. `review` over a database of M reports (default 10000): the N reports' database copied row by
#     row in SQL until it holds M, each copy under its own sha256 and agency name: seconds and reports/s.
# Files live in /dev/shm when it exists; set BENCH_DIR to measure elsewhere. NIANBAO_BIN=path uses
# that binary instead of building the release one.
#   Scripts/bench-dataset.sh [N] [M] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2500}"
M="${2:-10000}"
REPEAT="${3:-3}"
if [ -n "${NIANBAO_BIN:-}" ]; then
    BIN="$NIANBAO_BIN"
else
    swift build -c release --product nianbao >/dev/null
    BIN="$(swift build -c release --show-bin-path)/nianbao"
fi
BASE="${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}"
WORK="$(mktemp -d "$BASE/nianbao-dataset-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Copies differ by a trailing line, so that each is its own input (its own SHA-256).
make_copies() { # folder count
    mkdir -p "$1"
    local i=0
    while [ "$i" -lt "$2" ]; do
        for sample in Samples/*.txt; do
            [ "$i" -ge "$2" ] && break
            { cat "$sample"; printf '\n%s\n' "$1-$i"; } > "$1/$(basename "$sample" .txt)_$i.txt"
            i=$((i + 1))
        done
    done
}
make_copies "$WORK/in" "$N"

best() { # command... ; prints the best wall time in seconds of REPEAT runs
    local best_time=""
    for _ in $(seq "$REPEAT"); do
        local start end took
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        took=$(echo "$end - $start" | bc -l)
        if [ -z "$best_time" ] || (( $(echo "$took < $best_time" | bc -l) )); then best_time=$took; fi
    done
    echo "$best_time"
}
# The outputs of the run before are removed before the clock starts (removing 2,500 JSON files
# takes a while and is no part of converting).
json_run() { "$BIN" convert "$WORK/in" --to json --out "$WORK/json" --quiet; }
sqlite_run() { "$BIN" convert "$WORK/in" --to sqlite --out "$WORK/db.sqlite" --quiet; }
clean() { rm -rf "$WORK/json" "$WORK/db.sqlite"*; }
# The two run in turn, round after round, so that a slow minute of this shared machine slows both.
# Each run prints "wall cpu" (seconds; cpu = user + sys of the run, less sensitive to other load).
timed() {
    local TIMEFORMAT='%R %U %S' times
    times=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    set -- $times
    echo "$1 $(echo "$2 + $3" | bc -l)"
}
json_time="" sqlite_time="" json_cpu="" sqlite_cpu="" ratios=""
less() { if [ -z "$1" ] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }
for _ in $(seq "$REPEAT"); do
    clean
    read -r json_wall json_run_cpu < <(timed json_run)
    clean
    read -r sqlite_wall sqlite_run_cpu < <(timed sqlite_run)
    json_time=$(less "$json_time" "$json_wall"); json_cpu=$(less "$json_cpu" "$json_run_cpu")
    sqlite_time=$(less "$sqlite_time" "$sqlite_wall"); sqlite_cpu=$(less "$sqlite_cpu" "$sqlite_run_cpu")
    ratios="$ratios $(printf '%.0f' "$(echo "100 * $json_wall / $sqlite_wall" | bc -l)")"
done
printf 'convert %d text reports, %d cores, best of %d rounds:\n' "$N" "$(nproc)" "$REPEAT"
printf '  --to json   %.2f s  %.0f reports/s  (cpu %.2f s)\n' "$json_time" "$(echo "$N / $json_time" | bc -l)" "$json_cpu"
printf '  --to sqlite %.2f s  %.0f reports/s  (%.0f %% of json; cpu %.2f s, %.0f %% of json'"'"'s)\n' "$sqlite_time" \
    "$(echo "$N / $sqlite_time" | bc -l)" "$(echo "100 * $json_time / $sqlite_time" | bc -l)" "$sqlite_cpu" \
    "$(echo "100 * $json_cpu / $sqlite_cpu" | bc -l)"
printf '  sqlite reports/s as %% of json, round by round:%s\n' "$ratios"

if [ "$M" -gt 0 ]; then
    clean
    sqlite_run
    cp "$WORK/db.sqlite" "$WORK/big.sqlite"
    python3 - "$WORK/big.sqlite" "$M" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); target = int(sys.argv[2])
base = db.execute("select count(*) from reports").fetchone()[0]
copy = 1
while db.execute("select count(*) from reports").fetchone()[0] < target:
    room = target - db.execute("select count(*) from reports").fetchone()[0]
    keys = [r[0] for r in db.execute("select sha256 from reports where sha256 not like '%#%' limit ?", (room,))]
    db.executemany("insert into reports select sha256||'#'||?, file, format, converted_by, encoding, title, agency||'#'||?, year, published, template, errors, warnings from reports where sha256 = ?", [(copy, copy, k) for k in keys])
    for table, columns in [("report_tables", "table_name, first_position, cells"),
                           ("diagnostics", "position, severity, code, path, message, source"),
                           ("sections", "part, section_key, text")]:
        db.executemany(f"insert into {table} select report_sha256||'#'||?, {columns} from {table} where report_sha256 = ?", [(copy, k) for k in keys])
    copy += 1
db.commit()
PY
    count=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from reports').fetchone()[0])" "$WORK/big.sqlite")
    REPEAT=1
    review_time=$(best "$BIN" review "$WORK/big.sqlite" --out "$WORK/review")
    printf 'review %d reports from one database: %.2f s  %.0f reports/s\n' "$count" "$review_time" "$(echo "$count / $review_time" | bc -l)"
fi
