#!/usr/bin/env bash
# Wegwijzer next to what a library would otherwise use: a web page in a browser kiosk.
# Renders an equivalent Home page (same texts, same fonts, 1920x1080) in headless Chromium
# and the kiosk under a private Xvfb, and prints both side by side with their ratio:
#   start to first frame (process start to the first picture, then exit; median of 5),
#   memory (PSS summed over all the program's processes, 3 s after start),
#   CPU used in 10 s of idling (user + system, all processes).
# Usage: bench/compare-browser.sh [BUILD_DIR]   (Debian `chromium`; skipped with a message without it)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
wegwijzer="$build/wegwijzer"
chromium=$(command -v chromium || true)
if [[ -z "$chromium" ]]; then
  echo "compare-browser: Chromium is not installed (apt-get install chromium); skipped"
  exit 0
fi
work=$(mktemp -d /tmp/wegwijzer-compare.XXXXXX)
cleanup() { [[ -n "${xvfb:-}" ]] && kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --window-size=1920,1080)

# The Home page as a web page would be: the kiosk's own Dutch texts, Noto Sans, the same layout.
fonts=/usr/share/fonts/truetype/noto
cat > "$work/home.html" <<HTML
<!doctype html><html lang="nl"><meta charset="utf-8"><title>Wegwijzer</title><style>
@font-face { font-family: Noto; src: url(file://$fonts/NotoSans-Regular.ttf); }
@font-face { font-family: Noto; font-weight: bold; src: url(file://$fonts/NotoSans-Bold.ttf); }
body { margin: 0; font: 27px Noto; background: #fbf8f2; color: #1a1a1a; width: 1920px; height: 1080px; }
.bar { background: #2e3440; color: #fff; height: 109px; display: flex; align-items: center; padding: 0 36px; }
.bar.bottom { position: absolute; bottom: 0; left: 0; right: 0; gap: 20px; }
button { font: bold 27px Noto; background: #eef1f6; border: 2px solid #465060; border-radius: 11px; height: 73px; flex: 1; }
main { padding: 20px 36px; } h1 { font-size: 40px; }
.check { background: #165232; color: #fff; width: 100%; height: 95px; border-radius: 11px; font: bold 32px Noto; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px; margin-top: 36px; }
.tile { background: #fff; border: 2px solid #465060; border-radius: 11px; height: 164px; font: bold 27px Noto; }
</style><body>
<div class="bar"><b>Bibliotheek Voorbeeldstad</b></div>
<main><h1>Waarmee kunnen we u helpen?</h1><button class="check">Doe de korte check: waar heeft u misschien recht op?</button>
<div class="tiles"><button class="tile">Geldzorgen en regelingen</button><button class="tile">Hulp in en om het huis</button>
<button class="tile">Zorgen voor een ander</button><button class="tile">Meedoen en mensen ontmoeten</button>
<button class="tile">Hulp bij brieven, formulieren en DigiD</button><button class="tile">Over dit informatiepunt</button></div></main>
<div class="bar bottom"><button>Terug</button><button>Begin</button><button>Lees voor</button><button>Tekst groter</button><button>Hulp</button></div>
</body></html>
HTML

# A private X server for the kiosk (a real one, so its idle loop really sleeps).
Xvfb :77 -screen 0 1920x1080x24 -nolisten tcp > /dev/null 2>&1 & xvfb=$!
sleep 1
export DISPLAY=:77

ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# All processes of a program: the one started and its descendants.
tree() {
  local pids=$1 more
  more=$(pgrep -P "$1" || true)
  for p in $more; do pids="$pids $(tree "$p")"; done
  echo "$pids"
}
pss_kib() { local total=0; for p in $(tree "$1"); do
  v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done; echo $total; }
cpu_ticks() { local total=0; for p in $(tree "$1"); do
  v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done; echo $total; }
hz=$(getconf CLK_TCK)

first_frame_kiosk() {
  for _ in 1 2 3 4 5; do
    local t0; t0=$(ms)
    "$wegwijzer" --windowed --renderer software --no-sound --data "$work/data" --exit-after-first-frame \
      > /dev/null 2>&1
    echo $(($(ms) - t0))
  done | median
}
first_frame_chromium() {
  for i in 1 2 3 4 5; do
    local t0; t0=$(ms)
    "$chromium" "${flags[@]}" --user-data-dir="$work/profile-$i" --screenshot="$work/shot.png" \
      "file://$work/home.html" > /dev/null 2>&1
    echo $(($(ms) - t0))
  done | median
}
# Memory 3 s after start, then CPU over 10 s of idling, of a running program.
idle_figures() {
  local pid=$1
  sleep 3
  local pss; pss=$(pss_kib "$pid")
  local c0; c0=$(cpu_ticks "$pid"); sleep 10; local c1; c1=$(cpu_ticks "$pid")
  echo "$pss $(awk -v t=$((c1 - c0)) -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}')"
}

kiosk_start=$(first_frame_kiosk)
chromium_start=$(first_frame_chromium)
"$wegwijzer" --windowed --renderer software --no-sound --data "$work/data" > /dev/null 2>&1 & kiosk=$!
read -r kiosk_pss kiosk_cpu < <(idle_figures $kiosk)
kill $kiosk
"$chromium" "${flags[@]}" --user-data-dir="$work/profile-idle" --remote-debugging-port=0 \
  "file://$work/home.html" > /dev/null 2>&1 & browser=$!
read -r chromium_pss chromium_cpu < <(idle_figures $browser)
kill $browser 2>/dev/null; wait $browser 2>/dev/null || true

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "(0)" }'; }
printf '%-34s %12s %12s %8s\n' "figure" "Wegwijzer" "Chromium" "ratio"
printf '%-34s %12s %12s %8s\n' "start to first frame (ms)" "$kiosk_start" "$chromium_start" "$(ratio "$kiosk_start" "$chromium_start")"
printf '%-34s %12s %12s %8s\n' "memory, PSS all processes (KiB)" "$kiosk_pss" "$chromium_pss" "$(ratio "$kiosk_pss" "$chromium_pss")"
printf '%-34s %12s %12s %8s\n' "CPU in 10 s idle (s)" "$kiosk_cpu" "$chromium_cpu" "$(ratio "$kiosk_cpu" "$chromium_cpu")"
echo "Chromium $("$chromium" --version 2>/dev/null | awk '{print $2}'), headless, software; Wegwijzer $("$wegwijzer" --version | awk '{print $2}') under Xvfb, software renderer"
