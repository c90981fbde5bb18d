#!/usr/bin/env bash
# Installs what the build and the tests need (Debian bookworm), builds, and
# runs every test. This is the README's test command and what CI runs.
#
# The suite runs twice: in build/ (the normal build), then in build-asan/
# (-DTPQUIZ_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer), with
# leak checking, where any sanitizer report fails the test it happens in.
# Both summaries are printed; the script fails if either run fails. Both
# builds treat warnings as errors (TPQUIZ_WERROR).
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh --tests
start=$SECONDS

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTPQUIZ_TESTS=ON -DTPQUIZ_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTPQUIZ_TESTS=ON -DTPQUIZ_SANITIZE=ON -DTPQUIZ_WERROR=ON >/dev/null
cmake --build build-asan -j"$(nproc)"

# run_suite DIR LOG: ctest in DIR, output also kept in LOG for the summary.
run_suite() {
  (cd "$1" && ctest --output-on-failure -j2) 2>&1 | tee "$2"
}

status=0
echo "== test suite (build/)"
run_suite build build/ctest.log || status=1

echo "== test suite under ASan + UBSan with leak checking (build-asan/)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite build-asan build-asan/ctest.log || status=1

summary() { # summary NAME LOG
  local line
  line=$(grep -E '^[0-9]+% tests passed' "$2" || echo "no summary: the run did not finish")
  printf '%-28s %s\n' "$1:" "$line"
}
echo "== summary ($((SECONDS - start)) s)"
summary "build (normal)" build/ctest.log
summary "build-asan (ASan+UBSan+LSan)" build-asan/ctest.log
exit $status
