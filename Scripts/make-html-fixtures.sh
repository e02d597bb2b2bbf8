#!/usr/bin/env bash
# Make the HTML reader's fixtures from nianbao JSON reports (by default the ones the DOCX fixtures
# were made from, Tests/NianbaoTests/Fixtures/docx/<stem>.json), three pages per report:
#   OUT_DIR/<stem>.utf8.html  the report alone in the official layout (render_html.py), UTF-8;
#   OUT_DIR/<stem>.page.html  the report inside a government site's page: layout tables, menus,
#                             breadcrumbs, share and print tools, footer, scripts, a hidden decoy
#                             (html-fixtures/render_page.py), UTF-8;
#   OUT_DIR/<stem>.gbk.html   the same page in GB18030 bytes under <meta … charset=gb2312>.
# The fixture test scores each against Tests/NianbaoTests/Fixtures/expected/<stem>.json.
#
# usage: Scripts/make-html-fixtures.sh [JSON_DIR] [OUT_DIR]      needs: python3
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
    echo "$stem: $(stat -c %s "$out/$stem.utf8.html") + $(stat -c %s "$out/$stem.page.html") + $(stat -c %s "$out/$stem.gbk.html") bytes"
done
