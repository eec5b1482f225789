#!/bin/sh
# Issue 23, item 7: the printer's host goes into a systemd drop-in that root reads. A line
# break there added "ExecStartPre=+/bin/touch ..." and "::/0" opened every IPv6 address; both
# passed check-config. Now check-config refuses them, and so does the script itself (the second
# lock: tried with a stand-in for check-config that prints the bad host anyway).
# Usage: apply_config_host.sh WEGWIJZER_BIN SCRIPT WORK_DIR
set -u
wegwijzer=$1 script=$2 work=$3
rm -rf "$work" && mkdir -p "$work/dropin" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# apply BIN URI: runs the script on a settings file with that printer; its exit status.
apply() {
  printf '[printer]\nuri = "%s"\n' "$2" > "$work/p.toml"
  WEGWIJZER_CONFIG="$work/p.toml" WEGWIJZER_DROPIN_DIR="$work/dropin" WEGWIJZER_BIN="$1" \
    sh "$script" --no-restart > "$work/out" 2>&1
}
no_network() {
  ! grep -q '^IPAddressAllow' "$work/dropin/printer-address.conf" || fail "$1: the network was opened"
  ! grep -q 'ExecStartPre' "$work/dropin/printer-address.conf" || fail "$1: a command got into the unit"
  [ ! -e "$work/owned" ] || fail "$1: the command ran"
}

newline="escpos:tcp://10.0.0.9\\nExecStartPre=+/bin/touch $work/owned:9100"
for uri in "$newline" "escpos:tcp://::/0:9100" "escpos:tcp://[::]:9100" "escpos:tcp://10.0.0.0/8:9100"; do
  printf '[printer]\nuri = "%s"\n' "$uri" > "$work/p.toml"
  if "$wegwijzer" check-config "$work/p.toml" > "$work/check" 2>&1; then fail "check-config said ok to $uri"; fi
  grep -q "p.toml:2: error: uri .*not an IP address or a host name" "$work/check" || fail "no file:line for $uri"
  if apply "$wegwijzer" "$uri"; then fail "apply-config passed $uri"; fi
  no_network "$uri"
done

# The script's own check, with a check-config that lets the bad host through.
for host in '::/0' '0.0.0.0' 'any*' "$(printf '10.0.0.9\nExecStartPre=+/bin/touch %s' "$work/owned")" \
            'drukker bieb' '10.0.0.0/8'; do
  printf '#!/bin/sh\nprintf "%%s\\n" "%s"\n' "$host" > "$work/fake-wegwijzer"
  chmod +x "$work/fake-wegwijzer"
  if apply "$work/fake-wegwijzer" x; then fail "the script passed '$host'"; fi
  grep -q "not an IP address or a host name" "$work/out" || fail "no word about '$host': $(cat "$work/out")"
  no_network "script: $host"
done

# Good hosts still open the network to the printer alone.
apply "$wegwijzer" "escpos:tcp://10.20.30.40:9100" || fail "a plain address was refused: $(cat "$work/out")"
grep -qx 'IPAddressAllow=10.20.30.40' "$work/dropin/printer-address.conf" || fail "no allow for 10.20.30.40"
apply "$wegwijzer" "escpos:tcp://[fd00::9]:9100" || fail "an IPv6 address was refused: $(cat "$work/out")"
grep -qx 'IPAddressAllow=fd00::9' "$work/dropin/printer-address.conf" || fail "no allow for fd00::9"
# The desk's printer for "Roep iemand" tickets is let through too, beside the slip printer.
printf '[printer]\nuri = "escpos:tcp://10.20.30.40:9100"\ncall_uri = "escpos:tcp://10.20.30.41:9100"\n' > "$work/p.toml"
WEGWIJZER_CONFIG="$work/p.toml" WEGWIJZER_DROPIN_DIR="$work/dropin" WEGWIJZER_BIN="$wegwijzer" \
  sh "$script" --no-restart > "$work/out" 2>&1 || fail "a call printer was refused: $(cat "$work/out")"
grep -qx 'IPAddressAllow=10.20.30.40 10.20.30.41' "$work/dropin/printer-address.conf" ||
  fail "no allow for both printers: $(cat "$work/dropin/printer-address.conf")"
# The receiver of "Roep iemand" signals too; an address outside the building opens nothing.
printf '[printer]\nuri = "escpos:tcp://10.20.30.40:9100"\n[call]\nsignal_uri = "http://[fe80::7%%eth0]:8080/hulp"\n' > "$work/p.toml"
WEGWIJZER_CONFIG="$work/p.toml" WEGWIJZER_DROPIN_DIR="$work/dropin" WEGWIJZER_BIN="$wegwijzer" \
  sh "$script" --no-restart > "$work/out" 2>&1 || fail "a call signal was refused: $(cat "$work/out")"
grep -qx 'IPAddressAllow=10.20.30.40 fe80::7' "$work/dropin/printer-address.conf" ||
  fail "no allow for the printer and the signal: $(cat "$work/dropin/printer-address.conf")"
printf '[call]\nsignal_uri = "http://8.8.8.8/hulp"\n' > "$work/p.toml"
if WEGWIJZER_CONFIG="$work/p.toml" WEGWIJZER_DROPIN_DIR="$work/dropin" WEGWIJZER_BIN="$wegwijzer" \
  sh "$script" --no-restart > "$work/out" 2>&1; then fail "apply-config passed a signal to 8.8.8.8"; fi
no_network "signal to 8.8.8.8"
[ "$fails" -eq 0 ] && echo "ok: 4 bad printers refused by check-config and the script, 6 bad hosts by the script alone"
exit "$fails"
