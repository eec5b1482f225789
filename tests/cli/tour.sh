#!/usr/bin/env bash
# The tour renders every screen, in every language and text size.
. "$(dirname "$0")/lib.sh"
exits 0 "$W" tour --out tour > tour.out
grep -Eq '[0-9]+ screens written' tour.out || fail "tour said: $(cat tour.out)"
test -s tour/nl-home.png || fail "no tour/nl-home.png"
test -s tour/en-large-slip.png || fail "no tour/en-large-slip.png"
