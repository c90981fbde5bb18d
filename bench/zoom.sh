#!/usr/bin/env bash
# Zoom and pan benchmark of the real program (docs/PERFORMANCE.md, "Zoom and
# pan"): the study page of the upper trapezius at 1600 x 1000 (its neck
# back view and overlay), timed frame by frame with the frame probe
# (bench/probe.c):
#   zoom step  the frame after one wheel notch over the chart (1.25x): the
#              layout, re-rasterising the chart and overlay at the new size
#              (what is on screen) and drawing; then the refined tile (a
#              pan tile) made on the worker thread once input is idle, and
#              the frame that takes it
#   pan frame  the frame after a 20-point drag of the chart zoomed to 381%
#              (tiled: the zoomed image is over 4 Mpixels): 30 drags right,
#              30 left, 30 down, 30 up; far enough to leave the tile around
#              the first view (counted: pans that rasterised in the frame;
#              the tiles made ahead on the worker thread are not)
# Usage: bench/zoom.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR  a build of the project (default build/): tpquiz, and bench/'s
#              runstat and libtpquiz_probe.so
#   RUNS       runs of each (default 5); the medians of the runs are reported
# Environment: STEPS zoom steps a run (default 5: from 305%, five notches
# above the opening 100%, to 931%, under the 1200% limit), PANS pan frames a
# run (default 120).
# Each frame is reported as wall time (clear to present) and as the CPU time
# of the drawing thread in it (the probe's CPU_NS): on a shared machine the
# wall time includes waiting for a CPU, the CPU time is the frame's own cost.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
runs=${2:-5}
steps=${STEPS:-5}
pans=${PANS:-120}
tpquiz=$build/tpquiz
b=$build/bench
probe=$b/libtpquiz_probe.so
for f in "$tpquiz" "$b/runstat" "$probe"; do
    if [ ! -e "$f" ]; then
        echo "missing $f: cmake --build $build --target tpquiz runstat tpquiz_probe" >&2
        exit 2
    fi
done
cfg=$root/bench/gui/bench.ini
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
work=$(mktemp -d /tmp/tpquiz-zoom.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
pct() { sort -g | awk -v p="$1" '{a[NR] = $1} END {i = int(NR * p + 0.999); if (i < 1) i = 1; print a[i]}'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# The chart's area on the study page at 1600 x 1000 (window points): the
# pointer is over it for the wheel, and the drags stay in it.
cx=430 cy=560
# The study page, reached through the search box of the course's module
# list (a long list: the module is not on its first screen).
open_study() {
    cat <<'END'
type Bench Learner
click-text Start as new learner
click-text Open Complete
click-text Find a muscle
type Upper trapezius
click-text Study Upper trapezius
expect Trigger points
END
}
zoom_script=$work/zoom.script
{
    open_study
    echo "move $cx $cy"
    # Five notches first (their zoom step and refine frame are not
    # measured: the unchanged frames after them start the measured tail).
    echo "scroll 5"
    for ((i = 0; i < 6; i++)); do echo "wait 0"; done
    for ((i = 0; i < steps; i++)); do
        echo "scroll 1"
        for ((k = 0; k < 3; k++)); do echo "wait 0"; done
    done
    echo quit
} >"$zoom_script"
pan_script=$work/pan.script
{
    open_study
    echo "move $cx $cy"
    echo "scroll 6"
    for ((i = 0; i < 3; i++)); do echo "wait 0"; done
    echo "print pans start"
    # Back and forth, then down and up: 20 points a frame.
    for ((i = 0; i < pans; i++)); do
        case $(((i / (pans / 4)) % 4)) in
        0) echo "drag $cx $cy $((cx + 20)) $cy" ;;
        1) echo "drag $cx $cy $((cx - 20)) $cy" ;;
        2) echo "drag $cx $cy $cx $((cy + 20))" ;;
        3) echo "drag $cx $cy $cx $((cy - 20))" ;;
        esac
    done
    echo quit
} >"$pan_script"

echo "== machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

