#!/usr/bin/env bash
# Checks that nianbao's children die with it and stay bounded (issue 21, R3–R5), on the built
# binary: R3's slow.pdf (pdftotext grows to hundreds of MB) interrupted by SIGTERM, SIGINT and
# SIGKILL, R4's hang.rtf (LibreOffice spins) after SIGINT and SIGKILL, R7's LibreOffice socket and
# lu*.tmp folders in /tmp after those (and after the next run, which cleans the killed run's
# folders), and the peak memory of one run on
# slow.pdf under the default 1 GiB limit and under NIANBAO_PDF_MEMORY_MB=200. Prints one line per
# check: "ok …" or "FAIL …". Takes about 2 minutes.
#
# usage: Scripts/check-children.sh [NIANBAO]   (default .build/debug/nianbao)
set -uo pipefail
cd "$(dirname "$0")/.."
nianbao=$(realpath "${1:-.build/debug/nianbao}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - <<'PY'
def build(objs):
    out = bytearray(b'%PDF-1.7\n'); offs = []
    for i, o in enumerate(objs, 1): offs.append(len(out)); out += f'{i} 0 obj\n'.encode() + o + b'\nendobj\n'
    x = len(out); out += f'xref\n0 {len(objs)+1}\n0000000000 65535 f \n'.encode()
    for o in offs: out += f'{o:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n'.encode(); return bytes(out)
st = lambda d, e=b'': b'<< /Length %d %s >>\nstream\n' % (len(d), e) + d + b'\nendstream'
L = 9; o = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
 b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> /Font << /F1 4 0 R >> >> /Contents %d 0 R >>' % (5 + L),
 b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
for l in range(L):
    if l < L - 1: o.append(st(b'q /Y Do Q ' * 10, b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Y %d 0 R >> >>' % (6 + l)))
    else: o.append(st(b'BT /F1 1 Tf 10 10 Td (x) Tj ET', b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>'))
o.append(st(b'BT /F1 12 Tf 50 800 Td (slow) Tj ET q /X Do Q'))
open('slow.pdf', 'wb').write(build(o))
open('hang.rtf', 'w').write('{\\rtf1\\ansi ' + '{\\b ' * 200000 + 'x' + '}' * 200000 + '}')
PY

# Every descendant of $1, recursively.
descendants() {
    local children
    children=$(ps -eo pid=,ppid= | awk -v p="$1" '$2 == p { print $1 }')
    for child in $children; do echo "$child"; descendants "$child"; done
}
# Runs nianbao on $1, waits $2 s, sends $3, then reports the descendants still running 2 s later.
check() {
    local file=$1 wait=$2 signal=$3 name=$4
    "$nianbao" convert "$file" --out "o-$signal" >/dev/null 2>&1 &
    local pid=$!
    sleep "$wait"
    local kids
    kids=$(descendants "$pid" | tr '\n' ' ')
    kill -"$signal" "$pid"; wait "$pid" 2>/dev/null
    sleep 2
    local left=""
    for kid in $kids; do
        if ps -o stat= -p "$kid" 2>/dev/null | grep -qv Z; then left="$left $kid"; fi
    done
    if [ -z "$kids" ]; then echo "FAIL $name: no child seen after ${wait} s"
    elif [ -n "$left" ]; then echo "FAIL $name: still running after SIG$signal:$left"; ps -o pid,ppid,rss,pcpu,args -p "${left// /,}" | cut -c1-150; kill -9 $left
    else echo "ok   $name: $(echo "$kids" | wc -w) descendant(s) gone 2 s after SIG$signal"; fi
}
check slow.pdf 4 TERM "R3 pdftotext, SIGTERM"
check slow.pdf 4 INT "R3 pdftotext, SIGINT"
check slow.pdf 8 KILL "R3 pdftotext, SIGKILL"
# LibreOffice's entries in /tmp: its socket (OSL_PIPE_<uid>_SingleOfficeIPC_<hash>) and lu*.tmp folders.
office_tmp() { ls /tmp 2>/dev/null | grep -E "^OSL_PIPE_$(id -u)_SingleOfficeIPC_|^lu[0-9].*\.tmp$" | sort; }
office_tmp > office.before
check hang.rtf 8 INT "R4 LibreOffice, SIGINT"
left=$(office_tmp | comm -13 office.before - | tr '\n' ' ')
[ -z "$left" ] && echo "ok   R7: nothing of LibreOffice's left in /tmp after SIGINT" || echo "FAIL R7: left in /tmp after SIGINT: $left"
check hang.rtf 8 KILL "R4 LibreOffice, SIGKILL"
printf '{\\rtf1 next run}' > next.rtf
"$nianbao" convert next.rtf --out o-next >/dev/null 2>&1
left=$(office_tmp | comm -13 office.before - | tr '\n' ' ')
[ -z "$left" ] && echo "ok   R7: nothing of LibreOffice's left in /tmp after SIGKILL and the next run" || echo "FAIL R7: left in /tmp after SIGKILL and the next run: $left"
ls /dev/shm 2>/dev/null | grep -q '^nianbao-pdf-' && echo "FAIL R3: nianbao-pdf-* copies in /dev/shm" || echo "ok   R3: no nianbao-pdf-* copy in /dev/shm"
for limit in 1024 200; do
    start=$(date +%s)
    peak=$( { NIANBAO_PDF_MEMORY_MB=$limit /usr/bin/time -f '%M' "$nianbao" convert slow.pdf --out "m$limit" >/dev/null 2>"err$limit"; } 2>&1; tail -1 "err$limit")
    echo "R5 NIANBAO_PDF_MEMORY_MB=$limit: $(($(date +%s) - start)) s, peak RSS of the run and its children ${peak} KB: $(grep -o 'needs too much memory\|did not finish within [0-9]* s' "err$limit" | head -1)"
done
