/* svgview: what the program needs to know about a chart SVG without
 * rendering it: its viewBox, and whether it relies on elements the
 * chart renderer (nanosvg) ignores. */
#ifndef TPQUIZ_SVGVIEW_H
#define TPQUIZ_SVGVIEW_H

#include <stdbool.h>

#include "diag.h"
#include "geometry.h"

typedef struct {
    RectD viewbox;
    int text_line; /* line of the first <text>, 0 if none */
    int use_line;  /* line of the first <use>, 0 if none */
    /* Real-body scale, from the root's data-cm-per-unit attribute: how many
     * centimetres of an average adult one user unit stands for (the program
     * tells learners how far off a click was in cm). 0 if not given. */
    double cm_per_unit;
} SvgInfo;

/* Reads the root <svg> element. Returns 0 on success; on failure reports
 * "path:line: error: ..." (unreadable, not SVG, no or bad viewBox) and
 * returns -1. <text> and <use> are reported as errors too, but the viewBox
 * is still filled in (return 0). */
int svgview_inspect(const char *path, SvgInfo *out, Diag *d);

/* The same over a buffer (for tests and fuzzing). */
int svgview_inspect_buffer(const char *path, const char *buf, size_t len, SvgInfo *out, Diag *d);

#endif
