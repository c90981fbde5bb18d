#!/usr/bin/env bash
# ctest fuzz.replay_<parser>: runs the target's entry point (built without
# libFuzzer, see replay_main.c) over its seeds and over every input fuzzing
# ever found for it (tests/data/fuzz/<parser>/, kept as regression tests).
#   replay.sh REPLAY_BINARY PARSER
set -euo pipefail
bin=$1 parser=$2
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t inputs < <("$here/seeds.sh" "$parser")
found="$here/../data/fuzz/$parser"
[ -d "$found" ] && inputs+=("$found")
exec "$bin" "${inputs[@]}"
