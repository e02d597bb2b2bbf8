#!/usr/bin/env python3
"""Lay out an HTML rendering of a sample (Scripts/docx-fixtures/render_html.py) on A4 with MuPDF's
HTML engine (PyMuPDF's Story) and write a PDF with subset fonts: a second PDF producer, with its
own line heights, cell padding and text placement.

usage: mupdf_story.py IN.html OUT.pdf
"""
import sys

import fitz  # PyMuPDF

html = open(sys.argv[1], encoding="utf-8").read()
css = "* {font-family: sans-serif;} table {border-collapse: collapse;} td, th {border: 1px solid black; padding: 2px;}"
story = fitz.Story(html=html, user_css=css)
full = sys.argv[2] + ".full"
writer = fitz.DocumentWriter(full)
mediabox = fitz.paper_rect("a4")
where = mediabox + (50, 50, -50, -50)
more = 1
while more:
    device = writer.begin_page(mediabox)
    more, _ = story.place(where)
    story.draw(device)
    writer.end_page()
writer.close()
document = fitz.open(full)
document.subset_fonts()
document.save(sys.argv[2], garbage=4, deflate=True)
document.close()
import os
os.remove(full)
