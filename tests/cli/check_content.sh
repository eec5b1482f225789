#!/usr/bin/env bash
# check-content: a broken pack, and a file nested 40,000 levels deep (issue 23, item 3, which
# crashed every reader), exit 1 with FILE:LINE errors and no crash.
. "$(dirname "$0")/lib.sh"

cp -r "$fixture" broken-pack
printf 'pictogram = "home"\n[title\n' > broken-pack/pages/huis.toml
exits 1 "$W" check-content broken-pack > broken.out
has 'broken-pack/pages/huis.toml:2: error' broken.out

cp -r "$fixture" deep-pack
{
  printf '# deep\n'
  for _ in $(seq 400); do printf 'a.%.0s' $(seq 100); done
  printf 'a = 1\n'
} > deep-pack/strings.toml
[ "$(wc -c < deep-pack/strings.toml)" -gt 80000 ] || fail "the deep file is too small"
exits 1 "$W" check-content deep-pack > deep.out
has 'deep-pack/strings.toml:2: error: keys, tables and arrays nest deeper than 32' deep.out
