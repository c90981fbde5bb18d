#!/usr/bin/env bash
# Crash test: a real `kill -9` of the program in the middle of an exam, then a
# restart: the exam resumes with the right remaining time and every journaled
# answer, or, once its time has run out, is submitted with them.
#   crash.sh TPQUIZ SHOTDIR SOURCE_ROOT
set -uo pipefail
tpquiz=$1 shots=$2 root=$3
dir="$root/tests/e2e/crash"
rm -rf "$shots"; mkdir -p "$shots"
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
t0=1767344400000
passed=0 failed=0
check() { # check NAME CONDITION-STATUS
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
}
run() { # run NAME CLOCK SCRIPT: runs the program to the end
  "$tpquiz" --config "$root/tests/e2e/fixture/config.ini" --data-dir "$data" --seed 7 --clock-start "$2" \
    --screenshot-dir "$shots" --script "$dir/$3" >"$shots/$1.out" 2>"$shots/$1.err"
}
crash() { # crash NAME CLOCK SCRIPT: runs the program until it prints READY, then kill -9
  "$tpquiz" --config "$root/tests/e2e/fixture/config.ini" --data-dir "$data" --seed 7 --clock-start "$2" \
    --screenshot-dir "$shots" --script "$dir/$3" >"$shots/$1.out" 2>"$shots/$1.err" &
  local pid=$! i
  for i in $(seq 1 300); do
    grep -q '^READY$' "$shots/$1.out" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^READY$' "$shots/$1.out"; check "$1 reached READY" $?
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  check "$1 was killed, not ended" $([ -f "$data/learners/$4.journal" ] && echo 0 || echo 1)
}

# 1. Killed with two answers given; restarted 4 minutes later (6 of 10 minutes left).
crash kill1 $t0 exam_part1.script kim.kill
run resume $((t0 + 240000)) exam_part2.script; check "resumed run exits 0" $?
grep -qxF "exam resumed: course=demo answered=2 remaining=6:00" "$shots/resume.out"; check "resumed with 6:00 and 2 answers" $?
grep -qxF "exam recorded: course=demo score=100.0% passed=yes auto=no" "$shots/resume.out"; check "resumed exam recorded" $?
[ ! -e "$data/learners/kim.kill.journal" ]; check "journal removed after recording" $?
"$tpquiz" verify --data-dir "$data" "$data/learners/kim.kill.scores" >"$shots/verify1.txt" 2>&1; check "score file verifies" $?

# 2. Killed with one answer given; restarted after the deadline.
crash kill2 $t0 expire_part1.script ola.late
run expired $((t0 + 11 * 60000)) expire_part2.script; check "expired run exits 0" $?
grep -qxF "exam expired while closed: course=demo answered=1" "$shots/expired.out"; check "expiry noticed" $?
grep -qxF "exam recorded: course=demo score=25.0% passed=no auto=yes" "$shots/expired.out"; check "expired exam submitted" $?
"$tpquiz" verify --data-dir "$data" "$data/learners/ola.late.scores" >"$shots/verify2.txt" 2>&1; check "score file verifies" $?

for f in "$shots"/*.out; do echo "== $f"; cat "$f"; done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
