#!/usr/bin/env bash
# Fuzzes one reader, with the whole pipeline below NianbaoKit behind it (reader → recognizer →
# validator → JSON), under libFuzzer and AddressSanitizer.
#   Scripts/fuzz.sh text|docx|html SECONDS [extra libFuzzer arguments...]
#
# The library modules are compiled by hand with swiftc (one whole-module object per module, with
# -sanitize=fuzzer,address for coverage and ASan), then linked with Fuzz/<Target>Fuzz.swift, which
# defines LLVMFuzzerTestOneInput and no main. NianbaoKit (and so swift-crypto) is not needed.
# Everything goes to .build-fuzz/: objects, the fuzzer binary, corpus-TARGET (seeded from Samples/,
# or the DOCX fixtures and their word/document.xml, or the HTML fixtures), crashes-TARGET (crash/timeout/OOM inputs),
# TARGET.log (the full output).
# Reproduce one crash: .build-fuzz/fuzz-TARGET .build-fuzz/crashes-TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${1:-}"
SECONDS_TO_RUN="${2:-60}"
shift 2 2>/dev/null || shift $#
case "$TARGET" in
    text) MODULES=(NianbaoModel NianbaoText NianbaoRecognizer NianbaoValidator NianbaoWriters)
          HARNESS=Fuzz/TextFuzz.swift; MAX_LEN=65536 ;;
    docx) MODULES=(NianbaoModel NianbaoOOXML NianbaoRecognizer NianbaoValidator NianbaoWriters)
          HARNESS=Fuzz/DOCXFuzz.swift; MAX_LEN=262144 ;;
    html) MODULES=(NianbaoModel NianbaoHTML NianbaoRecognizer NianbaoValidator NianbaoWriters)
          HARNESS=Fuzz/HTMLFuzz.swift; MAX_LEN=131072 ;;
    *) echo "usage: Scripts/fuzz.sh text|docx|html SECONDS [libFuzzer arguments...]" >&2; exit 2 ;;
esac

OUT=.build-fuzz
OBJ="$OUT/modules"
BIN="$OUT/fuzz-$TARGET"
mkdir -p "$OBJ"

SWIFTC=(swiftc -swift-version 6 -parse-as-library -O -g -sanitize=fuzzer,address
        -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault
        -I "$OBJ" -I Sources/CNianbaoZip -I Sources/CNianbaoXML2 -I /usr/include/libxml2)

# Each module: rebuilt when one of its sources (or a module it imports) is newer than its object.
objects=()
previous=""
for module in "${MODULES[@]}"; do
    object="$OBJ/$module.o"
    if [[ ! -f "$object" || -n "$(find "Sources/$module" -name '*.swift' -newer "$object" | head -1)" \
          || ( -n "$previous" && "$previous" -nt "$object" ) ]]; then
        echo "compiling $module" >&2
        mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
        "${SWIFTC[@]}" -wmo -module-name "$module" -emit-module -emit-module-path "$OBJ/$module.swiftmodule" \
            -c "${sources[@]}" -o "$object"
        touch "$object"  # swiftc keeps an unchanged object's old time stamp
    fi
    objects+=("$object")
    previous="$object"
done

if [[ ! -f "$BIN" || "$HARNESS" -nt "$BIN" || "$previous" -nt "$BIN" ]]; then
    echo "linking $BIN" >&2
    "${SWIFTC[@]}" -use-ld=lld -module-name "${TARGET}fuzz" "$HARNESS" "${objects[@]}" -lzip -lxml2 -o "$BIN"
fi

CORPUS="$OUT/corpus-$TARGET"
CRASHES="$OUT/crashes-$TARGET"
mkdir -p "$CORPUS" "$CRASHES"
if [[ "$TARGET" == text ]]; then
    cp -n Samples/*.txt "$CORPUS/"
    DICT=(-dict=Fuzz/text.dict)
elif [[ "$TARGET" == html ]]; then
    cp -n Tests/NianbaoTests/Fixtures/html/*.html "$CORPUS/"
    DICT=(-dict=Fuzz/text.dict)
else
    cp -n Tests/NianbaoTests/Fixtures/docx/*.docx "$CORPUS/"
    # Bare document.xml seeds too: Fuzz/DOCXFuzz.swift wraps a non-zip input into a package.
    python3 - "$CORPUS" Tests/NianbaoTests/Fixtures/docx/*.docx <<'PY'
import os, sys, zipfile
corpus = sys.argv[1]
for path in sys.argv[2:]:
    target = os.path.join(corpus, os.path.basename(path) + ".document.xml")
    if not os.path.exists(target):
        with zipfile.ZipFile(path) as archive, open(target, "wb") as out:
            out.write(archive.read("word/document.xml"))
PY
    DICT=()
fi

LOG="$OUT/$TARGET.log"
echo "fuzzing $TARGET for ${SECONDS_TO_RUN}s (log: $LOG, crashes: $CRASHES/)" >&2
status=0
# Leak checking is off: the Swift runtime's metadata caches are never freed and read as leaks.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$BIN" "$CORPUS" "${DICT[@]}" \
    -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 -max_total_time="$SECONDS_TO_RUN" \
    -artifact_prefix="$CRASHES/" -print_final_stats=1 "$@" >"$LOG" 2>&1 || status=$?

grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added))' "$LOG" >&2 || true
if [[ $status -ne 0 ]]; then
    echo "fuzzer stopped with status $status; see $LOG and $CRASHES/" >&2
    grep -E 'ERROR: (AddressSanitizer|libFuzzer)|Fatal error|SUMMARY' "$LOG" | head -5 >&2 || true
fi
exit "$status"
