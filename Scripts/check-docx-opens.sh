#!/usr/bin/env bash
# Check that LibreOffice opens every DOCX in a folder and renders its table values.
#
# Usage: Scripts/check-docx-opens.sh DIR
#
# Converts every DIR/*.docx to PDF with `soffice --headless --convert-to pdf` (an isolated,
# throw-away LibreOffice profile, so it does not clash with a running LibreOffice), extracts the
# text with `pdftotext -layout`, and checks that every numeric table cell of word/document.xml
# (values such as 679, -16, 10.15) appears in the PDF text as a whole word, as many times as in
# the tables. A value wrapped across lines in a too-narrow cell therefore fails the check.
# Needs soffice, pdftotext and python3. Exits 0 when every file passes, 1 otherwise, 2 on usage
# errors or missing tools.
set -euo pipefail

if [[ $# -ne 1 || ! -d "$1" ]]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir=$1
for tool in soffice pdftotext python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool not found on PATH" >&2
        exit 2
    fi
done

shopt -s nullglob
files=("$dir"/*.docx)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "$0: no .docx files in $dir" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
    --convert-to pdf --outdir "$work/pdf" "${files[@]}" >"$work/soffice.log" 2>&1 || true

failed=0
for docx in "${files[@]}"; do
    name=$(basename "$docx" .docx)
    pdf="$work/pdf/$name.pdf"
    if [[ ! -s "$pdf" ]]; then
        echo "FAIL $docx: LibreOffice produced no PDF"
        failed=1
        continue
    fi
    if ! pdftotext -layout "$pdf" "$work/$name.txt" 2>"$work/$name.err"; then
        echo "FAIL $docx: pdftotext: $(cat "$work/$name.err")"
        failed=1
        continue
    fi
    if ! python3 - "$docx" "$work/$name.txt" <<'PY'
import collections, re, sys, zipfile
import xml.dom.minidom

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
docx, text_path = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(docx) as archive:
    dom = xml.dom.minidom.parseString(archive.read("word/document.xml"))

def cell_text(cell):
    return "".join(node.firstChild.data for node in cell.getElementsByTagNameNS(W, "t") if node.firstChild).strip()

number = re.compile(r"^-?\d+(\.\d+)?$")
wanted = collections.Counter()
tables = dom.getElementsByTagNameNS(W, "tbl")
for table in tables:
    for cell in table.getElementsByTagNameNS(W, "tc"):
        value = cell_text(cell)
        if number.match(value):
            wanted[value] += 1

with open(text_path, encoding="utf-8", errors="replace") as handle:
    text = handle.read()
if not text.strip():
    print(f"FAIL {docx}: the PDF has no text")
    sys.exit(1)
found = collections.Counter(re.findall(r"-?\d+(?:\.\d+)?", text))
missing = {value: count - found[value] for value, count in wanted.items() if found[value] < count}
if missing:
    shown = ", ".join(f"{value} (x{count})" for value, count in sorted(missing.items())[:10])
    print(f"FAIL {docx}: table values missing from the PDF text: {shown}")
    sys.exit(1)
print(f"ok   {docx}: {len(tables)} table(s), {sum(wanted.values())} numeric cell(s) found in the PDF")
PY
    then
        failed=1
    fi
done
exit $failed
