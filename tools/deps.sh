#!/usr/bin/env bash
# Installs the Debian bookworm packages tpquiz needs, if any is missing.
#   deps.sh          what building and running needs
#   deps.sh --tests  that, plus what the tests need (cmocka; clang with its
#                    libFuzzer runtime for bench/fuzz-smoke; valgrind for
#                    tests/valgrind.sh)
set -euo pipefail
PKGS="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libinih-dev
      libsodium-dev libexpat1-dev libjansson-dev libcurl4-openssl-dev libssl-dev fonts-dejavu-core"
# redis-server and node/npm run the xAPI statements service (an LRS) that
# tests/interop/lrs.sh installs from npm; a node that is there already
# (with its own npm) is used as it is.
[ "${1:-}" = --tests ] && PKGS="$PKGS libcmocka-dev clang libclang-rt-14-dev valgrind redis-server curl"
[ "${1:-}" = --tests ] && ! command -v npm >/dev/null && PKGS="$PKGS nodejs npm"
want=$(echo $PKGS | wc -w)
have=$(dpkg-query -W -f='${Status}\n' $PKGS 2>/dev/null | grep -c 'install ok installed' || true)
if [ "$have" -lt "$want" ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq $PKGS >/dev/null
fi
