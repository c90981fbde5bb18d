#!/usr/bin/env bash
# Statistics screen benchmark (docs/PERFORMANCE.md, "Statistics"): a learner
# with 1,000 attempts (module quizzes over the Complete course and its exam,
# one a day, written by gen_scores as a station writes them: about 15,000
# answers, a 4 MB score file), a practice log of 20,000 answers over the same
# days and a review schedule of one card per item met. Measured:
#   1. core, in-process (stats_core): reading the practice log and computing
#      the statistics, what the screen does when it opens (the score file and
#      the schedule were read at sign-in; their times are shown too)
#   2. the real program (the frame probe), at 1600 x 1000: the frame in
#      which Statistics is clicked (less what the home screen costs on its
#      own in that frame: an unchanged home frame just before) plus the
#      first frame of the statistics screen (the body map's two charts are
#      rasterised in it)
# Target: the screen open in under 100 ms, both ways: in the program, and
# as core work plus the first frame.
#
# Usage: bench/stats.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR  a build of the project (default build/): tpquiz and bench/'s
#              gen_scores, stats_core, runstat, libtpquiz_probe.so
#   RUNS       runs of each measurement (default 11); medians are reported
# Generating the learner takes about a minute (every attempt is a real,
# signed record appended to the file); BENCH_DATA=DIR keeps it for the next run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
runs=${2:-11}
b=$build/bench
tpquiz=$build/tpquiz
probe=$b/libtpquiz_probe.so
for f in "$tpquiz" "$b/gen_scores" "$b/stats_core" "$b/runstat" "$probe"; do
    if [ ! -e "$f" ]; then
        echo "missing $f: cmake --build $build --target tpquiz gen_scores stats_core runstat tpquiz_probe" >&2
        exit 2
    fi
