#!/usr/bin/env bash
# Hostile files and folders (docs/RELIABILITY.md, "Hostile inputs"): a FIFO,
# a directory, a symbolic link loop and /dev/zero at every kind of path
# tpquiz reads, folder loops and links out of the tree for `report` and
# `check`, and the program itself started and signed in over such files.
# Every case must end within HOSTILE_SECONDS (default 2; a hang is killed
# after 10 s) with its documented exit status and a clear message.
#   run.sh TPQUIZ SOURCE_ROOT
set -uo pipefail
tpquiz=$(realpath "$1") root=$(realpath "$2")
limit=${HOSTILE_SECONDS:-2}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# expect NAME STATUS TEXT -- COMMAND...: COMMAND ends within the limit with
# STATUS and prints a line containing TEXT (on stdout or stderr).
expect() {
  local name=$1 want=$2 text=$3; shift 4
  local t0 t1 status ms
  t0=$(date +%s%N)
  timeout -s KILL 10 "$@" >"$tmp/out" 2>&1 </dev/null
  status=$?
  t1=$(date +%s%N); ms=$(( (t1 - t0) / 1000000 ))
  if [ $status = 137 ]; then
    bad "$name: hangs (killed after 10 s)"; return
  fi
  if [ $status != "$want" ] || ! grep -qF -- "$text" "$tmp/out"; then
    bad "$name: exit $status, expected $want and '$text':"; head -8 "$tmp/out" | cut -c1-240 | sed 's/^/    /'
    return
  fi
  if [ $ms -gt $((limit * 1000)) ]; then
    bad "$name: took $ms ms (limit ${limit} s)"; return
  fi
  ok
}

# plant KIND PATH: puts a hostile thing at PATH (fifo, dir, loop, zero).
plant() {
  rm -rf "$2"
  case $1 in
    fifo) mkfifo "$2" ;;
    dir) mkdir -p "$2" ;;
    loop) ln -s "$(basename "$2")" "$2" ;;
    zero) ln -s /dev/zero "$2" ;;
  esac
}
what() { # the words the message must hold for KIND
  case $1 in
    fifo) echo "is a FIFO" ;;
    dir) echo "is a directory" ;;
    loop) echo "is a loop of symbolic links" ;;
    zero) echo "is a character device" ;;
  esac
}

# A fresh station: the e2e fixture's courses and config, the shipped charts.
station() {
  rm -rf "$tmp/st"; mkdir -p "$tmp/st/data"
  cp -r "$root/tests/e2e/fixture/courses" "$tmp/st/courses"
  mkdir -p "$tmp/st/courses/protocols" "$tmp/st/courses/disorders" "$tmp/st/courses/lessons"
  cat >"$tmp/st/config.ini" <<EOF
[paths]
courses = courses
assets = $root/assets
data = data
EOF
}
st=$tmp/st
cfg=$st/config.ini
sign_in_script=$tmp/signin.script
cat >"$sign_in_script" <<'EOF'
click-text Sign in ann
expect Choose a course
quit
EOF
new_learner_script=$tmp/new.script
cat >"$new_learner_script" <<'EOF'
click-text Your name
type Ann
click-text Start as new learner
expect Choose a course
quit
EOF
stats_script=$tmp/stats.script
cat >"$stats_script" <<'EOF'
click-text Sign in ann
click-text Statistics
expect Your practice log could not be read in full
expect No statistics yet
quit
EOF
start_script=$tmp/start.script
printf 'expect Who is studying?\nquit\n' >"$start_script"
gui=("$tpquiz" --config "$cfg" --virtual-clock --script)

