#!/usr/bin/env bash
# A stick made to reach the kiosk's files (docs/RELIABILITY.md, item 2): a link where the
# pack's temp file goes once replaced the staff PINs, and a FIFO there made export-pack wait
# for ever. export-pack and import-pack never follow a link or open a FIFO on the stick.
. "$(dirname "$0")/lib.sh"
mkdir data stick
exits 0 "$W" set-pin volunteer --data data <<< 40719 > /dev/null
cp data/staff-pins.toml pins.before
exits 0 "$W" keygen --out bieb > /dev/null

ln -s ../data/staff-pins.toml stick/bieb.wwpack.tmp
exits 1 "$W" export-pack --key bieb.key --signer bieb --out stick/bieb.wwpack --content "$fixture" 2> link.err
has 'bieb.wwpack.tmp is a link; it was not touched' link.err
cmp pins.before data/staff-pins.toml || fail "the PINs were changed through the link"

mkfifo stick/wacht.wwpack.tmp
exits 1 timeout 20 "$W" export-pack --key bieb.key --signer bieb --out stick/wacht.wwpack --content "$fixture" \
  2> fifo.err
has 'wacht.wwpack.tmp is a FIFO' fifo.err

ln -s ../data/staff-pins.toml stick/pins.wwpack
exits 1 "$W" import-pack stick/pins.wwpack --data data --yes 2> import.err
has 'stick/pins.wwpack is a link; it was not read' import.err
cmp pins.before data/staff-pins.toml || fail "the PINs were changed"
[ ! -e data/content.sqlite ] || fail "a store was made"
