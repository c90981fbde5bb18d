#!/usr/bin/env bash
# Benchmark of `tpquiz report` against `cat` and `sha256sum` over the same
# score files (docs/PERFORMANCE.md, "Instructor report").
#
# Usage: bench/report.sh TPQUIZ GEN_SCORES [LEARNERS] [ATTEMPTS] [RUNS]
#   TPQUIZ       the program (e.g. build/tpquiz)
#   GEN_SCORES   the generator (e.g. build/bench/gen_scores)
#   LEARNERS     learner files (default 10000); ATTEMPTS each (default 20)
#   RUNS         timed runs of each command (default 5); the median counts
# Environment: BENCH_DIR (default /tmp/tpquiz-bench) holds the data; it is
# generated once (the Essentials course, every learner simulated, real
# records and MACs) and reused while LEARNERS and ATTEMPTS stay the same.
#
# It reports: the data's size, the median wall time of cat, sha256sum and
# the report, the report's ratio to each (target: report <= 1.5 x
# sha256sum), the CPU time (user + system) of each and the report's CPU
# ratio to each (with the load average: a shared machine), and the report's peak
# RSS over 1,000 files and over all of them (memory must stay flat).
# Uses hyperfine when installed (apt-get install hyperfine), else bash.
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,19p' "$0" >&2
    exit 2
fi
tpquiz=$(realpath "$1")
gen=$(realpath "$2")
learners=${3:-10000}
attempts=${4:-20}
runs=${5:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-/tmp/tpquiz-bench}
data="$dir/data-$learners-$attempts"
small="$dir/data-$learners-$attempts-first1000"
jobs=$(nproc)
# The generator appends through the real API, which fsyncs every record;
# for throw-away benchmark data eatmydata (apt) skips the syncs if present.
nosync=$(command -v eatmydata || true)

# The shipped courses and charts, whatever config.ini in the caller's folder says.
config="$dir/bench.ini"
mkdir -p "$dir"
printf '[paths]\ncourses = %s/courses\nassets = %s/assets\n' "$root" "$root" >"$config"

if [ ! -f "$data/.complete" ]; then
    # Into a folder not named learners: no station ledger, which every
    # append would read back whole (quadratic over thousands of learners;
    # the report over DATA/learners reads no ledger either). Renamed at the end.
    procs=$((2 * jobs))
    echo "generating $learners learners x $attempts attempts into $data ($procs processes) ..."
    rm -rf "$data" "$small"
    mkdir -p "$data"
    per=$(((learners + procs - 1) / procs))
    pids=()
    for ((j = 0; j < procs; j++)); do
        first=$((1 + j * per))
        count=$((learners - j * per < per ? learners - j * per : per))
        [ "$count" -gt 0 ] || continue
        # One process creates the key first; the others wait for it.
        if [ "$j" -gt 0 ]; then
            while [ ! -s "$data/station.key" ]; do sleep 0.1; done
        fi
        $nosync "$gen" --data "$data" --folder generating --courses "$root/courses" --assets "$root/assets" \
            --course essentials --learners "$count" --first "$first" --attempts "$attempts" --seed 7 &
        pids+=($!)
        [ "$j" -gt 0 ] || while [ ! -s "$data/station.key" ]; do sleep 0.1; done
    done
    for p in "${pids[@]}"; do wait "$p"; done
    mv "$data/generating" "$data/learners"
    touch "$data/.complete"
fi
if [ ! -d "$small" ]; then
    mkdir -p "$small/learners"
    cp "$data/station.key" "$small/"
    mapfile -t all < <(find "$data/learners" -name '*.scores' | sort)
    ln "${all[@]:0:1000}" "$small/learners/"
fi

files=$(find "$data/learners" -type f | wc -l)
bytes=$(du -sb "$data/learners" | cut -f1)
echo "data: $files files, $((bytes / 1000000)) MB ($data)"

cat_cmd="cat $data/learners/*.scores > /dev/null"
sha_cmd="sha256sum $data/learners/*.scores > /dev/null"
report_cmd="$tpquiz report $data/learners --key $data/station.key --config $config > /dev/null"
# Warm the page cache: both commands read the same cached files.
eval "$cat_cmd"
eval "$report_cmd" || true

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if command -v hyperfine >/dev/null; then
    json="$dir/hyperfine.json"
    hyperfine --warmup 1 --runs "$runs" -i --export-json "$json" -n cat "$cat_cmd" -n sha256sum "$sha_cmd" \
        -n report "$report_cmd"
    read -r cat_s sha_s rep_s cat_cpu sha_cpu rep_cpu < <(python3 -c "
import json, statistics
r = json.load(open('$json'))['results']
cpu = [statistics.median([u + s for u, s in zip(x['user'], x['system'])]) if 'user' in x and isinstance(x['user'], list) else x['user'] + x['system'] for x in r]
print(*[x['median'] for x in r], *cpu)")
else
    # Wall time, and the CPU time of the children (bash's times).
    t() {
        local s e
        s=$(date +%s.%N)
        eval "$1" || true
        e=$(date +%s.%N)
        echo "$e - $s" | bc
    }
    cat_s=$(for ((i = 0; i < runs; i++)); do t "$cat_cmd"; done | median)
    sha_s=$(for ((i = 0; i < runs; i++)); do t "$sha_cmd"; done | median)
    rep_s=$(for ((i = 0; i < runs; i++)); do t "$report_cmd"; done | median)
    cat_cpu=0 sha_cpu=0 rep_cpu=0
fi
ratio_cat=$(echo "scale=2; $rep_s / $cat_s" | bc)
ratio_sha=$(echo "scale=2; $rep_s / $sha_s" | bc)
printf 'median wall time: cat %.2f s, sha256sum %.2f s, report %.2f s\n' "$cat_s" "$sha_s" "$rep_s"
printf 'report = %s x cat, %s x sha256sum (target <= 1.5 x sha256sum)\n' "$ratio_cat" "$ratio_sha"
printf 'median CPU time (user + system): cat %.2f s, sha256sum %.2f s, report %.2f s\n' "$cat_cpu" "$sha_cpu" "$rep_cpu"
# On a shared machine wall times measure the other jobs; CPU time is steadier
# (the report's is spread over two cores, so its wall ratio on a quiet
# machine is about half its CPU ratio).
if [ "$sha_cpu" != 0 ]; then
    printf 'report CPU = %s x cat, %s x sha256sum; load average %s\n' \
        "$(echo "scale=2; $rep_cpu / $cat_cpu" | bc)" "$(echo "scale=2; $rep_cpu / $sha_cpu" | bc)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
fi

rss() {
    /usr/bin/time -v "$tpquiz" report "$1/learners" --key "$1/station.key" --config "$config" 2>&1 >/dev/null |
        awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
}
rss_small=$(rss "$small")
rss_all=$(rss "$data")
echo "peak RSS: 1000 files $((rss_small / 1024)) MB, $files files $((rss_all / 1024)) MB"
