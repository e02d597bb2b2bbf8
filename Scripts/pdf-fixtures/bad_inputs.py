#!/usr/bin/env python3
"""Make the PDF reader's bad-input fixtures from a good PDF fixture (needs PyMuPDF: pip install pymupdf).

usage: bad_inputs.py GOOD.pdf OUT_DIR

  scanned.pdf     the first page rendered to a small grey image: one page, no text layer
  encrypted.pdf   the good PDF encrypted with AES-256 and a user password ("secret")
  unmapped.pdf    the good PDF with every font's ToUnicode map replaced by one that sends every
                  glyph to the private-use area: what a PDF whose CJK fonts lack a Unicode map
                  gives text extractors
"""
import sys

import fitz  # PyMuPDF

good, out = sys.argv[1], sys.argv[2]

# Scanned: an image per page, nothing else.
source = fitz.open(good)
scanned = fitz.open()
for page in list(source)[:1]:
    pixmap = page.get_pixmap(dpi=30, colorspace=fitz.csGRAY)
    target = scanned.new_page(width=page.rect.width, height=page.rect.height)
    target.insert_image(target.rect, pixmap=pixmap)
scanned.save(f"{out}/scanned.pdf", garbage=4, deflate=True)

# Encrypted with a user password (first page only, to keep the fixtures small).
source.select([0])
source.save(f"{out}/encrypted.pdf", encryption=fitz.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner-secret")

# Unmapped glyphs: every ToUnicode CMap sends glyphs to U+E000 onwards.
CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <18FF> <E000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""
unmapped = fitz.open(good)
unmapped.select([0])
for xref in range(1, unmapped.xref_length()):
    kind, value = unmapped.xref_get_key(xref, "ToUnicode")
    if kind == "xref":
        unmapped.update_stream(int(value.split()[0]), CMAP)
unmapped.save(f"{out}/unmapped.pdf", garbage=4, deflate=True)
