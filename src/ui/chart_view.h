/* chart_view: zoom and pan on a chart screen.
 *
 * Every chart on screen is laid out through chart_view_layout, which first
 * applies the frame's zoom and pan input to that chart's view state and
 * then returns the zoomed ChartLayout that drawing and click grading share
 * (so a click is graded in image units whatever the zoom). Input: the
 * mouse wheel and + / - (keypad too) zoom about the pointer (the keys about
 * the chart's centre when the pointer is elsewhere); dragging moves the
 * chart (the left button, or the right or middle one where the left one
 * paints); the arrow keys move it where a screen does not use them; 0 or
 * the Reset view button returns to the chart's opening view. A press that
 * moves more than a few points is a drag and never an answer click.
 *
 * The state is kept per owner (a module, or a screen for its own charts)
 * and view: a module keeps its zoom while it is worked on, and another
 * module opens on its own view (its close-up on a whole-body chart, the
 * whole chart on a regional one), so nothing carries over between muscles. */
#ifndef TPQUIZ_CHART_VIEW_H
#define TPQUIZ_CHART_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "chart.h"
#include "course.h"
#include "layout.h"

#define CHART_VIEW_STATES 24

typedef struct {
    const void *owner; /* NULL: a free slot */
    char view[64];
    bool whole;  /* opening choice: the whole chart, not the close-up */
    bool custom; /* zoomed or moved by the learner: z holds the view */
    LayoutZoom z;
    unsigned long used;
} ChartViewState;

enum {
    CHART_VIEW_PAINT = 1,     /* the left button paints: pan with right or middle drag */
    CHART_VIEW_ARROWS = 2,    /* the arrow keys pan (the screen does not use them) */
    CHART_VIEW_NO_TOGGLE = 4, /* open on focus but offer no Whole body toggle */
};

typedef struct {
    ChartViewState s[CHART_VIEW_STATES];
    unsigned long tick;
    /* The chart laid out last in this frame, its controls and its input. */
    ChartViewState *cur;
    ChartLayout cur_layout;
    RectD cur_focus;
    bool cur_has_focus;
    int cur_flags;
    SDL_Rect controls;                                /* all of them */
    SDL_Rect b_reset, b_out, b_level, b_in, b_toggle; /* b_toggle.w 0: none */
    /* A press on a chart: a drag once it moves. */
    ChartViewState *drag;
    bool drag_alt, drag_moved;
    int drag_x, drag_y;
    LayoutZoom drag_from;
} ChartViews;

struct App;

/* Lays out owner's chart of view v in area after applying this frame's
 * zoom and pan input to it. focus: the close-up region of a whole-body
 * chart (offered with a Whole body / Close-up toggle, and the opening
 * view), NULL for none. flags: CHART_VIEW_*. Notes the chart for the
 * script's click-image. */
ChartLayout chart_view_layout(struct App *a, const void *owner, const View *v, SDL_Rect area,
                              const RectD *focus, int flags);
/* Draws the controls of the chart laid out last (zoom out, level, zoom in,
 * Reset view, the toggle) and the hint on how to move it; acts on their
 * clicks. Call after drawing the chart. */
void chart_view_controls(struct App *a);
/* Whether output pixel (x, y) is on those controls (a click there is not
 * an answer on the chart). */
bool chart_view_on_controls(const struct App *a, int x, int y);
/* Moves the chart laid out last, if needed, so that image point p is on
 * screen (the keyboard crosshair stays in sight). */
void chart_view_reveal(struct App *a, Vec2 p);

#endif
