#!/usr/bin/env bash
# Make the DOCX reader's fixtures: for each nianbao JSON report in JSON_DIR, render an HTML page in
# the official layout (merged header cells included) and convert it twice, with LibreOffice and with
# pandoc, into OUT_DIR/<stem>.lo.docx and OUT_DIR/<stem>.pandoc.docx. The JSON is copied beside them
# as OUT_DIR/<stem>.json (the fixture test compares the blocks against it).
#
# usage: Scripts/make-docx-fixtures.sh [JSON_DIR] [OUT_DIR]
#   JSON_DIR defaults to nianbao's own JSON for Samples/ (converted here with the debug build).
#   OUT_DIR defaults to Tests/NianbaoTests/Fixtures/docx.
# needs: python3, pandoc, soffice (apt-get install -y libreoffice-writer pandoc)
set -euo pipefail
cd "$(dirname "$0")/.."
here=Scripts/docx-fixtures
out=${2:-Tests/NianbaoTests/Fixtures/docx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in python3 pandoc soffice; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-writer pandoc" >&2; exit 1; }
done

if [[ $# -ge 1 && -n "$1" ]]; then
    json_dir=$1
else
    json_dir=$work/json
    swift build >/dev/null
    "$(swift build --show-bin-path)/nianbao" convert Samples --to json --out "$json_dir" --quiet
    rm -f "$json_dir/errors.csv"
fi

mkdir -p "$out" "$work/html" "$work/lo"
for json in "$json_dir"/*.json; do
    stem=$(basename "$json" .json)
    html=$work/html/$stem.html
    python3 "$here/render_html.py" "$json" > "$html"
    # A private profile keeps soffice from touching (or waiting on) a running user instance.
    soffice -env:UserInstallation="file://$work/profile" --headless --infilter="HTML (StarWriter)" \
        --convert-to 'docx:MS Word 2007 XML' --outdir "$work/lo" "$html" >/dev/null 2>&1
    mv "$work/lo/$stem.docx" "$out/$stem.lo.docx"
    pandoc -f html -t docx -o "$out/$stem.pandoc.docx" "$html"
    cp "$json" "$out/$stem.json"
    echo "$stem: $(stat -c %s "$out/$stem.lo.docx") bytes (LibreOffice), $(stat -c %s "$out/$stem.pandoc.docx") bytes (pandoc)"
done
