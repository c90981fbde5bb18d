#!/usr/bin/env bash
# Started with no display (no X11 or Wayland session) and no headless
# driver asked for, the program says so and exits 1 instead of sitting in an
# invisible window.
#   no_display.sh TPQUIZ SOURCE_ROOT
set -uo pipefail
tpquiz=$1 root=$2
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER -u SDL_RENDER_DRIVER \
  timeout -s KILL 20 "$tpquiz" --config "$root/tests/e2e/fixture/config.ini" --data-dir "$data" >"$data/out" 2>&1
status=$?
if [ $status = 1 ] && grep -q "there is no display to open the window on" "$data/out"; then
  echo "ok: no display: exit 1 with the reason"
else
  echo "FAIL: no display: exit $status (137: it hung in an invisible window)"; cat "$data/out"; exit 1
fi
# Asked for on purpose, a headless driver runs.
printf 'expect Who is studying?\nquit\n' >"$data/s.script"
SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_RENDER_DRIVER=software timeout -s KILL 20 \
  "$tpquiz" --config "$root/tests/e2e/fixture/config.ini" --data-dir "$data" --script "$data/s.script" \
  --screenshot-dir "$data" >"$data/out2" 2>&1
status=$?
[ $status = 0 ] && echo "ok: SDL_VIDEODRIVER=offscreen on purpose runs" || { echo "FAIL: offscreen on purpose: exit $status"; cat "$data/out2"; exit 1; }
