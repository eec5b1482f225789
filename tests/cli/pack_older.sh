#!/usr/bin/env bash
# Issue 23, item 6: an older signed pack replaced a newer one. import-pack refuses a pack
# older than the kiosk's content (0.9 < 0.10: versions compare as numbers) unless --older.
. "$(dirname "$0")/lib.sh"
mkdir data
cp -r "$fixture" v010
sed -i 's/^version = "0.1"/version = "0.10"/' v010/pack.toml
has '0.10' v010/pack.toml
cp -r "$fixture" v09
sed -i 's/^version = "0.1"/version = "0.9"/' v09/pack.toml
exits 0 "$W" keygen --out bieb > /dev/null
cp bieb.pub data/trusted-keys.toml
exits 0 "$W" export-pack --key bieb.key --signer bieb --out new.pack --content v010 > /dev/null
exits 0 "$W" export-pack --key bieb.key --signer bieb --out old.pack --content v09 > /dev/null
exits 0 "$W" import-pack new.pack --data data --yes > /dev/null
sqlite3 data/content.sqlite .dump > before.sql

exits 1 "$W" import-pack old.pack --data data --yes > old.out 2> old.err
has 'version 0.9, signed by bieb' old.out
has 'The kiosk has version 0.10, since ' old.out
has 'old.pack is older (version 0.9) than the kiosk.s content (version 0.10); nothing changed' old.err
sqlite3 data/content.sqlite .dump > after.sql
cmp before.sql after.sql || fail "the older pack changed the store"

exits 0 "$W" import-pack old.pack --data data --yes --older > older.out
grep -qx '1 file changed.' older.out || fail "older.out: $(cat older.out)"
exits 0 "$W" export-content --data data --out back > /dev/null
diff -r v09 back || fail "the content that came back is not 0.9's"
