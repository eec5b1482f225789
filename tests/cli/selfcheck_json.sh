#!/usr/bin/env bash
# selfcheck prints the suggestions with their certainty as JSON.
. "$(dirname "$0")/lib.sh"
exits 0 "$W" selfcheck --content "$fixture" --answer rent=yes --answer income=unknown --json > selfcheck.json
has '"id": "huurtoeslag"' selfcheck.json
has '"certainty": "misschien"' selfcheck.json
