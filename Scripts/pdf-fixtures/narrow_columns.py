#!/usr/bin/env python3
"""Narrow the value columns of every table in a DOCX so header cells wrap inside their cells
(`商业企` / `业`, `社会公益` / `组织`): every w:gridCol and w:tcW after a row's first is scaled by
FACTOR (default 0.75), the label column keeps its width.

usage: narrow_columns.py IN.docx OUT.docx [FACTOR]
"""
import re
import sys
import zipfile

factor = float(sys.argv[3]) if len(sys.argv) > 3 else 0.75


def scale(match):
    return f'{match.group(1)}{int(int(match.group(2)) * factor)}{match.group(3)}'


def narrow_table(table):
    def grid(match):
        cols = list(re.finditer(r'(<w:gridCol w:w=")(\d+)(")', match.group(0)))
        text = match.group(0)
        for col in reversed(cols[1:]):
            text = text[:col.start()] + scale(col) + text[col.end():]
        return text
    table = re.sub(r'<w:tblGrid>.*?</w:tblGrid>', grid, table, flags=re.S)

    def row(match):
        cells = list(re.finditer(r'(<w:tcW w:w=")(\d+)(")', match.group(0)))
        text = match.group(0)
        for cell in reversed(cells[1:]):
            text = text[:cell.start()] + scale(cell) + text[cell.end():]
        return text
    table = re.sub(r'<w:tr[ >].*?</w:tr>', row, table, flags=re.S)
    return re.sub(r'<w:tblW w:w="\d+" w:type="dxa"/>', '<w:tblW w:w="0" w:type="auto"/>', table)


with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "word/document.xml":
            document = data.decode("utf-8")
            document = re.sub(r'<w:tbl>.*?</w:tbl>', lambda m: narrow_table(m.group(0)), document, flags=re.S)
            data = document.encode("utf-8")
        target.writestr(item, data)
