/* chart_png: a chart (with a muscle overlay) rendered to PNG in memory,
 * for exports that embed the picture (the Moodle question bank). */
#ifndef TPQUIZ_CHART_PNG_H
#define TPQUIZ_CHART_PNG_H

#include <stddef.h>

#include "diag.h"

/* Renders the SVG chart at w x h pixels on white, draws overlay (if not
 * NULL) over it, and encodes the picture as PNG into a new buffer *png of
 * *len bytes (free it). Both files are read as charts (datafile.h caps).
 * 0, or -1 with the reason in d. The signature fits MoodleRender. */
int chart_png(void *ctx, const char *chart, const char *overlay, int w, int h, unsigned char **png, size_t *len,
              Diag *d);

#endif
