#!/usr/bin/env bash
# Prints a slip and a "Roep iemand" call ticket through a real CUPS server into a PDF queue (cups-pdf), then
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

# The PDF the queue printed since the marker, into $work/$1, as text into $work/$2.
printed_text() {
  # cups-pdf writes to ~/PDF of the user (root here) or its anonymous spool.
  local pdf="" size=-1
  for _ in $(seq 200); do
    pdf=$("${as_root[@]}" find /root/PDF "$HOME/PDF" /var/spool/cups-pdf -name '*.pdf' -newer "$work/marker" 2>/dev/null \
          | head -1 || true)
    [[ -n "$pdf" ]] && break
    sleep 0.1
  done
  if [[ -z "$pdf" ]]; then echo "cups test: no PDF came out of the queue"; lpstat -W all -o "$queue" || true; exit 1; fi
  # cups-pdf writes the file in steps: wait until its size settles.
  while [[ "$("${as_root[@]}" stat -c %s "$pdf")" != "$size" ]]; do size=$("${as_root[@]}" stat -c %s "$pdf"); sleep 0.5; done
  "${as_root[@]}" cat "$pdf" > "$work/$1"; "${as_root[@]}" rm -f "$pdf"
  pdftotext "$work/$1" "$work/$2"
}

"$wegwijzer" slip --suggest huurtoeslag,zorgtoeslag --next-step go --date 2026-11-25 --printer "cups:$queue"
printed_text printed.pdf slip.txt
flat=$(tr -s '\n ' '  ' < "$work/slip.txt")  # lines may wrap differently on paper
for line in "Uw volgende stap" "25 november 2026" "Huurtoeslag: geld voor uw huur" "Neem mee:" \
            "Ik wil graag praten over huurtoeslag en zorgtoeslag" "Wij hebben niets van u bewaard."; do
  [[ "$flat" == *"$line"* ]] || { echo "cups test: '$line' is not in the printed PDF"; cat "$work/slip.txt"; exit 1; }
done
echo "cups test: the slip came out of CUPS as a PDF with its text"

# "Roep iemand" on a Monday at 14.32, with the desk's printer on CUPS: the call ticket holds
# its sentence and the time, and nothing of the visitor (who answered a question first).
touch "$work/marker"
cat > "$work/call.script" <<'SCRIPT'
clock 2026-12-07T14:32
tap home.selfcheck
wait 1
tap intro.start
wait 1
tap answer.yes
wait 1
tap nav.help
tap call.button
wait 1
expect-text "Er komt zo iemand naar u toe. Blijf gerust bij de computer."
SCRIPT
"$wegwijzer" script "$work/call.script" --out "$work/call" --no-sound --call-printer "cups:$queue"
printed_text ticket.pdf ticket.txt
ticket=$(tr -s '\n\f ' '   ' < "$work/ticket.txt" | sed 's/^ *//; s/ *$//')
[[ "$ticket" == "Iemand bij de kiosk wil graag hulp. 14.32 uur" ]] ||
  { echo "cups test: the call ticket says '$ticket'"; exit 1; }
echo "cups test: the call ticket came out of CUPS with its sentence and the time, and nothing else"
