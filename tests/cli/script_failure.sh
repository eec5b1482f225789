#!/usr/bin/env bash
# A failing script line exits 1 and names the file and the line.
. "$(dirname "$0")/lib.sh"
printf 'tap nav.help\nexpect-text "Niet hier"\n' > cli-fail.script
exits 1 "$W" script cli-fail.script --out cli-fail 2> cli-fail.err
has '^cli-fail.script:2: expected text' cli-fail.err
