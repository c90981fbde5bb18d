#!/usr/bin/env bash
# Trust attacks (docs/SECURITY.md): what a learner who can edit their own
# files, but cannot read the station key, would try against certification.
# Each attack is played against the real program and real files, and the
# outcome asserted: not certified, flagged with the reason, nothing lost.
#
# Usage: tests/trust/run.sh TPQUIZ FAULT_WRITER SHOTS_DIR SOURCE_ROOT
set -uo pipefail
tpquiz=$(realpath "$1") writer=$(realpath "$2") shots=$3 root=$(realpath "$4")
rm -rf "$shots"; mkdir -p "$shots"; shots=$(realpath "$shots")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
config="$root/tests/e2e/fixture/config.ini"
data="$tmp/data" L="$tmp/data/learners"
mkdir -p "$data"
passed=0 failed=0
check() { # check NAME STATUS [DETAIL FILE]
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else
    echo "FAIL: $1"; [ -n "${3:-}" ] && sed 's/^/    /' "$3" | tail -15; failed=$((failed + 1)); fi
}
T0=1772438400000 # 2026-03-02, the virtual clock's start in every run
gui() { # gui NAME [ARGS...] < SCRIPT: the program on the script, output in $shots/NAME.out
  local name=$1; shift
  cat >"$tmp/$name.script"
  "$tpquiz" --config "$config" --data-dir "$data" --seed 7 --screenshot-dir "$shots" \
    --script "$tmp/$name.script" "$@" >"$shots/$name.out" 2>&1
}
new_learner() { # new_learner "Full Name"
  printf 'type %s\nclick-text Start as new learner\nexpect Choose a course\nquit\n' "$1" |
    gui "new-${1// /-}" --virtual-clock --clock-start $T0
}
start_exam() { # start_exam ID NAME [ARGS...]: starts the demo exam, answers question 1, quits
  local id=$1 name=$2; shift 2
  printf 'click-text Sign in %s\nclick-text Open Demo course\nclick-text Certification exam\nclick-text Start exam\nkey 1\nclick 400 500\nwait 40000\nquit\n' \
    "$id" | gui "$name" "$@"
}
sign_in() { # sign_in ID NAME [ARGS...]
  local id=$1 name=$2; shift 2
  printf 'click-text Sign in %s\nscreenshot %s\nquit\n' "$id" "$name" | gui "$name" "$@"
}
report() { # the instructor's report over the station's learners, as CSV in $tmp/report.csv
  "$tpquiz" report "$data" --data-dir "$data" --config "$config" --csv "$tmp/report.csv" \
    --ledger-state "$tmp/ledger-state" >"$tmp/report.txt" 2>&1
  rstatus=$?
  reports=$((${reports:-0} + 1))
  cp "$tmp/report.csv" "$shots/report-$reports.csv"; cp "$tmp/report.txt" "$shots/report-$reports.txt"
}
cert_row() { # cert_row ID: the learner's Certification CSV row
  tr -d '\r' <"$tmp/report.csv" | awk -F, -v id="$1" '/^Certification$/{s=1} s && $2 == id {print; exit}'
}

# ---- 1. Edited exam journal -------------------------------------------------
echo "== edited exam journal"
new_learner "Cora Cert"
cp "$L/cora.cert.scores" "$tmp/cora-profile-only.scores"
start_exam cora.cert start-cora --virtual-clock --clock-start $T0
grep -q '^exam started: course=demo questions=4 seed=7 start=2$' "$shots/start-cora.out"
check "cora's exam started with a signed start record" $? "$shots/start-cora.out"
grep -q '^tick 0 ' "$L/cora.cert.journal" && [ "$(awk '{print NF}' "$L/cora.cert.journal" | head -1)" = 9 ]
check "the journal is sealed and journals the time spent" $? "$L/cora.cert.journal"
# The header's question count 4 -> 1: an exam of one question, all right.
sed -i '1s/ 4 2 / 1 2 /' "$L/cora.cert.journal"
sign_in cora.cert resume-cora --virtual-clock --clock-start $((T0 + 120000))
grep -q "^exam void: course=demo reason=its journal failed its check (line 1 does not match its seal" \
  "$shots/resume-cora.out"
