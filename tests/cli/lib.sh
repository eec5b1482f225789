# Shared by the command-line tests here: each is run by ctest as `bash SCRIPT WEGWIJZER`
# and sources this file. It works in a fresh folder, removed at the end.
set -u
W=$1                                                          # the wegwijzer program
fixture=$(cd "$(dirname "${BASH_SOURCE[0]}")/../fixtures/content" && pwd)  # the test content pack
shipped=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../content" && pwd)        # the content pack the kiosk ships
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# exits CODE COMMAND...: runs the command (redirections apply to it) and fails unless it exits CODE.
exits() {
  local want=$1
  shift
  "$@"
  local rc=$?
  [ "$rc" = "$want" ] || fail "$(basename "$1") ${*:2} exited $rc, not $want"
}

# has PATTERN FILE: fails unless FILE has a line matching PATTERN (grep's basic regular expressions).
has() {
  grep -q -- "$1" "$2" || fail "$2 lacks '$1': $(head -c 600 "$2")"
}
