#!/usr/bin/env bash
# xAPI against a real Learning Record Store (docs/INTEROP.md): Learning
# Locker's statements service (npm xapi-statements 5.0.1, with redis),
# which validates every statement strictly. A generated class is pushed,
# read back and compared with the report's figures; pushed again (nothing
# doubled); a push killed midway is resumed (nothing lost, nothing doubled);
# an LRS that stops answering mid-push gives a clear error and the push
# resumes once it answers again.
#   lrs.sh TPQUIZ GEN_SCORES SOURCE_ROOT
# Exit 77 (skipped) only when node, npm or redis-server cannot be had.
set -uo pipefail
tpquiz=$(realpath "$1") gen=$(realpath "$2") root=$(realpath "$3")
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null; kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { echo "SKIPPED: $*"; exit 77; }

command -v node >/dev/null || skip "node is not installed (tools/deps.sh --tests installs it)"
command -v npm >/dev/null || skip "npm is not installed (tools/deps.sh --tests installs it)"
command -v redis-server >/dev/null || skip "redis-server is not installed (tools/deps.sh --tests installs it)"
lrs_dir=${TPQUIZ_LRS_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tpquiz/lrs-xapi-statements-5.0.1}
lrs_main=$lrs_dir/node_modules/xapi-statements/dist/index.js
if [ ! -f "$lrs_main" ]; then
  echo "installing the LRS (npm xapi-statements 5.0.1) into $lrs_dir"
  mkdir -p "$lrs_dir"
  npm install --prefix "$lrs_dir" --no-audit --no-fund --loglevel=error xapi-statements@5.0.1 >"$tmp/npm.log" 2>&1 ||
    { tail -5 "$tmp/npm.log"; skip "npm could not install xapi-statements 5.0.1"; }
fi

free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; return; }
  done
  echo 0
}
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$tmp/redis.log" 2>&1 &
pids+=($!)
lrs_pid=
# start_lrs: a fresh LRS (its statements live in memory) on a new port.
start_lrs() {
  [ -n "$lrs_pid" ] && { kill -CONT "$lrs_pid" 2>/dev/null; kill "$lrs_pid" 2>/dev/null; wait "$lrs_pid" 2>/dev/null; }
  port=$(free_port)
  AUTH_REPO=test MODELS_REPO=memory STORAGE_REPO=local EXPRESS_PORT=$port \
    FS_LOCAL_STORAGE_DIR="$tmp/lrs-storage" REDIS_URL=redis://127.0.0.1:$redis_port/0 \
    node "$lrs_main" >"$tmp/lrs.log" 2>&1 &
  lrs_pid=$!
  pids+=($lrs_pid)
  endpoint=http://127.0.0.1:$port/xAPI
  for _ in $(seq 100); do
    curl -sf -u t:t -H 'X-Experience-API-Version: 1.0.3' "$endpoint/statements?limit=1" >/dev/null && return 0
    sleep 0.2
  done
  tail -20 "$tmp/lrs.log"
  echo "the LRS did not start"; exit 1
}
start_lrs

# A class: 50 learners with 10 attempts each (quizzes and exams), written
# the way stations write them.
st=$tmp/station
mkdir -p "$st/data"
cat >"$st/config.ini" <<EOF
[paths]
courses = $root/tests/e2e/fixture/courses
assets = $root/assets
data = data
[xapi]
homepage = https://institute.example/
user = tpquiz
password_file = password
EOF
printf 'not a secret\n' >"$st/password"
chmod 600 "$st/password"
"$gen" --data "$st/data" --courses "$root/tests/e2e/fixture/courses" --assets "$root/assets" --course demo \
  --learners 50 --attempts 10 --seed 7 >/dev/null || { echo "gen_scores failed"; exit 1; }
cd "$st"
x=("$tpquiz" xapi)

