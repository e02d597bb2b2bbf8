#!/usr/bin/env bash
# Make the PDF reader's fixtures from the DOCX fixtures (Scripts/make-docx-fixtures.sh), with
# LibreOffice, into OUT_DIR (default Tests/NianbaoTests/Fixtures/pdf):
#   <stem>.lo.pdf         every sample's LibreOffice DOCX, A4 portrait as rendered
#   <stem>.web.pdf        every sample's HTML rendering through writer_web_pdf_Export
#   <stem>.narrow.pdf     A4 portrait with 0.5 cm margins            (samples 000, 003)
#   <stem>.landscape.pdf  A4 landscape                               (samples 001, 004)
#   <stem>.split.pdf      wide margins, page-number footer, tables split across pages with their
#                         two header rows repeated on each page       (samples 002, 004)
#   <stem>.center.pdf     table text centred, cells aligned at the top  (samples 001, 003)
#   <stem>.mupdf.pdf      the HTML rendering laid out by MuPDF (PyMuPDF's Story), fonts subset
#                         (samples 000, 003; skipped without PyMuPDF)
#   <stem>.upside.pdf     the .lo.pdf with page 2 turned 180° (/Rotate 180) by PyMuPDF  (sample 000)
#   <stem>.pandoc.pdf     the pandoc DOCX fixture: narrow label columns, labels wrapped over many
#                         lines and rows broken across pages, header row repeated  (samples 000, 003)
# Two soffice runs in all, with a private profile.
#
# usage: Scripts/make-pdf-fixtures.sh [OUT_DIR]
# needs: python3, soffice (apt-get install -y libreoffice-writer)
set -euo pipefail
cd "$(dirname "$0")/.."
docx=Tests/NianbaoTests/Fixtures/docx
out=${1:-Tests/NianbaoTests/Fixtures/pdf}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in python3 soffice; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-writer" >&2; exit 1; }
done
mkdir -p "$out" "$work/in" "$work/html" "$work/pdf"

for file in "$docx"/*.lo.docx; do
    stem=$(basename "$file" .lo.docx)
    cp "$file" "$work/in/$stem.lo.docx"
    python3 Scripts/docx-fixtures/render_html.py "$docx/$stem.json" > "$work/html/$stem.web.html"
done
variant() { python3 Scripts/pdf-fixtures/variants.py "$docx/$1.lo.docx" "$work/in/$1.$2.docx" "$2"; }
for stem in 000_ad0b93b4492ed8bd 003_ca2117b5797f0594; do cp "$docx/$stem.pandoc.docx" "$work/in/"; done
variant 000_ad0b93b4492ed8bd narrow
variant 003_ca2117b5797f0594 narrow
variant 001_73cfe548748cf452 landscape
variant 004_64ca144eb0d93f31 landscape
variant 001_73cfe548748cf452 center
variant 003_ca2117b5797f0594 center
variant 002_b42afd72281d3df1 split
variant 004_64ca144eb0d93f31 split

profile="file://$work/profile"
soffice -env:UserInstallation="$profile" --headless --convert-to pdf:writer_pdf_Export \
    --outdir "$work/pdf" "$work"/in/*.docx >/dev/null 2>&1
soffice -env:UserInstallation="$profile" --headless --convert-to pdf:writer_web_pdf_Export \
    --outdir "$work/pdf" "$work"/html/*.html >/dev/null 2>&1
for pdf in "$work"/pdf/*.pdf; do
    cp "$pdf" "$out/"
    echo "$(basename "$pdf"): $(stat -c %s "$pdf") bytes, $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages"
done

# A second producer, and bad inputs (scanned, encrypted, unmapped glyphs) from the first sample,
# when PyMuPDF is there.
if python3 -c 'import fitz' 2>/dev/null; then
    for stem in 000_ad0b93b4492ed8bd 003_ca2117b5797f0594; do
        python3 Scripts/pdf-fixtures/mupdf_story.py "$work/html/$stem.web.html" "$out/$stem.mupdf.pdf" 2>/dev/null
        echo "$stem.mupdf.pdf: $(stat -c %s "$out/$stem.mupdf.pdf") bytes"
    done
    python3 Scripts/pdf-fixtures/upside_down.py "$out/000_ad0b93b4492ed8bd.lo.pdf" "$out/000_ad0b93b4492ed8bd.upside.pdf" 2>/dev/null
    echo "000_ad0b93b4492ed8bd.upside.pdf: $(stat -c %s "$out/000_ad0b93b4492ed8bd.upside.pdf") bytes"
    mkdir -p "$out/bad"
    python3 Scripts/pdf-fixtures/bad_inputs.py "$out/000_ad0b93b4492ed8bd.lo.pdf" "$out/bad" 2>/dev/null
    for pdf in "$out"/bad/*.pdf; do echo "bad/$(basename "$pdf"): $(stat -c %s "$pdf") bytes"; done
else
    echo "PyMuPDF missing (pip install pymupdf): bad-input fixtures not remade" >&2
fi
