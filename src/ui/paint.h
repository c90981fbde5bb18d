/* paint: a brush on a chart. The painted cells live on a Grid over the
 * view's image units (grade_paint_grid), so what is painted is graded and
 * ranked on the same cells the program draws. Drawing uploads the cells to
 * a small texture only when they changed and stretches it over the chart,
 * so a full canvas costs one copy a frame. */
#ifndef TPQUIZ_PAINT_H
#define TPQUIZ_PAINT_H

#include <SDL.h>
#include <stdbool.h>

#include "chart.h"
#include "grading.h"
#include "ui.h"

#define PAINT_UNDO 24

typedef struct {
    Grid grid;
    RectD viewbox;
    unsigned char *cells;
    unsigned char *undo[PAINT_UNDO]; /* snapshots before each stroke, oldest first */
    int n_undo;
    double brush;   /* radius in image units */
    bool erase;
    bool stroking;
    Vec2 last;
    SDL_Texture *tex;
    bool dirty;     /* cells changed since the texture was filled */
} PaintCanvas;

/* A canvas over viewbox with the default cell; false if out of memory. */
bool paint_init(PaintCanvas *p, RectD viewbox);
void paint_free(PaintCanvas *p);
void paint_clear(PaintCanvas *p);
bool paint_undo(PaintCanvas *p);
int paint_count(const PaintCanvas *p);

/* Handles the mouse over the chart (press, drag, release paint or erase
 * with the brush). Returns true when a stroke ended this frame. */
bool paint_input(PaintCanvas *p, Ui *ui, const ChartLayout *l);
/* Paints (or erases) one dab of the brush at an image point: the keyboard
 * way to paint. */
void paint_dab(PaintCanvas *p, Vec2 at);
/* Draws the painted cells over the chart in c (alpha used as given). */
void paint_draw(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, SDL_Color c);
/* Draws cells by class (grade_zone_paint_classify): hits solid green,
 * missed zone hatched red, excess dotted blue — distinct by pattern as well
 * as colour. */
void paint_draw_classes(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *classes);

#endif
