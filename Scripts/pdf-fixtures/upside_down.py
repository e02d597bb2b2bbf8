"""Turn page 2 of a PDF by 180° (`/Rotate 180`, as a scanner feeding a sheet the wrong way round
or a viewer's "rotate" saved back), for the PDF reader's upside-down page test (R12).

usage: python3 upside_down.py IN.pdf OUT.pdf   (needs PyMuPDF: pip install pymupdf)
"""
import sys

import fitz

document = fitz.open(sys.argv[1])
document[1].set_rotation(180)
document.save(sys.argv[2], garbage=3, deflate=True)
