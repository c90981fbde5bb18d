#!/usr/bin/env bash
# GUI benchmarks of the real program (docs/PERFORMANCE.md, "GUI"):
#   1. start-up: exec to the first presented frame, tpquiz against bare_sdl
#   2. redraw:   frame time of the unchanged study page at 1600 x 1000, and
#                what is rasterised per frame
#   3. idle:     CPU use over IDLE_S seconds with no input, against bare_sdl
#   4. load:     loading and checking both courses, in-process and `tpquiz check`
#   5. memory:   peak RSS of a session over the Complete course
# Each is run several times, alternating with its baseline, and the medians
# go into a table with the targets.
#
# Usage: bench/gui.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR  a build of the project (default build/): tpquiz and bench/'s
#              bare_sdl, runstat, libtpquiz_probe.so, load_courses
#   RUNS       runs of each start-up and `tpquiz check` measurement (default 21)
# Environment: FRAMES redraws measured per run (default 300), REDRAW_RUNS
# (default 5), IDLE_S seconds per idle run (default 10), IDLE_RUNS (default 3),
# MEM_RUNS (default 3), LOAD_RUNS in-process loads (default 51).
# Headless: SDL's dummy video driver and the software renderer. If Xvfb is
# installed, the idle benchmark is also run on a private X server (SDL's
# x11 driver), where SDL_WaitEvent really blocks.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
runs=${2:-21}
frames=${FRAMES:-300}
redraw_runs=${REDRAW_RUNS:-5}
idle_s=${IDLE_S:-10}
idle_runs=${IDLE_RUNS:-3}
mem_runs=${MEM_RUNS:-3}
load_runs=${LOAD_RUNS:-51}

tpquiz=$build/tpquiz
b=$build/bench
probe=$b/libtpquiz_probe.so
for f in "$tpquiz" "$b/bare_sdl" "$b/runstat" "$probe" "$b/load_courses"; do
    if [ ! -e "$f" ]; then
        echo "missing $f: cmake --build $build --target tpquiz bare_sdl runstat tpquiz_probe load_courses" >&2
        exit 2
    fi
done
cfg=$root/bench/gui/bench.ini
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
chart=$root/assets/anatomy/front.svg
width=1600 height=1000

