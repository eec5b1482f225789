#!/usr/bin/env python3
"""The kiosk tells systemd it is ready and keeps pinging the watchdog while it idles.

Plays systemd's part: a Unix datagram socket as NOTIFY_SOCKET, WATCHDOG_USEC and
WATCHDOG_PID as systemd sets them for the process it starts, and checks who sends
what (SO_PASSCRED). Runs the real kiosk binary in one of three ways:
  direct   the kiosk alone, SDL's dummy video driver;
  cage     under cage with its headless wlroots backend, where systemd's main process
           is cage and the messages come from its child (why the unit has NotifyAccess=all);
  unit     the ExecStart= and Environment= of an installed unit file, as its User=,
           under headless cage: the kiosk session as systemd would start it.

usage: watchdog_test.py direct|cage KIOSK --content DIR
       watchdog_test.py unit UNIT-FILE
"""
import os
import pwd
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

WATCHDOG_USEC = 2_000_000  # a 2 s limit: pings every 1 s
IDLE_SECONDS = 3.5
HEADLESS = dict(WLR_BACKENDS="headless", WLR_RENDERER="pixman", WLR_LIBINPUT_NO_DEVICES="1")


def fail(message, log=None):
    print(f"FAIL: {message}")
    if log and os.path.exists(log):
        print("--- the kiosk's log ---")
        print(open(log, errors="replace").read()[-4000:])
    sys.exit(1)


def parent_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, TypeError):
        return None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def receive(sock, until):
    """(text, sender pid) of the next message before `until`, or None."""
    left = until - time.monotonic()
    if left <= 0:
        return None
    sock.settimeout(left)
    try:
        data, ancillary, _, _ = sock.recvmsg(4096, socket.CMSG_SPACE(12))
    except socket.timeout:
        return None
    pid = None
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = struct.unpack("iII", payload[:12])[0]
    return data.decode(), pid


def unit_settings(path):
    """ExecStart= (as argv), Environment= and User= of a unit file's [Service]."""
    argv, env, user, watchdog = None, {}, None, None
    for line in open(path):
        line = line.strip()
        if line.startswith("ExecStart="):
            argv = shlex.split(line.split("=", 1)[1])
        elif line.startswith("Environment="):
            for item in shlex.split(line.split("=", 1)[1]):
                key, value = item.split("=", 1)
                env[key] = value
        elif line.startswith("User="):
            user = line.split("=", 1)[1]
        elif line.startswith("WatchdogSec="):
            watchdog = line.split("=", 1)[1]
    if not argv or not user or not watchdog:
        fail(f"{path} lacks ExecStart=, User= or WatchdogSec=")
    return argv, env, user


