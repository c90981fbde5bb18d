#!/usr/bin/env bash
# Golden diagnostics: runs `tpquiz check` on every bad input and compares its
# output with the expected lines.
#
# Usage: run.sh TPQUIZ BADDIR SOURCE_ROOT
#
# Every BADDIR/<name>.expected belongs to the one input BADDIR/<name>.<ext>
# next to it. The input is checked from SOURCE_ROOT with the settings in
# BADDIR/check.ini (small test charts, not the shipped ones), so the paths in
# the messages read like tests/data/bad/<name>.ini. Each run must exit with
# status 1 and print exactly the expected lines.
#
# To write the expected file of a new input, run the same command by hand,
# read every line, and only then save it as <name>.expected.
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 TPQUIZ BADDIR SOURCE_ROOT" >&2
    exit 2
fi
tpquiz=$(realpath "$1")
root=$(realpath "$3")
bad=$(realpath "$2")
baddir=$(realpath --relative-to="$root" "$bad")
config="$baddir/check.ini"

cd "$root" || exit 2
if [ ! -f "$config" ]; then
    echo "missing $config" >&2
    exit 2
fi

passed=0
failed=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

shopt -s nullglob
for expected in "$baddir"/*.expected; do
    name=${expected%.expected}
    inputs=()
    for f in "$name".*; do
        [ "$f" = "$expected" ] || inputs+=("$f")
    done
    if [ ${#inputs[@]} -ne 1 ]; then
        echo "FAIL $expected: expected one input next to it, found ${#inputs[@]}"
        failed=$((failed + 1))
        continue
    fi
    input=${inputs[0]}
    "$tpquiz" check --config "$config" "$input" >"$out" 2>"$err"
    status=$?
    ok=1
    if [ $status -ne 1 ]; then
        echo "FAIL $input: exit status $status, expected 1"
        ok=0
    fi
    if ! diff -u "$expected" "$out" >/dev/null; then
        echo "FAIL $input: output differs from $expected"
        diff -u --label expected --label actual "$expected" "$out" | sed 's/^/    /'
        ok=0
    fi
    if [ $ok -eq 0 ] && [ -s "$err" ]; then
        echo "    stderr:"
        sed 's/^/    /' "$err"
    fi
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done

if [ $((passed + failed)) -eq 0 ]; then
    echo "no .expected files in $baddir"
    exit 1
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
