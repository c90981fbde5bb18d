#!/usr/bin/env bash
# `tpquiz export moodle` with the program's real chart renderer: every
# shipped course exports, every embedded picture is a PNG of the size its
# drop zones are measured in, and bad arguments get clear messages. (The
# XML itself is parsed back and its zones graded in unit.test_moodle.)
#   moodle.sh TPQUIZ SOURCE_ROOT
set -uo pipefail
tpquiz=$(realpath "$1") root=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
cd "$root"
for course in essentials complete; do
  "$tpquiz" export moodle $course -o "$tmp/$course.xml" 2>"$tmp/err"
  status=$?
  if [ $status = 0 ] && grep -q "drag-and-drop markers questions" "$tmp/err" && tail -1 "$tmp/$course.xml" | grep -q '^</quiz>$'; then
    ok "$course: $(sed 's/.*xml: //' "$tmp/err")"
  else
    bad "$course: exit $status"; cat "$tmp/err"
  fi
done
# Each picture: a PNG whose IHDR size fits the 600 x 900 box.
n=0 badpng=0
while IFS= read -r b64; do
  n=$((n + 1))
  printf '%s' "$b64" | base64 -d >"$tmp/p.png" 2>/dev/null || { badpng=$((badpng + 1)); continue; }
  sig=$(od -An -tx1 -N8 "$tmp/p.png" | tr -d ' \n')
  w=$((16#$(od -An -tx1 -j16 -N4 "$tmp/p.png" | tr -d ' \n')))
  h=$((16#$(od -An -tx1 -j20 -N4 "$tmp/p.png" | tr -d ' \n')))
  if [ "$sig" != 89504e470d0a1a0a ] || [ $w -lt 100 ] || [ $w -gt 600 ] || [ $h -lt 100 ] || [ $h -gt 900 ] ||
     { [ $w != 600 ] && [ $h != 900 ]; }; then
    badpng=$((badpng + 1)); echo "  picture $n: signature $sig, ${w}x$h"
  fi
done < <(grep -o 'encoding="base64">[^<]*' "$tmp/essentials.xml" | sed 's/encoding="base64">//')
[ $n -gt 20 ] && [ $badpng = 0 ] && ok "essentials: $n pictures, each a PNG fitting 600 x 900" || bad "$badpng of $n pictures wrong"
# Circle drops lie inside their picture.
outside=$(grep -o '<coords>[0-9]*,[0-9]*;[0-9]*</coords>' "$tmp/essentials.xml" | tr -d '<>/a-z' |
  awk -F'[,;]' '$1 < 0 || $1 > 600 || $2 < 0 || $2 > 900 { n++ } END { print n + 0 }')
[ "$outside" = 0 ] && ok "every trigger point drop lies on its picture" || bad "$outside drops off the picture"
"$tpquiz" export moodle essentials --module iliopsoas -o "$tmp/one.xml" 2>"$tmp/err"
[ $? = 0 ] && [ "$(grep -c 'type="category"' "$tmp/one.xml")" = 1 ] && ok "--module: one category" || { bad "--module"; cat "$tmp/err"; }
"$tpquiz" export moodle nosuch -o "$tmp/x.xml" 2>"$tmp/err"
[ $? = 2 ] && grep -q "no course 'nosuch'" "$tmp/err" && [ ! -e "$tmp/x.xml" ] && ok "an unknown course: exit 2" || { bad "unknown course"; cat "$tmp/err"; }
"$tpquiz" export moodle essentials --module nosuch -o "$tmp/x.xml" 2>"$tmp/err"
[ $? = 2 ] && grep -q "has no module 'nosuch'" "$tmp/err" && ok "an unknown module: exit 2" || { bad "unknown module"; cat "$tmp/err"; }
"$tpquiz" export moodle essentials -o "$tmp/nofolder/x.xml" 2>"$tmp/err"
[ $? = 2 ] && grep -q "cannot write" "$tmp/err" && ok "an unwritable output: exit 2" || { bad "unwritable output"; cat "$tmp/err"; }
echo "$passed passed, $failed failed"
[ $failed = 0 ]