check "an edited journal header voids the attempt" $? "$shots/resume-cora.out"
[ ! -e "$L/cora.cert.journal" ]; check "the voided journal is gone" $?
"$tpquiz" verify --data-dir "$data" "$L/cora.cert.scores" >"$tmp/v.out" 2>&1
check "the void attempt is a genuine record (verify exit 0)" $? "$tmp/v.out"
report
cert_row cora.cert | grep -q ',demo,no,0,1,0,1,1,no,'
check "report: cora not certified, one exam attempt used" $? "$tmp/report.csv"
grep -q 'void: its journal failed its check' "$tmp/report.txt"
check "report: the void attempt says why" $? "$tmp/report.txt"

# A deleted and a repeated answer line.
for edit in delete repeat; do
  new_learner "Gil ${edit^}"
  id="gil.$edit"
  start_exam "$id" "start-$id" --virtual-clock --clock-start $T0
  if [ $edit = delete ]; then sed -i '2d' "$L/$id.journal"; else sed -i '2p' "$L/$id.journal"; fi
  sign_in "$id" "resume-$id" --virtual-clock --clock-start $((T0 + 120000))
  grep -q "^exam void: course=demo reason=its journal failed its check (line [0-9]* does not match its seal" \
    "$shots/resume-$id.out"
  check "a journal line ${edit}d voids the attempt" $? "$shots/resume-$id.out"
done

# ---- 2. Deleted journal, clock set back ---------------------------------------
echo "== deleted journal, clock set back"
new_learner "Dan Del"
start_exam dan.del start-dan --virtual-clock --clock-start $T0
rm "$L/dan.del.journal"
sign_in dan.del resume-dan --virtual-clock --clock-start $((T0 + 60000))
grep -q '^exam resumed: course=demo answered=0 remaining=9:00$' "$shots/resume-dan.out"
check "deleting the journal does not hide the attempt: the exam resumes, time running" $? "$shots/resume-dan.out"
report
cert_row dan.del | grep -q ',demo,no,0,1,0,1,1,no,'
check "report: the abandoned exam is an attempt" $? "$tmp/report.csv"

new_learner "Kim Clock"
start_exam kim.clock start-kim --virtual-clock --clock-start $T0
for back in 3600000 86400000; do
  sign_in kim.clock "back-$back" --virtual-clock --clock-start $((T0 - back))
  left=$(sed -n 's/^exam resumed: course=demo answered=1 remaining=\([0-9]*\):[0-9][0-9]$/\1/p' "$shots/back-$back.out")
  [ -n "$left" ] && [ "$left" -le 9 ]
  check "clock set back $((back / 60000)) min: no time added (${left:-?} min left of 10)" $? "$shots/back-$back.out"
done

# ---- 3. Another learner's file -------------------------------------------------
echo "== a copied file"
cp "$L/cora.cert.scores" "$L/eve.scores"
printf 'click-text Sign in eve\nscreenshot copied-refused\nquit\n' | gui copied --virtual-clock --clock-start $T0
grep -q "^sign-in refused: learner=eve: This learner file holds the records of 'cora.cert'" "$shots/copied.out"
check "signing in on a copied file is refused" $? "$shots/copied.out"
"$tpquiz" verify --data-dir "$data" "$L/eve.scores" >"$tmp/v.out" 2>&1
[ $? = 1 ] && grep -q "named for learner 'eve' but holds the records of 'cora.cert'" "$tmp/v.out"
check "verify flags the copied file" $? "$tmp/v.out"
rm "$L/eve.scores"

# ---- 4. Two programs, one learner -----------------------------------------------
echo "== two programs, one learner"
new_learner "Pat Pair"
printf 'click-text Sign in pat.pair\nwait 4000\nquit\n' | gui first &
first=$!
sleep 1.5
printf 'click-text Sign in pat.pair\nscreenshot second-window-refused\nquit\n' |
  gui second --virtual-clock --clock-start $T0
grep -q '^sign-in refused: learner=pat.pair is signed in elsewhere$' "$shots/second.out"
check "a second window signing in as the same learner is refused" $? "$shots/second.out"
wait $first
check "the first window carried on" $? "$shots/first.out"
# Four writers appending 15 records each at once: every acknowledged record kept.
w="$tmp/writers"; mkdir -p "$w"
"$writer" scores "$w" 1 >/dev/null 2>&1
pids=()
for k in 1 2 3 4; do "$writer" scores "$w" 15 >"$tmp/w$k.out" 2>&1 & pids+=($!); done
acked=0
for k in 1 2 3 4; do wait "${pids[$((k - 1))]}" && acked=$((acked + 15)); done
"$tpquiz" verify --data-dir "$w" "$w/learners/fault.writer.scores" >"$tmp/v.out" 2>&1
grep -q "62 records, all good" "$tmp/v.out"
check "4 writers x 15 at once: $acked acknowledged, all 60 (+1 +profile) recorded" $? "$tmp/v.out"

