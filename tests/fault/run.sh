#!/usr/bin/env bash
# Fault tests: learner data survives kill -9, a full or read-only data
# folder, and hostile files and learner ids (docs/RELIABILITY.md).
#   run.sh TPQUIZ FAULT_WRITER SHOTDIR SOURCE_ROOT
# FAULT_ITERATIONS (default 200) kills per writer loop, FAULT_GUI_ITERATIONS
# (default 20) kills of the real program in an exam.
#
# 1. kill -9 at random moments while fault_writer appends score-file records
#    (the program's scorefile_append) and journal events (journal_append):
#    afterwards every acknowledged record/event is there, at most one more,
#    each exactly as written, and `tpquiz verify` passes the file; a torn
#    journal line (power loss) is dropped on reopen.
# 2. kill -9 of the real program at random moments of an exam: every run
#    leaves a journal that reads cleanly and a score file that verifies; the
#    last run resumes and records the exam.
# 3. Full data folder (RLIMIT_FSIZE, SIGXFSZ ignored): appends and progress
#    saves fail with a clear message and change nothing; the program warns during an exam,
#    keeps the answers in memory, retries, and records them once there is room.
# 4. Read-only data folder (as an unprivileged user): clear errors, nothing
#    changed; the program refuses to start an exam and says why, and a
#    resumed exam whose journal is read-only warns, keeps the answers and
#    saves them, and its record, once it can.
# 5. Hostile files: a 100 MB, a binary and a header-plus-garbage score file,
#    invalid UTF-8 and control bytes in names, path tricks in learner ids
#    (in MAC-valid forged files and typed at sign-in).
set -uo pipefail
tpquiz=$(realpath "$1") writer=$(realpath "$2") shots=$3 root=$(realpath "$4")
iterations=${FAULT_ITERATIONS:-200} gui_iterations=${FAULT_GUI_ITERATIONS:-20}
rm -rf "$shots"; mkdir -p "$shots"; shots=$(realpath "$shots")
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
config="$root/tests/e2e/fixture/config.ini"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { # check NAME STATUS
  if [ "$2" = 0 ]; then ok; else bad "$1"; fi
}
rand_sleep() { # rand_sleep MAX_MS: sleeps 0..MAX_MS ms (MAX_MS < 1000)
  sleep "$(printf '0.%03d' $((RANDOM % $1)))"
}
last_number() { # last_number WORD FILE: K of the last "WORD K" line, or empty
  sed -n "s/^$1 \([0-9]*\)\$/\1/p" "$2" | tail -1
}
wait_for() { # wait_for TEXT FILE PID: until a line TEXT is in FILE (or the program ends)
  for _ in $(seq 1 600); do
    grep -qxF "$1" "$2" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
tmp_files() { # tmp_files DIR: leftover temporary files of atomic writes
  find "$1" -name '*.tmp-*' | wc -l
}

# ---- 1. kill -9 while appending ---------------------------------------------
echo "== kill -9 during score-file appends ($iterations times)"
data="$tmp/kill-scores"; mkdir -p "$data"
acked=0 bad_runs=0 kills_in_write=0
t0=$SECONDS
for i in $(seq 1 "$iterations"); do
  "$writer" scores "$data" 0 >"$tmp/w.out" 2>"$tmp/w.err" &
  pid=$!
  rand_sleep 100
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  k=$(last_number appended "$tmp/w.out"); [ -n "$k" ] && acked=$k
  [ -e "$data/learners/fault.writer.scores" ] || [ "$acked" != 0 ] || continue # killed before the first write
  if ! "$writer" check-scores "$data" "$acked" >"$tmp/c.out" 2>&1; then
    bad_runs=$((bad_runs + 1)); echo "iteration $i:"; cat "$tmp/c.out" "$tmp/w.err"
  fi
  n=$(sed -n 's/^scores ok: \([0-9]*\) attempts.*/\1/p' "$tmp/c.out")
  # The record in flight when the kill came was written after all.
  [ -n "$n" ] && [ "$n" -gt "$acked" ] && { acked=$n; kills_in_write=$((kills_in_write + 1)); }
  if [ $((i % 25)) = 0 ] || [ "$i" = "$iterations" ]; then
    "$tpquiz" verify --data-dir "$data" "$data/learners/fault.writer.scores" >"$tmp/v.out" 2>&1 ||
      { bad_runs=$((bad_runs + 1)); echo "iteration $i: tpquiz verify:"; cat "$tmp/v.out"; }
  fi
done
check "score file after kill -9 ($bad_runs bad iterations)" $bad_runs
echo "$iterations kills in $((SECONDS - t0)) s: $acked attempts acknowledged and kept," \
  "$kills_in_write kills after the record was on disk but before its acknowledgement;" \
  "$(tmp_files "$data") temporary files left by kills; $(tail -1 "$tmp/v.out")"

echo "== kill -9 during exam journaling ($iterations times)"
data="$tmp/kill-journal"; mkdir -p "$data"
acked=0 bad_runs=0 torn=0
t0=$SECONDS
for i in $(seq 1 "$iterations"); do
  "$writer" journal "$data" 0 >"$tmp/w.out" 2>"$tmp/w.err" &
  pid=$!
  rand_sleep 80
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  k=$(last_number event "$tmp/w.out"); [ -n "$k" ] && acked=$k
  [ -e "$data/learners/fault.writer.journal" ] || [ "$acked" != 0 ] || continue # killed before the first write
  if ! "$writer" check-journal "$data" "$acked" >"$tmp/c.out" 2>&1; then
    bad_runs=$((bad_runs + 1)); echo "iteration $i:"; cat "$tmp/c.out" "$tmp/w.err"
  fi
  n=$(sed -n 's/^journal ok: \([0-9]*\) events.*/\1/p' "$tmp/c.out")
  [ -n "$n" ] && acked=$n
  if [ $((i % 10)) = 0 ]; then
    # A power loss can leave the last line half written: add one; reading
    # warns about it, and the next run (reopening) cuts it off.
    printf 'click %d 17724384%05d 1.5' $((RANDOM % 1000)) $RANDOM >>"$data/learners/fault.writer.journal"
    "$writer" read-journal "$data/learners/fault.writer.journal" >"$tmp/r.out" 2>&1
    grep -q 'the last line is cut short' "$tmp/r.out" || { bad_runs=$((bad_runs + 1)); cat "$tmp/r.out"; }
    "$writer" journal "$data" 1 >/dev/null 2>"$tmp/w.err" && acked=$((acked + 1)) &&
      "$writer" check-journal "$data" "$acked" >"$tmp/c.out" 2>&1 ||
      { bad_runs=$((bad_runs + 1)); echo "after a torn line:"; cat "$tmp/w.err" "$tmp/c.out"; }
    torn=$((torn + 1))
  fi
done
"$writer" journal "$data" 1 >/dev/null 2>"$tmp/w.err" || { bad_runs=$((bad_runs + 1)); cat "$tmp/w.err"; }
"$writer" check-journal "$data" $((acked + 1)) >"$tmp/c.out" 2>&1 || { bad_runs=$((bad_runs + 1)); cat "$tmp/c.out"; }
check "journal after kill -9 ($bad_runs bad iterations)" $bad_runs
echo "$iterations kills and $torn torn last lines in $((SECONDS - t0)) s; $(cat "$tmp/c.out")"

# ---- 2. kill -9 of the real program during an exam ------------------------------
echo "== kill -9 of tpquiz during an exam ($gui_iterations times)"
data="$tmp/kill-gui"; mkdir -p "$data"
run_gui() { # run_gui NAME SCRIPT [ARGS...]: runs the program to the end
  local name=$1 script=$2; shift 2
  "$tpquiz" --config "$config" --data-dir "$data" --seed 7 --screenshot-dir "$shots" --script "$script" "$@" \
    >"$shots/$name.out" 2>"$shots/$name.err"
}
{ echo "type Kai Kill"; cat "$root/tests/fault/setup.script"; } >"$tmp/setup-kai.script"
run_gui setup-kai "$tmp/setup-kai.script" --virtual-clock; check "learner kai.kill created" $?
journal="$data/learners/kai.kill.journal" bad_runs=0 resumed=0
for i in $(seq 1 "$gui_iterations"); do
  script=kill_start.script
  [ -e "$journal" ] && script=kill_resume.script && resumed=$((resumed + 1))
  "$tpquiz" --config "$config" --data-dir "$data" --seed 7 --screenshot-dir "$shots" \
    --script "$root/tests/fault/$script" >"$shots/kill.out" 2>"$shots/kill.err" &
  pid=$!
  for _ in $(seq 1 200); do grep -q '^signed in' "$shots/kill.out" && break; sleep 0.02; done
  rand_sleep 700
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  if [ -e "$journal" ] && ! "$writer" read-journal "$journal" >"$tmp/r.out" 2>&1; then
    bad_runs=$((bad_runs + 1)); echo "iteration $i: journal:"; cat "$tmp/r.out"
  fi
  if ! "$tpquiz" verify --data-dir "$data" "$data/learners/kai.kill.scores" >"$tmp/v.out" 2>&1; then
    bad_runs=$((bad_runs + 1)); echo "iteration $i: verify:"; cat "$tmp/v.out"
  fi
done
[ -e "$journal" ] || run_gui kill-start "$root/tests/fault/kill_start.script"
# Temporary files a kill left (forced here, in case no kill hit a save) are
# removed when the learner signs in again.
touch "$data/learners/kai.kill.scores.tmp-Ab12Cd" "$data/learners/kai.kill.journal.tmp-Ef34Gh"
run_gui kill-submit "$root/tests/fault/kill_submit.script"; check "resumed after the kills and submitted" $?
answered=$(sed -n 's/^exam resumed: course=demo answered=\([0-9]*\) .*/\1/p' "$shots/kill-submit.out")
grep -q '^exam recorded: course=demo ' "$shots/kill-submit.out"; check "exam recorded" $?
# The exam record is the last one: its "answered yes" lines are the answers the journal held.
recorded=$(awk '/^record /{n=0} /^answered yes$/{n++} END{print n}' "$data/learners/kai.kill.scores")
[ -n "$answered" ] && [ "$answered" -gt 0 ] && [ "$answered" = "$recorded" ]
check "the record holds the $answered journaled answers (it has $recorded)" $?
[ ! -e "$journal" ]; check "journal removed once recorded" $?
[ "$(tmp_files "$data")" = 0 ] && grep -q 'temporary file.* left by an interrupted save' "$shots/kill-submit.err"
check "temporary files of interrupted saves removed at sign-in" $?
"$tpquiz" verify --data-dir "$data" "$data/learners/kai.kill.scores" >"$tmp/v.out" 2>&1; check "score file verifies" $?
check "journal and score file after kill -9 of tpquiz ($bad_runs bad iterations)" $bad_runs
echo "$gui_iterations kills ($resumed in a resumed exam); $(cat "$tmp/v.out")"

# ---- 3. full data folder ----------------------------------------------------------
echo "== full data folder (file-size limit)"
trap '' XFSZ # inherited: writes past the limit fail with EFBIG instead of killing
data="$tmp/full"; mkdir -p "$data"
"$writer" scores "$data" 3 >/dev/null 2>&1; check "3 records written" $?
"$writer" journal "$data" 5 >/dev/null 2>&1; check "5 events journaled" $?
"$writer" progress "$data" 10 >/dev/null 2>&1; check "10 practice sessions saved" $?
scores="$data/learners/fault.writer.scores" jfile="$data/learners/fault.writer.journal"
pfile="$data/learners/fault.writer.progress"
cp "$scores" "$tmp/scores.before"; cp "$jfile" "$tmp/journal.before"; cp "$pfile" "$tmp/progress.before"
size=$(stat -c %s "$scores")
prlimit --fsize=$((size + 200)) "$writer" scores "$data" 1 >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q 'cannot write a temporary file next to it: File too large' "$tmp/w.err"
check "score append on a full disk: clear error ($(cat "$tmp/w.err"))" $?
cmp -s "$scores" "$tmp/scores.before"; check "score file unchanged" $?
[ "$(tmp_files "$data")" = 0 ]; check "no temporary file left" $?
jsize=$(stat -c %s "$jfile")
prlimit --fsize=$((jsize + 10)) "$writer" journal "$data" 1 >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q 'cannot journal the event: File too large' "$tmp/w.err"
check "journal append on a full disk: clear error ($(cat "$tmp/w.err"))" $?
cmp -s "$jfile" "$tmp/journal.before"; check "journal unchanged (the short write was taken back)" $?
prlimit --fsize=$(($(stat -c %s "$pfile") - 10)) "$writer" progress "$data" 1 >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q 'File too large' "$tmp/w.err"
check "progress save on a full disk: clear error ($(cat "$tmp/w.err"))" $?
cmp -s "$pfile" "$tmp/progress.before" && [ "$(tmp_files "$data")" = 0 ]
check "progress unchanged, no temporary file left" $?
"$writer" check-scores "$data" 3 >/dev/null 2>&1 && "$writer" check-journal "$data" 5 >/dev/null 2>&1
check "both read back intact" $?
"$writer" scores "$data" 1 >/dev/null 2>&1 && "$writer" journal "$data" 1 >/dev/null 2>&1 &&
  "$writer" check-scores "$data" 4 >/dev/null 2>&1 && "$writer" check-journal "$data" 6 >/dev/null 2>&1
check "writing goes on once there is room" $?

# The program in an exam: limit files to what the journal header needs.
data="$tmp/full-gui"; mkdir -p "$data"
{ echo "type Fay Full"; cat "$root/tests/fault/setup.script"; } >"$tmp/setup-fay.script"
run_gui setup-fay "$tmp/setup-fay.script" --virtual-clock; check "learner fay.full created" $?
run_gui start-fay "$root/tests/fault/full_start.script"; check "fay.full's exam started" $?
# Output through a pipe: the limit is for the program's files, not its log.
prlimit --fsize=60:unlimited "$tpquiz" --config "$config" --data-dir "$data" --seed 7 --screenshot-dir "$shots" \
  --script "$root/tests/fault/full.script" > >(cat >"$shots/full.out") 2> >(cat >"$shots/full.err") &
pid=$!
wait_for FULL "$shots/full.out" $pid; check "answers refused by the disk: the exam says so" $?
grep -c . "$data/learners/fay.full.journal" >"$tmp/lines"; [ "$(cat "$tmp/lines")" = 1 ]
check "nothing but the header in the journal while full" $?
prlimit --pid $pid --fsize=unlimited:unlimited
wait_for ANSWERED "$shots/full.out" $pid; check "answers written once there is room" $?
"$writer" read-journal "$data/learners/fay.full.journal" >"$tmp/r.out" 2>&1 &&
  grep -q ', 4 questions, [2-9] events' "$tmp/r.out"
check "journal holds the answers given while full ($(cat "$tmp/r.out"))" $?
prlimit --pid $pid --fsize="$(stat -c %s "$data/learners/fay.full.scores")":unlimited
wait_for RECORD-FAILED "$shots/full.out" $pid; check "record refused by the disk: the result screen says so" $?
[ -e "$data/learners/fay.full.journal" ]; check "journal kept while the record is not written" $?
# Questions the journal holds an answer for (a later event replaces an earlier one).
journaled=$(awk 'NR > 1 {last[$2] = $1} END {n = 0; for (i in last) if (last[i] == "click" || last[i] == "options") n++; print n}' \
  "$data/learners/fay.full.journal")
prlimit --pid $pid --fsize=unlimited:unlimited
wait $pid; check "program finished its script (Try again recorded the exam)" $?
sleep 0.2
recorded=$(awk '/^record /{n=0} /^answered yes$/{n++} END{print n}' "$data/learners/fay.full.scores")
grep -q '^exam recorded: course=demo .* auto=no' "$shots/full.out" && [ "$recorded" -ge 2 ] && [ "$recorded" = "$journaled" ]
check "exam recorded with every journaled answer ($recorded answers, $journaled journaled)" $?
[ ! -e "$data/learners/fay.full.journal" ]; check "journal removed once recorded" $?
"$tpquiz" verify --data-dir "$data" "$data/learners/fay.full.scores" >/dev/null 2>&1; check "score file verifies" $?
[ "$(tmp_files "$data")" = 0 ]; check "no temporary file left" $?
trap - XFSZ

# ---- 4. read-only data folder ---------------------------------------------------------
echo "== read-only data folder"
# Permission bits do not stop root: run as nobody then.
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  else as_user=(skip); fi
fi
if [ "${as_user[0]:-}" = skip ] || ! "${as_user[@]}" test -x "$writer" -a -x "$tpquiz" -a -r "$config"; then
  echo "skipped: running as root, and the unprivileged user cannot use setpriv or reach the build"
else
  data="$tmp/ro"; mkdir -p "$data" "$shots/ro"
  [ ${#as_user[@]} -gt 0 ] && chown -R 65534:65534 "$data" "$shots/ro"
  "${as_user[@]}" "$writer" scores "$data" 2 >/dev/null 2>&1 && "${as_user[@]}" "$writer" journal "$data" 2 >/dev/null 2>&1 &&
    "${as_user[@]}" "$writer" progress "$data" 3 >/dev/null 2>&1
  check "data written before the folder turns read-only" $?
  { echo "type Rita Ro"; cat "$root/tests/fault/setup.script"; } >"$tmp/setup-rita.script"
  "${as_user[@]}" "$tpquiz" --config "$config" --data-dir "$data" --virtual-clock --script "$tmp/setup-rita.script" \
    --screenshot-dir "$shots/ro" >/dev/null 2>&1
  check "learner rita.ro created" $?
  { echo "type Rob Ro"; cat "$root/tests/fault/setup.script"; } >"$tmp/setup-rob.script"
  "${as_user[@]}" "$tpquiz" --config "$config" --data-dir "$data" --virtual-clock --script "$tmp/setup-rob.script" \
    --screenshot-dir "$shots/ro" >/dev/null 2>&1 &&
    "${as_user[@]}" "$tpquiz" --config "$config" --data-dir "$data" --seed 7 \
      --script "$root/tests/fault/ro_start.script" --screenshot-dir "$shots/ro" >/dev/null 2>&1 &&
    [ -e "$data/learners/rob.ro.journal" ]
  check "learner rob.ro with an exam in progress" $?
  chmod 500 "$data/learners"; chmod 400 "$data/learners/fault.writer.journal" "$data/learners/rob.ro.journal"
  cp "$data/learners/fault.writer.scores" "$tmp/scores.before"
  "${as_user[@]}" "$writer" scores "$data" 1 >/dev/null 2>"$tmp/w.err"
  [ $? = 1 ] && grep -q 'cannot write a temporary file next to it: Permission denied' "$tmp/w.err"
  check "score append in a read-only folder: clear error ($(cat "$tmp/w.err"))" $?
  cmp -s "$data/learners/fault.writer.scores" "$tmp/scores.before"; check "score file unchanged" $?
  cp "$data/learners/fault.writer.progress" "$tmp/progress.before"
  "${as_user[@]}" "$writer" progress "$data" 1 >/dev/null 2>"$tmp/w.err"
  [ $? = 1 ] && grep -q 'Permission denied' "$tmp/w.err"
  check "progress save in a read-only folder: clear error ($(cat "$tmp/w.err"))" $?
  cmp -s "$data/learners/fault.writer.progress" "$tmp/progress.before"; check "progress unchanged" $?
  "${as_user[@]}" "$writer" journal "$data" 1 >/dev/null 2>"$tmp/w.err"
  [ $? = 1 ] && grep -q 'cannot open the exam journal: Permission denied' "$tmp/w.err"
  check "journal reopen when read-only: clear error ($(cat "$tmp/w.err"))" $?
  rm -f "$data/learners/fault.writer.journal" 2>/dev/null
  "${as_user[@]}" "$writer" begin-journal "$data" >/dev/null 2>"$tmp/w.err"
  [ $? = 1 ] && grep -q 'cannot start the exam journal: Permission denied' "$tmp/w.err"
  check "journal start in a read-only folder: clear error ($(cat "$tmp/w.err"))" $?
  "${as_user[@]}" "$writer" check-scores "$data" 2 >/dev/null 2>&1; check "score file reads back intact" $?
  "${as_user[@]}" "$tpquiz" --config "$config" --data-dir "$data" --virtual-clock --seed 7 \
    --script "$root/tests/fault/readonly.script" --screenshot-dir "$shots/ro" >"$shots/ro/ro.out" 2>"$shots/ro/ro.err"
  check "program: exam refused with a clear message in a read-only folder" $?
  "${as_user[@]}" "$tpquiz" --config "$config" --data-dir "$data" --seed 7 \
    --script "$root/tests/fault/ro_resume.script" --screenshot-dir "$shots/ro" >"$shots/ro/resume.out" \
    2>"$shots/ro/resume.err" &
  pid=$!
  wait_for READONLY "$shots/ro/resume.out" $pid; check "resumed exam with a read-only journal: the exam says so" $?
  chmod 600 "$data/learners/rob.ro.journal"
  wait_for RECORD-FAILED "$shots/ro/resume.out" $pid; check "answers saved once the journal is writable" $?
  journaled=$(awk 'NR > 1 {last[$2] = $1} END {n = 0; for (i in last) if (last[i] == "click" || last[i] == "options") n++; print n}' \
    "$data/learners/rob.ro.journal")
  chmod 700 "$data/learners"
  wait $pid; check "record written once the folder is writable (see $shots/ro/resume.err)" $?
  recorded=$(awk '/^record /{n=0} /^answered yes$/{n++} END{print n}' "$data/learners/rob.ro.scores")
  [ ! -e "$data/learners/rob.ro.journal" ] && [ "$recorded" -ge 2 ] && [ "$recorded" = "$journaled" ]
  check "exam recorded with every journaled answer ($recorded answers, $journaled journaled)" $?
  chmod 700 "$data/learners"
fi

# ---- 5. hostile files and learner ids -----------------------------------------------
echo "== hostile files and learner ids"
data="$tmp/hostile"; mkdir -p "$data/learners"
"$writer" scores "$data" 1 >/dev/null 2>&1; check "a good learner" $?
L="$data/learners"
{ echo "tpquiz-scores 1"; head -c 100M /dev/zero | tr '\0' 'x'; } >"$L/big.scores"
head -c 1M /dev/urandom >"$L/binary.scores"
head -c 100M /dev/zero >"$L/bigbinary.scores"
{ echo "tpquiz-scores 1"; head -c 2M /dev/urandom; } >"$L/garbage.scores"
"$writer" forge "$L/dotdot.scores" "$data" "../x" "Dot Dot" &&
  "$writer" forge "$L/slash.scores" "$data" "a/b" "Slash" &&
  "$writer" forge "$L/hidden.scores" "$data" ".hidden" "Hidden" &&
  "$writer" forge "$L/long.scores" "$data" "$(printf 'a%.0s' $(seq 1 300))" "Long" &&
  "$writer" forge "$L/bad.utf8.scores" "$data" "bad.utf8" $'\xff\xfe not UTF-8 \xc3' &&
  "$writer" forge "$L/ctl.name.scores" "$data" "ctl.name" $'Esc \x1b[31m red \x07 bell' &&
  "$writer" forge "$L/esc.id.scores" "$data" $'esc\x1b]0;owned\x07' "Escape Id"
check "forged score files written" $?
cp "$L/fault.writer.scores" "$L/.hidden.scores"
cp "$L/fault.writer.scores" "$L/..x.scores"
expect_verify() { # expect_verify FILE STATUS TEXT: tpquiz verify FILE exits STATUS and says TEXT
  local start=$SECONDS
  "$tpquiz" verify --data-dir "$data" "$1" >"$tmp/v.out" 2>&1
  local status=$?
  if [ $status = "$2" ] && grep -qF -- "$3" "$tmp/v.out" && ! grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/v.out"; then
    ok
  else
    bad "verify $(basename "$1"): exit $status, expected $2 and '$3':"; head -5 "$tmp/v.out" | cut -c1-200
  fi
  [ $((SECONDS - start)) -le 20 ] || bad "verify $(basename "$1") took $((SECONDS - start)) s"
}
expect_verify "$L/fault.writer.scores" 0 "2 records, all good"
expect_verify "$L/big.scores" 1 "cannot read: it is 100 MB, the limit for a score file is 64 MB"
expect_verify "$L/binary.scores" 1 "not a score file (its first line is not 'tpquiz-scores 2')"
vstart=$(date +%s%N)
expect_verify "$L/bigbinary.scores" 1 "cannot read: it is 100 MB, the limit for a score file is 64 MB"
vms=$(( ($(date +%s%N) - vstart) / 1000000 ))
[ "$vms" -lt 2000 ]; check "a 100 MB foreign file is refused by its size ($vms ms)" $?
expect_verify "$L/garbage.scores" 1 "lines outside any record"
expect_verify "$L/dotdot.scores" 1 "record 1 (profile, ../x): edited: line 4: a bad learner value"
expect_verify "$L/slash.scores" 1 "edited: line 4: a bad learner value"
expect_verify "$L/hidden.scores" 1 "edited: line 4: a bad learner value"
expect_verify "$L/long.scores" 1 "edited: line 4: a bad learner value"
expect_verify "$L/bad.utf8.scores" 1 "edited: line 5: a bad name value"
expect_verify "$L/ctl.name.scores" 1 "edited: line 5: a bad name value"
expect_verify "$L/esc.id.scores" 1 "record 1 (profile, ?): edited: line 4: a bad learner value"
"$writer" create "$data" "../x" "Dot Dot" >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q "may only use lower-case letters" "$tmp/w.err"; check "create refuses the id ../x" $?
"$writer" create "$data" "ok.id" $'bad \xff name' >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q "not valid UTF-8" "$tmp/w.err"; check "create refuses an invalid UTF-8 name" $?
"$writer" create "$data" "ok.id" $'tab\tname' >/dev/null 2>"$tmp/w.err"
[ $? = 1 ] && grep -q "control characters" "$tmp/w.err"; check "create refuses control characters in a name" $?
[ ! -e "$tmp/x.scores" ] && [ ! -e "$data/x.scores" ] && [ ! -e "$data/learners/a" ]
check "no file outside learners/" $?
# Every file there before is left as it was (the run adds one learner, the
# 32-character id typed in the script, and its line in the station ledger).
fingerprint() { (cd "$data" && find . -type f ! -name 'aaaaaaaa*' ! -name ledger | sort | xargs md5sum); }
fingerprint >"$tmp/before"
mkdir -p "$shots/hostile"
"$tpquiz" --config "$config" --data-dir "$data" --virtual-clock --script "$root/tests/fault/hostile.script" \
  --screenshot-dir "$shots/hostile" >"$shots/hostile.out" 2>"$shots/hostile.err"
check "program with hostile files and ids (see $shots/hostile.err)" $?
fingerprint | diff "$tmp/before" - >/dev/null; check "files in the data folder unchanged" $?
[ -e "$L/$(printf 'a%.0s' $(seq 1 32)).scores" ]; check "the learner with a 32-character id was created" $?
[ ! -e "$data/x.scores" ] && [ ! -e "$tmp/x.scores" ] && [ ! -d "$L/a" ] && [ ! -e "$L/.hidden.progress" ]
check "no file made from a bad id" $?

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
