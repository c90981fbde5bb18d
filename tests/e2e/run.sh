#!/usr/bin/env bash
# End-to-end test: runs the real program headless on one script.
#   run.sh TPQUIZ SCRIPT SHOTDIR SOURCE_ROOT
# Header lines of the script tell how to run it and what to check:
#   #! config: PATH            config file, relative to SOURCE_ROOT (default: the shipped config.ini)
#   #! args: ...               extra program arguments
#   #! stdout: TEXT            the program's standard output must contain this line
#   #! data: DIR               copy DIR (relative to SOURCE_ROOT) into the data folder first
#                              (a station.key in it is made private, as the program requires)
#   #! datafile: NAME REGEX    after the run, the data folder's file NAME has a line matching REGEX
#   #! stdout-re: REGEX        the program's standard output has a line matching REGEX (grep -E)
#   #! exists: NAME            after the run, the data folder has the file NAME
#   #! verify: NAME            after the run, `tpquiz verify` passes the data folder's score file NAME
# The program runs on SDL's dummy video driver with the software renderer and a
# virtual clock; screenshots land in SHOTDIR.
set -uo pipefail
tpquiz=$1 script=$2 shots=$3 root=$4
rm -rf "$shots"; mkdir -p "$shots"
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
config="$root/config.ini"; args=()
while IFS= read -r line; do
  case "$line" in
    '#! config: '*) config="$root/${line#\#! config: }" ;;
    '#! args: '*) read -r -a extra <<<"${line#\#! args: }"; args+=("${extra[@]}") ;;
    '#! data: '*) cp -r "$root/${line#\#! data: }/." "$data/"
      # Git does not keep file modes, and a station key others may read is refused.
      [ -f "$data/station.key" ] && chmod 600 "$data/station.key" ;;
  esac
done <"$script"
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
out="$shots/stdout.txt"
"$tpquiz" --config "$config" --data-dir "$data" --virtual-clock --screenshot-dir "$shots" \
  --script "$script" "${args[@]}" >"$out" 2>"$shots/stderr.txt"
status=$?
cat "$out"; cat "$shots/stderr.txt" >&2
passed=0 failed=0
if [ $status -ne 0 ]; then echo "FAIL: exit status $status"; failed=$((failed + 1)); else passed=$((passed + 1)); fi
while IFS= read -r line; do
  case "$line" in
    '#! stdout: '*)
      want=${line#\#! stdout: }
      if grep -qxF -- "$want" "$out"; then passed=$((passed + 1))
      else echo "FAIL: stdout lacks line: $want"; failed=$((failed + 1)); fi ;;
    '#! stdout-re: '*)
      want=${line#\#! stdout-re: }
      if grep -qE -- "$want" "$out"; then passed=$((passed + 1))
      else echo "FAIL: stdout has no line matching: $want"; failed=$((failed + 1)); fi ;;
    '#! exists: '*)
      name=${line#\#! exists: }
      if [ -s "$data/$name" ]; then passed=$((passed + 1))
      else echo "FAIL: data file $name missing or empty"; failed=$((failed + 1)); fi ;;
    '#! verify: '*)
      name=${line#\#! verify: }
      if "$tpquiz" verify --data-dir "$data" "$data/$name" >"$shots/verify.txt" 2>&1; then passed=$((passed + 1))
      else echo "FAIL: tpquiz verify $name:"; cat "$shots/verify.txt"; failed=$((failed + 1)); fi ;;
    '#! datafile: '*)
      rest=${line#\#! datafile: }; name=${rest%% *}; regex=${rest#* }
      if grep -qE -- "$regex" "$data/$name" 2>/dev/null; then passed=$((passed + 1))
      else echo "FAIL: data file $name has no line matching: $regex"; failed=$((failed + 1)); fi ;;
  esac
done <"$script"
# Every screenshot the script asked for must exist and be a PNG.
while read -r _ name; do
  f="$shots/$name.png"
  if head -c 8 "$f" 2>/dev/null | grep -q PNG; then passed=$((passed + 1))
  else echo "FAIL: screenshot $f missing"; failed=$((failed + 1)); fi
done < <(grep -E '^screenshot ' "$script")
mkdir -p "$shots/data" && cp -r "$data"/. "$shots/data/" 2>/dev/null || true
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
