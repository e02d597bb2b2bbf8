#!/usr/bin/env bash
# Remakes Tests/NianbaoTests/Fixtures/counted-order: texts of random valid reports (seed 301,
# Scripts/synth) through LibreOffice's PDF and pdftotext, pdftotext -layout and PyMuPDF, and the
# generator's expected JSON; their LibreOffice HTML through trafilatura (Fixtures/headless); and
# the layout texts of pandoc, w3m, inscriptis and pdftotext -layout (Fixtures/char-columns).
# Needs python3, LibreOffice, poppler-utils, PyMuPDF, trafilatura (with lxml_html_clean), pandoc,
# w3m and inscriptis.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nianbao=${NIANBAO:-.build/debug/nianbao}
python3 Scripts/synth/generate.py --seed 301 --count 6 --out "$work/reports"
"$nianbao" convert "$work"/reports/*.json --to docx --out "$work/writer" >/dev/null
rm -f "$work/writer/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer" "$work/docx"
python3 Scripts/synth/render.py "$work/docx" "$work/renderings" --only pdftotext,pdftotext-layout,pymupdf
out=Tests/NianbaoTests/Fixtures/counted-order
mkdir -p "$out"
for pair in pdftotext:syn301_0001_2021 pdftotext:syn301_0005_2021 pdftotext-layout:syn301_0005_2021 pymupdf:syn301_0005_2021; do
    cp "$work/renderings/${pair%%:*}/${pair##*:}.txt" "$out/${pair##*:}.${pair%%:*}.txt"
done
for stem in syn301_0001_2021 syn301_0005_2021; do cp "$work/reports/expected/$stem.json" "$out/$stem.expected.json"; done
ls -l "$out"

# Tests/NianbaoTests/Fixtures/headless: the same reports' LibreOffice HTML through trafilatura
# (tables as `| … |` rows, part headings dropped).
python3 Scripts/synth/render.py "$work/docx" "$work/renderings" --only trafilatura
headless=Tests/NianbaoTests/Fixtures/headless
mkdir -p "$headless"
for stem in syn301_0000_2019 syn301_0001_2021; do
    cp "$work/renderings/trafilatura/$stem.txt" "$headless/$stem.trafilatura.txt"
    cp "$work/reports/expected/$stem.json" "$headless/$stem.expected.json"
done

# Tests/NianbaoTests/Fixtures/char-columns: texts that keep each value under its column and a
# blank cell as spaces (pandoc plain and Markdown, w3m, inscriptis; pdftotext -layout with numbers
# wrapped in narrow cells), and markdownify's `|` rows (a 总计 cell spanning two columns).
python3 Scripts/synth/render.py "$work/docx" "$work/renderings" --only pandoc-plain,pandoc-markdown,w3m,inscriptis,markdownify
columns=Tests/NianbaoTests/Fixtures/char-columns
mkdir -p "$columns"
for pair in pandoc-plain:syn301_0000_2019 pandoc-plain:syn301_0001_2021 pandoc-markdown:syn301_0002_2019 \
            w3m:syn301_0000_2019 w3m:syn301_0003_2021 inscriptis:syn301_0000_2019 pdftotext-layout:syn301_0001_2021 \
            markdownify:syn301_0000_2019; do
    cp "$work/renderings/${pair%%:*}/${pair##*:}.txt" "$columns/${pair##*:}.${pair%%:*}.txt"
done
for stem in syn301_0000_2019 syn301_0001_2021 syn301_0002_2019 syn301_0003_2021; do
    cp "$work/reports/expected/$stem.json" "$columns/$stem.expected.json"
done

# Seed 501 (reports made after the code they test): pdftotext texts that stack two rows' values
# in one block and a lynx text without blank cells (Fixtures/counted-order), and MuPDF Story PDFs with a blank cell's `-` before a
# value and a row of one value in a table of its own (Fixtures/pdf).
python3 Scripts/synth/generate.py --seed 501 --count 96 --out "$work/seed501"
"$nianbao" convert "$work"/seed501/*.json --to docx --out "$work/writer501" >/dev/null
rm -f "$work/writer501/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer501" "$work/docx501"
python3 Scripts/synth/render.py "$work/docx501" "$work/renderings501" --only pdftotext,mupdf-pdf,lynx,html2text
# syn501_0021_2021: pdftotext gives 结转下年度's blocks out of column order after the 总计 row's spanning blocks.
for stem in syn501_0030_2019 syn501_0036_2019 syn501_0021_2021; do
    cp "$work/renderings501/pdftotext/$stem.txt" "$out/$stem.pdftotext.txt"
    cp "$work/seed501/expected/$stem.json" "$out/$stem.expected.json"
done
# lynx: blank cells and rows dropped without a trace (rows 5 and 6 of 不予公开 blank).
cp "$work/renderings501/lynx/syn501_0014_2019.txt" "$out/syn501_0014_2019.lynx.txt"
cp "$work/seed501/expected/syn501_0014_2019.json" "$out/syn501_0014_2019.expected.json"
# html2text: a blank cell written as a line break inside its `|` row.
cp "$work/renderings501/html2text/syn501_0007_2021.txt" "$out/syn501_0007_2021.html2text.txt"
cp "$work/seed501/expected/syn501_0007_2021.json" "$out/syn501_0007_2021.expected.json"
for stem in syn501_0021_2021 syn501_0061_2021; do
    cp "$work/renderings501/mupdf-pdf/$stem.pdf" "Tests/NianbaoTests/Fixtures/pdf/$stem.mupdf.pdf"
    cp "$work/seed501/expected/$stem.json" "Tests/NianbaoTests/Fixtures/pdf/$stem.mupdf.expected.json"
done

# Seed 501's -layout 0031 (a page's wrapped header drifting from its columns) and seed 701's texts
# that once gave wrong numbers (CountedOrderTests.onceWrong): pdftotext 0039, 0107, 0051, PyMuPDF
# 0144, -layout 0057.
python3 Scripts/synth/render.py "$work/docx501" "$work/renderings501" --only pdftotext-layout,pdftotext-raw
cp "$work/renderings501/pdftotext-layout/syn501_0031_2021.txt" "$out/syn501_0031_2021.pdftotext-layout.txt"
cp "$work/seed501/expected/syn501_0031_2021.json" "$out/syn501_0031_2021.expected.json"
# pdftotext -raw 0095: numbers wrapped in narrow cells (`32659` / `7`), joined by rule 2.
cp "$work/renderings501/pdftotext-raw/syn501_0095_2021.txt" "$out/syn501_0095_2021.pdftotext-raw.txt"
cp "$work/seed501/expected/syn501_0095_2021.json" "$out/syn501_0095_2021.expected.json"
python3 Scripts/synth/generate.py --seed 701 --count 145 --out "$work/seed701"
"$nianbao" convert "$work"/seed701/*.json --to docx --out "$work/writer701" >/dev/null
rm -f "$work/writer701/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer701" "$work/docx701"
python3 Scripts/synth/render.py "$work/docx701" "$work/renderings701" --only pdftotext,pdftotext-layout,pymupdf
for pair in pdftotext:syn701_0039_2021 pdftotext:syn701_0107_2021 pdftotext:syn701_0051_2021 pymupdf:syn701_0144_2019 \
            pdftotext-layout:syn701_0057_2021; do
    cp "$work/renderings701/${pair%%:*}/${pair##*:}.txt" "$out/${pair##*:}.${pair%%:*}.txt"
    cp "$work/seed701/expected/${pair##*:}.json" "$out/${pair##*:}.expected.json"
done

# Seed 901's once-wrong texts: pdftotext 0028 (a numbered label wrapped over two lines before the
# next row's label, both rows' values after them), 0145 (主动公开's blocks without their blank
# cells), pdftotext -raw 0115 (a one-digit column in the one space between two values); and its
# LibreOffice PDF 0003 (digits wrapped onto a page's last line, Fixtures/pdf).
python3 Scripts/synth/generate.py --seed 901 --count 150 --out "$work/seed901"
"$nianbao" convert "$work"/seed901/*.json --to docx --out "$work/writer901" >/dev/null
rm -f "$work/writer901/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer901" "$work/docx901"
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only lo-pdf,pdftotext,pdftotext-raw
for pair in pdftotext:syn901_0028_2019 pdftotext:syn901_0145_2021 pdftotext-raw:syn901_0115_2021; do
    cp "$work/renderings901/${pair%%:*}/${pair##*:}.txt" "$out/${pair##*:}.${pair%%:*}.txt"
    cp "$work/seed901/expected/${pair##*:}.json" "$out/${pair##*:}.expected.json"
done
cp "$work/renderings901/lo-pdf/syn901_0003_2021.pdf" Tests/NianbaoTests/Fixtures/pdf/syn901_0003_2021.lo.pdf
cp "$work/seed901/expected/syn901_0003_2021.json" Tests/NianbaoTests/Fixtures/pdf/syn901_0003_2021.lo.expected.json

# Seed 1103: pdftotext 0016 (`四、结转下年度继续办理` followed by 30 values, 4.无正当理由大量反复申请's
# label unread ten lines above) and the LibreOffice PDF 0085 in small type (主动公开's rows 6.9 pt
# apart once read as prose, Fixtures/pdf).
python3 Scripts/synth/generate.py --seed 1103 --count 150 --out "$work/seed1103"
"$nianbao" convert "$work"/seed1103/*.json --to docx --out "$work/writer1103" >/dev/null
rm -f "$work/writer1103/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer1103" "$work/docx1103"
python3 Scripts/synth/render.py "$work/docx1103" "$work/renderings1103" --only lo-pdf,pdftotext
cp "$work/renderings1103/pdftotext/syn1103_0016_2019.txt" "$out/syn1103_0016_2019.pdftotext.txt"
cp "$work/seed1103/expected/syn1103_0016_2019.json" "$out/syn1103_0016_2019.expected.json"
# its docx2txt 0033: 主动公开 with no two neighbouring values, counted in the request table's pitch.
python3 Scripts/synth/render.py "$work/docx1103" "$work/renderings1103" --only docx2txt
cp "$work/renderings1103/docx2txt/syn1103_0033_2021.txt" "$out/syn1103_0033_2021.docx2txt.txt"
cp "$work/seed1103/expected/syn1103_0033_2021.json" "$out/syn1103_0033_2021.expected.json"
cp "$work/renderings1103/lo-pdf/syn1103_0085_2021.pdf" Tests/NianbaoTests/Fixtures/pdf/syn1103_0085_2021.small.pdf
cp "$work/seed1103/expected/syn1103_0085_2021.json" Tests/NianbaoTests/Fixtures/pdf/syn1103_0085_2021.small.expected.json
# MuPDF Story, small type in rows 21 pt apart (0061): once no table at all on its second page.
python3 Scripts/synth/render.py "$work/docx1103" "$work/renderings1103" --only mupdf-pdf
cp "$work/renderings1103/mupdf-pdf/syn1103_0061_2021.pdf" Tests/NianbaoTests/Fixtures/pdf/syn1103_0061_2021.mupdf-small.pdf
cp "$work/seed1103/expected/syn1103_0061_2021.json" Tests/NianbaoTests/Fixtures/pdf/syn1103_0061_2021.mupdf-small.expected.json
# and in large type (0051): every row of 不予公开 wrapping its label, ten rows once not found.
cp "$work/renderings1103/mupdf-pdf/syn1103_0051_2021.pdf" Tests/NianbaoTests/Fixtures/pdf/syn1103_0051_2021.mupdf-large.pdf
cp "$work/seed1103/expected/syn1103_0051_2021.json" Tests/NianbaoTests/Fixtures/pdf/syn1103_0051_2021.mupdf-large.expected.json
# and 0090: 行政复议/行政诉讼's row of values alone at the top of a page under the rest of its header.
cp "$work/renderings1103/mupdf-pdf/syn1103_0090_2019.pdf" Tests/NianbaoTests/Fixtures/pdf/syn1103_0090_2019.mupdf-large.pdf
cp "$work/seed1103/expected/syn1103_0090_2019.json" Tests/NianbaoTests/Fixtures/pdf/syn1103_0090_2019.mupdf-large.expected.json
# Seed 901's inscriptis 0122 (Fixtures/char-columns): 行政复议/行政诉讼's last values right of every header word.
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only inscriptis
cp "$work/renderings901/inscriptis/syn901_0122_2019.txt" Tests/NianbaoTests/Fixtures/char-columns/syn901_0122_2019.inscriptis.txt
cp "$work/seed901/expected/syn901_0122_2019.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0122_2019.expected.json
cp "$work/renderings901/inscriptis/syn901_0127_2021.txt" Tests/NianbaoTests/Fixtures/char-columns/syn901_0127_2021.inscriptis.txt
cp "$work/seed901/expected/syn901_0127_2021.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0127_2021.expected.json
# and its html2text and scraper texts of 0048 (`|` only between cells, a row's leading `|` its blank first cell).
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only html2text,scraper
for extractor in html2text scraper; do
    cp "$work/renderings901/$extractor/syn901_0048_2019.txt" "Tests/NianbaoTests/Fixtures/char-columns/syn901_0048_2019.$extractor.txt"
done
cp "$work/seed901/expected/syn901_0048_2019.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0048_2019.expected.json
# html2text's 0005: a row starting with its blank first cell, broken at a blank cell.
cp "$work/renderings901/html2text/syn901_0005_2021.txt" Tests/NianbaoTests/Fixtures/char-columns/syn901_0005_2021.html2text.txt
cp "$work/seed901/expected/syn901_0005_2021.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0005_2021.expected.json
# and its markdownify text of 0070 (` |` for a spanned column next to `  |` for an empty cell).
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only markdownify
cp "$work/renderings901/markdownify/syn901_0070_2019.txt" Tests/NianbaoTests/Fixtures/char-columns/syn901_0070_2019.markdownify.txt
cp "$work/seed901/expected/syn901_0070_2019.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0070_2019.expected.json
# and its PyMuPDF text of 0114 (Fixtures/counted-order): row by row once wrapped numbers are joined.
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only pymupdf
cp "$work/renderings901/pymupdf/syn901_0114_2019.txt" "$out/syn901_0114_2019.pymupdf.txt"
cp "$work/seed901/expected/syn901_0114_2019.json" "$out/syn901_0114_2019.expected.json"
# Seed 1103's w3m 0062 (Fixtures/char-columns): a 主动公开 table whose rows all leave the first column blank.
python3 Scripts/synth/render.py "$work/docx1103" "$work/renderings1103" --only w3m
cp "$work/renderings1103/w3m/syn1103_0062_2019.txt" Tests/NianbaoTests/Fixtures/char-columns/syn1103_0062_2019.w3m.txt
cp "$work/seed1103/expected/syn1103_0062_2019.json" Tests/NianbaoTests/Fixtures/char-columns/syn1103_0062_2019.expected.json
# and its pandoc plain text of 0008: rows of one value after a column gap (`规章  62`, `行政事业性收费  ·  1`).
python3 Scripts/synth/render.py "$work/docx1103" "$work/renderings1103" --only pandoc-plain
cp "$work/renderings1103/pandoc-plain/syn1103_0008_2019.txt" Tests/NianbaoTests/Fixtures/char-columns/syn1103_0008_2019.pandoc-plain.txt
cp "$work/seed1103/expected/syn1103_0008_2019.json" Tests/NianbaoTests/Fixtures/char-columns/syn1103_0008_2019.expected.json
# Seed 901's trafilatura 0070 (Fixtures/headless): empty cells with the HTML's tabs next to `|  |` spanned columns.
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only trafilatura
cp "$work/renderings901/trafilatura/syn901_0070_2019.txt" Tests/NianbaoTests/Fixtures/headless/syn901_0070_2019.trafilatura.txt
cp "$work/seed901/expected/syn901_0070_2019.json" Tests/NianbaoTests/Fixtures/headless/syn901_0070_2019.expected.json
# The 2,000-report soak's seed 2003, w3m 0327 (Fixtures/char-columns): `果3.补正后…` below a blank row's wrapped label.
python3 Scripts/synth/generate.py --seed 2003 --count 1247 --out "$work/seed2003"
"$nianbao" convert "$work"/seed2003/syn2003_{0003_2021,0005_2021,0006_2019,0007_2021,0009_2021,0013_2021,0181_2021,0327_2021,0592_2019,0820_2019,1246_2019}.json --to docx --out "$work/writer2003" >/dev/null
rm -f "$work/writer2003/errors.csv"
python3 Scripts/synth/layouts.py "$work/writer2003" "$work/docx2003"
python3 Scripts/synth/render.py "$work/docx2003" "$work/renderings2003" --only w3m,pdftotext-layout,pdftotext
cp "$work/renderings2003/w3m/syn2003_0327_2021.txt" Tests/NianbaoTests/Fixtures/char-columns/syn2003_0327_2021.w3m.txt
cp "$work/seed2003/expected/syn2003_0327_2021.json" Tests/NianbaoTests/Fixtures/char-columns/syn2003_0327_2021.expected.json
# and its pdftotext -layout 0820 and 1246: numbers wrapped in narrow cells, their pieces on the lines
# above and below the row's one-line cells (`70411` / `44 — — 196 —` / `4`), joined; 0181: a
# squeezed line's value a column off (上年结转's 83), shown by rule 1; 0009: a row's values midway
# down its wrapped label (`2.其他法律行政法规禁止公` / values / `开`) after a blank row's label;
# 0003: a piece of 三、本年度办理结果 on the values' line (`度办  9  98  973 …`); 0006: the same
# midway values under blank rows' labels, the label matched whole before its end (`定”`); 0007:
# two numbers with no space between them (`2931066` for 293 and 1066); 0013: lines of （六）其他处理's
# pieces (`其他处`, `理`) between the lines of a wrapped row label; 0005: 规章's blank 本年制发件数
# under its header, the text's columns counted in characters though no part's rows tell.
for stem in syn2003_0820_2019 syn2003_1246_2019 syn2003_0181_2021 syn2003_0009_2021 syn2003_0003_2021 syn2003_0006_2019 syn2003_0007_2021 syn2003_0013_2021 syn2003_0005_2021; do
    cp "$work/renderings2003/pdftotext-layout/$stem.txt" "Tests/NianbaoTests/Fixtures/char-columns/$stem.pdftotext-layout.txt"
    cp "$work/seed2003/expected/$stem.json" "Tests/NianbaoTests/Fixtures/char-columns/$stem.expected.json"
done
# Seed 901's pdftotext -layout 0113: `3.其他  200  92 - 199  99  -  590` for `200 - 92 199 99 - 590`
# (a squeezed line out of column order, its marks included), shown by rule 3 once 总计 is read.
python3 Scripts/synth/render.py "$work/docx901" "$work/renderings901" --only pdftotext-layout
cp "$work/renderings901/pdftotext-layout/syn901_0113_2021.txt" Tests/NianbaoTests/Fixtures/char-columns/syn901_0113_2021.pdftotext-layout.txt
cp "$work/seed901/expected/syn901_0113_2021.json" Tests/NianbaoTests/Fixtures/char-columns/syn901_0113_2021.expected.json
# and its pdftotext 0592 (Fixtures/counted-order): 结转下年度's blocks out of column order after 总计's
# spanning block, on a page whose other cells stand on neighbouring lines.
cp "$work/renderings2003/pdftotext/syn2003_0592_2019.txt" "$out/syn2003_0592_2019.pdftotext.txt"
cp "$work/seed2003/expected/syn2003_0592_2019.json" "$out/syn2003_0592_2019.expected.json"
