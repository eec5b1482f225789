#!/usr/bin/env bash
# The kiosk unit's notify and watchdog settings against a real systemd: a user manager
# (systemd --user, the same service manager code as PID 1) started for this test as
# the user nobody. A unit made of the kiosk unit's own Type=, NotifyAccess=,
# ExecStart= (cage, then the kiosk), Restart= and RestartSec=, with cage's headless
# backend and a short watchdog:
#   - it becomes active on READY=1, which comes from cage's child (NotifyAccess=all);
#   - it stays active past WatchdogSec= while the kiosk idles (the pings);
#   - a hung kiosk (SIGSTOP) is killed by the watchdog and started again, on Home;
#   - with NotifyAccess=main (the default) the same unit never becomes ready.
# Usage: systemd_user_test.sh UNIT-FILE KIOSK CONTENT-DIR
# Exit 0: passed; 1: failed; 77: cannot be set up here (it says why).
#
# systemd refuses to start a user manager on a machine not booted with systemd; for
# the few seconds the manager starts, this test makes /run/systemd/system (and removes
# it). It also needs a cgroup of its own that nobody may write. It runs only as root on
# a machine without systemd as PID 1 (a container, as CI is): run.sh sees to that.
set -uo pipefail
unit_file=$1 kiosk=$(readlink -f "$2") content=$(readlink -f "$3")
watchdog_sec=4

