#!/usr/bin/env bash
# Runs the end-to-end suite (every tests/e2e/*.script, and the kill -9 crash
# test) with the real program under valgrind memcheck: SDL's dummy video
# driver, the software renderer, --leak-check=full, --error-exitcode=1. Not
# part of ctest (it takes minutes); see docs/RELIABILITY.md.
#   tests/valgrind.sh [BUILD_DIR]     default build/ (a build without sanitizers)
# Valgrind's logs go to BUILD_DIR/valgrind/<script>/<pid>.log. Exit status 0
# only if every run is free of memory errors and leaks and every script
# passes its own checks.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=$(realpath "${1:-build}")
command -v valgrind >/dev/null || ./tools/deps.sh --tests || exit 2
if grep -q '^TPQUIZ_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "$build is a sanitizer build: valgrind needs a build without -DTPQUIZ_SANITIZE=ON" >&2
  exit 2
fi
if [ ! -x "$build/tpquiz" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null && cmake --build "$build" -j"$(nproc)" --target tpquiz ||
    exit 2
fi
out="$build/valgrind"
rm -rf "$out"; mkdir -p "$out"
# Library-internal noise only; each entry says why (none are needed today).
supp=()
[ -s tests/valgrind.supp ] && supp=(--suppressions="$root/tests/valgrind.supp")
wrapper="$out/tpquiz-under-valgrind"
cat >"$wrapper" <<EOF
#!/bin/sh
exec valgrind --error-exitcode=1 --leak-check=full --num-callers=30 ${supp[*]} \\
  --log-file="\$VALGRIND_LOGS/%p.log" "$build/tpquiz" "\$@"
EOF
chmod +x "$wrapper"

start=$SECONDS status=0
run() { # run NAME COMMAND...: one e2e test with the program under valgrind
  local name=$1 t0=$SECONDS; shift
  export VALGRIND_LOGS="$out/$name"
  mkdir -p "$VALGRIND_LOGS"
  "$@" >"$out/$name.txt" 2>&1
  local rc=$? runs=0 dirty=0 log
  for log in "$VALGRIND_LOGS"/*.log; do
    [ -e "$log" ] || continue
    runs=$((runs + 1))
    # A run killed on purpose (the crash test) ends without a summary.
    grep -q 'ERROR SUMMARY' "$log" || continue
    if ! grep -q 'ERROR SUMMARY: 0 errors' "$log" || grep -qE '(definitely|indirectly|possibly) lost: [1-9]' "$log"; then
      dirty=$((dirty + 1))
      echo "---- $log"; grep -E '^==[0-9]+== ' "$log" | head -60
    fi
  done
  local verdict=clean
  [ $dirty -gt 0 ] && verdict="$dirty with memory errors or leaks" && status=1
  local script=passed
  [ $rc -ne 0 ] && script="FAILED (see $out/$name.txt)" && status=1
  printf '%-16s %3d runs under valgrind: %-10s script %s  (%d s)\n' "$name" "$runs" "$verdict" "$script" $((SECONDS - t0))
}

for script in tests/e2e/*.script; do
  name=$(basename "$script" .script)
  run "$name" tests/e2e/run.sh "$wrapper" "$script" "$out/$name/screenshots" "$root"
done
run crash_resume tests/e2e/crash.sh "$wrapper" "$out/crash_resume/screenshots" "$root"
echo "valgrind: $((SECONDS - start)) s in all; $([ $status = 0 ] && echo clean || echo FAILED)"
exit $status