# ---- 5. Rolled back files and folders ----------------------------------------
echo "== rollback"
# Cora's file put back to the copy taken before her exam: the chain is
# whole, but the station's ledger lists the records that are gone.
cp "$tmp/cora-profile-only.scores" "$L/cora.cert.scores"
report
grep -q "records 2 to 3 are gone: the station's ledger lists them" "$tmp/report.txt" &&
  grep -q "rolled back: the station's ledger lists records it lacks" "$tmp/report.txt"
check "a learner file restored from an older copy is named as rolled back" $? "$tmp/report.txt"
# Her file deleted altogether.
rm "$L/cora.cert.scores"
report
grep -q "cora.cert.scores: error: the station's ledger lists this learner, whose score file is gone" "$tmp/report.txt"
check "a deleted learner file is named" $? "$tmp/report.txt"
# xapi reads the folder's ledger the same way (ledger_open_station).
"$tpquiz" xapi export "$data" --data-dir "$data" --config "$config" --homepage https://institute.example -o "$tmp/x.jsonl" >"$tmp/xapi.txt" 2>&1
xstatus=$?
cp "$tmp/xapi.txt" "$shots/xapi.txt"
[ $xstatus = 1 ] &&
  grep -q "cora.cert.scores: error: the station's ledger lists this learner, whose score file is gone" "$tmp/xapi.txt"
check "xapi names the deleted learner file too, and exits 1" $? "$tmp/xapi.txt"
# The whole data folder put back to an older copy: the ledger is shorter
# than the instructor's report saw last time.
head -n 3 "$data/ledger" >"$tmp/ledger.old" && cp "$tmp/ledger.old" "$data/ledger"
report
[ $rstatus = 1 ] && grep -q "the station's ledger has 3 lines, but had [0-9]* when it was last collected" "$tmp/report.txt"
check "a restored data folder is named (the ledger went backwards)" $? "$tmp/report.txt"
# The ledger deleted: rollbacks could no longer be told; with
# --ledger-state that is an error.
mv "$data/ledger" "$tmp/ledger.kept"
report
[ $rstatus = 1 ] && grep -q "ledger: error: the station's ledger is gone" "$tmp/report.txt"
check "a deleted ledger is named" $? "$tmp/report.txt"
mv "$tmp/ledger.kept" "$data/ledger"
# An edited ledger line breaks its chain.
sed -i '2s/ 1 / 7 /' "$data/ledger"
report
grep -q "the station's ledger breaks here" "$tmp/report.txt"
check "an edited ledger is named" $? "$tmp/report.txt"

# ---- 6. A private copy of the course ------------------------------------------
echo "== a private copy of the course"
# The learner runs tpquiz with a copy of the course whose trigger points
# take clicks anywhere near (radius 20 -> 120), against a station data
# folder: genuine records, graded by the wrong rules. (Pass marks of 1% are
# caught the same way: unit.test_judge.)
px="$tmp/private-fixture"; cp -r "$root/tests/e2e/fixture" "$px"
sed -i 's|^assets = .*|assets = '"$root"'/assets|' "$px/config.ini"
sed -i 's|^radius = 20$|radius = 120|' "$px/courses/muscles/demo_muscle.ini"
mkdir -p "$tmp/private" "$shots/private"
"$tpquiz" --config "$px/config.ini" --data-dir "$tmp/private" --virtual-clock --seed 7 --screenshot-dir "$shots/private" \
  --script "$root/tests/e2e/certify.script" >"$shots/private.out" 2>&1
grep -q '^exam recorded: course=demo score=100.0% passed=yes' "$shots/private.out"
check "records written with the private copy" $? "$shots/private.out"
"$tpquiz" verify --key "$tmp/private/station.key" --courses "$root/tests/e2e/fixture/courses" \
  "$tmp/private/learners/cora.cert.scores" >"$tmp/v.out" 2>&1
[ $? = 1 ] && grep -q "does not count: re-graded: graded against another version of the course 'demo'" "$tmp/v.out" &&
  grep -q "2 attempts do not count when re-graded" "$tmp/v.out"
