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
 * copies from the cached tile and only a zoom step or a pan past the tile
 * rasterises again. False (and a one-time message on stderr) if the file
 * cannot be loaded. */
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

/* Trigger point as an X (the convention of referral charts), with its
 * tolerance circle if show_radius. */
void chart_draw_tp(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, SDL_Color c,
                   bool show_radius, float ui_scale);
/* Referral zone: essential solid, spillover stippled; outline either way. */
void chart_draw_zone(Ren *ren, const ChartLayout *l, const Zone *z, float ui_scale);
/* A learner's click: a ring with a dot, in c. */
void chart_draw_click(Ren *ren, const ChartLayout *l, Vec2 p, SDL_Color c, float ui_scale);
/* Patient's Right / Left at the chart's sides (front views mirror). */
void chart_draw_sides(Ren *ren, const ChartLayout *l, const char *view);
/* A small text label next to an image point, on a white backing: to its
 * right if side >= 0, else to its left (it moves over if it would leave
 * the chart). */
void chart_draw_label(Ren *ren, const ChartLayout *l, Vec2 p, const char *text, int side, float ui_scale);
/* Labels for n points at once, placed so that they do not overlap each other
 * or the points' marks: each tries the right, then the left, then moves a line
 * down or up, with a leader line to its mark. */
void chart_draw_labels(Ren *ren, const ChartLayout *l, const Vec2 *pts, const char *const *texts, int n,
                       float ui_scale);

#endif
