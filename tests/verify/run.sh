#!/usr/bin/env bash
# End-to-end test of `tpquiz verify` on real score files.
#
# Usage: run.sh TPQUIZ SCORESDIR SOURCE_ROOT
#
# SCORESDIR (tests/data/scores) holds score files made by the unit test
# tests/unit/test_verify.c with a fixed key (station.key): good.scores and
# copies of it with a record edited, deleted (missing), swapped (reordered)
# and cut off (truncated). Each <name>.scores is verified from SOURCE_ROOT
# and its output must equal <name>.expected, with exit status 0 for good and
# 1 for the others. Then the options, the key checks and a few live edits.
#
# To write the expected file of a new input, run the same command by hand,
# read every line, and only then save it as <name>.expected.
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 TPQUIZ SCORESDIR SOURCE_ROOT" >&2
    exit 2
fi
tpquiz=$(realpath "$1")
root=$(realpath "$3")
scores=$(realpath --relative-to="$root" "$2")
cd "$root" || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Git does not keep file modes: the key is checked out 0644, which verify
# rightly refuses. Use a private copy.
key="$tmp/station.key"
cp "$scores/station.key" "$key" && chmod 600 "$key"

passed=0
failed=0
out="$tmp/out"
err="$tmp/err"

# expect NAME STATUS PATTERN... -- COMMAND...: runs COMMAND, checks its exit
# status and that stdout+stderr contain every PATTERN (fixed strings).
expect() {
    local name=$1 want=$2
    shift 2
    local patterns=()
    while [ "$1" != "--" ]; do
        patterns+=("$1")
        shift
    done
    shift
    "$@" >"$out" 2>"$err"
    local status=$? ok=1
    if [ $status -ne "$want" ]; then
        echo "FAIL $name: exit status $status, expected $want"
        ok=0
    fi
    for p in "${patterns[@]}"; do
        if ! grep -qF -- "$p" "$out" "$err"; then
            echo "FAIL $name: output lacks '$p'"
            ok=0
        fi
    done
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        sed 's/^/    out: /' "$out"
        sed 's/^/    err: /' "$err"
    fi
}