skip() { echo "cannot set up: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
(( EUID == 0 )) || skip "needs root"
[[ ! -d /run/systemd/system ]] || skip "systemd runs this machine"
command -v cage > /dev/null && command -v Xwayland > /dev/null || skip "cage and Xwayland are needed"

work=$(mktemp -d /tmp/wegwijzer-systemd-user.XXXXXX)
nobody_uid=$(id -u nobody) nobody_gid=$(id -g nobody)
made_run_systemd="" manager="" cgroups=()
as_nobody=(setpriv "--reuid=$nobody_uid" "--regid=$nobody_gid" --clear-groups
           env "HOME=$work/home" "XDG_RUNTIME_DIR=$work/runtime")
userctl() { "${as_nobody[@]}" systemctl --user --no-pager "$@"; }
prop() { userctl show "$1" -p "$2" --value; }

cleanup() {
  if [[ -n "$manager" ]] && kill -0 "$manager" 2>/dev/null; then
    userctl stop kiosk.service kiosk-main.service > /dev/null 2>&1
    userctl exit > /dev/null 2>&1
    for _ in $(seq 50); do kill -0 "$manager" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$manager" 2>/dev/null
  fi
  [[ -n "$made_run_systemd" ]] && rmdir /run/systemd/system 2>/dev/null
  local dir
  for dir in "${cgroups[@]}"; do
    find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A cgroup of the test's own, in every hierarchy systemd uses here (cgroup v2 alone,
# or v1's name=systemd beside v2's "unified").
name=wegwijzer-test-$$
if [[ "$(stat -fc %T /sys/fs/cgroup)" == cgroup2fs ]]; then
  cgroups=("/sys/fs/cgroup/$name")
else
  [[ -d /sys/fs/cgroup/systemd ]] || skip "no name=systemd cgroup hierarchy"
  cgroups=("/sys/fs/cgroup/systemd/$name")
  [[ -d /sys/fs/cgroup/unified ]] && cgroups+=("/sys/fs/cgroup/unified/$name")
fi
for dir in "${cgroups[@]}"; do
  mkdir "$dir" 2> /dev/null && chown -R "$nobody_uid:$nobody_gid" "$dir" || skip "cannot make cgroup $dir"
done

# The unit: the kiosk unit's own lines, with test paths and the headless backend.
mkdir -p "$work/home/.config/systemd/user" "$work/runtime" "$work/data"
chmod 700 "$work/runtime"
: > "$work/empty.toml"
for key in Type NotifyAccess ExecStart Restart RestartSec; do
  grep -q "^$key=" "$unit_file" || fail "$unit_file has no $key="
done
{
  echo "[Service]"
  grep -E '^(Type|NotifyAccess|Restart|RestartSec)=' "$unit_file"
  grep '^ExecStart=' "$unit_file" | sed \
    -e "s#/usr/bin/wegwijzer #$kiosk #" \
    -e "s#--config [^ ]*#--config $work/empty.toml#" \
    -e "s#--data [^ ]*#--data $work/data --content $content --no-sound#"
  echo "WatchdogSec=$watchdog_sec"
  echo "TimeoutStartSec=30"
  echo "Environment=WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1"
  echo "Environment=SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy"
} > "$work/home/.config/systemd/user/kiosk.service"
sed -e 's/^NotifyAccess=all$/NotifyAccess=main/' -e 's/^TimeoutStartSec=30$/TimeoutStartSec=8/' \
  "$work/home/.config/systemd/user/kiosk.service" > "$work/home/.config/systemd/user/kiosk-main.service"
grep -q '^NotifyAccess=main$' "$work/home/.config/systemd/user/kiosk-main.service" || fail "no NotifyAccess=all to change"
chown -R "$nobody_uid:$nobody_gid" "$work"
chmod 755 "$work"
echo "the unit:"; sed 's/^/  /' "$work/home/.config/systemd/user/kiosk.service"

# The manager, in the test's cgroup, as nobody.
mkdir /run/systemd/system 2>/dev/null && made_run_systemd=yes
procs=""
for dir in "${cgroups[@]}"; do procs+="echo \$\$ > $dir/cgroup.procs && "; done
sh -c "$procs exec \"\$@\"" sh "${as_nobody[@]}" /lib/systemd/systemd --user > "$work/manager.log" 2>&1 &
manager=$!
for _ in $(seq 100); do [[ -S "$work/runtime/systemd/private" ]] && break; sleep 0.1; done
[[ -n "$made_run_systemd" ]] && rmdir /run/systemd/system && made_run_systemd=""
[[ -S "$work/runtime/systemd/private" ]] || { cat "$work/manager.log"; skip "the user manager did not start"; }
echo "user manager: pid $manager, $(/lib/systemd/systemd --version | head -1)"

# Ready: from cage's child, accepted with NotifyAccess=all.
userctl start kiosk.service || { userctl status kiosk.service; fail "the unit did not become ready"; }
main=$(prop kiosk.service MainPID)
[[ "$(cat "/proc/$main/comm")" == cage ]] || fail "the main process is $(cat "/proc/$main/comm"), not cage"
kiosk_pid=$(pgrep -P "$main" -x wegwijzer) || fail "no kiosk under cage"
[[ "$(prop kiosk.service StatusText)" == "showing Home; content "* ]] || fail "status: $(prop kiosk.service StatusText)"
echo "active: main pid $main (cage), kiosk pid $kiosk_pid, status '$(prop kiosk.service StatusText)'"

# Idle past the watchdog's limit: the pings keep it.
sleep $((watchdog_sec + 3))
[[ "$(prop kiosk.service ActiveState)" == active && "$(prop kiosk.service NRestarts)" == 0 ]] ||
  fail "idle for $((watchdog_sec + 3)) s: $(prop kiosk.service ActiveState), $(prop kiosk.service NRestarts) restarts"
[[ "$(prop kiosk.service MainPID)" == "$main" ]] || fail "restarted while idle"
echo "idle $((watchdog_sec + 3)) s with WatchdogSec=$watchdog_sec: still active, 0 restarts"

# Hung: the watchdog kills the unit and Restart= starts it again.
kill -STOP "$kiosk_pid"
hung=$SECONDS
for _ in $(seq 200); do
  [[ "$(prop kiosk.service NRestarts)" == 1 && "$(prop kiosk.service ActiveState)" == active ]] && break
  sleep 0.1
done
[[ "$(prop kiosk.service NRestarts)" == 1 ]] || fail "a hung kiosk was not restarted in 20 s"
[[ "$(prop kiosk.service ActiveState)" == active ]] || fail "after the restart: $(prop kiosk.service ActiveState)"
new_main=$(prop kiosk.service MainPID)
[[ "$new_main" != "$main" ]] || fail "the same main process after a restart"
[[ "$(prop kiosk.service StatusText)" == "showing Home; content "* ]] || fail "not on Home after the restart"
! kill -0 "$kiosk_pid" 2>/dev/null || fail "the hung kiosk still lives"
echo "hung kiosk (SIGSTOP): restarted after $((SECONDS - hung)) s, new main pid $new_main, '$(prop kiosk.service StatusText)'"
userctl stop kiosk.service

# The default NotifyAccess=main: READY=1 from cage's child is not heard.
if userctl start kiosk-main.service 2> "$work/main.err"; then
  fail "with NotifyAccess=main the unit became ready: is the message coming from cage itself?"
fi
[[ "$(prop kiosk-main.service Result)" == timeout ]] || fail "NotifyAccess=main: $(prop kiosk-main.service Result)"
echo "with NotifyAccess=main instead: no READY=1 is heard, the start times out"
echo "systemd user manager: ok"
