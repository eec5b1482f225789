#!/usr/bin/env bash
# A damaged store (issue 23, item 1): one 4 KiB page of content.sqlite zeroed. The real kiosk
# starts, serves the content, keeps the damaged file aside (never deletes it), says so in the
# log in one line and on the volunteer screen; the next start is clean and still says so.
# Usage: damaged_store.sh WEGWIJZER FIXTURE_PACK WORKDIR
set -euo pipefail
wegwijzer=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work/data" "$work/out" "$work/tmp"
data=$work/data

run() {
  TMPDIR="$work/tmp" "$wegwijzer" script "$1" --out "$work/out" --content "$fixture" --data "$data" \
    > "$2" 2>&1
}

# A kiosk that has run before: its store, the copy kept aside, PINs.
echo 40719 | "$wegwijzer" set-pin volunteer --data "$data" > /dev/null
echo 83560 | "$wegwijzer" set-pin editor --data "$data" > /dev/null
printf 'wait 1\n' > "$work/first.script"
run "$work/first.script" "$work/log-first.txt" || { cat "$work/log-first.txt"; exit 1; }
[ -f "$data/content.sqlite.copy" ] || { echo "damaged store: no copy of the store was kept aside"; exit 1; }

# Zero the root page of the table of files: every read of the content fails with "malformed".
page=$(sqlite3 "$data/content.sqlite" "SELECT rootpage FROM sqlite_master WHERE name = 'file'")
dd if=/dev/zero of="$data/content.sqlite" bs=4096 seek=$((page - 1)) count=1 conv=notrunc status=none
sum_damaged=$(sha256sum < "$data/content.sqlite")

cat > "$work/visit.script" <<'SCRIPT'
# A visitor reads a page; then a volunteer looks at the volunteer screen.
expect-screen home
tap home.topic.huis
expect-screen page
expect-text "Hulp in en om het huis"
tap nav.home
hold frame.staff 5
tap pin.4
tap pin.0
tap pin.7
tap pin.1
tap pin.9
tap pin.enter
expect-screen volunteer
expect-text "De opslag was beschadigd. De kiosk gebruikt nu een reservekopie."
shot volunteer
tap staff.leave
expect-screen home
SCRIPT

if ! run "$work/visit.script" "$work/log.txt"; then
  cat "$work/log.txt"; echo "damaged store: the kiosk did not start and serve"; exit 1
fi
[ "$(grep -c 'the store was damaged' "$work/log.txt")" = 1 ] ||
  { cat "$work/log.txt"; echo "damaged store: the log does not say it in one line"; exit 1; }
kept=$(ls "$data" | grep '^content\.sqlite\.damaged-' | grep -v -e '-wal$' -e '-shm$' || true)
[ "$(echo "$kept" | grep -c .)" = 1 ] || { ls -la "$data"; echo "damaged store: the damaged file was not kept aside"; exit 1; }
[ "$(sha256sum < "$data/$kept")" = "$sum_damaged" ] ||
  { echo "damaged store: the damaged file kept aside is not as it was found"; exit 1; }
sqlite3 "$data/content.sqlite" "PRAGMA quick_check" | grep -qx ok ||
  { echo "damaged store: the store the kiosk works on is not sound"; exit 1; }
# One line, and nothing typed on the screen in it (the PIN).
[ "$(grep -c 'wegwijzer: the store was damaged' "$work/log.txt")" = 1 ] ||
  { cat "$work/log.txt"; echo "damaged store: the damage is not one log line"; exit 1; }
if grep -q 40719 "$work/log.txt"; then echo "damaged store: the PIN in the log"; exit 1; fi

# The next start finds nothing new wrong, serves, and the volunteer screen still says it.
if ! run "$work/visit.script" "$work/log-again.txt"; then
  cat "$work/log-again.txt"; echo "damaged store: the second start failed"; exit 1
fi
if grep -q -e 'the store was damaged' -e 'log is damaged' "$work/log-again.txt"; then
  cat "$work/log-again.txt"; echo "damaged store: the second start found damage again"; exit 1
fi
[ -z "$(ls -A "$work/tmp")" ] || { echo "damaged store: files left in the temp folder"; exit 1; }
echo "damaged store: page $page zeroed; the kiosk served from the copy, kept $kept, said it in the log and on the volunteer screen"
