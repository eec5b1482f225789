#!/usr/bin/env bash
# The bench prints every figure as JSON, none with an error.
. "$(dirname "$0")/lib.sh"
exits 0 "$W" bench --quick > bench.json
for figure in start_to_first_frame_ms cpu_s_per_10s p99_ms key_to_focus_speech_ms_p50 whole_check_by_keypad minutes; do has "$figure" bench.json; done
if grep -B3 '"error"' bench.json; then fail "a figure has an error"; fi
