#!/usr/bin/env bash
# Lists the seed inputs of one fuzz target, one path a line: the real files
# of the source tree that parser reads (shipped courses, charts, configs, the
# test fixtures and the bad inputs of the golden tests), plus the hand-written
# seeds in tests/fuzz/corpus/<parser>/ for formats the tree has no file of
# (journals, progress and review files) or edge cases.
#   seeds.sh PARSER
# Used by bench/fuzz-smoke (copied into a corpus folder) and by the ctest
# replay tests (fuzz.replay_<parser>).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
shopt -s nullglob
case "${1:-}" in
  config) files=(config.ini tests/e2e/fixture/config.ini tests/data/good/config.ini tests/data/bad/check.ini
                 tests/data/bad/config_*.ini) ;;
  course) files=(courses/*/course.ini tests/e2e/fixture/courses/*/course.ini tests/data/good/courses/*/course.ini
                 tests/data/bad/course_*.ini) ;;
  module) files=(courses/muscles/*.ini tests/e2e/fixture/courses/muscles/*.ini tests/data/good/courses/muscles/*.ini
                 tests/data/bad/module_*.ini tests/data/bad/empty_file.ini courses/lessons/*.ini
                 tests/data/bad/lesson_*.ini) ;;
  protocol) files=(courses/protocols/*.ini tests/data/bad/protocol_*.ini) ;;
  disorder) files=(courses/disorders/*.ini tests/data/bad/disorder_*.ini) ;;
  scorefile) files=(tests/data/scores/*.scores) ;;
  journal | progress | review | practice) files=() ;;
  script) files=(tests/e2e/*.script tests/e2e/crash/*.script) ;;
  svgview) files=(assets/anatomy/*.svg assets/anatomy/muscles/*.svg tests/data/good/assets/anatomy/*.svg
                  tests/data/bad/svg_*.svg tests/data/bad/assets/anatomy/*.svg assets/figures/*.svg
                  tests/data/bad/assets/figures/*.svg) ;;
  *) echo "usage: $0 config|course|module|protocol|disorder|scorefile|journal|progress|review|practice|script|svgview" >&2; exit 2 ;;
esac
files+=(tests/fuzz/corpus/"$1"/*)
for f in "${files[@]}"; do
  [ -f "$f" ] && echo "$root/$f"
done
exit 0