: >"$work/step_med" >"$work/step_cpu" >"$work/refine_n" >"$work/adopt_cpu" >"$work/still_cpu"
: >"$work/rss" >"$work/pan_med" >"$work/pan_p90" >"$work/pan_cpu" >"$work/pan_cpu90" >"$work/pan_cpumax"
for ((r = 1; r <= runs; r++)); do
    # Zoom steps: a frame that rasterises after frames that did not is a
    # zoom step; one that rasterises right after it is a refine frame made on
    # the drawing thread (none since the worker makes the refined tile); a
    # frame that rasterises nothing but makes a texture takes the worker's
    # refined tile (its "adopt" frame).
    log=$work/zoom-$r.log
    l=$("$b/runstat" --probe "$probe" --log "$log" --out "$work/out" -- "$tpquiz" --config "$cfg" \
        --data-dir "$(mktemp -d "$work/d.XXXXXX")" --virtual-clock --seed 1 --script "$zoom_script")
    [ "$(field status "$l")" = 0 ] || { echo "zoom run $r failed: $l" >&2; exit 1; }
    field maxrss_kb "$l" >>"$work/rss"
    tail -n $((steps * 5 + 3)) "$log" | awk '{ms = ($4 - $3) / 1e6; cpu = $10 / 1e6; svg = $5
        if (svg > 0 && prev == 0) print "step", ms, cpu, svg, $9
        else if (svg > 0 && prev > 0) print "refine", ms, cpu, svg, $9
        else if ($7 > 0) print "adopt", ms, cpu, svg, $9
        else print "still", ms, cpu, svg, $9
        prev = svg}' >"$work/zoom-$r.frames"
    for kind in step refine adopt still; do
        awk -v k="$kind" '$1 == k {print $2}' "$work/zoom-$r.frames" >"$work/$kind.wall"
        awk -v k="$kind" '$1 == k {print $3}' "$work/zoom-$r.frames" >"$work/$kind.cpu"
    done
    n_steps=$(wc -l <"$work/step.wall")
    median <"$work/step.wall" >>"$work/step_med"
    median <"$work/step.cpu" >>"$work/step_cpu"
    wc -l <"$work/refine.wall" >>"$work/refine_n"
    median <"$work/adopt.cpu" >>"$work/adopt_cpu"
    median <"$work/still.cpu" >>"$work/still_cpu"
    printf 'run %d: %d zoom steps (%s): median %.1f ms wall, %.1f ms CPU (max %.1f CPU); refine frames rasterising on the drawing thread: %d; frames taking the refined tile: %d, median %.2f ms CPU; unchanged zoomed frames: %.2f ms CPU\n' \
        "$r" "$n_steps" "$(cut -d' ' -f5 "$work/zoom-$r.frames" | sort -u | tr '\n' ' ' | sed 's/ $//')" \
        "$(median <"$work/step.wall")" "$(median <"$work/step.cpu")" "$(sort -g "$work/step.cpu" | tail -1)" \
        "$(wc -l <"$work/refine.wall")" "$(wc -l <"$work/adopt.wall")" "$(median <"$work/adopt.cpu")" \
        "$(median <"$work/still.cpu")"
    # Pan frames: the last $pans frames, one a drag.
    log=$work/pan-$r.log
    l=$("$b/runstat" --probe "$probe" --log "$log" --out "$work/out" -- "$tpquiz" --config "$cfg" \
        --data-dir "$(mktemp -d "$work/d.XXXXXX")" --virtual-clock --seed 1 --script "$pan_script")
    [ "$(field status "$l")" = 0 ] || { echo "pan run $r failed: $l" >&2; exit 1; }
    tail -n "$pans" "$log" | awk '{print ($4 - $3) / 1e6, $5, $10 / 1e6, $7}' >"$work/pans"
    cut -d' ' -f1 "$work/pans" | median >>"$work/pan_med"
    cut -d' ' -f1 "$work/pans" | pct 0.9 >>"$work/pan_p90"
    cut -d' ' -f3 "$work/pans" | median >>"$work/pan_cpu"
    cut -d' ' -f3 "$work/pans" | pct 0.9 >>"$work/pan_cpu90"
    cut -d' ' -f3 "$work/pans" | sort -g | tail -1 >>"$work/pan_cpumax"
    printf 'run %d: %d pan frames: wall median %.2f ms, p90 %.2f ms; CPU median %.2f ms, p90 %.2f ms, max %.2f ms; %d of them rasterised; over 8 ms CPU: %d (%s), of them making a texture: %d\n' \
        "$r" "$pans" "$(cut -d' ' -f1 "$work/pans" | median)" "$(cut -d' ' -f1 "$work/pans" | pct 0.9)" \
        "$(cut -d' ' -f3 "$work/pans" | median)" "$(cut -d' ' -f3 "$work/pans" | pct 0.9)" \
        "$(cut -d' ' -f3 "$work/pans" | sort -g | tail -1)" "$(awk '$2 > 0' "$work/pans" | wc -l)" \
        "$(awk '$3 > 8' "$work/pans" | wc -l)" "$(awk '$3 > 8 {printf "%s%.1f", n++ ? " " : "", $3}' "$work/pans")" \
        "$(awk '$3 > 8 && $4 > 0' "$work/pans" | wc -l)"
done
echo "== result (medians of $runs runs)"
printf 'zoom step: %.1f ms CPU, %.1f ms wall (target < 50 ms); refine frames rasterising on the drawing thread: %s a run; the frame taking the refined tile: %.2f ms CPU\n' \
    "$(median <"$work/step_cpu")" "$(median <"$work/step_med")" "$(median <"$work/refine_n")" "$(median <"$work/adopt_cpu")"
printf 'pan frame: CPU median %.2f ms, p90 %.2f ms, max %.2f ms; wall median %.2f ms, p90 %.2f ms (target < 8 ms)\n' \
    "$(median <"$work/pan_cpu")" "$(median <"$work/pan_cpu90")" "$(median <"$work/pan_cpumax")" \
    "$(median <"$work/pan_med")" "$(median <"$work/pan_p90")"
printf 'unchanged frame at the zoom, for comparison: %.2f ms CPU\n' "$(median <"$work/still_cpu")"
printf 'peak RSS of a zoom run (the study page zoomed to %d%%): %.1f MiB\n' "$(awk -v n="$steps" 'BEGIN {printf "%d", 100 * 1.25 ^ (n + 5)}')" \
    "$(median <"$work/rss" | awk '{print $1 / 1024}')"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
