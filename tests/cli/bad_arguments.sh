#!/usr/bin/env bash
# Mistakes on the command line and in scripts (issue 23, item 12): each one is refused
# before anything runs, with one line that says what is wanted, and exit 2.
set -u
wegwijzer=$1 content=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

# refused "what" COMMAND...: exit 2, one line on stderr that matches WANT, nothing on stdout.
refused() {
  local what=$1 want=$2
  shift 2
  timeout 20 "$@" > out.txt 2> err.txt
  local rc=$?
  if [ "$rc" != 2 ] || [ "$(wc -l < err.txt)" != 1 ] || ! grep -q -- "$want" err.txt || [ -s out.txt ]; then
    echo "FAIL: $what: exit $rc"; cat err.txt; head -c 300 out.txt; failures=$((failures + 1))
  fi
}

printf 'wait 9.3e15\n' > wait.script
refused "wait of 9.3e15 s" "wait.script:1: usage: wait SECONDS (0 to 2592000" \
  "$wegwijzer" script wait.script --out shots --content "$content"
printf 'hold nav.home 9.3e15\n' > hold.script
refused "hold of 9.3e15 s" "hold.script:1: usage: hold ID SECONDS" \
  "$wegwijzer" script hold.script --out shots --content "$content"
refused "script /dev/zero" "cannot read script /dev/zero: /dev/zero is a device" \
  "$wegwijzer" script /dev/zero --out shots --content "$content"
refused "script /tmp" "cannot read script /tmp: /tmp is a folder" \
  "$wegwijzer" script /tmp --out shots --content "$content"
head -c 5000000 /dev/zero | tr '\0' '#' > big.script
refused "a script of 5 MB" "larger than 4 MiB" "$wegwijzer" script big.script --out shots --content "$content"
printf 'shot ../X\n' > escape.script
refused "shot ../X" "escape.script:1: usage: shot NAME" \
  "$wegwijzer" script escape.script --out shots/inner --content "$content"
[ ! -e shots/X.png ] && [ ! -e shots/inner ] || { echo "FAIL: shot ../X wrote something"; failures=$((failures + 1)); }
refused "monkey --events abc" "events wants a whole number" "$wegwijzer" monkey --events abc --content "$content"
refused "monkey --events 0" "events wants a whole number" "$wegwijzer" monkey --events 0 --content "$content"
refused "monkey --seed x1" "seed wants a whole number" "$wegwijzer" monkey --events 1 --seed x1 --content "$content"
refused "soak --hours nan" "hours wants a number" "$wegwijzer" soak --hours nan --content "$content"
refused "slip --date 2026-02-30" "date wants a day that exists" \
  "$wegwijzer" slip --suggest huurtoeslag --date 2026-02-30 --content "$content" --out slip.png
[ ! -e slip.png ] || { echo "FAIL: a slip for 30 February"; failures=$((failures + 1)); }
refused "slip --time 24:30" "time wants a time of day" \
  "$wegwijzer" slip --suggest huurtoeslag --time 24:30 --content "$content" --out slip.png
[ ! -e slip.png ] || { echo "FAIL: a slip at 24.30"; failures=$((failures + 1)); }
refused "check-content --date 2026-13-01" "date wants a day" "$wegwijzer" check-content "$content" --date 2026-13-01
refused "selfcheck --date 2026-2-3" "date wants a day" "$wegwijzer" selfcheck --date 2026-2-3 --content "$content"
printf 'wait 1\n' > ok.script
refused "script --idle-seconds 30abc" "idle-seconds wants a whole number" \
  "$wegwijzer" script ok.script --out shots --content "$content" --idle-seconds 30abc

# The settings file: check-config names each line and says "has errors" (exit 1, as for any
# error in the file: the deploy script reads that).
printf '[screen]\nheight_mm = nan\n[printer]\nuri = "escpos:tcp://10.0.0.9:9100abc"\n' > k.toml
"$wegwijzer" check-config k.toml > config.txt
rc=$?
if [ "$rc" != 1 ] || ! grep -q '^k.toml:2: error: height_mm' config.txt || ! grep -q '^k.toml:4: error: uri' config.txt ||
  ! grep -qx 'k.toml: has errors' config.txt; then
  echo "FAIL: check-config took nan or port 9100abc (exit $rc)"; cat config.txt; failures=$((failures + 1))
fi

# And what is right still runs.
printf 'wait 2592000\nshot home\n' > fine.script
"$wegwijzer" script fine.script --out shots --content "$content" > /dev/null || { echo "FAIL: a good script"; failures=$((failures + 1)); }
"$wegwijzer" slip --suggest huurtoeslag --date 2028-02-29 --content "$content" --out leap.png > /dev/null ||
  { echo "FAIL: 29 February 2028"; failures=$((failures + 1)); }

[ "$failures" = 0 ] || exit 1
echo "bad arguments: every mistake refused with one line and exit 2"
