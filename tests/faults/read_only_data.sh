#!/usr/bin/env bash
# The data folder on a read-only disk (a real read-only bind mount in a private mount
# namespace): the kiosk starts and serves visitors from the store as it is, a slip still
# prints, the editor is told that nothing can be saved, and nothing on the disk changes.
# A data folder that is read-only and empty gets the bundled pack.
# Usage: read_only_data.sh WEGWIJZER FIXTURE_PACK WORKDIR
# Needs root (or CAP_SYS_ADMIN) for the mount namespace; without it the test is skipped (77).
set -euo pipefail
wegwijzer=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work/data" "$work/empty" "$work/out" "$work/tmp"

if ! unshare -m --propagation private true 2> /dev/null; then
  echo "read-only data: skipped, this machine allows no mount namespace (needs root)"
  exit 77
fi

# A kiosk that has run before: content in its store, counts, PINs, a volume.
echo 40719 | "$wegwijzer" set-pin volunteer --data "$work/data" > /dev/null
echo 83560 | "$wegwijzer" set-pin editor --data "$work/data" > /dev/null
printf 'tap home.topic.huis\nwait 1\n' > "$work/first.script"
"$wegwijzer" script "$work/first.script" --out "$work/out" --content "$fixture" --data "$work/data" > /dev/null 2>&1
sqlite3 "$work/data/content.sqlite" .dump > "$work/before.sql"
(cd "$work/data" && find . -type f -exec sha256sum {} + | sort) > "$work/sums-before.txt"

cat > "$work/visit.script" <<'SCRIPT'
# A visitor reads a page and takes a slip to the desk.
tap home.topic.huis
expect-screen page
tap nav.home
tap home.selfcheck
wait 1
tap intro.start
wait 1
tap answer.yes
wait 1
tap answer.no
wait 1
tap answer.yes
wait 1
tap answer.no
wait 1
tap answer.unknown
expect-screen result
wait 1
tap result.slip
wait 1
tap next.desk
wait 1
tap slip.print
wait 3
shot slip
wait 1
tap slip.done
expect-screen home
SCRIPT

cat > "$work/editor.script" <<'SCRIPT'
# The editor logs in: editing is not offered, and the screen says why.
hold frame.staff 5
tap pin.8
tap pin.3
tap pin.5
tap pin.6
tap pin.0
tap pin.enter
expect-screen volunteer
expect-text "Bewerken kan nu niet. De kiosk kan niets bewaren. Vraag de beheerder om hulp."
shot editor
tap staff.volume_up
expect-text "De kiosk kon het volume niet bewaren."
tap staff.leave
expect-screen home
SCRIPT

# No PINs yet, only the installer's setup code (as a fresh install leaves it): after the code and
# the first PIN typed twice, the PIN cannot be kept, and the screen says so.
code=$("$wegwijzer" setup-code --data "$work/empty")
{
  echo "hold frame.staff 5"
  echo "expect-screen pin_setup"
  previous=""
  for digit in $(echo "$code" | grep -o .); do
    [ "$digit" = "$previous" ] && echo "wait 1"  # one key tapped twice within 0.5 s acts once
    echo "tap pin.$digit"
    previous=$digit
  done
  echo "tap pin.enter"
  for round in 1 2; do printf 'tap pin.4\ntap pin.0\ntap pin.7\ntap pin.1\ntap pin.9\ntap pin.enter\n'; done
  echo 'expect-text "De kiosk kan de pincode niet bewaren. Is de schijf vol? Vraag de beheerder."'
  echo "shot no-pins"
} > "$work/no-pins.script"

# $1: the data folder, mounted read-only over itself for this one run of script $2.
run_read_only() {
  local data=$1 script=$2 log=$3
  cat "$work/visit.script" "$script" > "$work/run.script"
  TMPDIR="$work/tmp" unshare -m --propagation private sh -c '
    mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 90
    if touch "$1/probe" 2> /dev/null; then echo "the mount is not read-only"; exit 91; fi
    exec "$2" script "$3" --out "$4" --content "$5" --data "$1" --printer "file:$6"
  ' sh "$data" "$wegwijzer" "$work/run.script" "$work/out" "$fixture" "$work/slips.bin" > "$log" 2>&1
}

if ! run_read_only "$work/data" "$work/editor.script" "$work/log.txt"; then
  cat "$work/log.txt"; echo "read-only data: the kiosk did not serve from a read-only store"; exit 1
fi
grep -q 'is read-only: visitors are served, edits cannot be saved' "$work/log.txt" ||
  { cat "$work/log.txt"; echo "read-only data: the log does not say the folder is read-only"; exit 1; }
[ -s "$work/slips.bin" ] || { echo "read-only data: no slip was printed"; exit 1; }

# Nothing on the disk changed: not the store, not its log, not the counts or the PINs.
sqlite3 "$work/data/content.sqlite" "PRAGMA integrity_check" | grep -qx ok
sqlite3 "$work/data/content.sqlite" .dump | diff -u "$work/before.sql" - > /dev/null ||
  { echo "read-only data: the store changed"; exit 1; }
(cd "$work/data" && find . -type f -exec sha256sum {} + | sort) | diff -u "$work/sums-before.txt" - ||
  { echo "read-only data: files in the data folder changed"; exit 1; }

# A read-only folder with no store at all (only the setup code): the bundled pack, the same walk.
rm -f "$work/slips.bin"
if ! run_read_only "$work/empty" "$work/no-pins.script" "$work/log-empty.txt"; then
  cat "$work/log-empty.txt"; echo "read-only data: an empty read-only folder stopped the kiosk"; exit 1
fi
grep -q 'read-only disk.*the kiosk shows the bundled content' "$work/log-empty.txt" ||
  { cat "$work/log-empty.txt"; echo "read-only data: the log does not say why there is no store"; exit 1; }
[ -s "$work/slips.bin" ] || { echo "read-only data: no slip was printed from the bundled pack"; exit 1; }
[ "$(ls -A "$work/empty")" = staff-setup-code ] || { echo "read-only data: files appeared in the empty folder"; exit 1; }
[ -z "$(ls -A "$work/tmp")" ] || { echo "read-only data: files left in the temp folder"; exit 1; }
echo "read-only data: served 2 visitors from a read-only store and from none; the disk is unchanged"
