#!/usr/bin/env bash
# The locked-down kiosk still stops on SIGTERM from the service manager, within 2 seconds.
. "$(dirname "$0")/lib.sh"
SDL_VIDEODRIVER=dummy "$W" --data sigterm-data &
pid=$!
sleep 1
kill -0 "$pid" || fail "the kiosk did not start"
kill -TERM "$pid"
for _ in $(seq 10); do
  kill -0 "$pid" 2> /dev/null || exit 0
  sleep 0.2
done
kill -9 "$pid"
fail "the kiosk was still running 2 s after SIGTERM"
