/* paint: a round brush on a chart. The painted cells live on a Grid over
 * the view's image units (grade_paint_grid), so what is painted is graded
 * and ranked on the same cells the program draws: a dab marks the cells
 * whose centres lie under its round footprint. Drawing turns the cells into
 * smooth anti-aliased shapes at screen resolution (their contour, paint.c),
 * into a texture the size of the chart on screen that is filled again only
 * when the cells or the chart's place changed, so a frame costs one copy. */
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
    int tex_w, tex_h;
    bool dirty;     /* cells changed since the texture was filled */
    /* What the texture shows: the layout, the cells drawn (p->cells or an
     * answer's classes) and the UI scale it was drawn for. */
    ChartLayout drawn;
    const void *drawn_key;
    float drawn_scale;
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
/* Draws the painted cells over the chart as smooth shapes in c (alpha used
 * as given), with a firmer edge. */
void paint_draw(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, SDL_Color c, float ui_scale);
/* Draws cells by class (grade_zone_paint_classify) as smooth shapes: hits
 * solid green, missed zone hatched red, excess a light blue wash with a blue
 * edge — distinct by pattern as well as colour. */
void paint_draw_classes(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *classes,
                        float ui_scale);
/* The brush's outline at the mouse (window point mx, my) when it is over
 * the chart: its size as it will paint (grey when erasing). */
void paint_draw_brush(const PaintCanvas *p, Ren *ren, const ChartLayout *l, int mx, int my, float ui_scale);

#endif
