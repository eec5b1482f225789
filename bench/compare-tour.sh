#!/usr/bin/env bash
# Renders the tour (every screen, every language, both text sizes) with this build and
# with the build of an earlier commit, and says whether every picture, the layout dump and
# the speech trace are the same. For changes that must not change what visitors see:
#   bench/compare-tour.sh BASE_COMMIT [BUILD_DIR]
# The earlier commit is built in a throwaway worktree inside the build folder; with ccache on
# the PATH (and CCACHE_BASEDIR set above the checkout) the files it shares with this build are
# cache hits.
set -euo pipefail
base=${1:?usage: bench/compare-tour.sh BASE_COMMIT [BUILD_DIR]}
build=${2:-build}
repo=$(git rev-parse --show-toplevel)
mkdir -p "$repo/$build"
work=$(mktemp -d "$repo/$build/compare-tour.XXXXXX")
trap 'git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach "$work/base" "$base" >/dev/null
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$work/base" -B "$work/base/build" -DWEGWIJZER_WERROR=OFF "${launcher[@]}" >/dev/null
cmake --build "$work/base/build" -j"$(nproc)" --target wegwijzer >/dev/null

"$work/base/build/wegwijzer" tour --out "$work/before" >/dev/null
"$repo/$build/wegwijzer" tour --out "$work/after" >/dev/null

differ=0
count=0
for before in "$work/before"/*; do
  name=$(basename "$before")
  count=$((count + 1))
  if ! cmp -s "$before" "$work/after/$name"; then
    echo "differs: $name"
    differ=$((differ + 1))
  fi
done
if [ "$(ls "$work/after" | wc -l)" != "$count" ]; then
  echo "the two tours wrote a different number of files"
  differ=$((differ + 1))
fi
if [ "$differ" -ne 0 ]; then
  echo "compare-tour: $differ of $count files differ from $base"
  exit 1
fi
echo "compare-tour: all $count files (pictures, layout dump, speech trace) are identical to $base"
