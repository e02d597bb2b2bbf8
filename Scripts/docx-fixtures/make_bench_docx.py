#!/usr/bin/env python3
"""Write a synthetic DOCX whose document.xml is about SIZE_MB megabytes: paragraphs split over
several runs and 7-column tables with CJK text, for the reader benchmark.

usage: make_bench_docx.py OUT.docx [SIZE_MB]
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
out = sys.argv[1]
target = float(sys.argv[2] if len(sys.argv) > 2 else 20) * 1024 * 1024

para = ('<w:p w:rsidR="00A1"><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        '<w:t>我局认真贯彻落实《中华人民共和国政府信息公开条例》，</w:t></w:r><w:proofErr w:type="spellStart"/>'
        '<w:r><w:t xml:space="preserve">第{n}段 </w:t></w:r><w:r><w:t>把政府信息公开工作作为建设服务政府的重要举措。</w:t></w:r></w:p>')
cell = '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{v}</w:t></w:r></w:p></w:tc>'
row = '<w:tr>' + cell.format(v="（一）予以公开") + "".join(cell.format(v=str(i)) for i in range(6)) + '</w:tr>'
table = '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>' + row * 20 + '</w:tbl>'

parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>']
size = len(parts[0])
n = 0
while size < target:
    chunk = "".join(para.format(n=n + i) for i in range(20)) + table
    n += 20
    parts.append(chunk)
    size += len(chunk.encode("utf-8"))
parts.append("</w:body></w:document>")

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", "".join(parts))
print(f"{out}: document.xml {size / 1048576:.1f} MiB")
