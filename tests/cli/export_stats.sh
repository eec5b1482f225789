#!/usr/bin/env bash
# export-stats writes the weekly counts as CSV and as Prometheus text.
. "$(dirname "$0")/lib.sh"
printf 'tap home.topic.huis\ntap nav.home\n' > stats.script
for _ in $(seq 6); do
  exits 0 "$W" script stats.script --out stats-out --content "$fixture" --data stats-data > /dev/null
done
exits 0 "$W" export-stats --data stats-data > stats.csv
has ',session,6$' stats.csv
exits 0 "$W" export-stats --data stats-data --format prometheus --out stats.prom
has '^wegwijzer_events_week{event="session",week="2026-W[0-9]*"} 6$' stats.prom
has '^wegwijzer_amounts_days_left -\?[0-9][0-9]*$' stats.prom
