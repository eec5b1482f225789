#!/usr/bin/env bash
# The command line itself (kiosk/commands/): --help lists every command and each command's
# options; an unknown command or option, a value an option does not take, or a missing
# one is refused before anything runs, with one sentence on stderr and exit 2.
. "$(dirname "$0")/lib.sh"
commands=(run check-config script tour say sounds slip check-content export-content keygen export-pack
  import-pack set-pin setup-code export-stats selfcheck bench monkey soak)

exits 0 "$W" --help > help.txt
listed=$(sed -n 's/^  \([a-z-]*\)  .*/\1/p' help.txt | tr '\n' ' ')
[ "$listed" = "${commands[*]} " ] || fail "--help lists '$listed', not '${commands[*]}'"

# refused WANT COMMAND...: exit 2, one line on stderr matching WANT, nothing on stdout.
refused() {
  local want=$1
  shift
  "$W" "$@" > out.txt 2> err.txt
  local rc=$?
  [ "$rc" = 2 ] || fail "wegwijzer $* exited $rc, not 2: $(cat err.txt)"
  [ "$(wc -l < err.txt)" = 1 ] || fail "wegwijzer $* said more than one line: $(cat err.txt)"
  grep -q -- "$want" err.txt || fail "wegwijzer $* did not say '$want': $(cat err.txt)"
  [ ! -s out.txt ] || fail "wegwijzer $* wrote to stdout: $(head -c 300 out.txt)"
}

for command in "${commands[@]}"; do
  exits 0 "$W" "$command" --help > "help-$command.txt"
  has "^Usage: wegwijzer $command" "help-$command.txt"
  has "--help" "help-$command.txt"
  refused "there is no option --no-such-option" "$command" --no-such-option
done

# Values and words.
refused "there is no command 'frobnicate'" frobnicate
refused "'extra' is one word too many" set-pin volunteer extra
refused "ROLE is volunteer or editor" set-pin king
refused "ROLE is required" set-pin
refused "FILE is required" script --out shots
refused "--out is required" keygen
refused "--out wants a value (DIR)" sounds --out
refused "--out wants a value (DIR)" tour --out=
refused "--answer wants a value (QUESTION=VALUE)" selfcheck --json --answer
refused "--out wants a value (DIR)" tour --out ""
refused "--format is png, pdf, escpos, txt or wav" slip --suggest huurtoeslag --format gif --out x.gif
refused "--paper is 80mm, 58mm, a4 or a5" slip --suggest huurtoeslag --paper a3 --out x.png
refused "--next-step is desk, go, call or think" slip --suggest huurtoeslag --next-step fly --out x.png
refused "--format is csv or prometheus" export-stats --format xml
refused "--rate is slower, normal or faster" say hallo --out x.wav --rate fast
refused "--get is printer-host, call-printer-host or call-signal-host" check-config --get printer-port
refused "--renderer is accelerated or software" run --renderer magic
refused "--renderer is accelerated or software" --renderer magic
refused "--size wants WIDTHxHEIGHT in pixels" tour --out shots --size big
refused "--screen-mm wants WIDTHxHEIGHT in millimetres" run --screen-mm 0x0
[ ! -e x.gif ] && [ ! -e x.png ] && [ ! -e x.wav ] && [ ! -e shots ] || fail "a refused command wrote a file"
echo "options: --help lists ${#commands[@]} commands; every mistake refused with one line and exit 2"
