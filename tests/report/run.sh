#!/usr/bin/env bash
# End-to-end test of `tpquiz report` (and `tpquiz passwd`) with the real
# program on the fixture folder tests/data/report (see its make.sh): the CSV
# must equal the golden expected.csv byte for byte, the readable report must
# name every learner, problem and skipped file, and a PNG must come out for
# every locate and zone question.
#
# Usage: run.sh TPQUIZ SOURCE_ROOT
#
# To change expected.csv: run the report command below by hand, read the
# whole CSV, and only then copy it over.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 TPQUIZ SOURCE_ROOT" >&2
    exit 2
fi
tpquiz=$(realpath "$1")
cd "$(realpath "$2")/tests/data/report" || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Git does not keep file modes: a 0644 key is rightly refused. Use a copy.
cp station.key "$tmp/station.key" && chmod 600 "$tmp/station.key"

passed=0
failed=0
fail() {
    echo "FAIL $1"
    failed=$((failed + 1))
}
ok() { passed=$((passed + 1)); }

# expect NAME STATUS PATTERN... -- COMMAND...: exit status and fixed strings
# in stdout + stderr.
expect() {
    local name=$1 want=$2
    shift 2
    local patterns=()
    while [ "$1" != "--" ]; do
        patterns+=("$1")
        shift
    done
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local status=$? good=1
    if [ $status -ne "$want" ]; then
        fail "$name: exit status $status, expected $want"
        good=0
    fi
    for p in "${patterns[@]}"; do
        if ! grep -qF -- "$p" "$tmp/out" "$tmp/err"; then
            fail "$name: output lacks '$p'"
            good=0
        fi
    done
    if [ $good -eq 0 ]; then
        sed 's/^/    /' "$tmp/out" "$tmp/err" | head -40
    else
        ok
    fi
}

expect report 1 \
    "anna.berg  Anna Berg  (learners/anna.berg.scores)" \
    "CERTIFIED: modules 2 of 2 passed" \
    "line 216: record 5 (exam, demo, 2026-03-04): edited: its text does not match its MAC" \
    "[record edited: does not count]" \
    "record 3 (quiz, demo/demo_front, 2026-03-03): missing: record 2 before it is gone" \
    "record 6 truncated" \
    "(no record matches the key: is it this station's key?)" \
    "(learners/station2/hiro.tanaka.scores)" \
    "skipped: learners/notes.txt: not a score file" \
    "skipped: learners/lost.scores: cannot read" \
    "tpquiz report: skipped learners/empty.scores: not a score file" \
    "demo_front/tp.chest/locate" \
    "Files: 7 read (3 intact, 4 with problems), 3 skipped." \
    "Certified in demo: 2 of 7 learners." \
    "Heatmaps: 13 written to $tmp/heat" \
    -- "$tpquiz" report learners --key "$tmp/station.key" --config config.ini \
    --csv "$tmp/report.csv" --heatmaps "$tmp/heat" --jobs 3

if diff -u --label expected.csv --label actual expected.csv "$tmp/report.csv" >"$tmp/diff"; then
    ok
else
    fail "CSV differs from tests/data/report/expected.csv"
    sed 's/^/    /' "$tmp/diff" | head -60
fi

pngs=0
for f in "$tmp"/heat/*.png; do
    [ -f "$f" ] || continue
    if [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && [ "$(stat -c %s "$f")" -gt 20000 ]; then
        pngs=$((pngs + 1))
    else
        fail "$f is not a drawn PNG"
    fi
done
# Every kind: locate, zone, paint and reverse per trigger point (3), and
# locate-all where a chart holds two or more points (demo_back's back).
if [ $pngs -eq 13 ] && [ -f "$tmp/heat/demo_back.tp.upper.locate.png" ] &&
    [ -f "$tmp/heat/demo_front.tp.chest.zone.png" ] && [ -f "$tmp/heat/demo_front.tp.chest.paint.png" ] &&
    [ -f "$tmp/heat/demo_back.tp.lower.reverse.png" ] && [ -f "$tmp/heat/demo_back.view.back.locate_all.png" ]; then
    ok
else
    fail "expected 13 heatmaps, found $pngs"
fi

# One thread gives the same CSV as three.
"$tpquiz" report learners --key "$tmp/station.key" --config config.ini --csv "$tmp/one.csv" --jobs 1 >/dev/null 2>&1
if cmp -s expected.csv "$tmp/one.csv"; then ok; else fail "--jobs 1 gives another CSV"; fi

expect course_filter 1 "tpquiz report: 10 files in learners, course demo" -- \
    "$tpquiz" report learners --key "$tmp/station.key" --config config.ini --course demo
expect unknown_course 2 "no course 'nope'" -- \
    "$tpquiz" report learners --key "$tmp/station.key" --config config.ini --course nope
expect no_folder 2 "cannot read the folder" -- \
    "$tpquiz" report "$tmp/none" --key "$tmp/station.key" --config config.ini
expect no_args 2 "no folder given" -- "$tpquiz" report --key "$tmp/station.key"
expect help 0 "Usage: tpquiz report DIR" "--heatmaps DIR" -- "$tpquiz" report --help
expect intact_only 0 "Files: 1 read (1 intact, 0 with problems), 0 skipped." -- \
    "$tpquiz" report learners/station2 --key "$tmp/station.key" --config config.ini

# passwd without a terminal: one line from stdin.
printf '; kept\n[window]\nwidth = 1300\n' >"$tmp/config.ini"
expect passwd 0 "The instructor passphrase is set in $tmp/config.ini" -- \
    sh -c "printf 'a long passphrase\n' | '$tpquiz' passwd --config '$tmp/config.ini'"
if grep -q '^; kept$' "$tmp/config.ini" && grep -q '^width = 1300$' "$tmp/config.ini" &&
    grep -Eq '^passphrase_hash = \$argon2id\$v=19\$m=65536,t=2,p=1\$' "$tmp/config.ini"; then
    ok
else
    fail "passwd: config.ini not as expected"
    sed 's/^/    /' "$tmp/config.ini"
fi
expect passwd_short 1 "too short" -- sh -c "printf 'short\n' | '$tpquiz' passwd --config '$tmp/config.ini'"
expect passwd_help 0 "Usage: tpquiz passwd" -- "$tpquiz" passwd --help

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
