#!/usr/bin/env bash
# Screens take their sizes in mm from the theme's tokens (ui/theme.hpp) or a named constant at the
# top of their file, with why it is that size: never a bare number handed to px() (issue 19).
screens=$(cd "$(dirname "$0")/../../kiosk/ui/screens" && pwd)
. "$(dirname "$0")/lib.sh"
ls "$screens"/*.cpp > /dev/null || fail "no screens in $screens"
# A number alone, or times a number; "2 * mm::pad" is a token's multiple and fine.
bare='px\( *[0-9.]+f? *([-+/)]|\* *[0-9])'
grep -nE "$bare" "$screens"/*.cpp > bare.txt
[ ! -s bare.txt ] || fail "a bare size in a screen (name it in ui/theme.hpp or the file's constants): $(cat bare.txt)"
# The check itself finds one.
printf '%s\n' '  p.px(120);' '  p.px(4 * 3 + mm::tile_icon);' '  p.px(0.8f);' > probe.cpp
[ "$(grep -cE "$bare" probe.cpp)" = 3 ] || fail "the pattern misses a bare size in: $(cat probe.cpp)"
echo ok