echo "== check: course files, modules, protocols, charts, config"
for kind in fifo dir loop zero; do
  w=$(what $kind)
  station
  plant $kind "$st/courses/protocols/x.ini"
  expect "check, protocol is $kind" 1 "protocols/x.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg"
  expect "program, protocol is $kind" 0 "protocols/x.ini: error: cannot read: it $w" -- "${gui[@]}" "$start_script"
  station
  plant $kind "$st/courses/disorders/x.ini"
  expect "check, disorder is $kind" 1 "disorders/x.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg"
  expect "program, disorder is $kind" 0 "disorders/x.ini: error: cannot read: it $w" -- "${gui[@]}" "$start_script"
  station
  plant $kind "$st/courses/lessons/x.ini"
  expect "check, lesson is $kind" 1 "lessons/x.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg"
  station
  plant $kind "$st/courses/muscles/demo_muscle.ini"
  expect "check, module is $kind" 1 "demo_muscle.ini $w" -- "$tpquiz" check --config "$cfg"
  expect "check module file, $kind" 1 "demo_muscle.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg" "$st/courses/muscles/demo_muscle.ini"
  expect "program, module is $kind" 0 "demo_muscle.ini $w" -- "${gui[@]}" "$start_script"
  station
  plant $kind "$st/courses/muscles/spare.ini"
  expect "check, a module no course lists is $kind" 1 "spare.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg"
  station
  plant $kind "$st/courses/demo/course.ini"
  expect "check, course.ini is $kind" 1 "demo/course.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg"
  expect "check course folder, course.ini is $kind" 1 "demo/course.ini: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg" "$st/courses/demo"
  expect "program, course.ini is $kind" 0 "course.ini: error: cannot read: it $w" -- "${gui[@]}" "$start_script"
  station
  cp -r "$root/assets" "$st/assets"
  sed -i "s|^assets = .*|assets = assets|" "$cfg"
  plant $kind "$st/assets/anatomy/back.svg"
  expect "check, chart is $kind" 1 "back.svg $w" -- "$tpquiz" check --config "$cfg"
  expect "check chart file, $kind" 1 "back.svg: error: cannot read: it $w" -- \
    "$tpquiz" check --config "$cfg" "$st/assets/anatomy/back.svg"
  expect "program, chart is $kind" 0 "back.svg $w" -- "${gui[@]}" "$start_script"
  station
  plant $kind "$tmp/cfg.ini"
  expect "check --config $kind" 1 "cfg.ini: error: cannot read: it $w" -- "$tpquiz" check --config "$tmp/cfg.ini"
  expect "program --config $kind" 2 "cfg.ini: error: cannot read: it $w" -- \
    "$tpquiz" --config "$tmp/cfg.ini" --virtual-clock --script "$start_script"
  expect "check on a $kind" 1 "$w" -- "$tpquiz" check --config "$cfg" "$tmp/cfg.ini"
  rm -rf "$tmp/cfg.ini"
done

echo "== check: the courses folder's odd corners"
station
mkdir -p "$st/courses/empty"
expect "check, a course folder without course.ini" 1 \
  "courses/empty: error: no course.ini in this folder" -- "$tpquiz" check --config "$cfg"
expect "program, a course folder without course.ini" 0 "courses/empty: error: no course.ini in this folder" -- \
  "${gui[@]}" "$start_script"
# The courses load on their own thread while sign-in is up: the learner who
# signs in still gets the banner (the script fails if it is not drawn).
banner_script=$tmp/banner.script
cat >"$banner_script" <<'EOF'
click-text Your name
type Ann
click-text Start as new learner
expect Choose a course
expect Some course files have 1 problem
quit
EOF
expect "program, the banner after signing in, a course folder without course.ini" 0 \
  "courses/empty: error: no course.ini in this folder" -- "${gui[@]}" "$banner_script"
station
ln -s loop "$st/courses/loop"
expect "check, a link loop in courses/" 1 "courses/loop: error: cannot open this course folder: a loop of symbolic links" -- \
  "$tpquiz" check --config "$cfg"
station
ln -s . "$st/courses/sub"
expect "check, courses/sub -> ." 1 "courses/sub: error: no course.ini in this folder" -- "$tpquiz" check --config "$cfg"
station
ln -s /proc "$st/courses/proc"
expect "check, courses/proc -> /proc" 1 "courses/proc: error: not read: a symbolic link out of the courses folder (to /proc)" -- \
  "$tpquiz" check --config "$cfg"
# Links that lead out of the courses or assets folder to files that would
# load: a course, a module, a protocol, a chart and an overlay. None is read.
station
cp -r "$st/courses/demo" "$tmp/outside-course"
sed -i 's/^id = demo/id = elsewhere/' "$tmp/outside-course/course.ini"
ln -s "$tmp/outside-course" "$st/courses/elsewhere"
expect "check, a course folder linked from outside" 1 \
  "courses/elsewhere: error: not read: a symbolic link out of the courses folder (to $tmp/outside-course)" -- \
  "$tpquiz" check --config "$cfg"
expect "program start, a course folder linked from outside" 0 "courses/elsewhere: error: not read: a symbolic link out" -- \
  "${gui[@]}" "$start_script"
