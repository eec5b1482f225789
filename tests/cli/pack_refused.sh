#!/usr/bin/env bash
# import-pack refuses, with exit 1 and the store as it was, a pack changed after signing,
# one signed by a key the kiosk does not trust, and one whose signer's name is borrowed.
. "$(dirname "$0")/lib.sh"
mkdir data
exits 0 "$W" keygen --out bieb > /dev/null
exits 0 "$W" keygen --out vreemd > /dev/null
cp bieb.pub data/trusted-keys.toml
exits 0 "$W" export-pack --key bieb.key --signer bieb --out bieb.pack --content "$fixture" > /dev/null
exits 0 "$W" import-pack bieb.pack --data data --yes > /dev/null
sqlite3 data/content.sqlite .dump > before.sql

# One byte changed, ten bytes before the signature line.
at=$(grep -abo '^signature: ' bieb.pack | tail -1 | cut -d: -f1)
cp bieb.pack tampered.pack
printf '\001' | dd of=tampered.pack bs=1 seek=$((at - 10)) conv=notrunc 2> /dev/null
! cmp -s bieb.pack tampered.pack || fail "the pack was not changed"
exits 1 "$W" import-pack tampered.pack --data data --yes 2> tampered.err
has 'tampered.pack refused: the signature does not match' tampered.err

exits 0 "$W" export-pack --key vreemd.key --signer vreemd --out vreemd.pack --content "$fixture" > /dev/null
exits 1 "$W" import-pack vreemd.pack --data data --yes 2> vreemd.err
has 'signed by vreemd, whom this kiosk does not trust' vreemd.err

exits 0 "$W" export-pack --key vreemd.key --signer bieb --out impostor.pack --content "$fixture" > /dev/null
exits 1 "$W" import-pack impostor.pack --data data --yes 2> impostor.err
has 'the signature does not match' impostor.err

sqlite3 data/content.sqlite .dump > after.sql
cmp before.sql after.sql || fail "a refused pack changed the store"
