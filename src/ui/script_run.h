/* script_run: runs a --script against the program (src/core/script.h has
 * the language). */
#ifndef TPQUIZ_SCRIPT_RUN_H
#define TPQUIZ_SCRIPT_RUN_H

#include "screens.h"
#include "script.h"

/* Runs the script's commands until the end, `quit` or a window close;
 * screenshots go to shots (NULL: the current folder). Returns the exit
 * status: 0, or 1 for a failed expectation or command (reported on stderr
 * with the text on screen and a screenshot). */
int script_run(App *a, const Script *s, const char *shots);

#endif
