#!/usr/bin/env bash
# Make the HTML reader's fixtures from nianbao JSON reports (by default the ones the DOCX fixtures
# were made from, Tests/NianbaoTests/Fixtures/docx/<stem>.json), three pages per report:
#   OUT_DIR/<stem>.utf8.html  the report alone in the official layout (render_html.py), UTF-8;
#   OUT_DIR/<stem>.page.html  the report inside a government site's page: layout tables, menus,
#                             breadcrumbs, share and print tools, footer, scripts, a hidden decoy
#                             (html-fixtures/render_page.py), UTF-8;
#   OUT_DIR/<stem>.gbk.html   the same page in GB18030 bytes under <meta … charset=gb2312>;
#   OUT_DIR/<stem>.word.html  (001 and 003, ~80 KB each) the report as Word's "save as web page"
#                             writes it: MsoNormal markup, conditional comments, GB18030/gb2312;
# and, from the DOCX fixtures (LibreOffice's DOCX of each report), HTML as real tools write it
# when they are installed: pandoc (`-t html -s`) and mammoth for every report, LibreOffice's HTML
# export (Writer's "save as web page") for one report of each template (001 and 003; ~100 KB each):
#   OUT_DIR/<stem>.pandoc.html, OUT_DIR/<stem>.mammoth.html, OUT_DIR/<stem>.lo.html
# The fixture test scores each against Tests/NianbaoTests/Fixtures/expected/<stem>.json.
#
# usage: Scripts/make-html-fixtures.sh [JSON_DIR] [OUT_DIR]
# needs: python3; optional: pandoc, python3 mammoth (pip install mammoth), soffice
set -euo pipefail
cd "$(dirname "$0")/.."
json_dir=${1:-Tests/NianbaoTests/Fixtures/docx}
out=${2:-Tests/NianbaoTests/Fixtures/html}
mkdir -p "$out"
for json in "$json_dir"/*.json; do
    stem=$(basename "$json" .json)
    python3 Scripts/docx-fixtures/render_html.py "$json" > "$out/$stem.utf8.html"
    python3 Scripts/html-fixtures/render_page.py "$json" utf-8 > "$out/$stem.page.html"
    python3 Scripts/html-fixtures/render_page.py "$json" gb2312 > "$out/$stem.gbk.html"
    if [[ $stem == 001_* || $stem == 003_* ]]; then
        python3 Scripts/html-fixtures/render_page.py "$json" word > "$out/$stem.word.html"
    fi
    echo "$stem: $(stat -c %s "$out/$stem.utf8.html") + $(stat -c %s "$out/$stem.page.html") + $(stat -c %s "$out/$stem.gbk.html") bytes"
    docx=$json_dir/$stem.lo.docx
    [[ -f "$docx" ]] || continue
    if command -v pandoc >/dev/null; then
        pandoc -f docx -t html -s --metadata title="$stem" -o "$out/$stem.pandoc.html" "$docx"
    fi
    if python3 -c 'import mammoth' 2>/dev/null; then
        python3 - "$docx" "$out/$stem.mammoth.html" <<'PY'
import sys, mammoth
with open(sys.argv[1], "rb") as docx:
    body = mammoth.convert_to_html(docx).value
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + body + "</body></html>")
PY
    fi
    if command -v soffice >/dev/null && [[ $stem == 001_* || $stem == 003_* ]]; then
        work=$(mktemp -d)
        soffice -env:UserInstallation="file://$work/profile" --headless --convert-to html --outdir "$work" "$docx" >/dev/null 2>&1
        mv "$work/$stem.lo.html" "$out/$stem.lo.html"
        rm -rf "$work"
    fi
done