check "verify --courses: both attempts graded by another version of the course" $? "$tmp/v.out"
"$tpquiz" verify --key "$tmp/private/station.key" --courses "$px/courses" \
  "$tmp/private/learners/cora.cert.scores" >"$tmp/v.out" 2>&1
check "verify --courses against the copy itself: consistent" $? "$tmp/v.out"
"$tpquiz" report "$tmp/private" --key "$tmp/private/station.key" --config "$root/tests/e2e/fixture/config.ini" \
  --csv "$tmp/private.csv" >"$tmp/private.txt" 2>&1
grep -q "private/learners/cora.cert.scores,cora.cert,demo,no," "$tmp/private.csv" &&
  grep -q "graded against another version of the course 'demo'" "$tmp/private.txt"
check "the report over the institute's course: not certified" $? "$tmp/private.txt"

# ---- 7. Proctored stations -------------------------------------------------------
echo "== exams from issued stations only"
# A copy of the fixture whose course requires its exam from an issued
# station. Station P (proctored, its key issued) and station H (a home
# install sharing the institute's home key) each see Cora certify.
fx="$tmp/fixture"; cp -r "$root/tests/e2e/fixture" "$fx"
sed -i 's|^assets = .*|assets = '"$root"'/assets|' "$fx/config.ini"
sed -i 's|^\[exam\]$|[exam]\nstations = issued|' "$fx/courses/demo/course.ini"
"$tpquiz" check "$fx/courses" >"$tmp/check.out" 2>&1; check "a course with stations = issued checks clean" $? "$tmp/check.out"
for st in proctored home; do
  mkdir -p "$tmp/$st"
  mkdir -p "$shots/$st"
  "$tpquiz" --config "$fx/config.ini" --data-dir "$tmp/$st" --virtual-clock --seed 7 --screenshot-dir "$shots/$st" \
    --script "$root/tests/e2e/certify.script" >"$shots/$st.out" 2>&1
  grep -q '^exam recorded: course=demo score=100.0% passed=yes' "$shots/$st.out"
  check "cora certifies at the $st station" $? "$shots/$st.out"
done
mkdir -p "$tmp/collected/p" "$tmp/collected/h" "$tmp/issued"
cp "$tmp/proctored/learners/cora.cert.scores" "$tmp/collected/p/"
cp "$tmp/home/learners/cora.cert.scores" "$tmp/collected/h/"
cp "$tmp/proctored/station.key" "$tmp/issued/room-1.key"; chmod 600 "$tmp/issued/room-1.key"
"$tpquiz" report "$tmp/collected" --config "$fx/config.ini" --key "$tmp/home/station.key" --keys "$tmp/issued" \
  --csv "$tmp/issued.csv" >"$tmp/issued.txt" 2>&1
cp "$tmp/issued.txt" "$shots/issued-report.txt"
grep -q "collected/p/cora.cert.scores,cora.cert,demo,yes," "$tmp/issued.csv" &&
  grep -q "collected/h/cora.cert.scores,cora.cert,demo,no," "$tmp/issued.csv"
check "only the exam from the issued station certifies" $? "$tmp/issued.txt"
grep -q "unproctored: sat at a station whose key was not given as issued" "$tmp/issued.txt"
check "the home exam is named unproctored" $? "$tmp/issued.txt"
grep -q "^Learners with more than one score file" "$tmp/issued.txt" &&
  grep -q "^  cora.cert: $tmp/collected/h/cora.cert.scores $tmp/collected/p/cora.cert.scores$" "$tmp/issued.txt"
check "one learner in two files is named" $? "$tmp/issued.txt"

# Bad inputs to the new options: a key folder with no keys, no course folder.
mkdir -p "$tmp/no-keys"
"$tpquiz" report "$tmp/collected" --config "$fx/config.ini" --key "$tmp/home/station.key" --keys "$tmp/no-keys" \
  >"$tmp/nk.txt" 2>&1
[ $? = 2 ] && grep -q "no-keys: error: no station key files (\*.key) here" "$tmp/nk.txt"
check "--keys with no key files: a clear error" $? "$tmp/nk.txt"
"$tpquiz" verify --key "$tmp/home/station.key" --courses "$tmp/nowhere" "$tmp/collected/h/cora.cert.scores" \
  >"$tmp/nc.txt" 2>&1
[ $? = 2 ] && grep -q "verify: --courses $tmp/nowhere: no course to grade against" "$tmp/nc.txt"
check "verify --courses with no courses: a clear error" $? "$tmp/nc.txt"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
