#!/usr/bin/env bash
# Throughput of `nianbao serve` over HTTP against the CLI on the same files, in the same run:
# N copies of the five text samples (Samples/*.txt) and D copies of their DOCX renderings
# (Tests/NianbaoTests/Fixtures/docx/*.lo.docx), converted to JSON
#   1. by one `nianbao convert FOLDER --out OUT --jobs J` (bulk, J jobs), and
#   2. by `nianbao serve --jobs J`, each file POSTed to /v1/convert by a small Python client
#      (keep-alive connections, 2 × J requests in flight), answers checked to be HTTP 200;
#      peak resident memory of the server read from /proc.
# Prints reports/s each way and the service's share of the CLI's rate (target ≥ 80 %).
# Then memory: a fresh `nianbao serve --jobs J` gets 50 concurrent uploads (the five text samples,
# the five DOCX fixtures and the *.lo.pdf PDF fixtures, round robin) and its peak resident memory
# (VmHWM) is printed (target ≤ 200 MB).
#   Scripts/bench-serve.sh [N] [D] [J]     (BUILD=debug to use the debug build; BIN=path to use a
#                                           built nianbao as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-400}"
D="${2:-100}"
J="${3:-$(nproc)}"
CONFIG="${BUILD:-release}"
if [[ -z "${BIN:-}" ]]; then
    [[ -n "${SKIP_BUILD:-}" ]] || swift build -c "$CONFIG" >/dev/null
    BIN="$(if [[ -n "${SKIP_BUILD:-}" ]]; then echo ".build/$CONFIG"; else swift build -c "$CONFIG" --show-bin-path; fi)/nianbao"
fi
if [[ -d /dev/shm && -w /dev/shm ]]; then WORK="$(mktemp -d /dev/shm/nianbao-bench-serve.XXXXXX)"; else WORK="$(mktemp -d)"; fi
SERVER=
cleanup() { [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null; [[ -n ${SERVER2:-} ]] && kill "$SERVER2" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/in"
for ((i = 0; i < N; i++)); do
    for f in Samples/*.txt; do cp "$f" "$WORK/in/$(basename "${f%.txt}")_$i.txt"; done
done
for ((i = 0; i < D; i++)); do
    for f in Tests/NianbaoTests/Fixtures/docx/*.lo.docx; do cp "$f" "$WORK/in/$(basename "${f%.lo.docx}")_$i.docx"; done
done
COUNT=$(ls "$WORK/in" | wc -l)
echo "bench-serve: $COUNT files ($((N * 5)) text, $((D * 5)) DOCX), $J jobs, $BIN, $(nproc) cores"

# The CLI's wall time and CPU time (user + system of it and its children).
read -r cli cli_cpu < <(python3 - "$BIN" "$WORK" "$J" <<'PY'
import resource, subprocess, sys, time
binary, work, jobs = sys.argv[1:4]
start = time.monotonic()
subprocess.run([binary, "convert", work + "/in", "--out", work + "/out", "--jobs", jobs, "--quiet"], check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{time.monotonic() - start:.3f} {usage.ru_utime + usage.ru_stime:.3f}")
PY
)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
env ${SERVE_TMPDIR:+TMPDIR="$SERVE_TMPDIR"} "$BIN" serve --port "$PORT" --jobs "$J" --queue 10000 2>"$WORK/serve.log" &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 - "$WORK/in" "$PORT" "$((2 * J))" "$SERVER" "$cli" "$COUNT" "$cli_cpu" <<'PY'
import http.client, os, resource, sys, threading, time, urllib.parse
folder, port, parallel, server, cli_seconds, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
cli_cpu = float(sys.argv[7])
def server_cpu():
    with open(f"/proc/{server}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
lock = threading.Lock()
failures, peak = [], [0]
def rss():
    with open(f"/proc/{server}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0
def worker(chunk):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for path in chunk:
        with open(path, "rb") as handle:
            body = handle.read()
        connection.request("POST", "/v1/convert?filename=" + urllib.parse.quote(os.path.basename(path)), body=body)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            with lock:
                failures.append((path, response.status))
def sampler(stop):
    while not stop.is_set():
        peak[0] = max(peak[0], rss())
        time.sleep(0.05)
stop = threading.Event()
threading.Thread(target=sampler, args=(stop,), daemon=True).start()
start = time.monotonic()
server_cpu_start, client_cpu_start = server_cpu(), own_cpu()
threads = [threading.Thread(target=worker, args=(files[i::parallel],)) for i in range(parallel)]
for thread in threads: thread.start()
for thread in threads: thread.join()
seconds = time.monotonic() - start
serve_cpu, client_cpu = server_cpu() - server_cpu_start, own_cpu() - client_cpu_start
stop.set()
cli_rate, serve_rate = count / cli_seconds, count / seconds
print(f"CLI   nianbao convert --jobs J   {count:6d} files in {cli_seconds:7.2f} s  {cli_rate:8.1f} reports/s")
print(f"HTTP  POST /v1/convert ({parallel} in flight) {count:6d} files in {seconds:7.2f} s  {serve_rate:8.1f} reports/s"
      f"  ({100 * serve_rate / cli_rate:.0f} % of the CLI), server peak RSS {peak[0]} MB, failures {len(failures)}")
print(f"CPU   per report: CLI {1000 * cli_cpu / count:.2f} ms, server {1000 * serve_cpu / count:.2f} ms "
      f"(CLI's reports per CPU-second {100 * cli_cpu / serve_cpu:.0f} % reached by the server), Python client {1000 * client_cpu / count:.2f} ms")
if failures:
    print("failed:", failures[:5])
    sys.exit(1)
PY

# Memory: 50 concurrent uploads of ordinary reports against a fresh server.
mkdir -p "$WORK/mixed"
cp Samples/*.txt Tests/NianbaoTests/Fixtures/docx/*.lo.docx "$WORK/mixed/"
if command -v pdftotext >/dev/null; then cp Tests/NianbaoTests/Fixtures/pdf/*.lo.pdf "$WORK/mixed/"; fi
PORT2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$PORT2" --jobs "$J" --queue 64 2>"$WORK/serve2.log" &
SERVER2=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT2/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 - "$WORK/mixed" "$PORT2" "$SERVER2" <<'PY'
import http.client, os, sys, threading, urllib.parse
folder, port, server = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
def status_kb(field):
    with open(f"/proc/{server}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0
idle = status_kb("VmRSS")
results, barrier, lock = [], threading.Barrier(50), threading.Lock()
def upload(path):
    body = open(path, "rb").read()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    barrier.wait()
    connection.request("POST", "/v1/convert?filename=" + urllib.parse.quote(os.path.basename(path)), body=body)
    response = connection.getresponse()
    response.read()
    with lock:
        results.append(response.status)
threads = [threading.Thread(target=upload, args=(files[i % len(files)],)) for i in range(50)]
for thread in threads: thread.start()
for thread in threads: thread.join()
kinds = sorted({os.path.splitext(path)[1] for path in files})
print(f"MEM   50 concurrent uploads ({len(files)} files {' '.join(kinds)}, round robin): "
      f"{results.count(200)} × 200, server RSS idle {idle // 1024} MB, peak (VmHWM) {status_kb('VmHWM') // 1024} MB")
if results.count(200) != 50:
    print("statuses:", sorted(results))
    sys.exit(1)
PY
