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
income = 1450
savings = 2000
receives = ["zorgtoeslag"]
FACTS
"$wegwijzer" selfcheck --facts "$work/widow.toml" --date 2026-11-25 --json > "$work/out.json" || fail "facts refused"
grep -q '"partner": "no"' "$work/out.json" || fail "her son counted as a partner"
grep -q '"id": "kwijtschelding"' "$work/out.json" || fail "no kwijtschelding"

# The same person in Utrecht: checked as a kiosk there would, with Utrecht's desk and pass,
# and no gemeentepolis (Utrecht has none since 2025).
{ cat "$work/widow.toml"; echo 'municipality = "Utrecht"'; } > "$work/utrecht.toml"
"$wegwijzer" selfcheck --facts "$work/utrecht.toml" --date 2026-11-25 --json > "$work/utrecht.json" ||
  fail "a municipality was refused"
grep -q '"municipality": "utrecht"' "$work/utrecht.json" || fail "not checked as in Utrecht"
grep -q '"title": "U-pas' "$work/utrecht.json" || fail "no U-pas in Utrecht"
grep -q '"id": "gemeentepolis"' "$work/utrecht.json" && fail "a gemeentepolis in Utrecht"
grep -q '"id": "gemeentepolis"' "$work/out.json" || fail "no gemeentepolis in Voorbeeldstad"
{ cat "$work/widow.toml"; echo 'municipality = "Atlantis"'; } > "$work/atlantis.toml"
"$wegwijzer" selfcheck --facts "$work/atlantis.toml" 2> "$work/err"
[ $? -eq 2 ] || fail "an unknown municipality was not exit 2"
grep -q "Atlantis" "$work/err" || fail "the unknown municipality was not named"

# The audit's case: 65, her partner 70, renting, 1.600 together. The household gets AIO
# through him, and she is not sent away with the "under 67" card.
cat > "$work/younger.toml" <<'FACTS'
age = 65
partner = "partner"
partner_age = 70
housing = "rent"
income = 1600
savings = 2000
receives = ["zorgtoeslag"]
needs = []
FACTS
"$wegwijzer" selfcheck --facts "$work/younger.toml" --date 2026-11-25 --json > "$work/younger.json" ||
  fail "the younger partner's facts refused"
grep -q '"partner_aow": "yes"' "$work/younger.json" || fail "not asked whether the partner has AOW age"
grep -q '"id": "aio"' "$work/younger.json" || fail "no AIO for the younger partner of an AOW household"
grep -q '"id": "jonger"' "$work/younger.json" && fail "the under-67 card for an AOW household"

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
