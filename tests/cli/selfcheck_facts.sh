#!/usr/bin/env bash
# `wegwijzer selfcheck --facts`: a person as facts gives the taps and the suggestions; what
# it does not know (a fact, an option, an answer) is refused with exit 2 and named.
set -u
wegwijzer=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$work/widow.toml" <<'FACTS'
# A widow of 78 who lives with her son and rents.
age = 78
partner = "none"
lives_with = ["child"]
housing = "rent"
income = 1500
savings = 2000
receives = ["zorgtoeslag"]
FACTS
"$wegwijzer" selfcheck --facts "$work/widow.toml" --date 2026-11-25 --json > "$work/out.json" || fail "facts refused"
grep -q '"partner": "no"' "$work/out.json" || fail "her son counted as a partner"
grep -q '"id": "kwijtschelding"' "$work/out.json" || fail "no kwijtschelding"

printf 'age = 78\nhobby = "bridge"\n' > "$work/bogus.toml"
"$wegwijzer" selfcheck --facts "$work/bogus.toml" 2> "$work/err"
[ $? -eq 2 ] || fail "an unknown fact was not exit 2"
grep -q "unknown fact 'hobby'" "$work/err" || fail "the unknown fact was not named"

"$wegwijzer" selfcheck --bogus x 2> "$work/err"
[ $? -eq 2 ] || fail "an unknown option was not exit 2"
grep -q -- "--bogus" "$work/err" || fail "the unknown option was not named"

"$wegwijzer" selfcheck --answer income_alone=maybe 2> "$work/err"
[ $? -eq 2 ] || fail "an answer the question does not offer was not exit 2"
grep -q "maybe" "$work/err" || fail "the wrong answer was not named"
echo "ok"
