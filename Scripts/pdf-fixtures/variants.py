#!/usr/bin/env python3
"""Make page-setup variants of a DOCX fixture by editing its section properties (w:sectPr) and table
rows, for Scripts/make-pdf-fixtures.sh.

usage: variants.py IN.docx OUT.docx narrow|landscape|split|center

  narrow     A4 portrait, 0.5 cm margins all round: long lines, wide tables
  landscape  A4 landscape (29.7 x 21 cm)
  split      A4 portrait, wide top and bottom margins and a page number in the footer, the tables'
             first two rows marked as header rows (w:tblHeader) so LibreOffice repeats them on
             every page a table continues on
  center     A4 portrait as rendered, but every table paragraph centred and every cell aligned
             at the top: values no longer share a left edge, and wrapped labels hang below them
"""
import re
import sys
import zipfile

PAGE_NUMBER_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">- </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>'
)
FOOTER_REL = ('<Relationship Id="rIdPdfFooter" '
              'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
              'Target="footer-pdf.xml"/>')
FOOTER_TYPE = ('<Override PartName="/word/footer-pdf.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')


def section(kind):
    if kind == "narrow":
        return ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:left="284" w:right="284" w:top="284" w:bottom="284" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>')
    if kind == "landscape":
        return ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
                '<w:pgMar w:left="1440" w:right="1440" w:top="1134" w:bottom="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>')
    return ('<w:sectPr><w:footerReference w:type="default" r:id="rIdPdfFooter"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:left="1800" w:right="1800" w:top="2880" w:bottom="2880" w:header="720" w:footer="1200" w:gutter="0"/></w:sectPr>')


def centre_tables(document):
    """Centres every paragraph inside a table and aligns every cell at the top."""
    def fix(match):
        table = re.sub(r'<w:jc w:val="[a-z]+"/>', '<w:jc w:val="center"/>', match.group(0))
        table = re.sub(r'<w:vAlign w:val="[a-z]+"/>', '', table)
        return table.replace('<w:tcPr>', '<w:tcPr><w:vAlign w:val="top"/>')
    return re.sub(r'<w:tbl>.*?</w:tbl>', fix, document, flags=re.S)


def mark_header_rows(document):
    """Gives the first two rows of every table a w:tblHeader."""
    out, position = [], 0
    for match in re.finditer(r'<w:tbl>', document):
        out.append(document[position:match.end()])
        position = match.end()
        for _ in range(2):
            row = document.find('<w:tr>', position)
            if row < 0:
                break
            row += len('<w:tr>')
            out.append(document[position:row])
            position = row
            if document.startswith('<w:trPr>', position):
                out.append('<w:trPr><w:tblHeader/>')
                position += len('<w:trPr>')
            else:
                out.append('<w:trPr><w:tblHeader/></w:trPr>')
    out.append(document[position:])
    return ''.join(out)


def main():
    source, target, kind = sys.argv[1:4]
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                if kind == "center":
                    text = centre_tables(text)
                else:
                    text, count = re.subn(r'<w:sectPr>.*?</w:sectPr>', section(kind), text, flags=re.S)
                    assert count == 1, f"{source}: {count} sections"
                if kind == "split":
                    text = mark_header_rows(text)
                data = text.encode("utf-8")
            elif kind == "split" and item.filename == "word/_rels/document.xml.rels":
                data = data.decode("utf-8").replace("</Relationships>", FOOTER_REL + "</Relationships>").encode("utf-8")
            elif kind == "split" and item.filename == "[Content_Types].xml":
                data = data.decode("utf-8").replace("</Types>", FOOTER_TYPE + "</Types>").encode("utf-8")
            zout.writestr(item, data)
        if kind == "split":
            zout.writestr("word/footer-pdf.xml", PAGE_NUMBER_FOOTER)


if __name__ == "__main__":
    main()
