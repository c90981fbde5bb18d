/* grading: credit (0..1) for one response. Pure functions; see
 * docs/GRADING.md for the rules and the reasons behind them. */
#ifndef TPQUIZ_GRADING_H
#define TPQUIZ_GRADING_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "geometry.h"

/* Credit for a click in a spillover zone (an essential zone gives 1). */
#define GRADE_SPILLOVER_CREDIT 0.5

/* locate-tp: 1 within radius of target, falling linearly to 0 at 2*radius.
 * *distance (if non-NULL) gets the click's distance from the target. */
double grade_locate_tp(Vec2 click, Vec2 target, double radius, double *distance);

typedef struct {
    double credit;
    int zone;      /* index into m->zones of the zone hit, -1 if none was hit */
    ZoneKind kind; /* kind of the zone hit (essential wins over spillover);
                      meaningless when zone is -1 */
    double distance; /* from the click to the nearest given zone's edge; 0 inside;
                        -1 if the tp has no zone on that view */
} ZoneClickResult;

/* zone-click: the click against every zone of one trigger point on one view
 * (zones whose tp or view differ are ignored). Essential zone: 1; spillover
 * only: GRADE_SPILLOVER_CREDIT; outside: 0. */
ZoneClickResult grade_zone_click(Vec2 click, const Module *m, int tp, const char *view);

/* choice: 1 if exactly the correct option is chosen.
 * multi: (correct chosen - wrong chosen) / correct options, at least 0.
 * correct[i] says whether option i is right; chosen[i] whether it was picked. */
double grade_options(bool multi, const bool *correct, const bool *chosen, int n);

/* --- zone-paint --------------------------------------------------------- */

/* Default side of a paint cell in image units. On the 600 x 1400 body
 * charts (0.13 cm a unit) a cell is about half a centimetre: fine enough
 * that the smallest authored zone still covers a dozen cells, coarse enough
 * that a brush stroke fills cells without pinholes. */
#define GRADE_PAINT_CELL 4.0

/* A Grid of square cells of side cell (GRADE_PAINT_CELL if cell <= 0) over a
 * view's viewBox, from its top-left corner; the last column and row may
 * overhang the right and bottom edges. Empty (0 x 0) if the box is empty
 * or would need over 10^8 cells. */
Grid grade_paint_grid(RectD viewbox, double cell);

/* What one cell of a painted answer is, against one trigger point's zones
 * on one view. Essential wins where an essential and a spillover zone
 * overlap. */
typedef enum {
    PAINT_CELL_NONE = 0,         /* neither painted nor in a zone */
    PAINT_CELL_HIT_ESSENTIAL,    /* painted, in an essential zone */
    PAINT_CELL_HIT_SPILLOVER,    /* painted, in a spillover zone only */
    PAINT_CELL_MISSED_ESSENTIAL, /* not painted, in an essential zone */
    PAINT_CELL_MISSED_SPILLOVER, /* not painted, in a spillover zone only */
    PAINT_CELL_EXCESS            /* painted, outside every zone */
} PaintCellClass;

typedef struct {
    bool ok;       /* false: bad arguments or out of memory (everything 0) */
    double credit; /* weighted Dice overlap, 0..1 */
    int hit_essential, hit_spillover;
    int missed_essential, missed_spillover;
    int excess;
    int painted;    /* hit_essential + hit_spillover + excess */
    int zone_cells; /* essential + spillover-only cells; 0: nothing to paint */
    double spillover_weight; /* s, the weight a spillover-only cell had */
} ZonePaintResult;

/* zone-paint: painted has g->cols * g->rows entries (row-major, non-zero =
 * painted), on a grid over view's image units (grade_paint_grid). The
 * trigger point's zones on that view (tp and view as in grade_zone_click)
 * are rasterised onto the same grid; a zone polygon too small to cover any
 * cell centre marks the cell holding its centroid, so no zone vanishes.
 * With weights w = 1 for an essential cell, s for a spillover-only cell
 * and 1 for a cell outside every zone:
 *     credit = 2 * sum w(painted and in a zone)
 *              / (sum w(zone cells) + sum w(painted cells))
 * where s = GRADE_SPILLOVER_CREDIT, lowered to essential / spillover cells
 * where that is less (so the spillover zone never outweighs the essential
 * zone; docs/GRADING.md). Credit 0 when the trigger point has no zone on
 * that view or nothing is painted. Allocates a scratch grid; pure
 * otherwise. */
ZonePaintResult grade_zone_paint(const unsigned char *painted, const Grid *g, const Module *m, int tp,
                                 const char *view);

/* The same classification cell by cell: classes (g->cols * g->rows bytes,
 * caller's) gets a PaintCellClass per cell, for drawing hits, misses and
 * excess differently. Returns the counts and credit as grade_zone_paint
 * (ok false, classes untouched, on bad arguments). */
ZonePaintResult grade_zone_paint_classify(const unsigned char *painted, const Grid *g, const Module *m,
                                          int tp, const char *view, unsigned char *classes);

/* The same counts and credit for a painting given as runs of cells
 * (record.h: n_runs alternating lengths, unpainted then painted, from the
 * first cell row-major; the unpainted rest left out), without a pass over
 * the grid: each painted run is intersected with the zones' marks kept as
 * spans along each row (taken from the rasterised marks, so the numbers are
 * exactly grade_zone_paint's for any zone shape). ok false, everything 0, on
 * bad arguments: odd n_runs, a negative run, runs past the grid's end, or a
 * grid of over INT_MAX cells. Uses the calling thread's zone cache if one is
 * installed (the spans are then kept with the marks). */
ZonePaintResult grade_zone_paint_runs(const int *runs, int n_runs, const Grid *g, const Module *m, int tp,
                                      const char *view);

/* A cache of rasterised zones for grading many paintings: the marks of
 * one trigger point's zones on one view and grid are the same for every
 * learner, so a report that re-grades thousands of paintings rasterises
 * each (module, trigger point, view, grid) once. At most max_bytes of
 * marks are kept (a grid byte a cell); past that, zones are rasterised
 * for each painting as without a cache. Keys hold Module pointers: a
 * cache must not outlive the course it was used with.
 *
 * zone_cache_use installs zc for grade_zone_paint(_classify) calls made by
 * the calling thread (NULL: none) and returns the one installed before;
 * each thread has its own, and a cache is used by one thread at a time.
 * The results are the same with and without a cache. */
typedef struct ZoneCache ZoneCache;
ZoneCache *zone_cache_create(size_t max_bytes);
void zone_cache_free(ZoneCache *zc); /* also uninstalls it from the calling thread */
ZoneCache *zone_cache_use(ZoneCache *zc);

/* --- locate-all --------------------------------------------------------- */

/* locate-all: every target (a trigger point: its at and radius) is matched
 * to at most one click and every click to at most one target, choosing the
 * matching with the largest summed grade_locate_tp credit (exact, Hungarian
 * method; among equal sums, the least total distance). Returns
 *     sum of matched credits / max(n_targets, n_clicks)
 * (0 if both are 0): extra clicks lower the score. match (n_targets
 * entries, may be NULL) gets the click index matched to each target, or -1
 * for a target left without a click that earns anything (a pair worth 0
 * credit is not a match). All clicks in the targets' view's image units.
 * Returns 0 with every match -1 if memory runs out. */
double grade_locate_all(const Vec2 *clicks, int n_clicks, const TriggerPoint *const *targets,
                        int n_targets, int *match);

#endif
