#!/usr/bin/env bash
# set-pin keeps only a hash and refuses a weak PIN; setup-code makes one private code of
# 8 digits and prints the same one again.
. "$(dirname "$0")/lib.sh"

exits 0 "$W" set-pin volunteer --data pin-data <<< 40719 > /dev/null
has '^volunteer = "[$]argon2id[$]' pin-data/staff-pins.toml
if grep -q 40719 pin-data/staff-pins.toml; then fail "the PIN itself is in the file"; fi
exits 1 "$W" set-pin editor --data pin-data <<< 11111 2> weak.err
if grep -q '^editor' pin-data/staff-pins.toml; then fail "a weak editor PIN was kept"; fi

a=$("$W" setup-code --data code-data) || fail "setup-code failed"
b=$("$W" setup-code --data code-data) || fail "setup-code failed the second time"
[ "$a" = "$b" ] || fail "two codes: $a and $b"
echo "$a" | grep -qx '[0-9]\{8\}' || fail "the code is not 8 digits: $a"
[ "$(stat -c %a code-data/staff-setup-code)" = 600 ] || fail "the code's file is not private"
