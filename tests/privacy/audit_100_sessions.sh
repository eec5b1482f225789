#!/usr/bin/env bash
# The privacy audit: 100 visitor sessions, each with its own combination of marker
# answers (25 questions with 4 marker answers each, 100 markers in all), through the
# real kiosk with its store, counts and a printer. Sessions end every way a visit can:
# a printed slip, Wis alles, walking away (the idle timer), Home, and a volunteer who
# opens staff mode while the answers are there. Then:
#   - no marker in the log, the temp dir, the printed slips, the counts, the PIN file,
#     the layout of any staff screen, or any other file in the data dir;
#   - the content store (which holds the markers as the pack's answer options) is
#     byte for byte unchanged by the sessions (its SQL dump);
#   - the process made no network socket at all (file printer), and with a network
#     printer it connected to nothing but the printer's address;
#   - the counts' files hold no order: the write-ahead log is empty, and the same 100
#     sessions run backwards leave the same database, byte for byte (issue 23, item 4).
# Usage: audit_100_sessions.sh WEGWIJZER FIXTURE_PACK WORKDIR
set -euo pipefail
wegwijzer=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work/tmp" "$work/data" "$work/out"
cp -r "$fixture" "$work/pack"

# 25 marker questions first, then the pack's own.
questions="$work/pack/selfcheck/questions.toml"
markers=()
{
  for q in $(seq -w 1 25); do
    printf '[[question]]\nid = "kleur%s"\ntext = { nl = "Welke kleur kiest u?" }\nanswers = [' "$q"
    for a in a b c d; do
      markers+=("zzm${q}${a}")
      printf '"zzm%s%s"%s' "$q" "$a" "$([ $a = d ] || echo ', ')"
    done
    printf ']\n\n'
  done
  cat "$questions"
} > "$questions.new" && mv "$questions.new" "$questions"
for marker in "${markers[@]}"; do
  printf '"answer.%s" = { nl = "Kleur %s" }\n' "$marker" "${marker^^}" >> "$work/pack/strings.toml"
done
[ "${#markers[@]}" = 100 ] || { echo "audit: expected 100 markers"; exit 1; }

# Session i takes answer (i + q) mod 4 on question q: 100 different combinations.
letters=(a b c d)
sessions_script() {
  for i in "$@"; do
    printf '# session %d\ntap home.selfcheck\nwait 1\ntap intro.start\n' "$i"
    for q in $(seq 1 25); do
      printf 'wait 1\ntap answer.zzm%02d%s\n' "$q" "${letters[$(((i + q) % 4))]}"
      # A control: one visitor screen in the dump, where the search must find markers.
      [ "$i$q" = 012 ] && printf 'shot visitor-control\n'
    done
    case $((i % 5)) in
      0) printf 'wait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.unknown\n'
         printf 'expect-screen result\nwait 1\ntap result.slip\nwait 1\ntap next.desk\nwait 1\ntap slip.print\nwait 2\ntap slip.done\n' ;;
      1) printf 'tap nav.clear\nexpect-screen home\n' ;;
      2) printf 'wait 130\nexpect-screen home\n' ;;
      3) printf 'tap nav.home\nexpect-screen home\n' ;;
      4) printf 'hold frame.staff 5\ntap pin.4\ntap pin.0\ntap pin.7\ntap pin.1\ntap pin.9\ntap pin.enter\n'
         printf 'expect-screen volunteer\nshot staff-%d\ntap staff.leave\nexpect-screen home\n' "$i" ;;
    esac
    printf 'wait 1\n'
  done
}
sessions_script $(seq 0 99) > "$work/sessions.script"
sessions_script $(seq 99 -1 0) > "$work/sessions-backwards.script"

run() {
  TMPDIR="$work/tmp" "$@" >> "$work/log.txt" 2>&1
}
script() {
  "$wegwijzer" script "$1" --out "$work/out" --content "$work/pack" --data "$work/data" --printer "$2"
}

# First start: the pack is imported and the PINs set; this is the state before any visitor.
printf 'wait 1\n' > "$work/idle.script"
run script "$work/idle.script" "file:$work/slips.bin"
echo 40719 | "$wegwijzer" set-pin volunteer --data "$work/data" > /dev/null
echo 83560 | "$wegwijzer" set-pin editor --data "$work/data" > /dev/null
sqlite3 "$work/data/content.sqlite" .dump > "$work/before.sql"
copy_before=$(sha256sum < "$work/data/content.sqlite.copy")
cp -a "$work/data" "$work/data-backwards"
day_before=$(date +%F)

# The sessions, with every network call the process makes written down. (LeakSanitizer,
# in the sanitizer build, cannot run under strace; the other tests look for leaks.)
run env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=socket,connect -o "$work/net.txt" \
  "$wegwijzer" script "$work/sessions.script" --out "$work/out" --content "$work/pack" --data "$work/data" \
  --printer "file:$work/slips.bin" || { tail -5 "$work/log.txt"; echo "audit: the sessions did not run"; exit 1; }

