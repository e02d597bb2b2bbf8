#!/usr/bin/env bash
# Make the network-test fixtures in Tests/NianbaoTests/Fixtures/network: documents that name
# http://127.0.0.1:47613/… (linked images, a linked section, a style sheet, a frame, PDF link and
# external-stream objects). The test (NetworkIsolationTests) listens on that port and fails on any
# request while nianbao converts them. links.odt (Python's zipfile), links.rtf (a linked INCLUDEPICTURE field), links.html and links.pdf are written by Python; LibreOffice saves
# it as links.doc (Word 97) — run without network (`unshare -n`), or the saving itself
# would fetch the links; links.wps is the .doc under another name (Kingsoft WPS files are Word files).
#
# usage: Scripts/make-network-fixtures.sh
# needs: python3, soffice, unshare (util-linux; root or user namespaces)
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/NianbaoTests/Fixtures/network
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
python3 - "$out" <<'PY'
import sys, zipfile
out = sys.argv[1]
base = "http://127.0.0.1:47613"
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
body = (f'<text:p>linked image<draw:frame svg:width="2cm" svg:height="2cm"><draw:image xlink:href="{base}/odt-image.png" '
        'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>'
        f'<text:section text:name="linked"><text:section-source xlink:href="{base}/odt-section.odt" xlink:type="simple"/>'
        '<text:p>linked section</text:p></text:section>')
content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
           f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
with zipfile.ZipFile(f"{out}/links.odt", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
with open(f"{out}/links.html", "w", encoding="utf-8") as f:
    f.write(f'<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="{base}/html.css">'
            f'<script src="{base}/html.js"></script></head><body><p>linked image <img src="{base}/html-image.png"></p>'
            f'<iframe src="{base}/html-frame.html"></iframe><object data="{base}/html-object.swf"></object>'
            f'<embed src="{base}/html-embed.mp4"><p style="background:url({base}/html-background.png)">x</p></body></html>')
def pdf(objects):
    data = bytearray(b"%PDF-1.7\n"); offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data)); data += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(data); data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets: data += f"{offset:010d} 00000 n \n".encode()
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(data)
text = b"BT /F1 12 Tf 50 800 Td (linked pdf) Tj ET q 100 0 0 100 50 600 cm /X Do Q"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (" + base.encode() + b"/pdf-open) >> >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R /Annots [7 0 R] >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 /F << /FS /URL /F (" + base.encode() + b"/pdf-image) >> >>\nstream\n\nendstream",
    b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (" + base.encode() + b"/pdf-link) >> >>",
]
open(f"{out}/links.pdf", "wb").write(pdf(objects))
# RTF: a linked picture field (LibreOffice drops a link it could not load when saving RTF).
with open(f"{out}/links.rtf", "w", encoding="ascii") as f:
    f.write('{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}}'
            '{\\pard linked image {\\field{\\*\\fldinst INCLUDEPICTURE "' + base + '/rtf-image.png" \\\\d}{\\fldrslt x}}\\par}'
            '{\\pard {\\field{\\*\\fldinst INCLUDETEXT "' + base + '/rtf-text.rtf"}{\\fldrslt y}}\\par}}')
PY
for format in 'doc:MS Word 97'; do
    unshare -n soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
        --convert-to "$format" --outdir "$work" "$out/links.odt" >/dev/null 2>&1
    mv "$work/links.${format%%:*}" "$out/"
done
cp "$out/links.doc" "$out/links.wps"
grep -c 47613 "$out"/* || true