station
mv "$st/courses/muscles/demo_muscle.ini" "$tmp/outside.ini"
ln -s "$tmp/outside.ini" "$st/courses/muscles/demo_muscle.ini"
expect "check, a module linked from outside" 1 \
  "demo_muscle.ini: error: not read: a symbolic link out of the courses folder (to $tmp/outside.ini)" -- \
  "$tpquiz" check --config "$cfg"
station
printf '[protocol]\ntitle = Outside\n' >"$tmp/outside-protocol.ini"
ln -s "$tmp/outside-protocol.ini" "$st/courses/protocols/outside.ini"
expect "check, a protocol linked from outside" 1 \
  "protocols/outside.ini: error: not read: a symbolic link out of the courses folder (to $tmp/outside-protocol.ini)" -- \
  "$tpquiz" check --config "$cfg"
station
printf '[disorder]\ntitle = Outside\n' >"$tmp/outside-disorder.ini"
ln -s "$tmp/outside-disorder.ini" "$st/courses/disorders/outside.ini"
expect "check, a disorder linked from outside" 1 \
  "disorders/outside.ini: error: not read: a symbolic link out of the courses folder (to $tmp/outside-disorder.ini)" -- \
  "$tpquiz" check --config "$cfg"
station
printf '[lesson]\nid = outside\n' >"$tmp/outside-lesson.ini"
ln -s "$tmp/outside-lesson.ini" "$st/courses/lessons/outside.ini"
expect "check, a lesson linked from outside" 1 \
  "lessons/outside.ini: error: not read: a symbolic link out of the courses folder (to $tmp/outside-lesson.ini)" -- \
  "$tpquiz" check --config "$cfg"