# Every statement, as the LRS returns them, in one page: the LRS's in-memory
# store pages with a cursor compared against its statements' version 1 UUIDs
# as strings, which do not sort in the order it stores them, so following
# `more` can skip statements (it did, in about half the runs). A `more`
# link, should one come, is still followed.
fetch_all() {
  local url="$endpoint/statements?limit=1000000" out=$1 n=0
  : >"$out"
  while [ -n "$url" ]; do
    curl -sf -u t:t -H 'X-Experience-API-Version: 1.0.3' "$url" >"$tmp/page.json" || { echo "GET failed"; return 1; }
    node -e '
      const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      for (const s of p.statements) console.log(JSON.stringify(s));
      process.stderr.write(p.more || "");' "$tmp/page.json" >>"$out" 2>"$tmp/more"
    local more; more=$(cat "$tmp/more")
    url=${more:+http://127.0.0.1:$port$more}
    n=$((n + 1)); [ $n -gt 200 ] && break
  done
}

echo "== export"
"${x[@]}" export data --config config.ini -o export.jsonl 2>export.err
status=$?
total=$(wc -l <export.jsonl)
if [ $status = 0 ] && [ "$total" -gt 1000 ] && grep -q "50 learner files, 750 records: 750 sent" export.err; then
  ok "export: $total statements from 750 records (500 attempts, 250 exam starts)"
else
  bad "export: status $status, $total statements"; cat export.err
fi
dups=$(node -e 'const ids=require("fs").readFileSync("export.jsonl","utf8").trim().split("\n").map(l=>JSON.parse(l).id);
  console.log(ids.length - new Set(ids).size)')
[ "$dups" = 0 ] && ok "export: every statement id is different" || bad "export: $dups ids repeated"
"${x[@]}" export data --config config.ini -o again.jsonl 2>/dev/null
cmp -s export.jsonl again.jsonl && ok "export: the same records give the same statements" || bad "export differs between runs"

echo "== push, then read back and compare with the report"
"${x[@]}" push data --config config.ini --endpoint "$endpoint" >push.out 2>&1
status=$?
if [ $status = 0 ] && grep -q "$total statements: 0 acknowledged before, $total sent now" push.out; then
  ok "push: $total statements acknowledged by the LRS"
else
  bad "push: status $status"; tail -5 push.out; tail -20 "$tmp/lrs.log"
fi
fetch_all lrs.jsonl
got=$(wc -l <lrs.jsonl)
[ "$got" = "$total" ] && ok "read back: $got statements" || bad "read back $got statements, pushed $total"
"$tpquiz" report data --config config.ini --csv report.csv >/dev/null 2>&1
node "$root/tests/interop/compare.js" report.csv lrs.jsonl >compare.out 2>&1 &&
  ok "the LRS's statements agree with the report: $(tail -1 compare.out)" ||
  { bad "the LRS's statements and the report differ:"; head -20 compare.out; }

echo "== push again: nothing doubled"
"${x[@]}" push data --config config.ini --endpoint "$endpoint" >push2.out 2>&1
grep -q "$total acknowledged before, 0 sent now" push2.out && ok "second push sends nothing" || { bad "second push:"; cat push2.out; }
rm -f data/.xapi-sent-*
"${x[@]}" push data --config config.ini --endpoint "$endpoint" >push3.out 2>&1
status=$?
fetch_all lrs2.jsonl
got=$(wc -l <lrs2.jsonl)
[ $status = 0 ] && [ "$got" = "$total" ] &&
  ok "push with the state file lost: the LRS still holds $got statements, none doubled" ||
  { bad "push without state: status $status, the LRS holds $got of $total"; tail -3 push3.out; }

echo "== a push killed midway resumes"
start_lrs
rm -f data/.xapi-sent-*
"${x[@]}" push data --config config.ini --endpoint "$endpoint" --batch 10 >kill.out 2>&1 &
push_pid=$!
for _ in $(seq 200); do
  lines=$(cat data/.xapi-sent-* 2>/dev/null | wc -l)
  [ "$lines" -gt 200 ] && break
  sleep 0.05
done
kill -9 $push_pid 2>/dev/null; wait $push_pid 2>/dev/null
before=$(($(cat data/.xapi-sent-* | wc -l) - 1))
if [ "$before" -gt 0 ] && [ "$before" -lt "$total" ]; then
  ok "killed after $before of $total statements were acknowledged"
else
  bad "the kill came at $before of $total"
fi
"${x[@]}" push data --config config.ini --endpoint "$endpoint" --batch 10 >resume.out 2>&1
status=$?
fetch_all lrs3.jsonl
got=$(wc -l <lrs3.jsonl)
distinct=$(node -e 'const ids=require("fs").readFileSync("lrs3.jsonl","utf8").trim().split("\n").map(l=>JSON.parse(l).id);
  console.log(new Set(ids).size)')
if [ $status = 0 ] && grep -q "$before acknowledged before" resume.out && [ "$got" = "$total" ] && [ "$distinct" = "$total" ]; then
  ok "resumed: $(grep -o '[0-9]* sent now' resume.out); the LRS holds $got statements, $distinct different"
else
  bad "resume: status $status, the LRS holds $got ($distinct different) of $total"; tail -3 resume.out
fi

echo "== the LRS stops answering mid-push"
start_lrs
rm -f data/.xapi-sent-*
"${x[@]}" push data --config config.ini --endpoint "$endpoint" --batch 10 --retries 2 --timeout 2 >stop.out 2>&1 &
push_pid=$!
for _ in $(seq 200); do
  lines=$(cat data/.xapi-sent-* 2>/dev/null | wc -l)
  [ "$lines" -gt 200 ] && break
  sleep 0.05
done
kill -STOP "$lrs_pid"
start_s=$SECONDS
wait $push_pid
status=$?
kill -CONT "$lrs_pid"
if [ $status = 1 ] && grep -q "cannot reach the LRS (tried 3 times)" stop.out && grep -q "left to send" stop.out; then
  ok "an LRS that stops answering: exit 1 after $((SECONDS - start_s)) s: $(grep -o 'error: .*' stop.out | head -1 | cut -c1-100)"
else
  bad "stopped LRS: status $status"; tail -4 stop.out
fi
"${x[@]}" push data --config config.ini --endpoint "$endpoint" >stop2.out 2>&1
status=$?
fetch_all lrs4.jsonl
got=$(wc -l <lrs4.jsonl)
[ $status = 0 ] && [ "$got" = "$total" ] && ok "resumed once the LRS answers: it holds all $got statements" ||
  { bad "after the LRS came back: status $status, it holds $got of $total"; tail -3 stop2.out; }

echo "== a station sends its records as they are written, and queues them while offline"
start_lrs
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
mkdir -p "$tmp/kiosk"
kiosk_config() { # kiosk_config ENDPOINT
  printf '[paths]\ncourses = %s\nassets = %s\n[xapi]\nhomepage = https://institute.example/\nendpoint = %s\nuser = station\npassword_file = %s\n' \
    "$root/tests/e2e/fixture/courses" "$root/assets" "$1" "$st/password" >"$tmp/kiosk/config.ini"
}
# Online: the certification path; its records reach the LRS by the time the program has closed.
kiosk_config "$endpoint"
rm -rf "$tmp/kiosk/data1"; mkdir -p "$tmp/kiosk/data1"
"$tpquiz" --config "$tmp/kiosk/config.ini" --data-dir "$tmp/kiosk/data1" --virtual-clock --seed 7 \
  --screenshot-dir "$tmp/kiosk/shots" --script "$root/tests/e2e/certify.script" >"$tmp/kiosk/out1" 2>&1
status=$?
want=$("${x[@]}" export "$tmp/kiosk/data1" --config "$tmp/kiosk/config.ini" --data-dir "$tmp/kiosk/data1" 2>/dev/null | wc -l)
fetch_all kiosk1.jsonl
got=$(grep -c '"name":"cora.cert"' kiosk1.jsonl)
[ $status = 0 ] && [ "$want" -gt 5 ] && [ "$got" = "$want" ] &&
  ok "station online: the $got statements of its quiz, exam start, exam and certificate are in the LRS when it closes" ||
  { bad "station online: status $status, the LRS holds $got of $want"; tail -5 "$tmp/kiosk/out1"; }
# Offline: the LRS is down while the learner works; the records wait in the
# data folder and go out when the station next starts with the LRS up.
start_lrs
kiosk_config "http://127.0.0.1:$(free_port)/xAPI"
rm -rf "$tmp/kiosk/data2"; mkdir -p "$tmp/kiosk/data2"
"$tpquiz" --config "$tmp/kiosk/config.ini" --data-dir "$tmp/kiosk/data2" --virtual-clock --seed 7 \
  --screenshot-dir "$tmp/kiosk/shots" --script "$root/tests/e2e/certify.script" >"$tmp/kiosk/out2" 2>&1
status=$?
fetch_all kiosk2.jsonl
got=$(wc -l <kiosk2.jsonl)
[ $status = 0 ] && [ "$got" = 0 ] && grep -q "records wait on this station" "$tmp/kiosk/out2" &&
  ok "station offline: the exam goes on, the records wait ($(grep -o 'cannot reach the LRS[^:]*' "$tmp/kiosk/out2" | head -1))" ||
  { bad "station offline: status $status, the LRS holds $got"; tail -5 "$tmp/kiosk/out2"; }
kiosk_config "$endpoint"
printf 'quit\n' >"$tmp/kiosk/idle.script"
"$tpquiz" --config "$tmp/kiosk/config.ini" --data-dir "$tmp/kiosk/data2" --virtual-clock \
  --screenshot-dir "$tmp/kiosk/shots" --script "$tmp/kiosk/idle.script" >"$tmp/kiosk/out3" 2>&1
want=$("${x[@]}" export "$tmp/kiosk/data2" --config "$tmp/kiosk/config.ini" --data-dir "$tmp/kiosk/data2" 2>/dev/null | wc -l)
fetch_all kiosk3.jsonl
got=$(wc -l <kiosk3.jsonl)
[ "$want" -gt 5 ] && [ "$got" = "$want" ] && ok "station back online: the $got waiting statements are sent at its next start" ||
  { bad "station back online: the LRS holds $got of $want"; tail -5 "$tmp/kiosk/out3"; }

echo "== no LRS at all, a refused statement, a bad password file"
"${x[@]}" push data --config config.ini --endpoint "http://127.0.0.1:$(free_port)/xAPI" --retries 1 >none.out 2>&1
[ $? = 1 ] && grep -q "cannot reach the LRS (tried 2 times): .*onnect" none.out && ok "no LRS: a clear error" ||
  { bad "no LRS:"; cat none.out; }
"${x[@]}" push data --config config.ini --endpoint "http://127.0.0.1:$port/nowhere" >404.out 2>&1
[ $? = 1 ] && grep -q "the LRS refused a batch of statements (HTTP 404)" 404.out && grep -q "(0 retried)" 404.out &&
  ok "a 4xx answer stops at once with the LRS's message" || { bad "4xx:"; cat 404.out; }
chmod 644 password
"${x[@]}" push data --config config.ini --endpoint "$endpoint" >pw.out 2>&1
[ $? = 2 ] && grep -q "others may read this password file" pw.out && ok "a password file others may read is refused" ||
  { bad "open password file:"; cat pw.out; }
chmod 600 password
# A statement the LRS must refuse (a score out of range) is stopped with its message.
node -e 'const l=require("fs").readFileSync("export.jsonl","utf8").split("\n")[0]; const s=JSON.parse(l);
  s.id="00000000-0000-4000-8000-000000000001"; s.result={score:{scaled:7}};
  require("fs").writeFileSync("bad.json", JSON.stringify([s]))'
code=$(curl -s -o refused.json -w '%{http_code}' -u t:t -H 'X-Experience-API-Version: 1.0.3' \
  -H 'Content-Type: application/json' --data @bad.json "$endpoint/statements")
[ "$code" = 400 ] && ok "the LRS validates strictly (a scaled score of 7 is refused with 400)" ||
  bad "the LRS accepted an invalid statement ($code)"

echo "$passed passed, $failed failed"
[ $failed = 0 ]
