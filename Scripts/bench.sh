#!/usr/bin/env bash
# Benchmarks, measured in one run on this machine:
#  1. text → JSON: N reports (copies of Samples/, default 2000) with 1 job and with all cores:
#     reports/s, MB/s of text and peak resident memory;
#  2. DOCX → JSON against pandoc: the DOCX renderings of the samples (Tests/NianbaoTests/Fixtures/docx),
#     copied to D files (default 200), through `pandoc -f docx -t json` (one process per file, as
#     people use it, and the same with one pandoc per core at once) and through
#     `nianbao convert --to json` (one process per file, and bulk runs on 10 × D copies): files/s and
#     the ratios to both pandoc rates. Skipped with a message when pandoc is not installed;
#  3. memory: a bulk run of M text reports (default 10000) with all cores, peak resident memory;
#     and the two line-heavy inputs of issue 13 (a 16 MiB text of one-character lines, a 764 KB
#     DOCX whose document.xml holds 250 MiB of one-character paragraphs), two copies of each
#     with 2 jobs: refused by the per-input budget, peak resident memory (target: under 200 MB).
#  4. legacy .doc → JSON (only when L > 0, or alone with BENCH_ONLY=legacy): L copies of the samples'
#     Word 97–2003 renderings (Tests/NianbaoTests/Fixtures/legacy/*.lo.doc) through one bulk
#     `nianbao convert` (LibreOffice converts many files per process, one process per core), against
#     calling `soffice --convert-to docx` once per file (timed on the first 20 copies) and then
#     nianbao on the DOCX files. One run each: LibreOffice takes seconds per process.
#  5. PDF → JSON against pdftotext + the text reader: the PDF renderings of the samples
#     (Tests/NianbaoTests/Fixtures/pdf, 22 files) copied to P files (default 100; 0 skips), through
#     `nianbao convert` on the PDFs and through `pdftotext -layout` then `nianbao convert` on its
#     text, the same files, one run each with all cores; files/s, and the fields each way gets
#     right on the 22 renderings (score.py against ../shared/samples/expected). Skipped with a
#     message when pdftotext is not installed.
#  6. HTML → JSON: H pages (copies of Tests/NianbaoTests/Fixtures/html, default 1000) with 1 job
#     and with all cores (0 skips).
# Files are read and written in RAM (/dev/shm) when it exists, so that the numbers measure nianbao
# rather than the disk; set BENCH_DIR to measure elsewhere. The text run with all cores is also
# repeated with its output on the disk under $TMPDIR (or /tmp), for comparison.
# Every row is the best of R runs (default 5): this machine is a VM whose speed drifts by a third
# from one minute to the next, and the fastest run is the one least disturbed by its neighbours.
#   Scripts/bench.sh [N] [D] [M] [R] [L] [P] [H]   (BENCH_ONLY=legacy Scripts/bench.sh 0 0 0 1 200)
#   Scripts/bench.sh --formats | --check           (per format, a few minutes; see below)
set -euo pipefail
cd "$(dirname "$0")/.."
# Per-format mode: `Scripts/bench.sh --formats` prints reports/s per format (text, DOCX, PDF) with
# one job and with two, pandoc on the same DOCX files and pdftotext -bbox-layout alone on the same
# PDFs, all in one run of about a minute (best of BENCH_ROUNDS rounds, default 3; the rows of a
# round run in turn, so that a slow minute slows every row alike). `Scripts/bench.sh --check` does
# the same and exits 1 when a nianbao row is more than 20 % below the README's table: the rows after
# the line `<!-- bench-formats -->` up to the next blank line (exit 2 when there is no such table).
# For local use, not CI: these machines are noisy, and a slow minute can fail it.
# BENCH_BIN=path times that binary instead of the release build.
if [[ ${1:-} == --formats || ${1:-} == --check ]]; then
    MODE="$1"
    ROUNDS="${BENCH_ROUNDS:-3}"
    if [[ -n "${BENCH_BIN:-}" ]]; then  # another build of nianbao, e.g. to compare with an earlier commit's
        BIN="$BENCH_BIN"
    else
        swift build -c release >/dev/null
        BIN="$(swift build -c release --show-bin-path)/nianbao"
    fi
    if [[ -d /dev/shm && -w /dev/shm ]]; then WORK="$(mktemp -d /dev/shm/nianbao-bench.XXXXXX)"; else WORK="$(mktemp -d)"; fi
    trap 'rm -rf "$WORK"' EXIT
    mkdir -p "$WORK/text" "$WORK/docx" "$WORK/docx-each" "$WORK/pdf"
    samples=(Samples/*.txt)
    for ((i = 0; i < 1000; i++)); do cp "${samples[$((i % ${#samples[@]}))]}" "$WORK/text/r$i.txt"; done
    docs=(Tests/NianbaoTests/Fixtures/docx/*.docx)
    for ((i = 0; i < 20; i++)); do cp "${docs[$((i % ${#docs[@]}))]}" "$WORK/docx-each/d$i.docx"; done
    for ((i = 0; i < 400; i++)); do ln "$WORK/docx-each/d$((i % 20)).docx" "$WORK/docx/d$i.docx"; done
    pdfs=(Tests/NianbaoTests/Fixtures/pdf/*.pdf)
    for ((i = 0; i < 2 * ${#pdfs[@]}; i++)); do cp "${pdfs[$((i % ${#pdfs[@]}))]}" "$WORK/pdf/p$i.pdf"; done
    export BIN WORK
    python3 - "$MODE" "$ROUNDS" README.md <<'PY'
import os, re, shutil, subprocess, sys, time
mode, rounds, readme = sys.argv[1], int(sys.argv[2]), sys.argv[3]
BIN, WORK = os.environ["BIN"], os.environ["WORK"]
def count(folder): return len(os.listdir(f"{WORK}/{folder}"))
def convert(folder, jobs):
    return [BIN, "convert", f"{WORK}/{folder}", "--to", "json", "--out", f"{WORK}/out", "--jobs", str(jobs), "--quiet"]
def each(command, folder):
    return ["sh", "-c", f'for f in "$1"/*; do {command} "$f" >/dev/null; done', "sh", f"{WORK}/{folder}"]
rows = [  # label, files, command; every nianbao row writes JSON files to $WORK/out
    ("text, 1 job", count("text"), convert("text", 1)),
    ("text, 2 jobs", count("text"), convert("text", 2)),
    ("docx, 1 job", count("docx"), convert("docx", 1)),
    ("docx, 2 jobs", count("docx"), convert("docx", 2)),
    ("docx, pandoc per file", count("docx-each"), each("pandoc -f docx -t json -o /dev/null", "docx-each")),
    ("pdf, 1 job", count("pdf"), convert("pdf", 1)),
    ("pdf, 2 jobs", count("pdf"), convert("pdf", 2)),
    # the extractor the PDF reader runs, as it runs it (XHTML to stdout), one process per file
    ("pdf, pdftotext -bbox-layout alone", count("pdf"),
     ["sh", "-c", 'for f in "$1"/*; do pdftotext -bbox-layout -enc UTF-8 -q "$f" - >/dev/null; done', "sh", f"{WORK}/pdf"]),
]
if not shutil.which("pandoc"):
    rows = [r for r in rows if "pandoc" not in r[0]]
    print("pandoc not installed: its row is skipped")
best = {}
for _ in range(rounds):
    for label, files, command in rows:
        shutil.rmtree(f"{WORK}/out", ignore_errors=True)
        start = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        rate = files / (time.monotonic() - start)
        best[label] = max(rate, best.get(label, 0))
print(f"nianbao --formats on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, best of {rounds} rounds")
for label, files, _ in rows:
    print(f"{label:<36} {files:>5} files  {best[label]:9,.1f} reports/s")
if "docx, pandoc per file" in best:
    for jobs in ("1 job", "2 jobs"):
        print(f"ratio docx, {jobs:<24} {best['docx, ' + jobs] / best['docx, pandoc per file']:9.1f} × pandoc")
extractor = 1000 / best["pdf, pdftotext -bbox-layout alone"]
print(f"pdf, ms/file: {1000 / best['pdf, 1 job']:.1f} in all, pdftotext {extractor:.1f}, nianbao's own part {1000 / best['pdf, 1 job'] - extractor:.1f}")
if mode != "--check":
    sys.exit(0)
expected, inside = {}, False
for line in open(readme, encoding="utf-8"):
    if line.strip() == "<!-- bench-formats -->":
        inside = True
    elif inside and not line.strip():
        break
    elif inside and line.startswith("|"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        number = re.match(r"[\d,.]+", cells[1]) if len(cells) > 1 else None
        if cells[0] in best and number and "pandoc" not in cells[0] and "alone" not in cells[0]:  # nianbao's rows
            expected[cells[0]] = float(number.group().replace(",", ""))
if not expected:
    print("no <!-- bench-formats --> table in README.md: nothing to check"); sys.exit(2)
failed = 0
for label, figure in expected.items():
    ok = best[label] >= 0.8 * figure
    failed += not ok
    print(f"{'ok  ' if ok else 'SLOW'} {label:<36} {best[label]:9,.1f} against README {figure:,.1f} (floor {0.8 * figure:,.1f})")
sys.exit(1 if failed else 0)
PY
    exit $?
fi
N="${1:-2000}"
D="${2:-200}"
M="${3:-10000}"
REPEAT="${4:-5}"
L="${5:-0}"
P="${6:-100}"
H="${7:-1000}"
swift build -c release >/dev/null
BIN="$(swift build -c release --show-bin-path)/nianbao"
if [[ -n "${BENCH_DIR:-}" ]]; then
    WORK="$(mktemp -d "$BENCH_DIR/nianbao-bench.XXXXXX")"
elif [[ -d /dev/shm && -w /dev/shm ]]; then
    WORK="$(mktemp -d /dev/shm/nianbao-bench.XXXXXX)"
else
    WORK="$(mktemp -d)"
fi
DISK="$(mktemp -d "${TMPDIR:-/tmp}/nianbao-bench-disk.XXXXXX")"
trap 'rm -rf "$WORK" "$DISK"' EXIT

measure() {  # measure LABEL COUNT BYTES CLEAN COMMAND... : best wall time of $RUNS runs, rate, peak RSS
    # of the children. CLEAN is a folder removed before every run (the run's output), or - for none.
    # Also writes "RATE label<TAB>count<TAB>bytes<TAB>seconds<TAB>peak MB" to stderr; ROW=0 prints no row.
    python3 - "${RUNS:-$REPEAT}" "$@" <<'PY'
import os, resource, shutil, subprocess, sys, time
repeat, label, count, size, clean, command = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6:]
best = None
for _ in range(repeat):
    if clean != "-":
        shutil.rmtree(clean, ignore_errors=True)
    start = time.monotonic()
    subprocess.run(command, check=os.environ.get("CHECK", "1") != "0", stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - start
    best = elapsed if best is None else min(best, elapsed)
if clean != "-":
    shutil.rmtree(clean, ignore_errors=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if os.environ.get("ROW", "1") != "0":
    print(f"{label:<40} {count:>6} files in {best:7.2f} s  {count/best:9,.1f} files/s  "
          f"{size/best/1e6:7.2f} MB/s  peak RSS {peak:.0f} MB", flush=True)
print(f"RATE {label}\t{count}\t{size}\t{best}\t{peak}", file=sys.stderr)
PY
}

echo "nianbao bench on $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "files in $WORK ($(df --output=fstype "$WORK" | tail -1)); disk comparison in $DISK ($(df --output=fstype "$DISK" | tail -1))"

# 4. Legacy .doc files through LibreOffice.
legacy() {
    if ! command -v soffice >/dev/null; then
        echo "soffice not installed (apt-get install -y --no-install-recommends libreoffice-writer): legacy row skipped"
        return
    fi
    mkdir -p "$WORK/doc" "$WORK/doc-each"
    local docs=(Tests/NianbaoTests/Fixtures/legacy/*.lo.doc) each=$((L < 20 ? L : 20))
    for ((i = 0; i < L; i++)); do cp "${docs[$((i % ${#docs[@]}))]}" "$WORK/doc/d$i.doc"; done
    local lbytes
    lbytes=$(du -sb "$WORK/doc" | cut -f1)
    cat > "$WORK/soffice-each.sh" <<EOS
#!/usr/bin/env bash
set -e
for ((i = 0; i < $each; i++)); do
    soffice -env:UserInstallation=file://$WORK/profile --headless --convert-to docx --outdir "$WORK/doc-each" "$WORK/doc/d\$i.doc" >/dev/null 2>&1
done
"$BIN" convert "$WORK/doc-each" --to json --out "$WORK/doc-each-out" --quiet
EOS
    chmod +x "$WORK/soffice-each.sh"
    RUNS=1 measure "doc → json, soffice per file + nianbao" "$each" "$((lbytes * each / L))" "$WORK/doc-each-out" "$WORK/soffice-each.sh" 2> "$WORK/legacy-rates"
    RUNS=1 measure "doc → json, nianbao bulk, $(nproc) jobs" "$L" "$lbytes" "$WORK/doc-out" "$BIN" convert "$WORK/doc" --to json --out "$WORK/doc-out" --jobs "$(nproc)" --quiet 2>> "$WORK/legacy-rates"
    python3 - "$WORK/legacy-rates" <<'PY'
import sys
rates = [line[5:].split("\t") for line in open(sys.argv[1]) if line.startswith("RATE ")]
each, bulk = (int(r[1]) / float(r[3]) for r in rates)
print(f"ratio doc bulk {bulk / each:8.1f} × soffice per file")
PY
    rm -rf "$WORK/doc" "$WORK/doc-each" "$WORK/doc-out"
}
if [[ ${BENCH_ONLY:-} == legacy ]]; then
    echo "nianbao bench on $(nproc) cores: legacy .doc only"
    legacy
    exit 0
fi

# 1. Text.
mkdir -p "$WORK/text"
samples=(Samples/*.txt)
for ((i = 0; i < N; i++)); do
    d="$WORK/text/$((i / 500))"
    mkdir -p "$d"
    cp "${samples[$((i % ${#samples[@]}))]}" "$d/r$i.txt"
done
bytes=$(du -sb "$WORK/text" | cut -f1)
measure "text → json, 1 job" "$N" "$bytes" "$WORK/out1" "$BIN" convert "$WORK/text" --to json --out "$WORK/out1" --jobs 1 --quiet 2>/dev/null
measure "text → json, $(nproc) jobs" "$N" "$bytes" "$WORK/out2" "$BIN" convert "$WORK/text" --to json --out "$WORK/out2" --jobs "$(nproc)" --quiet 2>/dev/null
measure "text → json, $(nproc) jobs, out on disk" "$N" "$bytes" "$DISK/out" "$BIN" convert "$WORK/text" --to json --out "$DISK/out" --jobs "$(nproc)" --quiet 2>/dev/null

# 3. Memory in a bulk run of M reports (M=0 skips it).
if [[ $M -gt 0 ]]; then
    mkdir -p "$WORK/many"
    for ((i = 0; i < M; i++)); do
        d="$WORK/many/$((i / 500))"
        [[ -d "$d" ]] || mkdir -p "$d"
        cp "${samples[$((i % ${#samples[@]}))]}" "$d/r$i.txt"
    done
    mbytes=$(du -sb "$WORK/many" | cut -f1)
    measure "text → json, $M reports, $(nproc) jobs" "$M" "$mbytes" "$WORK/outm" "$BIN" convert "$WORK/many" --to json --out "$WORK/outm" --jobs "$(nproc)" --quiet 2>/dev/null
    rm -rf "$WORK/many"
fi

# Line-heavy inputs (refused by the per-input budget; the row is about memory, exit status 1 expected).
mkdir -p "$WORK/heavy-text" "$WORK/heavy-docx"
python3 - "$WORK" <<'PY'
import sys, zipfile
work = sys.argv[1]
n = 16 * 1024 * 1024 - 1
text = (b"a\n" * (n // 2 + 1))[:n]
for i in range(2):
    open(f"{work}/heavy-text/lines{i}.txt", "wb").write(text)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
para = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
count = (250 * 1024 * 1024 - len(head)) // len(para)
chunk = (para * 10000).encode()
for i in range(2):
    with zipfile.ZipFile(f"{work}/heavy-docx/paras{i}.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head.encode())
            for _ in range(count // 10000):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
PY
CHECK=0 measure "text, 16 MiB of 1-byte lines ×2, 2 jobs" 2 "$(du -sb "$WORK/heavy-text" | cut -f1)" "$WORK/outh" \
    "$BIN" convert "$WORK/heavy-text" --to json --out "$WORK/outh" --jobs 2 --quiet 2>/dev/null
CHECK=0 measure "docx, 250 MiB of 1-char paras ×2, 2 jobs" 2 "$(du -sb "$WORK/heavy-docx" | cut -f1)" "$WORK/outh" \
    "$BIN" convert "$WORK/heavy-docx" --to json --out "$WORK/outh" --jobs 2 --quiet 2>/dev/null
rm -rf "$WORK/heavy-text" "$WORK/heavy-docx"
[[ $L -gt 0 ]] && legacy
# 5. PDF: nianbao's PDF reader against pdftotext + nianbao's text reader, the same files, one run.
if [[ $P -gt 0 ]] && command -v pdftotext >/dev/null; then
    mkdir -p "$WORK/pdf" "$WORK/pdf-text"
    pdfs=(Tests/NianbaoTests/Fixtures/pdf/*.pdf)
    for ((i = 0; i < P; i++)); do cp "${pdfs[$((i % ${#pdfs[@]}))]}" "$WORK/pdf/p$i.pdf"; done
    pbytes=$(du -sb "$WORK/pdf" | cut -f1)
    cat > "$WORK/pdf-via-text.sh" <<EOS
#!/usr/bin/env bash
# pdftotext -layout on every PDF (one per core at once), then nianbao on the texts.
set -e
rm -rf "$WORK/pdf-text" && mkdir -p "$WORK/pdf-text"
ls "$WORK"/pdf/*.pdf | xargs -P "$(nproc)" -I{} sh -c 'pdftotext -layout "\$1" "$WORK/pdf-text/\$(basename "\$1" .pdf).txt"' sh {}
"$BIN" convert "$WORK/pdf-text" --to json --out "$WORK/pout-text" --jobs "$(nproc)" --quiet
EOS
    chmod +x "$WORK/pdf-via-text.sh"
    RUNS=1 measure "pdf → json, nianbao, $(nproc) jobs" "$P" "$pbytes" "$WORK/pout" "$BIN" convert "$WORK/pdf" --to json --out "$WORK/pout" --jobs "$(nproc)" --quiet 2>/dev/null
    RUNS=1 measure "pdf → json, pdftotext + nianbao text" "$P" "$pbytes" "$WORK/pout-text" "$WORK/pdf-via-text.sh" 2>/dev/null
    # Fields right, each way, on the 16 renderings: one folder per rendering kind, <stem>.json in each.
    if [[ -d ../shared/samples/expected ]]; then
        for way in pdf text; do
            right=0; total=0
            for kind in lo web narrow landscape split center pandoc mupdf; do
                out="$WORK/score-$way-$kind"; mkdir -p "$out"
                for f in Tests/NianbaoTests/Fixtures/pdf/*."$kind".pdf; do
                    stem=$(basename "$f" ."$kind".pdf)
                    if [[ $way == pdf ]]; then
                        "$BIN" convert "$f" > "$out/$stem.json" 2>/dev/null || true
                    else
                        pdftotext -layout "$f" "$out/$stem.txt" && "$BIN" convert "$out/$stem.txt" > "$out/$stem.json" 2>/dev/null || true
                    fi
                done
                line=$(python3 ../shared/tools/score.py "$out" ../shared/samples/expected --min 0 | grep -v 'missing output' | grep -E '^[0-9a-f_]+: [0-9]+/[0-9]+$' | awk -F'[ /]' '{r += $2; t += $3} END {print r, t}')
                right=$((right + ${line% *})); total=$((total + ${line#* }))
            done
            echo "fields right, $way: $right/$total"
        done
    fi
elif [[ $P -gt 0 ]]; then
    echo "pdftotext not installed (apt-get install -y poppler-utils): PDF comparison skipped"
fi
# 6. HTML pages: the samples as sites publish them and as pandoc, mammoth and LibreOffice write them.
if [[ $H -gt 0 ]]; then
mkdir -p "$WORK/html"
pages=(Tests/NianbaoTests/Fixtures/html/*.html)
for ((i = 0; i < H; i++)); do
    d="$WORK/html/$((i / 500))"
    [[ -d "$d" ]] || mkdir -p "$d"
    cp "${pages[$((i % ${#pages[@]}))]}" "$d/p$i.html"
done
hbytes=$(du -sb "$WORK/html" | cut -f1)
measure "html → json, 1 job" "$H" "$hbytes" "$WORK/hout1" "$BIN" convert "$WORK/html" --to json --out "$WORK/hout1" --jobs 1 --quiet 2>/dev/null
measure "html → json, $(nproc) jobs" "$H" "$hbytes" "$WORK/hout2" "$BIN" convert "$WORK/html" --to json --out "$WORK/hout2" --jobs "$(nproc)" --quiet 2>/dev/null
rm -rf "$WORK/html"
fi

# 2. DOCX against pandoc (D=0 skips it).
if [[ $D -le 0 ]]; then
    exit 0
fi
if ! command -v pandoc >/dev/null; then
    echo "pandoc not installed (apt-get install -y pandoc): DOCX comparison skipped"
    exit 0
fi
mkdir -p "$WORK/docx" "$WORK/docx-bulk"
docs=(Tests/NianbaoTests/Fixtures/docx/*.docx)
for ((i = 0; i < D; i++)); do cp "${docs[$((i % ${#docs[@]}))]}" "$WORK/docx/d$i.docx"; done
dbytes=$(du -sb "$WORK/docx" | cut -f1)
# A bulk run of D files lasts a fraction of a second on this machine, too short to time reliably:
# the bulk rows convert ten times as many copies (hard links), and their rate is files/s all the same.
B=$((D * 10))
for ((i = 0; i < B; i++)); do ln "$WORK/docx/d$((i % D)).docx" "$WORK/docx-bulk/d$i.docx"; done
bbytes=$((dbytes * 10))
cat > "$WORK/each.sh" <<EOS
#!/usr/bin/env bash
set -e
for f in "$WORK"/docx/*.docx; do "\$@" "\$f"; done
EOS
chmod +x "$WORK/each.sh"
# The rows run in turn, R rounds of them, so that a slow minute slows every row alike; each row
# keeps its best round.
for ((round = 0; round < REPEAT; round++)); do
    export RUNS=1 ROW=0
    measure "docx → json, pandoc per file" "$D" "$dbytes" - "$WORK/each.sh" pandoc -f docx -t json -o /dev/null
    measure "docx → json, nianbao per file" "$D" "$dbytes" - "$WORK/each.sh" "$BIN" convert
    measure "docx → json, pandoc per file, $(nproc) at once" "$D" "$dbytes" - \
        sh -c 'ls "$1"/*.docx | xargs -P "$2" -I{} pandoc -f docx -t json -o /dev/null {}' sh "$WORK/docx" "$(nproc)"
    measure "docx → json, nianbao bulk, 1 job" "$B" "$bbytes" "$WORK/dout1" "$BIN" convert "$WORK/docx-bulk" --to json --out "$WORK/dout1" --jobs 1 --quiet
    measure "docx → json, nianbao bulk, $(nproc) jobs" "$B" "$bbytes" "$WORK/dout2" "$BIN" convert "$WORK/docx-bulk" --to json --out "$WORK/dout2" --jobs "$(nproc)" --quiet
done 2> "$WORK/rates"
python3 - "$WORK/rates" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    if line.startswith("RATE "):
        label, count, size, seconds, peak = line[5:].rstrip("\n").split("\t")
        count, size, seconds, peak = int(count), int(size), float(seconds), float(peak)
        best = rows.get(label)
        rows[label] = (count, size, min(seconds, best[2]) if best else seconds, max(peak, best[3]) if best else peak)
for label, (count, size, seconds, peak) in rows.items():
    print(f"{label:<40} {count:>6} files in {seconds:7.2f} s  {count/seconds:9,.1f} files/s  "
          f"{size/seconds/1e6:7.2f} MB/s  peak RSS {peak:.0f} MB")
rates = {label: count / seconds for label, (count, size, seconds, peak) in rows.items()}
pandoc = rates["docx → json, pandoc per file"]
parallel = next(v for k, v in rates.items() if "pandoc" in k and "at once" in k)
for label, rate in rates.items():
    if "nianbao" in label:
        print(f"ratio {label.replace('docx → json, ', ''):<26} {rate / pandoc:8.1f} × pandoc   "
              f"{rate / parallel:6.1f} × pandoc on all cores")
PY