sqlite3 "$work/data/content.sqlite" .dump > "$work/after.sql"
diff -u "$work/before.sql" "$work/after.sql" > /dev/null || { echo "audit: the sessions changed the store"; exit 1; }
# The store's copy kept aside (made from the store at start) holds the same pack; sessions leave it as it was.
[ "$(sha256sum < "$work/data/content.sqlite.copy")" = "$copy_before" ] ||
  { echo "audit: the sessions changed the store's copy"; exit 1; }
[ -s "$work/slips.bin" ] || { echo "audit: no slip was printed"; exit 1; }
if [ -n "$(ls -A "$work/tmp")" ]; then echo "audit: files left in the temp dir:"; ls -la "$work/tmp"; exit 1; fi

# Every file but the content store, and the layout of the staff screens, searched for every marker.
staff_layout="$work/staff-layout.jsonl"
grep '"shot":"staff-' "$work/out/layout.jsonl" > "$staff_layout" || grep '"shot": "staff-' "$work/out/layout.jsonl" > "$staff_layout"
[ "$(wc -l < "$staff_layout")" = 20 ] || { echo "audit: expected 20 staff screens in the layout dump"; exit 1; }
searched=("$work/log.txt" "$work/slips.bin" "$staff_layout")
for file in "$work/data"/*; do
  case "$file" in */content.sqlite | */content.sqlite-wal | */content.sqlite-shm | */content.sqlite.copy) continue ;; esac
  searched+=("$file")
done
# The search itself finds markers where they are: on the visitor's own screen.
grep '"shot":"visitor-control"' "$work/out/layout.jsonl" > "$work/control.jsonl"
grep -q -F "Kleur ZZM13" "$work/control.jsonl" || { echo "audit: the control screen shows no marker"; exit 1; }
found=0
for marker in "${markers[@]}"; do
  for label in "$marker" "Kleur ${marker^^}"; do
    if grep -a -l -F "$label" "${searched[@]}" 2> /dev/null; then found=$((found + 1)); fi
  done
done
[ "$found" = 0 ] || { echo "audit: $found markers found (files above)"; exit 1; }

# The counts hold no order of a session. The log is emptied after every write, and the same
# sessions backwards give the same database file: only the header's schema cookie (bytes 41-44
# counted from 1), which counts the writes, may differ.
[ ! -s "$work/data/stats.sqlite-wal" ] || { echo "audit: the counts' write-ahead log is not empty"; exit 1; }
run "$wegwijzer" script "$work/sessions-backwards.script" --out "$work/out-backwards" --content "$work/pack" \
  --data "$work/data-backwards" --printer "file:$work/slips-backwards.bin" ||
  { tail -5 "$work/log.txt"; echo "audit: the sessions backwards did not run"; exit 1; }
if [ "$(date +%F)" = "$day_before" ]; then
  order=$(cmp -l "$work/data/stats.sqlite" "$work/data-backwards/stats.sqlite" | awk '$1 < 41 || $1 > 44' | wc -l)
  [ "$order" = 0 ] && [ "$(stat -c %s "$work/data/stats.sqlite")" = "$(stat -c %s "$work/data-backwards/stats.sqlite")" ] ||
    { echo "audit: the counts' file differs when the sessions come in another order ($order bytes)"; exit 1; }
  # Five visitors together on a day, so what the sessions were about is counted too.
  sqlite3 "$work/data/stats.sqlite" "SELECT 1 FROM daily WHERE event LIKE 'slip_topic:%'" | grep -q 1 ||
    { echo "audit: no topic was counted"; exit 1; }
else
  echo "audit: midnight passed between the runs; the order check is left out this time"
fi

# No network at all with a file printer: only local sockets (the SDL dummy driver, none).
if grep -E 'socket\((AF_INET|AF_INET6|PF_INET)' "$work/net.txt"; then echo "audit: a network socket"; exit 1; fi

# With a network printer: the one connection goes to the printer's address.
printf 'tap home.selfcheck\nwait 1\ntap intro.start\n' > "$work/print.script"
for q in $(seq 1 25); do printf 'wait 1\ntap answer.zzm%02da\n' "$q" >> "$work/print.script"; done
printf 'wait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.unknown\n' >> "$work/print.script"
printf 'wait 1\ntap result.slip\nwait 1\ntap next.desk\nwait 1\ntap slip.print\nwait 3\n' >> "$work/print.script"
run env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=socket,connect -o "$work/net-printer.txt" \
  "$wegwijzer" script "$work/print.script" --out "$work/out-printer" --content "$work/pack" --data "$work/data" \
  --printer escpos:tcp://127.0.0.1:9 || true
connects=$(grep -E 'connect\(.*(AF_INET|AF_INET6)' "$work/net-printer.txt" || true)
[ -n "$connects" ] || { echo "audit: the network printer was never tried"; exit 1; }
if echo "$connects" | grep -v -F 'sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")'; then
  echo "audit: a connection to something other than the printer"; exit 1
fi

sessions=$(grep -c '^# session' "$work/sessions.script")
echo "privacy audit: $sessions sessions, ${#markers[@]} markers, ${#searched[@]} files searched, markers found: 0;" \
  "store unchanged; counts the same in any order, their log empty; no network socket with a file printer, only 127.0.0.1:9 with a network printer"
