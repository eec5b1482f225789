#!/usr/bin/env bash
# Privacy is a feature we test: visitors answer a question whose answers are
# unique markers, in several sessions (finished, abandoned, timed out), through
# the real kiosk with its store. Then the data directory (database, WAL,
# journal), the temp directory and the log must hold no trace of any marker.
# Usage: sessions_leave_no_trace.sh WEGWIJZER FIXTURE_PACK WORKDIR
set -euo pipefail
wegwijzer=$1 fixture=$2 work=$3
rm -rf "$work" && mkdir -p "$work/tmp" "$work/data" "$work/out"
cp -r "$fixture" "$work/pack"

# A first question whose answers are markers; nothing else in the pack has them.
questions="$work/pack/selfcheck/questions.toml"
{ printf '[[question]]\nid = "kleur"\ntext = { nl = "Welke kleur kiest u?" }\n'
  printf 'answers = ["zzmarkeralfa", "zzmarkerbeta"]\n\n'
  cat "$questions"; } > "$questions.new" && mv "$questions.new" "$questions"
printf '"answer.zzmarkeralfa" = { nl = "Kleur Alfa4711" }\n"answer.zzmarkerbeta" = { nl = "Kleur Beta0815" }\n' \
  >> "$work/pack/strings.toml"

cat > "$work/sessions.script" <<'SCRIPT'
# 1: a full check to the slip
tap home.selfcheck
wait 1
tap intro.start
wait 1
tap answer.zzmarkeralfa
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
tap next.call
wait 1
tap slip.done
# 2: stopped half way with Wis alles
wait 1
tap home.selfcheck
wait 1
tap intro.start
wait 1
tap answer.zzmarkerbeta
tap nav.clear
expect-screen home
# 3: walked away: the idle timer wipes it
tap home.selfcheck
wait 1
tap intro.start
wait 1
tap answer.zzmarkeralfa
wait 130
expect-screen home
SCRIPT

run() {
  TMPDIR="$work/tmp" "$wegwijzer" script "$1" --out "$work/out" --content "$work/pack" --data "$work/data" \
    >> "$work/log.txt" 2>&1
}
dump() { sqlite3 "$work/data/content.sqlite" .dump; }

# First start: the pack is imported. This is the store's state before any visitor.
printf 'wait 1\n' > "$work/idle.script"
run "$work/idle.script"
dump > "$work/before.sql"
ls "$work/data" > "$work/files-before.txt"

run "$work/sessions.script"

# Sessions change nothing in the store: no row, no counter, no timing.
dump > "$work/after.sql"
if ! diff -u "$work/before.sql" "$work/after.sql"; then
  echo "privacy: the sessions changed the store (diff above)"; exit 1
fi
ls "$work/data" | grep -v -e '-wal$' -e '-shm$' > "$work/files-after.txt" || true
grep -v -e '-wal$' -e '-shm$' "$work/files-before.txt" | diff - "$work/files-after.txt"
# Nothing in the temp dir, and no marker in the log.
if [ -n "$(ls -A "$work/tmp")" ]; then echo "privacy: files left in the temp dir:"; ls -la "$work/tmp"; exit 1; fi
for marker in zzmarkeralfa zzmarkerbeta Alfa4711 Beta0815; do
  if grep -q "$marker" "$work/log.txt"; then echo "privacy: '$marker' in the log"; exit 1; fi
  # The content store holds the pack, markers and all, as answer options: its dump was compared above.
  for file in "$work/data"/*; do
    case "$file" in */content.sqlite*) continue ;; esac
    if grep -a -q "$marker" "$file"; then echo "privacy: '$marker' in $file"; exit 1; fi
  done
done

# The anonymous counts: one row per day and event name, nothing else. No row per session,
# no time of day, no answer: the three sessions are one number.
stats="$work/data/stats.sqlite"
sqlite3 "$stats" 'SELECT event FROM daily' | grep -v -E \
  '^(session|selfcheck_started|selfcheck_finished|slip_shown|slip_printed|speech|page:[a-z-]+|language:[a-z]+|slip_topic:[a-z_]+)$' \
  && { echo "privacy: an unexpected count in the stats"; exit 1; }
[ "$(sqlite3 "$stats" "SELECT count FROM daily WHERE event = 'session'")" = 3 ] \
  || { echo "privacy: expected 3 sessions counted"; sqlite3 "$stats" .dump; exit 1; }
[ "$(sqlite3 "$stats" "SELECT count(*) FROM daily")" = "$(sqlite3 "$stats" "SELECT count(DISTINCT day || event) FROM daily")" ] \
  || { echo "privacy: more than one row per day and event"; exit 1; }
[ "$(sqlite3 "$stats" "SELECT group_concat(name) FROM pragma_table_info('daily')")" = "day,event,count" ] \
  || { echo "privacy: the stats table has other columns"; exit 1; }
echo "privacy: 3 sessions (finished, cleared, timed out); store unchanged, temp empty, log clean, stats counts only"
