#!/bin/sh
# Adds a CUPS queue for slips on A4 paper, for a library that prints slips on its
# ordinary (network or USB) printer instead of a receipt printer. The kiosk then
# takes  uri = "cups:QUEUE"  in /etc/wegwijzer/wegwijzer.toml ([printer]).
#
# Usage: setup-cups-printer.sh DEVICE-URI [QUEUE] [MODEL]
#   DEVICE-URI  where the printer is: `lpinfo -v` lists what CUPS finds, e.g.
#               ipp://192.168.1.70/ipp/print, usb://HP/LaserJet%20M404?serial=..., socket://192.168.1.70
#   QUEUE       the queue's name (default Wegwijzer_A4)
#   MODEL       the driver: "everywhere" (default; driverless IPP printers, most made
#               since 2015), or a PPD/driver from `lpinfo -m`
# Installed as /usr/sbin/wegwijzer-setup-cups-printer. Needs root and a running cupsd.
set -eu
if [ $# -lt 1 ]; then
  sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
device=$1
queue=${2:-Wegwijzer_A4}
model=${3:-everywhere}
case "$model" in
  /*) driver="-P $model" ;;
  *) driver="-m $model" ;;
esac

# shellcheck disable=SC2086  # $driver is two words on purpose
lpadmin -p "$queue" -E -v "$device" $driver -D "Wegwijzer slips (A4)" -L "Wegwijzer kiosk"
lpadmin -p "$queue" -o PageSize=A4 -o sides-default=one-sided
# A slip that could not be printed now is on the kiosk's screen already: never print it
# hours later for the next visitor to find. The queue is the kiosk's own: not shared.
lpadmin -p "$queue" -o printer-error-policy=abort-job -o printer-is-shared=false
cupsenable "$queue"
cupsaccept "$queue"
echo "CUPS queue $queue ready on $device. In /etc/wegwijzer/wegwijzer.toml set:"
echo "  [printer]"
echo "  uri = \"cups:$queue\""
echo "then run: sudo wegwijzer-apply-config"
