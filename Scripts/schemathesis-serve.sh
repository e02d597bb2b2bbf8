#!/usr/bin/env bash
# Checks `nianbao serve` against its OpenAPI document with schemathesis (pip install schemathesis):
# starts the service on a free port (debug build unless BUILD=release), runs every operation with
# generated requests — no 500s, every status and body as the document says — and stops the service.
#   Scripts/schemathesis-serve.sh [MAX_EXAMPLES]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-30}"
CONFIG="${BUILD:-debug}"
command -v schemathesis >/dev/null || pip install --quiet schemathesis
[[ -n "${SKIP_BUILD:-}" ]] || swift build -c "$CONFIG" >/dev/null
BIN="$(if [[ -n "${SKIP_BUILD:-}" ]]; then echo ".build/$CONFIG"; else swift build -c "$CONFIG" --show-bin-path; fi)/nianbao"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG="$(mktemp)"
"$BIN" serve --port "$PORT" --jobs 2 --queue 64 --max-body 4MiB 2>"$LOG" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
schemathesis --no-color run "http://127.0.0.1:$PORT/openapi.json" --url "http://127.0.0.1:$PORT" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "$EXAMPLES"
