#!/usr/bin/env bash
# Prints a slip through a real CUPS server into a PDF queue (cups-pdf), then
# reads the PDF back with pdftotext: it must hold the slip's text and nothing
# else of the visitor. Needs root (it starts cupsd and adds a queue, and
# removes the queue again); deploy/install-deps.sh installs cups,
# printer-driver-cups-pdf and poppler-utils.
# Usage: cups_pdf.sh WEGWIJZER WORKDIR
set -euo pipefail
wegwijzer=$1 work=$2
queue=wegwijzer-test-pdf
rm -rf "$work" && mkdir -p "$work"
as_root=()
if (( EUID != 0 )); then
  sudo -n true 2>/dev/null || { echo "cups test: needs root (or sudo) to start cupsd and add a queue"; exit 1; }
  as_root=(sudo -n)
fi

pgrep -x cupsd >/dev/null || "${as_root[@]}" cupsd
for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
# poppler's pdftops keeps fonts as fonts (text stays text through the filters).
"${as_root[@]}" lpadmin -p "$queue" -v cups-pdf:/ -E -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd \
  -o pdftops-renderer-default=pdftops 2>/dev/null
trap '"${as_root[@]}" lpadmin -x "$queue" 2>/dev/null || true' EXIT
touch "$work/marker"

"$wegwijzer" slip --suggest huurtoeslag,zorgtoeslag --next-step go --date 2026-11-25 --printer "cups:$queue"

# cups-pdf writes to ~/PDF of the user (root here) or its anonymous spool.
pdf=""
for _ in $(seq 200); do
  pdf=$("${as_root[@]}" find /root/PDF "$HOME/PDF" /var/spool/cups-pdf -name '*.pdf' -newer "$work/marker" 2>/dev/null \
        | head -1 || true)
  [[ -n "$pdf" ]] && break
  sleep 0.1
done
if [[ -z "$pdf" ]]; then echo "cups test: no PDF came out of the queue"; lpstat -W all -o "$queue" || true; exit 1; fi
# cups-pdf writes the file in steps: wait until its size settles.
size=-1; while [[ "$("${as_root[@]}" stat -c %s "$pdf")" != "$size" ]]; do size=$("${as_root[@]}" stat -c %s "$pdf"); sleep 0.5; done
"${as_root[@]}" cat "$pdf" > "$work/printed.pdf"; "${as_root[@]}" rm -f "$pdf"
pdftotext "$work/printed.pdf" "$work/slip.txt"
flat=$(tr -s '\n ' '  ' < "$work/slip.txt")  # lines may wrap differently on paper
for line in "Uw volgende stap" "25 november 2026" "Huurtoeslag: geld voor uw huur" "Neem mee:" \
            "Ik wil graag praten over huurtoeslag en zorgtoeslag" "Wij hebben niets van u bewaard."; do
  [[ "$flat" == *"$line"* ]] || { echo "cups test: '$line' is not in the printed PDF"; cat "$work/slip.txt"; exit 1; }
done
echo "cups test: the slip came out of CUPS as a PDF with its text"