export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
work=$(mktemp -d /tmp/tpquiz-gui.XXXXXX)
xvfb_pid=
cleanup() {
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
data=$work/data
mkdir -p "$data"
# Screenshots of the memory session, to look at.
shots=${SHOTS:-$work/shots}
mkdir -p "$shots"

# field NAME LINE: the value of NAME=... in a runstat line
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
minmax() { sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%s to %s", lo, hi}'; }
run() { "$b/runstat" "$@"; }
check_status() { # check_status WHAT LINE: stops on a failed run
    local s
    s=$(field status "$2")
    if [ "$s" != 0 ]; then
        echo "$1 failed: $2" >&2
        [ ! -f "$work/out.err" ] || tail -5 "$work/out.err" >&2
        exit 1
    fi
}
# fresh_data: a new data folder with the station key (sign-in creates a
# learner, so each scripted session starts from a station without one)
fresh_data() {
    local d
    d=$(mktemp -d "$work/data.XXXXXX")
    cp "$data/station.key" "$d/"
    echo "$d"
}

echo "== machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "kernel: $(uname -r); SDL $(pkg-config --modversion sdl2), SDL_ttf $(pkg-config --modversion SDL2_ttf), SDL_image $(pkg-config --modversion SDL2_image)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. start-up -----------------------------------------------------------
echo "== 1. start-up: exec to the first presented frame ($runs runs each, alternating)"
# A first run creates the station key in the data folder (as on a station
# that has run before) and warms the page cache for both programs.
run --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$data" --script "$root/bench/gui/quit.script" >/dev/null
first_bare() { run --probe "$probe" --log "$work/first.log" --exit-after 1 --out "$work/out" -- "$b/bare_sdl" "$font" 16 "$chart" $width $height; }
first_tpq() { run --probe "$probe" --log "$work/first.log" --exit-after 1 --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$data"; }
exit_bare() { run --out "$work/out" -- "$b/bare_sdl" "$font" 16 "$chart" $width $height; }
exit_tpq() { run --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$data" --script "$root/bench/gui/quit.script"; }
first_bare >/dev/null
first_tpq >/dev/null
: >"$work/fb" >"$work/ft" >"$work/eb" >"$work/et" >"$work/rss_first"
for ((i = 0; i < runs; i++)); do
    if ((i % 2)); then order="tpq bare"; else order="bare tpq"; fi
    for who in $order; do
        l=$("first_$who"); check_status "first frame ($who)" "$l"
        field first_ms "$l" >>"$work/f${who:0:1}"
        [ "$who" = bare ] || field maxrss_kb "$l" >>"$work/rss_first"
        l=$("exit_$who"); check_status "run to exit ($who)" "$l"
        field wall_ms "$l" >>"$work/e${who:0:1}"
    done
done
fb=$(median <"$work/fb") ft=$(median <"$work/ft") eb=$(median <"$work/eb") et=$(median <"$work/et")
start_ratio=$(awk -v a="$ft" -v b="$fb" 'BEGIN {printf "%.2f", a / b}')
exit_ratio=$(awk -v a="$et" -v b="$eb" 'BEGIN {printf "%.2f", a / b}')
printf 'first frame: bare_sdl %.1f ms (%s), tpquiz %.1f ms (%s): %s x\n' "$fb" "$(minmax <"$work/fb")" "$ft" \
    "$(minmax <"$work/ft")" "$start_ratio"
printf 'to exit (bare_sdl on its own, tpquiz with quit.script): bare_sdl %.1f ms, tpquiz %.1f ms: %s x\n' \
    "$eb" "$et" "$exit_ratio"

# ---- 2. redraw -------------------------------------------------------------
echo "== 2. redraw: the study page at ${width}x$height, $frames unchanged frames a run, $redraw_runs runs"
script=$work/redraw.script
{
    cat "$root/bench/gui/study.script"
    for ((i = 0; i < frames; i++)); do echo "wait 0"; done
    echo quit
} >"$script"
: >"$work/redraw_medians"
redraw_raster=0 redraw_text=0 redraw_tex=0 study_svg=0
for ((r = 1; r <= redraw_runs; r++)); do
    log=$work/redraw-$r.log
    l=$(run --probe "$probe" --log "$log" --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$(fresh_data)" \
        --virtual-clock --seed 1 --script "$script")
    check_status "redraw run $r" "$l"
    # The last $frames frames are the `wait 0` ones.
    stats=$(tail -n "$frames" "$log" | awk '{print ($4 - $3) / 1e6, $5, $6, $7, $8, $9}')
    med=$(cut -d' ' -f1 <<<"$stats" | median)
    p90=$(cut -d' ' -f1 <<<"$stats" | sort -g | awk -v n="$frames" 'NR == int(n * 0.9) {print}')
    max=$(cut -d' ' -f1 <<<"$stats" | sort -g | tail -1)
    sums=$(awk '{s += $2; t += $3; x += $4; m += $5} END {print s, t, x, m / NR}' <<<"$stats")
    read -r s t x m <<<"$sums"
    sizes=$(cut -d' ' -f6 <<<"$stats" | sort -u | tr '\n' ' ')
    all_svg=$(awk '{s += $5} END {print s}' "$log")
    first_frame=$(awk '$5 > 0 {print $2; exit}' "$log")
    redraw_raster=$((redraw_raster + s)) redraw_text=$((redraw_text + t)) redraw_tex=$((redraw_tex + x))
    study_svg=$all_svg
    echo "$med" >>"$work/redraw_medians"
    printf 'run %d: frame time median %.3f ms, p90 %.3f, max %.3f (%s); in the %d redraws: %d chart and %d text rasterisations, %d textures created, %.0f text measurements a frame; whole run: %d chart rasterisations (frame %s, when the page opened), %d frames\n' \
        "$r" "$med" "$p90" "$max" "$sizes" "$frames" "$s" "$t" "$x" "$m" "$all_svg" "$first_frame" "$(wc -l <"$log")"
done
redraw_med=$(median <"$work/redraw_medians")
printf 'redraw: median frame time %.3f ms (median of %d runs); rasterisations in %d redraws: %d charts, %d strings\n' \
    "$redraw_med" "$redraw_runs" $((frames * redraw_runs)) "$redraw_raster" "$redraw_text"
# Once per size: the page at another size, then back.
script=$work/resize.script
{
    cat "$root/bench/gui/study.script"
    for ((i = 0; i < 20; i++)); do echo "wait 0"; done
    echo "resize 1400 900"
    for ((i = 0; i < 20; i++)); do echo "wait 0"; done
    echo "resize $width $height"
    for ((i = 0; i < 20; i++)); do echo "wait 0"; done
    echo quit
} >"$script"
l=$(run --probe "$probe" --log "$work/resize.log" --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$(fresh_data)" \
    --virtual-clock --seed 1 --script "$script")
check_status "resize run" "$l"
resize_line=$(awk '{sz = $9; if (sz != last) {if (last != "") printf "%s: %d frames, %d chart rasterisations; ", last, n, s; n = 0; s = 0; last = sz} n++; s += $5}
    END {printf "%s: %d frames, %d chart rasterisations", last, n, s}' <(tail -n 63 "$work/resize.log"))
echo "the last 20 frames at ${width}x$height, 20 at 1400x900, 20 back at ${width}x$height (and the resize frames): $resize_line"

# ---- 3. idle ---------------------------------------------------------------
echo "== 3. idle: CPU over $idle_s s with no input ($idle_runs runs each, alternating with bare_sdl --wait)"
idle_tpq() { run --probe "$probe" --log "$work/idle.log" --idle "$idle_s" --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$data"; }
idle_bare() { run --probe "$probe" --log "$work/idle.log" --idle "$idle_s" --out "$work/out" -- "$b/bare_sdl" --wait "$font" 16 "$chart" $width $height; }
idle_report() { # idle_report LABEL FILE
    printf '%s: CPU %.2f%% (stat, median; runs %s), scheduler %.1f ms, %s wakeups/s, %s frames drawn while idle\n' "$1" \
        "$(cut -d' ' -f1 <"$2" | median)" "$(cut -d' ' -f1 <"$2" | minmax)" "$(cut -d' ' -f2 <"$2" | median)" \
        "$(cut -d' ' -f3 <"$2" | median)" "$(cut -d' ' -f4 <"$2" | sort -u | tr '\n' ' ' | sed 's/ $//')"
}
idle_collect() { # idle_collect WHO FILE
    local l
    l=$("idle_$1")
    check_status "idle ($1)" "$l"
    echo "$(field idle_cpu_pct "$l") $(field idle_sched_ms "$l") $(awk -v w="$(field idle_wakeups "$l")" -v s="$(field idle_s "$l")" 'BEGIN {printf "%.0f", w / s}') $(field idle_frames "$l")" >>"$2"
}
: >"$work/idle_tpq" >"$work/idle_bare"
for ((i = 0; i < idle_runs; i++)); do
    if ((i % 2)); then order="tpq bare"; else order="bare tpq"; fi
    for who in $order; do idle_collect "$who" "$work/idle_$who"; done
done
idle_report "dummy driver, bare_sdl" "$work/idle_bare"
idle_report "dummy driver, tpquiz" "$work/idle_tpq"
idle_pct=$(cut -d' ' -f1 <"$work/idle_tpq" | median)
idle_frames=$(cut -d' ' -f4 <"$work/idle_tpq" | sort -u | tr '\n' ' ' | sed 's/ $//')
x11_pct=
if command -v Xvfb >/dev/null; then
    dpy=:$((90 + RANDOM % 400))
    Xvfb "$dpy" -screen 0 1920x1200x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    sleep 1
    : >"$work/idle_x11"
    for ((i = 0; i < idle_runs; i++)); do
        DISPLAY=$dpy SDL_VIDEODRIVER=x11 idle_collect tpq "$work/idle_x11"
    done
    kill "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
    idle_report "x11 driver (Xvfb), tpquiz" "$work/idle_x11"
    x11_pct=$(cut -d' ' -f1 <"$work/idle_x11" | median)
fi

# ---- 4. load ---------------------------------------------------------------
echo "== 4. loading and checking both courses"
l=$("$b/load_courses" "$cfg" "$load_runs") || { echo "$l"; echo "load_courses found errors" >&2; exit 1; }
echo "$l"
load_med=$(sed -n 's/^load .*: median \([0-9.]*\) ms.*/\1/p' <<<"$l")
checkin_med=$(sed -n 's/^check .*: median \([0-9.]*\) ms.*/\1/p' <<<"$l")
: >"$work/chk" >"$work/ver"
for ((i = 0; i < runs; i++)); do
    if ((i % 2)); then order="chk ver"; else order="ver chk"; fi
    for who in $order; do
        if [ "$who" = chk ]; then
            l=$(run --out "$work/out" -- "$tpquiz" check --config "$cfg")
        else
            l=$(run --out "$work/out" -- "$tpquiz" --version)
        fi
        check_status "tpquiz $who" "$l"
        field wall_ms "$l" >>"$work/$who"
    done
done
chk=$(median <"$work/chk") ver=$(median <"$work/ver")
printf '`tpquiz check` process: %.1f ms (%s); `tpquiz --version` (the same exec, no work) %.1f ms\n' "$chk" \
    "$(minmax <"$work/chk")" "$ver"

# ---- 5. memory -------------------------------------------------------------
echo "== 5. peak memory: sign in, the Complete course's modules, a study page, a practice item ($mem_runs runs)"
: >"$work/mem_tpq" >"$work/mem_bare"
for ((i = 0; i < mem_runs; i++)); do
    l=$(run --out "$work/out" -- "$tpquiz" --config "$cfg" --data-dir "$(fresh_data)" --virtual-clock --seed 1 \
        --screenshot-dir "$shots" --script "$root/bench/gui/memory.script")
    check_status "memory run" "$l"
    grep -qx "practice item shown" "$work/out" || { echo "memory.script did not reach the practice item" >&2; exit 1; }
    field maxrss_kb "$l" >>"$work/mem_tpq"
    l=$(exit_bare)
    field maxrss_kb "$l" >>"$work/mem_bare"
done
mem_kb=$(median <"$work/mem_tpq")
printf 'peak RSS: tpquiz %.1f MiB (%s KiB), bare_sdl %.1f MiB, tpquiz at its first frame %.1f MiB\n' \
    "$(awk -v k="$mem_kb" 'BEGIN {print k / 1024}')" "$(minmax <"$work/mem_tpq")" \
    "$(median <"$work/mem_bare" | awk '{print $1 / 1024}')" "$(median <"$work/rss_first" | awk '{print $1 / 1024}')"

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- summary ---------------------------------------------------------------
met() { # met VALUE LIMIT [le]: yes if VALUE < LIMIT (<= with le)
    awk -v v="$1" -v t="$2" -v le="${3:-}" 'BEGIN {ok = le == "le" ? v + 0 <= t + 0 : v + 0 < t + 0; print ok ? "yes" : "NO"}'
}
echo
echo "== summary"
printf '| %-44s | %-16s | %-34s | %-4s |\n' benchmark target measured met
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..36})" "------"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "1. start to first frame / bare SDL" "<= 1.5 x" \
    "$(printf '%s x (%.1f / %.1f ms)' "$start_ratio" "$ft" "$fb")" "$(met "$start_ratio" 1.5 le)"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "2. study page redraw, ${width}x$height (median)" "< 4 ms" \
    "$(printf '%.2f ms' "$redraw_med")" "$(met "$redraw_med" 4)"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "2. rasterisations in unchanged redraws" "0" \
    "$redraw_raster charts, $redraw_text strings" "$([ "$redraw_raster" = 0 ] && [ "$redraw_text" = 0 ] && echo yes || echo NO)"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "3. idle CPU, dummy driver" "< 1%" \
    "$(printf '%.2f%%, %s frames' "$idle_pct" "$idle_frames")" "$(met "$idle_pct" 1)"
if [ -n "$x11_pct" ]; then
    printf '| %-44s | %-16s | %-34s | %-4s |\n' "3. idle CPU, x11 driver (Xvfb)" "< 1%" \
        "$(printf '%.2f%%' "$x11_pct")" "$(met "$x11_pct" 1)"
fi
printf '| %-44s | %-16s | %-34s | %-4s |\n' "4. load both courses, in-process (median)" "< 20 ms" \
    "$(printf '%.1f ms' "$load_med")" "$(met "$load_med" 20)"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "4. check both courses, in-process (median)" "< 20 ms" \
    "$(printf '%.1f ms' "$checkin_med")" "$(met "$checkin_med" 20)"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "4. \`tpquiz check\` process (median)" "informative" \
    "$(printf '%.1f ms' "$chk")" "-"
printf '| %-44s | %-16s | %-34s | %-4s |\n' "5. peak RSS, Complete course session" "< 80 MB" \
    "$(awk -v k="$mem_kb" 'BEGIN {printf "%.1f MiB", k / 1024}')" "$(met "$mem_kb" $((80 * 1024)))"
