#!/usr/bin/env python3
"""The python extractors of Scripts/extract-matrix.sh, each writing what the tool itself gives.

usage: extract.py TOOL INPUT OUTPUT
  docx2txt     docx2txt.process(DOCX)
  mammoth-md   mammoth.convert_to_markdown(DOCX)
  mammoth-raw  mammoth.extract_raw_text(DOCX)
  pymupdf      page.get_text() of every page of a PDF, pages joined as PyMuPDF writes them
  html2text    html2text.html2text(HTML) of an HTML rendering
  scraper      a web scraper's text of an HTML rendering: paragraphs one per line, each table
               row's cells joined by ' | ' (the way scraped pages often reach users)
  python-docx  a DOCX dumped with python-docx as its users write it: each paragraph on a line,
               each table row's `row.cells` texts joined by tabs (a merged cell once for every
               grid column it spans, a blank cell empty)
  pdfminer     pdfminer.six's extract_text(PDF), default layout analysis
  pdfplumber   pdfplumber's page.extract_text() of every page, pages joined by form feeds
  markitdown   Microsoft's markitdown (Markdown) of a DOCX or a PDF (on a PDF its tables come
               from a table finder's grid: two cells may share one `|` field)
"""
import sys
from html.parser import HTMLParser


def docx2txt_text(path):
    import docx2txt
    return docx2txt.process(path)


def mammoth_md(path):
    import mammoth
    with open(path, "rb") as f:
        return mammoth.convert_to_markdown(f).value


def mammoth_raw(path):
    import mammoth
    with open(path, "rb") as f:
        return mammoth.extract_raw_text(f).value


def pymupdf_text(path):
    try:
        import pymupdf
    except ImportError:  # older releases only have the fitz name
        import fitz as pymupdf
    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def read_html(path):
    with open(path, "rb") as f:
        raw = f.read()
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def html2text_text(path):
    import html2text
    return html2text.html2text(read_html(path))


class Scraper(HTMLParser):
    """Text of block elements one per line; a table row's cells joined by ' | '."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.text, self.cells = [], [], None
        self.skip = 0

    def flush(self):
        line = " ".join("".join(self.text).split())
        self.text = []
        if line:
            self.lines.append(line)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in ("td", "th"):
            self.text = []
        elif tag in self.BLOCKS and self.cells is None:
            self.flush()
        elif tag in self.BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append(" ".join("".join(self.text).split()))
            self.text = []
        elif tag == "tr" and self.cells is not None:
            self.lines.append(" | ".join(self.cells))
            self.cells = None
        elif tag in self.BLOCKS and self.cells is None:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def scraper_text(path):
    parser = Scraper()
    parser.feed(read_html(path))
    parser.close()
    parser.flush()
    return "\n".join(parser.lines) + "\n"


def python_docx_text(path):
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    document = docx.Document(path)
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


def pdfminer_text(path):
    from pdfminer.high_level import extract_text
    return extract_text(path)


def pdfplumber_text(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\n\f".join((page.extract_text() or "") for page in pdf.pages) + "\n"


def markitdown_text(path):
    from markitdown import MarkItDown
    return MarkItDown().convert(path).text_content


TOOLS = {
    "docx2txt": docx2txt_text,
    "mammoth-md": mammoth_md,
    "mammoth-raw": mammoth_raw,
    "pymupdf": pymupdf_text,
    "html2text": html2text_text,
    "scraper": scraper_text,
    "python-docx": python_docx_text,
    "pdfminer": pdfminer_text,
    "pdfplumber": pdfplumber_text,
    "markitdown": markitdown_text,
}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in TOOLS:
        sys.exit(__doc__)
    text = TOOLS[sys.argv[1]](sys.argv[2])
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        out.write(text)
