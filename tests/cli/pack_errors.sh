#!/usr/bin/env bash
# export-pack refuses content with errors and writes no pack.
. "$(dirname "$0")/lib.sh"
cp -r "$fixture" broken
printf '[title\n' > broken/pages/huis.toml
exits 0 "$W" keygen --out bieb > /dev/null
exits 1 "$W" export-pack --key bieb.key --signer bieb --out broken.pack --content broken 2> export.err
has 'broken/pages/huis.toml:1: error' export.err
[ ! -e broken.pack ] || fail "a pack was written"
