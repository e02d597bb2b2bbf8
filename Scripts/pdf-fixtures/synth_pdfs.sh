#!/usr/bin/env bash
# Render the random reports of Scripts/synth/generate.py as PDFs by two producers and read them back:
#   lo         the project's DOCX through LibreOffice
#   narrow     value columns narrowed to 75 % (header cells wrap) through LibreOffice
#   landscape  A4 landscape through LibreOffice
#   mupdf      LibreOffice's HTML export of the DOCX laid out by MuPDF (PyMuPDF's Story)
# then print right / wrong / null per rendering (Scripts/synth/score.py).
#
# usage: Scripts/pdf-fixtures/synth_pdfs.sh SEED COUNT OUT_DIR [renderings...]
# needs: a built .build/debug/nianbao, python3, soffice, PyMuPDF (for mupdf)
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=$1 count=$2 out=$3
shift 3
renderings=${*:-lo narrow landscape mupdf}
nianbao=${NIANBAO:-.build/debug/nianbao}
profile="file://$out/profile"
if [ ! -d "$out/expected" ]; then
    python3 Scripts/synth/generate.py --seed "$seed" --count "$count" --out "$out" >/dev/null
    "$nianbao" convert "$out"/*.json --to docx --out "$out/docx" >/dev/null
fi
for kind in $renderings; do
    if [ ! -d "$out/pdf-$kind" ]; then
        mkdir -p "$out/in-$kind" "$out/pdf-$kind"
        case $kind in
            lo) cp "$out"/docx/*.docx "$out/in-$kind/" ;;
            narrow) for f in "$out"/docx/*.docx; do python3 Scripts/pdf-fixtures/narrow_columns.py "$f" "$out/in-$kind/$(basename "$f")"; done ;;
            landscape) for f in "$out"/docx/*.docx; do python3 Scripts/pdf-fixtures/variants.py "$f" "$out/in-$kind/$(basename "$f")" landscape; done ;;
            mupdf) soffice -env:UserInstallation="$profile" --headless --convert-to html --outdir "$out/in-$kind" "$out"/docx/*.docx >/dev/null 2>&1 ;;
        esac
        if [ "$kind" = mupdf ]; then
            for f in "$out/in-$kind"/*.html; do python3 Scripts/pdf-fixtures/mupdf_story.py "$f" "$out/pdf-$kind/$(basename "$f" .html).pdf"; done
        else
            soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/pdf-$kind" "$out/in-$kind"/*.docx >/dev/null 2>&1
        fi
    fi
    rm -rf "$out/out-$kind"
    "$nianbao" convert "$out/pdf-$kind" --out "$out/out-$kind" >/dev/null 2>&1 || true
    python3 Scripts/synth/score.py "$out/out-$kind" "$out/expected" | tail -1
done
