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
    /* The body outline: the polygons of the element <path id="tpquiz-body"
     * d="M x,y L x,y ... Z M ... Z"/> (absolute M, L and Z only), one per
     * subpath, each closed. A point is on the body if it lies inside any of
     * them. NULL / 0 if the file has none (or a broken one, which is reported
     * as an error). Owned by the SvgInfo: free with svgview_info_free. */
    Polygon *outline;
    int n_outline;
    /* Each outline polygon's edges in bands (geom_bands_build), for
     * svgview_on_outline; NULL if they could not be made (it then tests
     * every edge). */
    PolygonBands *outline_bands;
    int outline_line; /* line of the outline element, 0 if none */
} SvgInfo;

/* The id of the body outline element in a chart. */
#define SVGVIEW_OUTLINE_ID "tpquiz-body"
/* Most points a body outline may have, over all its subpaths. */
#define SVGVIEW_OUTLINE_MAX_POINTS 5000

/* Reads the file (datafile_read_capped), checks it is well-formed XML
 * without a DOCTYPE (xmlcheck_chart), then reads the root <svg> element as
 * svgview_inspect_buffer does. Returns 0 on success; on failure reports
 * "path:line: error: ..." (unreadable, not XML, not SVG, no or bad viewBox) and
 * returns -1. <text> and <use> are reported as errors too, but the viewBox
 * is still filled in (return 0); so is a malformed body outline, which is
 * then left out. out may own memory afterwards, also after -1: call
 * svgview_info_free. */
int svgview_inspect(const char *path, SvgInfo *out, Diag *d);

/* The same over a buffer, without the XML check (for tests and fuzzing). */
int svgview_inspect_buffer(const char *path, const char *buf, size_t len, SvgInfo *out, Diag *d);

/* Frees what an SvgInfo owns (its outline) and empties it; NULL is fine. */
void svgview_info_free(SvgInfo *info);

/* True if p lies inside one of info's outline polygons or within tolerance
 * units of one's edge. */
bool svgview_on_outline(const SvgInfo *info, Vec2 p, double tolerance);

#endif
