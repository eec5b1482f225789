#!/usr/bin/env bash
# Installs every Debian package that building, running and testing Wegwijzer needs.
# Usage: deploy/install-deps.sh [fuzz|package|deploy|browser]
# Idempotent: does nothing when all packages are present, and runs `apt-get update`
# only when something is missing (a library PC may be offline most of the time).
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # window, input, drawing
  libsdl2-dev libimgui-dev libstb-dev libpng-dev
  # headphones: the sound chip's jack sense controls (ALSA)
  libasound2-dev
  # text
  libfreetype-dev libharfbuzz-dev libfribidi-dev libhyphen-dev hyphen-nl
  # amounts in each language's own way (ICU; its data ships in libicu72)
  libicu-dev
  # content
  libtomlplusplus-dev libmd4c-dev
  fonts-noto-core fonts-material-design-icons-iconfont
  # speech
  libespeak-ng-dev espeak-ng-data
  # slip: QR codes, PDF
  libqrencode-dev libcairo2-dev libcups2-dev libsodium-dev libhunspell-dev hunspell-nl
  # tests of the slip: a real CUPS server with a PDF queue, and reading PDFs back
  cups printer-driver-cups-pdf poppler-utils
  # OCR of printed slips: the Dutch sentence for the counter on an Arabic and a Turkish slip
  tesseract-ocr tesseract-ocr-nld tesseract-ocr-ara tesseract-ocr-tur
  # storage
  libsqlite3-dev sqlite3
  # dumps and settings; the command line's options (CLI11)
  nlohmann-json3-dev libcli11-dev
  # the service manager: sd_notify (ready, watchdog) for the systemd unit
  libsystemd-dev
  # tests; zbarimg reads the slips' QR codes back
  catch2 xvfb sox strace zbar-tools
)
# `install-deps.sh package` adds dpkg-shlibdeps (dpkg-dev), which finds the package's library
# Depends for `make package`; `install-deps.sh deploy` adds what `make test-deploy` needs too:
# systemd-analyze and a user manager for the units, ansible for the fleet playbook, cage (the
# kiosk's compositor, which needs Xwayland) for the session under its headless backend, ipptool.
if [[ "${1:-}" == "package" || "${1:-}" == "deploy" ]]; then
  packages+=(dpkg-dev)
fi
if [[ "${1:-}" == "deploy" ]]; then
  packages+=(systemd ansible-core python3-apt cage xwayland cups-ipp-utils)
fi
# `install-deps.sh fuzz` adds clang's libFuzzer for `make fuzz`.
if [[ "${1:-}" == "fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

# `install-deps.sh browser` adds Chromium, to set the kiosk beside a browser kiosk
# (`make compare-browser`); the kiosk itself never needs it.
if [[ "${1:-}" == "browser" ]]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if (( EUID != 0 )); then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
