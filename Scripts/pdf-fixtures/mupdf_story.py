#!/usr/bin/env python3
"""Lay out an HTML rendering of a sample (Scripts/docx-fixtures/render_html.py) on A4 with MuPDF's
HTML engine (PyMuPDF's Story) and write a PDF with subset fonts: a second PDF producer, with its
own line heights, cell padding and text placement.

A block Story cannot break (a cell spanning twenty rows in a narrow layout) that is taller than an
A4 page is drawn past the page's foot and lost from the PDF (seen on 4 of seed 501's 100 reports:
the requests table's first rows gone). Every number of the HTML must be in the PDF's text; when
one is not, the file is laid out again on the next larger page (A3, then A2), so that a rendering
never scores a value its producer dropped.

usage: mupdf_story.py IN.html OUT.pdf
"""
import collections
import html as htmllib
import os
import re
import sys

import pymupdf as fitz  # PyMuPDF

html = open(sys.argv[1], encoding="utf-8").read()
css = "* {font-family: sans-serif;} table {border-collapse: collapse;} td, th {border: 1px solid black; padding: 2px;}"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text):
    return collections.Counter(NUMBER.findall(text))


body = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", " ", html)
wanted = numbers(htmllib.unescape(re.sub(r"<[^>]*>", " ", body)))
for paper in ("a4", "a3", "a2"):
    story = fitz.Story(html=html, user_css=css)
    full = sys.argv[2] + ".full"
    writer = fitz.DocumentWriter(full)
    mediabox = fitz.paper_rect(paper)
    where = mediabox + (50, 50, -50, -50)
    more, pages = 1, 0
    # Story has been seen placing nothing, page after page, for ever: a report is never 40 pages.
    while more and pages < 40:
        device = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    document = fitz.open(full)
    drawn = numbers(" ".join(page.get_text() for page in document))
    if not wanted - drawn or paper == "a2":
        if wanted - drawn:
            print(f"{sys.argv[1]}: numbers missing from the PDF even on A2: {sorted(wanted - drawn)[:10]}", file=sys.stderr)
        document.subset_fonts()
        document.save(sys.argv[2], garbage=4, deflate=True)
        document.close()
        os.remove(full)
        break
    document.close()
    os.remove(full)
