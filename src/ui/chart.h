/* chart: body charts on screen.
 *
 * A ChartLayout fits a view's viewBox into a screen rectangle (aspect kept,
 * centred) and converts between image units and output pixels; drawing and
 * click handling use the same layout. The maths is core's layout.c (tested
 * there without SDL); these are its SDL-typed faces. SVGs are rasterised at the exact
 * on-screen size (sharp at any window size and on HiDPI) and cached per
 * file and size, so an unchanged screen costs no rasterising. */
#ifndef TPQUIZ_CHART_H
#define TPQUIZ_CHART_H

#include <SDL.h>
#include <stdbool.h>

#include "course.h"
#include "geometry.h"
#include "layout.h"
#include "render.h"

typedef struct {
    SDL_Rect area;  /* the rectangle given */
    SDL_Rect image; /* where the viewBox lands, inside area */
    RectD viewbox;  /* the part of the view on screen, in image units */
    double scale;   /* pixels per image unit */
    RectD full;     /* the whole view (zoomed: more than viewbox) */
} ChartLayout;

ChartLayout chart_layout(SDL_Rect area, RectD viewbox);
/* A close-up: the part of full around focus, grown to the area's shape
 * (so the chart fills it) and kept inside full. */
ChartLayout chart_layout_focus(SDL_Rect area, RectD full, RectD focus);
/* The region of a view a module's trigger points and zones occupy, with a
 * margin, at least min_frac of the view's height; full if nothing is there. */
RectD chart_module_region(const Module *m, const char *view, RectD full, double min_frac);
/* The view full in area at zoom z (see layout.h's layout_zoomed). */
ChartLayout chart_layout_zoomed(SDL_Rect area, RectD full, LayoutZoom z);
SDL_FPoint chart_to_screen(const ChartLayout *l, Vec2 p);
Vec2 chart_to_image(const ChartLayout *l, int x, int y);
bool chart_hit(const ChartLayout *l, int x, int y);

typedef struct ChartCache ChartCache;

ChartCache *chart_cache_create(SDL_Renderer *r);
void chart_cache_free(ChartCache *c);

/* Draws the part of the SVG file that l->viewbox covers over l->image
 * (the file's root viewBox is replaced, so close-ups are as sharp as the
 * whole view). The file is rasterised at l->scale: all of l->full when that
 * is small enough, else a tile of it around what is on screen, so panning
 * copies from the cached tile; the next tile is made ahead on a worker
 * thread, so only a zoom step rasterises in the frame. False (and a
 * one-time message on stderr) if the file cannot be loaded. */
bool chart_draw_svg(ChartCache *c, const char *path, const ChartLayout *l);
/* A new zoom level is first rasterised just as far as it is on screen (a
 * zoom step stays quick); after the learner zoomed, ask for the tiles to be
 * refined to pan tiles on the next idle frame. */
void chart_cache_refine_later(ChartCache *c);
/* At the start of a frame: whether nothing is waiting (the refining is
 * done then, not while input is pending). */
void chart_cache_frame(ChartCache *c, bool idle);
/* Whether refining is still to be done (another frame is wanted). */
bool chart_cache_wants_frame(const ChartCache *c);
/* Pan tiles are made ahead of need on a worker thread; a pan that outruns
 * it shows the chart blurry until its tile is done (an event wakes the
 * event loop then). Scripts wait for them before a screenshot: whether a
 * tile was done (draw again to show it). */
bool chart_caches_settle(void);

/* A muscle overlay over l->image in the charts' visual language (core
 * overlay_style): the muscle tone, hatched if deep (the module lists the
 * view in deep_views). */
bool chart_draw_overlay(ChartCache *c, const char *path, const ChartLayout *l, bool deep, float ui_scale);

/* Trigger point as an X (the convention of referral charts), with its
 * tolerance circle if show_radius. */
void chart_draw_tp(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, SDL_Color c,
                   bool show_radius, float ui_scale);
/* The ring that marks the selected trigger point (drawn under its X). */
void chart_draw_selected(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, float ui_scale);
/* Referral zone: essential solid, spillover stippled; outline either way. */
void chart_draw_zone(Ren *ren, const ChartLayout *l, const Zone *z, float ui_scale);
/* A learner's click: a ring with a dot, in c. */
void chart_draw_click(Ren *ren, const ChartLayout *l, Vec2 p, SDL_Color c, float ui_scale);
/* Patient's Right / Left at the chart's sides (front views mirror). */
void chart_draw_sides(Ren *ren, const ChartLayout *l, const char *view);
/* The rectangles chart_draw_sides writes R and L into: 0 or 2 of them. */
int chart_sides_rects(Ren *ren, const ChartLayout *l, const char *view, SDL_Rect out[2]);
/* What labels keep clear of besides each other and their own X marks:
 * other X marks (image units), rectangles (window pixels: the chart's
 * buttons, its side letters), and, where they can, the zones drawn (image
 * units). Any part may be empty. */
typedef struct {
    const Vec2 *others;
    int n_others;
    const SDL_Rect *avoid;
    int n_avoid;
    const Polygon *zones;
    int n_zones;
} ChartMarks;

/* Labels for the n points pts (image units) at once, placed by core
 * labels_place: none overlaps another, an X or a rectangle in around, or
 * leaves the chart's area, and they keep off the zones where they can; a
 * label that had to move from beside its X gets a leader line. */
void chart_draw_labels(Ren *ren, const ChartLayout *l, const Vec2 *pts, const char *const *texts, int n,
                       const ChartMarks *around, float ui_scale);

/* The one legend of every chart screen (docs/CHARTS.md): trigger point,
 * selected point, muscle, deep muscle, essential and spillover zone, each a
 * swatch drawn as the chart draws it. Its entries wrap into at most
 * CHART_LEGEND_ROWS rows of r.w; chart_legend_height is the height to keep
 * for it. */
#define CHART_LEGEND_ROWS 2
int chart_legend_height(Ren *ren);
void chart_draw_legend(Ren *ren, SDL_Rect r);

#endif