station
mkdir -p "$st/assets/anatomy/muscles"
for f in "$root"/assets/anatomy/*.svg; do ln "$f" "$st/assets/anatomy/" 2>/dev/null || cp "$f" "$st/assets/anatomy/"; done
sed -i "s|^assets = .*|assets = assets|" "$cfg"
cp "$st/assets/anatomy/back.svg" "$tmp/outside-back.svg"
rm "$st/assets/anatomy/back.svg"; ln -s "$tmp/outside-back.svg" "$st/assets/anatomy/back.svg"
expect "check, a chart linked from outside" 1 \
  "anatomy/back.svg: error: not read: a symbolic link out of the assets folder (to $tmp/outside-back.svg)" -- \
  "$tpquiz" check --config "$cfg"
rm "$st/assets/anatomy/back.svg"; cp "$tmp/outside-back.svg" "$st/assets/anatomy/back.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s"><path d="M0 0 L1 1 Z"/></svg>\n' \
  "$(grep -o 'viewBox="[^"]*"' "$tmp/outside-back.svg" | head -1 | cut -d'"' -f2)" >"$tmp/outside-overlay.svg"
ln -s "$tmp/outside-overlay.svg" "$st/assets/anatomy/muscles/demo_muscle.back.svg"
expect "check, an overlay linked from outside" 1 \
  "demo_muscle.back.svg: error: not read: a symbolic link out of the assets folder (to $tmp/outside-overlay.svg)" -- \
  "$tpquiz" check --config "$cfg"
rm -rf "$tmp/outside-course"
station
for kind in fifo loop zero; do
  plant $kind "$tmp/thing"
  expect "check on a $kind (no extension)" 1 "thing: error: cannot read: it $(what $kind)" -- \
    "$tpquiz" check --config "$cfg" "$tmp/thing"
done
rm -f "$tmp/thing"
expect "check on /dev/zero" 1 "/dev/zero: error: cannot read: it is a character device" -- \
  "$tpquiz" check --config "$cfg" /dev/zero

for kind in fifo loop zero; do
  station
  plant $kind "$st/courses/protocols"
  expect "check, protocols folder is $kind" 1 "protocols: error: cannot read the protocols folder: it $(what $kind)" -- \
    "$tpquiz" check --config "$cfg"
  station
  plant $kind "$st/courses/disorders"
  expect "check, disorders folder is $kind" 1 "disorders: error: cannot read the disorders folder: it $(what $kind)" -- \
    "$tpquiz" check --config "$cfg"
  station
  plant $kind "$st/courses/lessons"
  expect "check, lessons folder is $kind" 1 "lessons: error: cannot read the lessons folder: it $(what $kind)" -- \
    "$tpquiz" check --config "$cfg"
done

echo "== check: station settings (font, data folder, passphrase hash)"
for kind in fifo dir loop zero; do
  w=$(what $kind)
  station
  printf '[font]\nfile = font.ttf\n' >>"$cfg"
  plant $kind "$st/font.ttf"
  expect "check, font is $kind" 1 "config.ini: error: the font file $st/font.ttf $w" -- "$tpquiz" check --config "$cfg"
  expect "program, font is $kind" 2 "font.ttf: error: cannot read: it $w" -- "${gui[@]}" "$start_script"
done
station
printf '[font]\nfile = font.ttf\n' >>"$cfg"
head -c 5000 /dev/urandom >"$st/font.ttf"
expect "check, font is not a font" 1 "font.ttf: error: not a font SDL_ttf can open" -- "$tpquiz" check --config "$cfg"
expect "program, font is not a font" 2 "font.ttf: error: not a font SDL_ttf can open" -- "${gui[@]}" "$start_script"
: >"$st/font.ttf"
expect "check, font is empty" 1 "font.ttf: error: not a font SDL_ttf can open: the file is empty" -- \
  "$tpquiz" check --config "$cfg"
station
echo x >"$st/datafile"
sed -i "s|^data = .*|data = datafile|" "$cfg"
expect "check, data path is a file" 1 "the data folder $st/datafile is not a folder: it is a file" -- \
  "$tpquiz" check --config "$cfg"
sed -i "s|^data = .*|data = datafile/sub|" "$cfg"
expect "check, data path under a file" 1 "the data folder $st/datafile/sub cannot be used: Not a directory" -- \
  "$tpquiz" check --config "$cfg"
sed -i "s|^data = .*|data = new/deeper|" "$cfg"
expect "check, data folder to be created" 0 "" -- "$tpquiz" check --config "$cfg"
station
printf '[instructor]\npassphrase_hash = $argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$garbage\n' >>"$cfg"
expect "check, damaged passphrase hash" 1 "the instructor passphrase hash is damaged" -- "$tpquiz" check --config "$cfg"
printf 'click-text Instructor review\nexpect is not one `tpquiz passwd` writes\nquit\n' >"$tmp/hash.script"
expect "instructor screen, damaged passphrase hash" 0 "" -- "${gui[@]}" "$tmp/hash.script"

echo "== learner data: score files, journals, progress, review, practice log, settings, station key"
for kind in fifo dir loop zero; do
  w=$(what $kind)
  station
  expect "new learner" 0 "signed in: learner=ann" -- "${gui[@]}" "$new_learner_script"
  plant $kind "$st/data/learners/zz.scores"
  expect "program start, zz.scores is $kind" 0 "" -- "${gui[@]}" "$start_script"
  expect "verify a $kind" 1 "zz.scores: error: cannot read: it $w" -- \
    "$tpquiz" verify --data-dir "$st/data" "$st/data/learners/zz.scores"
  rm -rf "$st/data/learners/zz.scores"
  for ext in journal review progress; do
    plant $kind "$st/data/learners/ann.$ext"
    expect "sign in, ann.$ext is $kind" 0 "ann.$ext: error: cannot read: it $w" -- "${gui[@]}" "$sign_in_script"
    rm -rf "$st/data/learners/ann.$ext"
  done
  # The practice log, read when the statistics open (they still open, without it),
  # and the station's settings, read at start (defaults then).
  plant $kind "$st/data/learners/ann.practice"
  expect "statistics, ann.practice is $kind" 0 "ann.practice: error: cannot read: it $w" -- "${gui[@]}" "$stats_script"
  rm -rf "$st/data/learners/ann.practice"
  plant $kind "$st/data/settings"
  expect "program start, settings is $kind" 0 "settings: error: cannot read: it $w" -- "${gui[@]}" "$start_script"
  rm -rf "$st/data/settings"
  mv "$st/data/station.key" "$tmp/key"
  plant $kind "$st/data/station.key"
  expect "program start, station.key is $kind" 0 "station.key: error: cannot read the station key: it $w" -- \
    "${gui[@]}" "$start_script"
  expect "verify with a $kind key" 2 "cannot read the station key: it $w" -- \
    "$tpquiz" verify --data-dir "$st/data" "$st/data/learners/ann.scores"
  rm -rf "$st/data/station.key"; mv "$tmp/key" "$st/data/station.key"
done
# A score file a learner wrote by hand: one answer of 400,000 chosen options
# and another of 400,000 marks (3.6 MB and 6 MB, under the 64 MiB cap). Each
# must read in linear time: the report, verify and sign-in name the edited
# records and go on within the 10 seconds every command here gets.
station
expect "new learner" 0 "signed in: learner=ann" -- "${gui[@]}" "$new_learner_script"
awk 'BEGIN { z = sprintf("%064d", 0)
  printf "record 90\nkind attempt\nlearner ann\nname Ann\nmode quiz\ncourse demo\nmodule demo_muscle\n"
  printf "started 1\nfinished 2\nseed 1\nscore 0\npass_mark 80\npassed no\nauto_submitted no\nanswers 2\n"
  printf "answer 1\nkey k\ntype multi\nmodule demo_muscle\nanswered yes\ncredit 0\ntime_ms 1\nflagged no\n"
  for (i = 0; i < 400000; i++) print "chosen a"
  printf "answer 2\nkey l\ntype locate_all\nmodule demo_muscle\nanswered yes\ncredit 0\ntime_ms 1\nflagged no\n"
  for (i = 0; i < 400000; i++) print "mark 1.5 2.5 -"
  printf "prev %s\nmac %s\n", z, z }' >>"$st/data/learners/ann.scores"
expect "report, 400,000 options in one answer" 1 "record 90 (quiz, demo/demo_muscle, 1970-01-01): edited" -- \
  "$tpquiz" report "$st/data/learners" --data-dir "$st/data" --config "$cfg"
expect "verify, 400,000 options in one answer" 1 "record 90" -- \
  "$tpquiz" verify --data-dir "$st/data" "$st/data/learners/ann.scores"
expect "sign in, 400,000 options in one answer" 0 "record 90" -- "${gui[@]}" "$sign_in_script"
expect "verify a directory" 1 "learners: error: cannot read: it is a directory" -- \
  "$tpquiz" verify --data-dir "$st/data" "$st/data/learners"

echo "== caps: a module and a chart at their limits load fast; over them, a clear refusal"
station
m=$st/courses/muscles/demo_muscle.ini
# Zones of 1,000 points each (the cap) up to the 256 KB course-file cap.
awk 'BEGIN { for (z = 0; z < 21; z++) {
  printf "\n[zone.big%d]\nview = back\ntp = upper\nkind = spillover\n", z; line = "poly ="
  for (i = 0; i < 1000; i++) { a = i / 1000 * 6.283185; p = sprintf(" %.1f,%.1f", 340 + 30 * cos(a), 600 + 30 * sin(a))
    if (length(line) + length(p) > 190) { print line; line = " " } line = line p }
  print line } }' >>"$m"
expect "check, a module at the caps" 0 "" -- "$tpquiz" check --config "$cfg"
expect "program start, a module at the caps" 0 "" -- "${gui[@]}" "$start_script"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "; %s\n", "padding padding padding padding padding padding padding padding padding" }' >>"$m"
expect "check, a module over 256 KB" 1 "demo_muscle.ini: error: cannot read: it is 396 KB, the limit for a course file is 256 KB" -- \
  "$tpquiz" check --config "$cfg"
station
cp -r "$root/assets" "$st/assets"
sed -i "s|^assets = .*|assets = assets|" "$cfg"
chart=$st/assets/anatomy/back.svg
head -c -7 "$chart" >"$tmp/chart.svg"
awk 'BEGIN { for (i = 0; i < 18000; i++) printf "<path d=\"M%d %d l5 5 l-5 5z\" fill=\"#%06x\"/>\n", (i * 7) % 600, (i * 13) % 1400, i * 97 }' >>"$tmp/chart.svg"
echo "</svg>" >>"$tmp/chart.svg"
cp "$tmp/chart.svg" "$chart"
printf 'type Test Learner\nclick-text Start as new learner\nclick-text Open Demo course\nclick-text Study Demo muscle\nexpect Trigger points\nquit\n' >"$tmp/study.script"
expect "check, a chart near 1 MB" 0 "" -- "$tpquiz" check --config "$cfg"
expect "study screen, a chart near 1 MB" 0 "" -- "${gui[@]}" "$tmp/study.script"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "<!-- %s -->\n", "padding padding padding padding padding padding padding padding padding" }' >>"$chart"
expect "check, a chart over 1 MB" 1 "bytes, the limit for a chart is 1048576 bytes" -- \
  "$tpquiz" check --config "$cfg"

# The issue's cases: a zone of 100,000 points (2 MB) and of 400,000 (9 MB).
for n in 100000 400000; do
  station
  awk -v n=$n 'BEGIN { printf "\n[zone.huge]\nview = back\ntp = upper\nkind = spillover\n"; line = "poly ="
    for (i = 0; i < n; i++) { a = i / n * 6.283185; p = sprintf(" %.1f,%.1f", 340 + 30 * cos(a), 600 + 30 * sin(a))
      if (length(line) + length(p) > 190) { print line; line = " " } line = line p }
    print line }' >>"$st/courses/muscles/demo_muscle.ini"
  expect "check, a zone of $n points" 1 "the limit for a course file is 256 KB" -- "$tpquiz" check --config "$cfg"
  expect "program start, a zone of $n points" 0 "the limit for a course file is 256 KB" -- \
    "${gui[@]}" "$start_script"
done

echo "== the data folder is no folder"
for kind in fifo zero; do
  station
  plant $kind "$tmp/datadir"
  printf 'expect Cannot create the data folder\nquit\n' >"$tmp/nodata.script"
  expect "program, --data-dir is $kind" 0 "" -- "${gui[@]}" "$tmp/nodata.script" --data-dir "$tmp/datadir"
  rm -f "$tmp/datadir"
done

echo "== SIGTERM at any moment of the start"
station
for ms in 0 10 30 60 120 250 500; do
  "$tpquiz" --config "$cfg" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' $ms)"
  kill -TERM $pid 2>/dev/null
  for _ in $(seq 1 40); do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  if kill -0 $pid 2>/dev/null; then
    bad "SIGTERM $ms ms after the start: still running 2 s later"; kill -KILL $pid
  else
    ok
  fi
  wait $pid 2>/dev/null
done

echo "== names that hide characters"
station
printf 'click-text Your name\ntype \xe2\x80\xaeAnna\nclick-text Learner id (lowercase letters, digits, . _ -)\ntype anna\nclick-text Start as new learner\nexpect A name cannot contain invisible characters\nquit\n' >"$tmp/rlo.script"
expect "a right-to-left override in a typed name" 0 "" -- "${gui[@]}" "$tmp/rlo.script"
[ ! -e "$st/data/learners/anna.scores" ] && ok || bad "a learner was created with a hidden character in the name"

echo "== report: folders with links out, loops, FIFOs, a station's own learners folder"
rep=$root/tests/data/report
cp "$rep/station.key" "$tmp/report.key"; chmod 600 "$tmp/report.key"
report=("$tpquiz" report --key "$tmp/report.key" --config "$rep/config.ini")
mkdir -p "$tmp/r1"
cp "$rep"/learners/{anna.berg,ben.oneil,eva.lind}.scores "$tmp/r1/"
ln -s /proc "$tmp/r1/proc"
ln -s . "$tmp/r1/sub"
ln -s "$tmp/r1/anna.berg.scores" "$tmp/r1/again.scores"
mkfifo "$tmp/r1/pipe.scores"
ln -s pipe.scores "$tmp/r1/pipe2.scores"
ln -s loop.scores "$tmp/r1/loop.scores"
ln -s /dev/zero "$tmp/r1/zero.scores"
expect "report, link to /proc" 1 "r1/proc: warning: not read: a symbolic link out of the folder (to /proc)" -- "${report[@]}" "$tmp/r1"
expect "report, sub -> . loop" 1 "r1/sub: warning: not read again: the same folder as one already read" -- "${report[@]}" "$tmp/r1"
expect "report, link to a file already read" 1 "again.scores: warning: not read again: the same file" -- "${report[@]}" "$tmp/r1"
expect "report, each learner once" 1 "Files: 3 read (2 intact, 1 with problems), 2 skipped." -- "${report[@]}" "$tmp/r1"
expect "report, a FIFO" 1 "skipped: $tmp/r1/pipe.scores: cannot read: it is a FIFO" -- "${report[@]}" "$tmp/r1"
expect "report, a link loop" 1 "skipped: $tmp/r1/loop.scores: cannot read: it is a loop of symbolic links" -- "${report[@]}" "$tmp/r1"
expect "report, /dev/zero" 1 "r1/zero.scores: warning: not read: a symbolic link out of the folder (to /dev/zero)" -- \
  "${report[@]}" "$tmp/r1"
expect "report on a FIFO" 2 "cannot read the folder: it is a FIFO" -- "${report[@]}" "$tmp/r1/pipe.scores"
expect "report on /dev/zero" 2 "cannot read the folder: it is a character device" -- "${report[@]}" /dev/zero
# A station's own learners folder: journals, progress and review files are
# not score files, and not reported as skipped.
mkdir -p "$tmp/r2"
cp "$rep"/learners/{anna.berg,ben.oneil}.scores "$tmp/r2/"
printf 'tpquiz-review 1\n' >"$tmp/r2/anna.berg.review"
printf 'tpquiz-progress 1\n' >"$tmp/r2/anna.berg.progress"
printf 'tpquiz-journal 1 demo 1 2 3 4\n' >"$tmp/r2/anna.berg.journal"
cp "$tmp/r2/anna.berg.scores" "$tmp/r2/anna.berg.scores.tmp-Ab3dE9"
expect "report on a learners folder" 0 "Files: 2 read (2 intact, 0 with problems), 0 skipped." -- "${report[@]}" "$tmp/r2"

# Another learner's record appended to a file is named as such.
mkdir -p "$tmp/r3"
cp "$rep/learners/anna.berg.scores" "$tmp/r3/"
awk '/^record 3$/{p=1} p{print} /^mac /{if(p) exit}' "$rep/learners/ben.oneil.scores" >>"$tmp/r3/anna.berg.scores"
expect "verify, a foreign record appended" 1 \
  "edited: it belongs to learner 'ben.oneil', not 'anna.berg' (put in from another file)" -- \
  "$tpquiz" verify --key "$tmp/report.key" "$tmp/r3/anna.berg.scores"

echo "== xapi: a state file, password file or setting that is wrong"
station
mkdir -p "$st/data/learners"
cp "$root/tests/data/scores/station.key" "$tmp/x.key"; chmod 600 "$tmp/x.key"
printf '[xapi]\nhomepage = https://institute.example/\n' >>"$cfg"
printf 'secret\n' >"$tmp/pw"; chmod 600 "$tmp/pw"
xpush=("$tpquiz" xapi push "$st/data" --config "$cfg" --key "$tmp/x.key" --endpoint http://127.0.0.1:9/xAPI
  --user u --retries 1)
printf 'garbage\n' >"$tmp/x.state"
expect "xapi push, a state file that is not one" 1 "x.state:1: error: not an xAPI push state file" -- \
  "${xpush[@]}" --password-file "$tmp/pw" --state "$tmp/x.state"
for kind in fifo dir loop zero; do
  plant $kind "$tmp/x.state"
  expect "xapi push, the state file is $kind" 1 "x.state" -- "${xpush[@]}" --password-file "$tmp/pw" --state "$tmp/x.state"
  plant $kind "$tmp/xpw"
  expect "xapi push, the password file is $kind" 2 "xpw: error: cannot read: it $(what $kind)" -- \
    "${xpush[@]}" --password-file "$tmp/xpw"
done
rm -rf "$tmp/xpw"; printf 'secret\n' >"$tmp/xpw"; chmod 644 "$tmp/xpw"
expect "xapi push, a password file others may read" 2 "others may read this password file" -- \
  "${xpush[@]}" --password-file "$tmp/xpw"
: >"$tmp/xpw"; chmod 600 "$tmp/xpw"
expect "xapi push, an empty password file" 2 "the password file is empty" -- "${xpush[@]}" --password-file "$tmp/xpw"
printf '[xapi]\nhomepage = institute.example\n' >"$tmp/x.ini"
expect "xapi, a homepage that is no web address" 2 "x.ini:2: error: homepage must be a web address" -- \
  "$tpquiz" xapi export "$st/data" --config "$tmp/x.ini" --key "$tmp/x.key"
expect "xapi, no homepage at all" 2 "--homepage (or [xapi] homepage) is needed" -- \
  "$tpquiz" xapi export "$st/data" --key "$tmp/x.key" --config "$root/tests/e2e/fixture/config.ini"
expect "xapi, a batch out of range" 2 "--batch wants a number from 1 to 500" -- \
  "$tpquiz" xapi export "$st/data" --batch 0

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