done
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
work=$(mktemp -d /tmp/tpquiz-stats.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

id=bench.stats
start=1772438400            # the first attempt: 2026-03-02 08:00 UTC
days=1000
now=$((start + days * 86400 + 43200))
# BENCH_DATA=DIR keeps the generated station in DIR and reuses it next time.
data=${BENCH_DATA:-$work/data}
mkdir -p "$data"

echo "== machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== the learner: 1,000 attempts"
scores=$data/learners/$id.scores
if [ -f "$scores" ]; then
    echo "(reused from $data)"
else
# --folder: no ledger while generating (each append would read it back whole).
"$b/gen_scores" --data "$data" --courses "$root/courses" --assets "$root/assets" --course complete --id "$id" \
    --name "Bench Stats" --attempts 1000 --skill 0.7 --start "$start" --folder gen >/dev/null
mv "$data/gen" "$data/learners"
awk '$1 == "key" {print $2}' "$scores" | sort -u >"$work/keys"
# The practice log: 20 answers a day over the same days, credits and
# distances varying; the schedule: a card per key, due over the next 45 days
# (a few overdue).
awk -v start="$start" -v days="$days" 'BEGIN {OFS = "\t"; print "tpquiz-practice 1"}
    {k[n++] = $1}
    END {
        for (d = 0; d < days; d++)
            for (i = 0; i < 20; i++) {
                key = k[(d * 20 + i) % n]
                dist = key ~ /\/locate$/ ? sprintf("%.2f", ((d + i) % 50) / 10) : "-"
                print start + d * 86400 + 3600, key, sprintf("%d.00", (d * 7 + i * 13) % 101), 3000 + (i * 997) % 9000, dist
            }
    }' "$work/keys" >"$data/learners/$id.practice"
awk -v now="$now" 'BEGIN {OFS = "\t"; print "tpquiz-review 1"}
    {due = now - 5 * 86400 + (NR * 7 * 3600) % (45 * 86400)
     print $1, 2, "2.50", 6, due, due - 6 * 86400, 3, 0, "80.00"}' "$work/keys" >"$data/learners/$id.review"
fi
awk '$1 == "key" {print $2}' "$data/learners/$id.scores" | sort -u >"$work/keys"
printf 'score file %s bytes, %d records; practice log %d lines; review schedule %d cards\n' "$(stat -c %s "$scores")" \
    "$(grep -c '^record ' "$scores")" "$(($(wc -l <"$data/learners/$id.practice") - 1))" "$(wc -l <"$work/keys")"

echo "== 1. core, in-process ($runs runs)"
"$b/stats_core" "$root/courses" "$root/assets" "$data" "$id" "$now" "$runs" | tee "$work/core"

echo "== 2. the program: Statistics clicked to its first frame, 1600 x 1000 ($runs runs)"
script=$work/open.script
cat >"$script" <<SCRIPT
click-text Sign in $id
expect Choose a course
wait 0
wait 0
click-text Statistics
expect Mastery by module
wait 0
quit
SCRIPT
: >"$work/open" >"$work/copen" >"$work/home" >"$work/first" >"$work/cfirst"
for ((r = 1; r <= runs; r++)); do
    log=$work/open-$r.log
    l=$("$b/runstat" --probe "$probe" --log "$log" --out "$work/out" -- "$tpquiz" --config "$root/bench/gui/bench.ini" \
        --data-dir "$data" --virtual-clock --clock-start "${now}000" --seed 1 --script "$script")
    case " $l " in *" status=0 "*) ;; *) echo "run $r failed: $l" >&2; tail -5 "$work/out.err" >&2; exit 1 ;; esac
    grep -q "^frame" "$log" || { echo "run $r: no frames in the probe's log" >&2; exit 1; }
    # The first frame that rasterises a chart is the statistics screen's
    # first (sign-in and home draw none); the frame before it took the
    # click, and drew the home screen too: the frame before that (a `wait
    # 0`, the home screen unchanged) is what the home screen alone costs.
    # Wall and CPU time (the probe's last column) of each of the three.
    awk '$5 > 0 && !done {printf "%.3f %.3f %.3f %.3f %.3f %.3f\n", (p4 - p3) / 1e6, (q4 - q3) / 1e6, ($4 - $3) / 1e6,
                                  pc / 1e6, qc / 1e6, $10 / 1e6; done = 1}
         {q3 = p3; q4 = p4; qc = pc; p3 = $3; p4 = $4; pc = $10}' "$log" >"$work/one"
    read -r click home first cclick chome cfirst <"$work/one"
    open=$(awk -v c="$click" -v h="$home" -v f="$first" 'BEGIN {d = c - h; if (d < 0) d = 0; printf "%.3f", d + f}')
    copen=$(awk -v c="$cclick" -v h="$chome" -v f="$cfirst" 'BEGIN {d = c - h; if (d < 0) d = 0; printf "%.3f", d + f}')
    echo "$open" >>"$work/open"
    echo "$copen" >>"$work/copen"
    echo "$first" >>"$work/first"
    echo "$cfirst" >>"$work/cfirst"
    echo "$home" >>"$work/home"
    printf 'run %d: click frame %.1f ms (CPU %.1f), the home screen alone %.1f ms (CPU %.1f); first statistics frame %.1f ms (CPU %.1f): open %.1f ms (CPU %.1f)\n' \
        "$r" "$click" "$cclick" "$home" "$chome" "$first" "$cfirst" "$open" "$copen"
done
open_med=$(median <"$work/open")
first_med=$(median <"$work/first")
core_med=$(sed -n 's/^screen.s core work: log read + compute *median *\([0-9.]*\) ms.*/\1/p' "$work/core")
total=$(awk -v a="$core_med" -v b="$first_med" 'BEGIN {printf "%.1f", a + b}')
met() { awk -v m="$1" 'BEGIN {print (m < 100) ? "met" : "NOT MET"}'; }
printf 'home screen frame (before the click): median %.1f ms\n' "$(median <"$work/home")"
copen_med=$(median <"$work/copen")
printf 'statistics screen open, in the program (click frame less the home frame, plus the first frame): median %.1f ms wall, %.1f ms CPU; target < 100 ms: %s (wall), %s (CPU)\n' \
    "$open_med" "$copen_med" "$(met "$open_med")" "$(met "$copen_med")"
printf 'statistics screen open, core work %.1f ms + first frame %.1f ms = %s ms; target < 100 ms: %s\n' \
    "$core_med" "$first_med" "$total" "$(met "$total")"
