/* script: the scripted-input language of the headless harness (--script).
 * One command a line; blank lines and lines starting with '#' are skipped.
 *
 *   click X Y                 left click at window point X,Y
 *   click-image VIEW X Y      left click at image units X,Y of the chart VIEW
 *   click-text TEXT           left click on the button or list row labelled TEXT
 *   drag X1 Y1 X2 Y2          press at the first point, move, release at the second
 *   drag-right X1 Y1 X2 Y2    the same with the right button (moves a chart that paints)
 *   move X Y                  move the mouse to window point X,Y (no button)
 *   key NAME                  press and release a key (by name: Return, Escape, Down, a ...)
 *   type TEXT                 text input
 *   wait MS                   advance the (virtual) clock
 *   scroll DY                 mouse wheel at the mouse position (positive = up; over a
 *                             chart it zooms in)
 *   resize W H                resize the window
 *   screenshot NAME           write NAME.png into the screenshot folder
 *   expect TEXT               fail unless TEXT is drawn on the current screen
 *   expect-not TEXT           fail if TEXT is drawn on the current screen
 *   expect-chart-still VIEW   fail unless the chart VIEW is on screen where it was at the
 *                             script's previous expect-chart-still VIEW (the first one
 *                             notes where it is)
 *   check-layout              fail if text on the current screen is cut off, shortened
 *                             with "…" where it must fit, or drawn over other text
 *                             (the run goes on, to report every screen; it fails at the end)
 *   print TEXT                write TEXT as a line on standard output (a marker for test drivers)
 *   hang                      stop reading the script and wait until killed (crash tests)
 *   quit                      close the program
 *
 * TEXT, and a key NAME (which may contain spaces: "Left Shift"), is the rest
 * of the line with surrounding blanks trimmed, in UTF-8. Numbers are plain
 * decimals ("12", "-3", "0.5"); wait MS is >= 0, resize W H > 0. A
 * screenshot NAME is letters, digits, '.', '_' and '-' (not starting '.').
 *
 * Parsing is pure; running the commands is the UI's job. */
#ifndef TPQUIZ_SCRIPT_H
#define TPQUIZ_SCRIPT_H

#include <stddef.h>

#include "diag.h"

typedef enum {
    SCRIPT_CLICK,
    SCRIPT_CLICK_IMAGE,
    SCRIPT_CLICK_TEXT,
    SCRIPT_DRAG,
    SCRIPT_DRAG_RIGHT,
    SCRIPT_MOVE,
    SCRIPT_KEY,
    SCRIPT_TYPE,
    SCRIPT_WAIT,
    SCRIPT_SCROLL,
    SCRIPT_RESIZE,
    SCRIPT_SCREENSHOT,
    SCRIPT_EXPECT,
    SCRIPT_EXPECT_NOT,
    SCRIPT_EXPECT_CHART_STILL,
    SCRIPT_CHECK_LAYOUT,
    SCRIPT_PRINT,
    SCRIPT_HANG,
    SCRIPT_QUIT
} ScriptOp;

typedef struct {
    ScriptOp op;
    int line;
    double num[4]; /* coordinates, milliseconds, sizes */
    char *text;    /* VIEW, TEXT, NAME; NULL if none */
} ScriptCmd;

typedef struct {
    char *path;
    ScriptCmd *cmds;
    int n;
} Script;

/* Parses a script; every bad line is reported (path:line) and skipped.
 * Returns NULL only if the file cannot be read. */
Script *script_load(const char *path, Diag *d);
Script *script_parse(const char *path, const char *buf, size_t len, Diag *d);
void script_free(Script *s);

#endif
