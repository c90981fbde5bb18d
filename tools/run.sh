#!/usr/bin/env bash
# Installs what the program needs (Debian bookworm), builds it and starts it on
# the shipped config.ini and courses. This is the README's run command.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTPQUIZ_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target tpquiz
exec ./build/tpquiz "$@"
