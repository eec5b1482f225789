#!/usr/bin/env bash
# The slip as PNG, ESC/POS, text and PDF (read back with pdftotext); an unknown suggestion is refused.
. "$(dirname "$0")/lib.sh"
A=(--suggest huurtoeslag,zorgtoeslag --next-step go --date 2026-11-25)
exits 0 "$W" slip "${A[@]}" --out slip.png > /dev/null
exits 0 "$W" slip "${A[@]}" --format escpos --out slip.escpos > /dev/null
exits 0 "$W" slip "${A[@]}" --format txt --out slip.txt > /dev/null
exits 0 "$W" slip "${A[@]}" --format pdf --paper a4 --out slip.pdf > /dev/null
test -s slip.png || fail "slip.png is empty"
test -s slip.escpos || fail "slip.escpos is empty"
has 'Uw volgende stap' slip.txt
pdftotext slip.pdf slip-pdf.txt || fail "pdftotext cannot read slip.pdf"
has 'Wij hebben niets van u bewaard' slip-pdf.txt
exits 2 "$W" slip --suggest bestaat-niet --out x.png 2> slip.err
has 'no suggestion' slip.err
