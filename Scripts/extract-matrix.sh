#!/usr/bin/env bash
# Render every sample DOCX fixture through the text extractors people really use, so the tests can
# check that nianbao reads whatever layout they give. For each IN_DIR/<stem>.<variant>.docx
# (variant lo or pandoc: the LibreOffice and pandoc renderings of a sample) it writes
# OUT_DIR/<extractor>/<stem>.<variant>.txt, exactly as the tool gives it:
#
#   soffice-txt       LibreOffice "Text" export (soffice --convert-to txt:Text)
#   pandoc-plain      pandoc -t plain
#   pandoc-markdown   pandoc -t markdown
#   docx2txt          python docx2txt
#   mammoth-md        python mammoth convert_to_markdown
#   mammoth-raw       python mammoth extract_raw_text
#   pdftotext         LibreOffice's PDF through pdftotext (default mode)
#   pdftotext-layout  ... pdftotext -layout
#   pdftotext-raw     ... pdftotext -raw
#   pymupdf           LibreOffice's PDF through PyMuPDF page.get_text()
#   html2text         LibreOffice's HTML through python html2text
#   scraper           LibreOffice's HTML as a web scraper writes it (table cells joined by ' | ')
#   w3m               LibreOffice's HTML as a text browser shows it, `w3m -dump` (80 columns: cells
#                     space-padded, long labels wrapped inside their column)
#
# The stem comes first in every name, so `score.py` maps <stem>.<variant> to the expected <stem>.
# The tests only read the committed texts; nothing here runs in `swift test`.
#
# usage: Scripts/extract-matrix.sh [IN_DIR] [OUT_DIR]
#   IN_DIR defaults to Tests/NianbaoTests/Fixtures/docx, OUT_DIR to Tests/NianbaoTests/Fixtures/extracted.
# Installs what is missing: apt poppler-utils libreoffice-writer pandoc w3m; pip docx2txt mammoth pymupdf html2text.
set -euo pipefail
cd "$(dirname "$0")/.."
here=Scripts/extract-matrix
in=${1:-Tests/NianbaoTests/Fixtures/docx}
out=${2:-Tests/NianbaoTests/Fixtures/extracted}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- tools -----------------------------------------------------------------------------------
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v w3m >/dev/null || missing+=(w3m)
command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 || missing+=(python3 python3-pip)
if [[ ${#missing[@]} -gt 0 ]]; then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
pip_missing=()
python3 -c 'import docx2txt' 2>/dev/null || pip_missing+=(docx2txt)
python3 -c 'import mammoth' 2>/dev/null || pip_missing+=(mammoth)
python3 -c 'import pymupdf' 2>/dev/null || python3 -c 'import fitz' 2>/dev/null || pip_missing+=(pymupdf)
python3 -c 'import html2text' 2>/dev/null || pip_missing+=(html2text)
if [[ ${#pip_missing[@]} -gt 0 ]]; then
    python3 -m pip install --quiet "${pip_missing[@]}" \
        || python3 -m pip install --quiet --break-system-packages "${pip_missing[@]}"
fi

shopt -s nullglob
docs=("$in"/*.lo.docx "$in"/*.pandoc.docx)
[[ ${#docs[@]} -gt 0 ]] || { echo "no *.lo.docx or *.pandoc.docx in $in" >&2; exit 1; }

# --- LibreOffice: one run per format over all documents (a start costs seconds) -----------------
# A private profile keeps soffice from touching (or waiting on) a running user instance.
lo() {
    soffice -env:UserInstallation="file://$work/profile" --headless \
        --convert-to "$1" --outdir "$work/$2" "${docs[@]}" >/dev/null 2>&1
}
lo txt:Text soffice
lo pdf pdf
lo html html

extractors=(soffice-txt pandoc-plain pandoc-markdown docx2txt mammoth-md mammoth-raw
            pdftotext pdftotext-layout pdftotext-raw pymupdf html2text scraper w3m)
for e in "${extractors[@]}"; do
    rm -rf "${out:?}/$e"
    mkdir -p "$out/$e"
done

for docx in "${docs[@]}"; do
    name=$(basename "$docx" .docx)          # <stem>.<variant>
    pdf=$work/pdf/$name.pdf
    html=$work/html/$name.html
    cp "$work/soffice/$name.txt" "$out/soffice-txt/$name.txt"
    pandoc -f docx -t plain -o "$out/pandoc-plain/$name.txt" "$docx"
    pandoc -f docx -t markdown -o "$out/pandoc-markdown/$name.txt" "$docx"
    for tool in docx2txt mammoth-md mammoth-raw; do
        python3 "$here/extract.py" "$tool" "$docx" "$out/$tool/$name.txt"
    done
    pdftotext -enc UTF-8 "$pdf" "$out/pdftotext/$name.txt"
    pdftotext -enc UTF-8 -layout "$pdf" "$out/pdftotext-layout/$name.txt"
    pdftotext -enc UTF-8 -raw "$pdf" "$out/pdftotext-raw/$name.txt"
    python3 "$here/extract.py" pymupdf "$pdf" "$out/pymupdf/$name.txt"
    python3 "$here/extract.py" html2text "$html" "$out/html2text/$name.txt"
    python3 "$here/extract.py" scraper "$html" "$out/scraper/$name.txt"
    w3m -dump -T text/html -I UTF-8 -O UTF-8 "$html" > "$out/w3m/$name.txt"
    echo "$name: ${#extractors[@]} texts"
done
echo "written under $out/ ($(du -sh "$out" | cut -f1))"
