#!/usr/bin/env bash
# Make the legacy-format fixtures: each LibreOffice DOCX rendering of a sample
# (Tests/NianbaoTests/Fixtures/docx/<stem>.lo.docx, made by Scripts/make-docx-fixtures.sh) saved by
# LibreOffice as Word 97–2003 .doc, RTF and ODT into OUT_DIR/<stem>.lo.doc, .lo.rtf and .lo.odt, and
# as a macro-enabled document and a template (OOXML, read without LibreOffice) into .lo.docm and
# .lo.dotx. One soffice process per format, in a private profile. Also encrypted.docx (see below).
#
# usage: Scripts/make-legacy-fixtures.sh [OUT_DIR]
#   OUT_DIR defaults to Tests/NianbaoTests/Fixtures/legacy.
# needs: soffice (apt-get install -y --no-install-recommends libreoffice-writer)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Tests/NianbaoTests/Fixtures/legacy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "missing soffice: apt-get install -y --no-install-recommends libreoffice-writer" >&2; exit 1; }

mkdir -p "$out" "$work/in"
for docx in Tests/NianbaoTests/Fixtures/docx/*.lo.docx; do
    stem=$(basename "$docx" .lo.docx)
    cp "$docx" "$work/in/$stem.docx"
done
for format in 'doc:MS Word 97' 'rtf:Rich Text Format' 'odt:writer8' 'docm:MS Word 2007 XML VBA' 'dotx:MS Word 2007 XML Template'; do
    ext=${format%%:*}
    mkdir -p "$work/$ext"
    soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
        --convert-to "$format" --outdir "$work/$ext" "$work"/in/*.docx >/dev/null 2>&1
    for file in "$work/$ext"/*."$ext"; do
        stem=$(basename "$file" ".$ext")
        mv "$file" "$out/$stem.lo.$ext"
    done
done
# A password-protected OOXML file (password "secret"), when msoffcrypto-tool is installed
# (pip install msoffcrypto-tool): an OLE compound file with EncryptionInfo and EncryptedPackage.
if python3 -c 'import msoffcrypto' 2>/dev/null; then
    python3 - "$work/in/000_ad0b93b4492ed8bd.docx" "$out/encrypted.docx" <<'PY'
import sys
from msoffcrypto.format.ooxml import OOXMLFile
with open(sys.argv[1], "rb") as source, open(sys.argv[2], "wb") as target:
    OOXMLFile(source).encrypt("secret", target)
PY
fi
ls -l "$out"
