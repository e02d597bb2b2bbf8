#!/usr/bin/env bash
# Where a conversion's CPU time goes, per pipeline stage and per format: `perf record` (call chains
# by frame pointer, which Swift release builds keep) on one `nianbao convert --jobs 1` run each of
# text, DOCX and PDF copies of the samples in RAM, then every sample is given to the stage of the
# innermost frame of its chain that names one (a string compare inside the recognizer is the
# recognizer's). `pdftotext` runs as a child of the PDF reader and is counted on its own. Samples
# count CPU time, not wall time, so the shares hold on a loaded machine better than timings do.
# Samples whose chain names no stage: process start-up, the batch's threads handing work over,
# and malloc/free, whose callers glibc's frames do not show.
#   Scripts/profile-stages.sh [TEXT_COPIES] [DOCX_COPIES] [PDF_COPIES] [TOP]   (defaults 1000 300 50 0)
# TOP > 0 also lists the TOP leaf functions of each run. Needs perf (apt-get install -y linux-perf).
set -euo pipefail
cd "$(dirname "$0")/.."
T="${1:-1000}"; D="${2:-300}"; P="${3:-50}"; TOP="${4:-0}"
command -v perf >/dev/null || { echo "perf not installed (apt-get install -y linux-perf)"; exit 2; }
swift build -c release >/dev/null
BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)/nianbao}"
if [[ -d /dev/shm && -w /dev/shm ]]; then WORK="$(mktemp -d /dev/shm/nianbao-profile.XXXXXX)"; else WORK="$(mktemp -d)"; fi
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/text" "$WORK/docx" "$WORK/pdf"
copy() {  # copy FOLDER COUNT EXT FILES...
    local folder=$1 count=$2 ext=$3; shift 3
    local files=("$@")
    for ((i = 0; i < count; i++)); do cp "${files[$((i % ${#files[@]}))]}" "$WORK/$folder/f$i.$ext"; done
}
copy text "$T" txt Samples/*.txt
copy docx "$D" docx Tests/NianbaoTests/Fixtures/docx/*.docx
copy pdf "$P" pdf Tests/NianbaoTests/Fixtures/pdf/*.pdf
cat > "$WORK/stages.py" <<'PY'
import collections, re, sys
fmt, files, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
RULES = [  # stage, pattern of a frame (symbol or library); the innermost frame that matches wins
    ("options read from the environment per file", r"ProcessInfo\.environment"),
    ("cell stream", r"CellStream|StreamCell|LineCells"),
    ("recognizer", r"NianbaoRecognizer\."),
    ("validator", r"NianbaoValidator\."),
    ("JSON writer", r"NianbaoWriters\."),
    ("SHA-256", r"Crypto\.|SHA256"),
    ("file I/O (read input, write output)", r"AtomicFile|readQuickly|readInput|readData|systemRead|InputCollector"),
    ("read/decode (reader, libxml2, zip)", r"NianbaoText\.|NianbaoOOXML\.|NianbaoPDF\.|NianbaoHTML\.|DocumentReaders|libxml2|libz\.|inflate"),
]
rules = [(stage, re.compile(pattern)) for stage, pattern in RULES]
counts, leaves = collections.Counter(), collections.Counter()
def add(comm, frames):
    if comm is None:
        return
    if comm.startswith("pdftotext"):
        stage = "pdftotext -bbox-layout (child process)"
    else:
        stage = next((s for f in frames for s, r in rules if r.search(f)), "start-up, threads, malloc/free, other")
    counts[stage] += 1
    if frames:
        leaves[(stage, re.sub(r"\+0x[0-9a-f]+ \(.*$", "", frames[0])[:140])] += 1
comm, frames = None, []
for line in sys.stdin:
    if not line.strip():
        add(comm, frames); comm, frames = None, []
    elif not line.startswith((" ", "\t")):
        comm = line.split()[0]
    else:
        frames.append(line.strip().split(None, 1)[-1])
add(comm, frames)
total = sum(counts.values())
seconds = total / 1999
print(f"\n{fmt}: {files} files, {seconds:.2f} s of CPU sampled, {1000 * seconds / files:.2f} ms per file, {files / seconds:,.0f} files per CPU-second")
for stage, n in counts.most_common():
    print(f"  {stage:<44} {100 * n / total:5.1f} %  {1000 * n / 1999 / files:6.2f} ms/file")
for (stage, leaf), n in leaves.most_common(top):
    print(f"    {100 * n / total:5.1f} % [{stage}] {leaf}")
PY
echo "nianbao profile per stage, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), --jobs 1"
for format in text docx pdf; do
    # A count of 0 skips the format.
    [[ "$(ls "$WORK/$format" 2>/dev/null | wc -l)" -gt 0 ]] || continue
    rm -rf "$WORK/out"
    perf record -q -F 1999 -g -o "$WORK/$format.data" -- "$BIN" convert "$WORK/$format" --to json --out "$WORK/out" --jobs 1 --quiet >/dev/null 2>&1 || true
    perf script -i "$WORK/$format.data" 2>/dev/null | swift demangle | python3 "$WORK/stages.py" "$format" "$(ls "$WORK/$format" | wc -l)" "$TOP"
done