def run(mode, target, content, watchdog_pid_of_other=False):
    work = tempfile.mkdtemp(prefix="wegwijzer-watchdog-")
    os.chmod(work, 0o755)
    log = os.path.join(work, "kiosk.log")
    notify = os.path.join(work, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(notify)
    os.chmod(notify, 0o777)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WATCHDOG_PID", "SDL_VIDEODRIVER")}
    env.update(NOTIFY_SOCKET=notify, WATCHDOG_USEC=str(WATCHDOG_USEC))
    user = None
    if mode == "unit":
        argv, unit_env, user = unit_settings(target)
        env.update(unit_env)
    else:
        env["SDL_AUDIODRIVER"] = "dummy"
        # An empty settings file: what /etc/wegwijzer/wegwijzer.toml says here does not count.
        settings = os.path.join(work, "empty.toml")
        open(settings, "w").close()
        argv = [target, "run", "--config", settings, "--data", os.path.join(work, "data"), "--content", content,
                "--no-sound"]
        if mode == "cage":
            argv = ["cage", "-d", "--"] + argv
            # cage refuses to run as root, as the unit never does.
            user = "nobody" if os.geteuid() == 0 else None
        else:
            env["SDL_VIDEODRIVER"] = "dummy"
    prefix = []
    if argv[0].endswith("cage"):
        runtime = os.path.join(work, "runtime")  # pam_systemd's XDG_RUNTIME_DIR in the unit
        os.mkdir(runtime, 0o700)
        env.update(HEADLESS, XDG_RUNTIME_DIR=runtime)
        if user:
            account = pwd.getpwnam(user)
            for path in (work, runtime):
                os.chown(path, account.pw_uid, account.pw_gid)
            env["HOME"] = account.pw_dir if mode == "unit" else work
            prefix = ["setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--init-groups"]
    # systemd sets WATCHDOG_PID to the pid it started: the shell's, which exec keeps.
    pid_setting = "export WATCHDOG_PID=1" if watchdog_pid_of_other else "export WATCHDOG_PID=$$"
    command = prefix + ["sh", "-c", pid_setting + '; exec "$@"', "sh"] + argv
    with open(log, "w") as out:
        os.chmod(log, 0o666)
        main = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                cwd=work)
    try:
        return check(sock, main, log, mode, argv[0].endswith("cage"), watchdog_pid_of_other)
    finally:
        try:
            os.killpg(main.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            main.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(main.pid, signal.SIGKILL)
            main.wait()
        sock.close()
        shutil.rmtree(work, ignore_errors=True)


def check(sock, main, log, mode, under_cage, other):
    got = receive(sock, time.monotonic() + 30)
    if got is None:
        fail(f"no READY=1 within 30 s (exit code {main.poll()})", log)
    text, sender = got
    if not text.startswith("READY=1"):
        fail(f"the first message is {text!r}, not READY=1", log)
    if "STATUS=showing Home; content " not in text:
        fail(f"READY=1 comes without the STATUS line: {text!r}", log)
    if under_cage:
        # systemd's main process is cage; the message comes from its child, the kiosk.
        if sender == main.pid or parent_of(sender) != main.pid:
            fail(f"READY=1 came from pid {sender}, not from a child of cage (pid {main.pid})", log)
    elif sender != main.pid:
        fail(f"READY=1 came from pid {sender}, not from the kiosk (pid {main.pid})", log)
    kiosk_pid = sender
    print(f"{mode}: READY=1 from pid {sender}{' (cage is ' + str(main.pid) + ')' if under_cage else ''}: "
          f"{text.splitlines()[-1]}")
    cpu_before = cpu_seconds(kiosk_pid)
    pings = []
    end = time.monotonic() + IDLE_SECONDS
    while (got := receive(sock, end)) is not None:
        if got[0].strip() == "WATCHDOG=1":
            if got[1] != kiosk_pid:
                fail(f"WATCHDOG=1 from pid {got[1]}, not the kiosk {kiosk_pid}", log)
            pings.append(time.monotonic())
        else:
            print(f"{mode}: also said {got[0]!r}")
    cpu = cpu_seconds(kiosk_pid) - cpu_before
    if main.poll() is not None:
        fail(f"the kiosk stopped (exit code {main.returncode})", log)
    kiosk_log = open(log, errors="replace").read()
    if other:
        if pings:
            fail(f"{len(pings)} WATCHDOG=1 although WATCHDOG_PID named another process", log)
        if "no watchdog: WATCHDOG_PID 1 is neither" not in kiosk_log:
            fail("the log does not say why there is no watchdog", log)
        print(f"{mode}: no pings for another process's watchdog, and the log says why")
        return
    if len(pings) < 2:
        fail(f"{len(pings)} WATCHDOG=1 in {IDLE_SECONDS} s of idling; at least 2 expected", log)
    gaps = [b - a for a, b in zip(pings, pings[1:])]
    if any(g < 0.5 or g > 1.9 for g in gaps):
        fail(f"pings {', '.join(f'{g:.2f}' for g in gaps)} s apart; about 1 s expected", log)
    # Idling is sleeping: pinging must not turn the loop into a busy one.
    if cpu > 0.5 * IDLE_SECONDS:
        fail(f"the idle kiosk used {cpu:.2f} s of CPU in {IDLE_SECONDS} s", log)
    for needle in ("starting: content ", "watchdog: telling the service manager every 1 s"):
        if needle not in kiosk_log:
            fail(f"the log lacks '{needle}'", log)
    start = next(line for line in kiosk_log.splitlines() if "starting: content" in line)
    print(f"{mode}: {len(pings)} WATCHDOG=1 while idle, {', '.join(f'{g:.2f}' for g in gaps)} s apart, "
          f"{cpu:.2f} s CPU; log: {start}")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("direct", "cage", "unit"):
        print(__doc__)
        sys.exit(2)
    mode, target = sys.argv[1], os.path.abspath(sys.argv[2])
    content = None
    if mode != "unit":
        if len(sys.argv) != 5 or sys.argv[3] != "--content":
            print(__doc__)
            sys.exit(2)
        content = os.path.abspath(sys.argv[4])
    if mode != "direct" and not (shutil.which("cage") and shutil.which("Xwayland")):
        fail("cage and Xwayland are needed (deploy/install-deps.sh deploy)")
    run(mode, target, content)
    run(mode, target, content, watchdog_pid_of_other=True)
    print(f"watchdog ({mode}): ok")


if __name__ == "__main__":
    main()