# 1. The fixtures against their expected output.
for name in good edited missing reordered truncated; do
    input="$scores/$name.scores"
    expected="$scores/$name.expected"
    want=1
    [ "$name" = good ] && want=0
    "$tpquiz" verify --key "$key" "$input" >"$out" 2>"$err"
    status=$?
    ok=1
    if [ $status -ne $want ]; then
        echo "FAIL $input: exit status $status, expected $want"
        ok=0
    fi
    if ! diff -u "$expected" "$out" >/dev/null; then
        echo "FAIL $input: output differs from $expected"
        diff -u --label expected --label actual "$expected" "$out" | sed 's/^/    /'
        ok=0
    fi
    if [ -s "$err" ]; then
        echo "FAIL $input: wrote to stderr"
        sed 's/^/    /' "$err"
        ok=0
    fi
    if [ $ok -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

# 2. Several files: one bad file makes the exit status 1; each gets its summary.
expect "all files" 1 "good.scores: 5 records, all good" "edited.scores: 5 records: 4 good, 1 edited" \
    "truncated.scores: 5 records: 4 good, 1 truncated" -- \
    "$tpquiz" verify --key "$key" "$scores"/good.scores "$scores"/edited.scores "$scores"/truncated.scores
expect "a file that is not there" 1 "nobody.scores: error: cannot read" "nobody.scores: not checked" -- \
    "$tpquiz" verify --key "$key" "$scores"/good.scores "$tmp/nobody.scores"
expect "not a score file" 1 "error: not a score file" -- "$tpquiz" verify --key "$key" "$key"

# 3. The key: from --data-dir, refused when others can read it, wrong.
mkdir "$tmp/data"
cp "$key" "$tmp/data/station.key"
expect "--data-dir" 0 "5 records, all good" -- "$tpquiz" verify --data-dir "$tmp/data" "$scores/good.scores"
printf '[paths]\ndata = data\n' >"$tmp/config.ini"
expect "--config" 0 "5 records, all good" -- "$tpquiz" verify --config "$tmp/config.ini" "$scores/good.scores"
chmod 644 "$tmp/data/station.key"
expect "key mode 0644" 2 "mode 0644" "chmod 600" -- \
    "$tpquiz" verify --data-dir "$tmp/data" "$scores/good.scores"
expect "no key" 2 "cannot read the station key" -- \
    "$tpquiz" verify --key "$tmp/none.key" "$scores/good.scores"
printf 'abcd\n' >"$tmp/short.key"
chmod 600 "$tmp/short.key"
expect "short key" 2 "not a station key" -- "$tpquiz" verify --key "$tmp/short.key" "$scores/good.scores"
printf '%064d\n' 0 >"$tmp/wrong.key"
chmod 600 "$tmp/wrong.key"
expect "wrong key" 1 "5 records: 5 edited (no record matches the key: is it this station's key?)" -- \
    "$tpquiz" verify --key "$tmp/wrong.key" "$scores/good.scores"

# 4. Certificate codes.
expect "--code found" 0 \
    "good.scores: certificate code DP5H-XB4T-DOL8: record 5 (exam, essentials, 2026-03-06): passed, 75.0%" -- \
    "$tpquiz" verify --key "$key" --code dp5hxb4tdol8 "$scores/good.scores"
expect "--code not found" 1 "certificate code ABCD-EFGH-JKLM: not found on a good exam record" -- \
    "$tpquiz" verify --key "$key" --code ABCD-EFGH-JKLM "$scores/good.scores"
expect "--code on a truncated record" 1 "not found on a good exam record" -- \
    "$tpquiz" verify --key "$key" --code DP5H-XB4T-DOL8 "$scores/truncated.scores"
cp "$scores/good.scores" "$tmp/c.scores"
sed -i '/^record 5$/,$ s/^time_ms 5321$/time_ms 5322/' "$tmp/c.scores"
expect "--code on an edited record" 1 "record 5 (exam, essentials, 2026-03-06): passed, 75.0%, but that record is edited" -- \
    "$tpquiz" verify --key "$key" --code DP5H-XB4T-DOL8 "$tmp/c.scores"
expect "--code not a code" 2 "is not a certificate code" -- \
    "$tpquiz" verify --key "$key" --code 12 "$scores/good.scores"

# 5. Live edits with a text editor's tools.
cp "$scores/good.scores" "$tmp/a.scores"
sed -i 's/^passed no$/passed yes/' "$tmp/a.scores"
expect "sed: passed no -> yes" 1 "record 2 (quiz, essentials/iliopsoas, 2026-03-03): edited" \
    "record 3 (quiz, essentials/quadratus_lumborum, 2026-03-04): edited" -- \
    "$tpquiz" verify --key "$key" "$tmp/a.scores"
head -c 2000 "$scores/good.scores" >"$tmp/b.scores"
expect "head -c: truncated" 1 ": truncated: the file ends inside it" -- "$tpquiz" verify --key "$key" "$tmp/b.scores"
printf '\nrecord 6\nkind attempt\n' >>"$tmp/b.scores"
expect "a record glued on" 1 "record 4 (exam, essentials, 2026-03-05): edited: line 102: a bad key value" \
    "record 6: truncated" -- "$tpquiz" verify --key "$key" "$tmp/b.scores"

# 6. Usage.
expect "--help" 0 "Usage: tpquiz verify" -- "$tpquiz" verify --help
expect "main --help" 0 "tpquiz verify [OPTIONS] FILE..." -- "$tpquiz" --help
expect "no files" 2 "no score file given" -- "$tpquiz" verify --key "$key"
expect "unknown option" 2 "unknown option '--frobnicate'" -- "$tpquiz" verify --frobnicate x

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
