#!/usr/bin/env bash
# Without a display the kiosk says so, points to `tour`, and exits 2.
. "$(dirname "$0")/lib.sh"
exits 2 env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$W" 2> no-display.err
has 'no display' no-display.err
has 'tour --out' no-display.err
