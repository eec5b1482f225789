#!/usr/bin/env bash
# Signed content packs: from an editor's new key through export-pack into a fresh kiosk
# store, back out with export-content, and once more without a change.
. "$(dirname "$0")/lib.sh"
mkdir data
exits 0 "$W" keygen --out bieb > /dev/null
[ "$(stat -c %a bieb.key)" = 600 ] || fail "the secret key is not private"
has '^bieb = "' bieb.pub
exits 1 "$W" keygen --out bieb 2> again.err
has 'already exists' again.err
cp bieb.pub data/trusted-keys.toml

exits 0 "$W" export-pack --key bieb.key --signer bieb --out bieb.pack --content "$fixture" > /dev/null
head -1 bieb.pack | grep -qx 'wegwijzer-pack 1' || fail "bieb.pack does not start as a pack"

# A look first: what it would change, and nothing changed.
exits 0 "$W" import-pack bieb.pack --data data > look.out
grep -qx 'added pages/huis.toml' look.out || fail "look.out: $(cat look.out)"
grep -qx 'Nothing changed yet: run again with --yes to apply.' look.out || fail "look.out: $(cat look.out)"
[ ! -e data/content.sqlite ] || fail "a look made a store"

exits 0 "$W" import-pack bieb.pack --data data --yes > apply.out
has 'files changed' apply.out
exits 0 "$W" export-content --data data --out back > /dev/null
diff -r "$fixture" back || fail "the content that came back differs"

exits 0 "$W" export-pack --key bieb.key --signer bieb --out again.pack --data data > /dev/null
exits 0 "$W" import-pack again.pack --data data --yes > again.out
has 'already has these files' again.out
