/* table: a sortable table's heading row and cells. Layout first
 * (table_layout_columns gives each column its x and width), then the
 * heading and the cells are drawn and clicked in those same rectangles. */
#ifndef TPQUIZ_TABLE_H
#define TPQUIZ_TABLE_H

#include <SDL.h>
#include <stdbool.h>

#include "render.h"
#include "ui.h"

typedef struct {
    const char *label;
    int min_w;  /* points */
    float grow; /* share of the width left over */
    bool right; /* numbers: right-aligned */
} TableColumn;

/* Column x positions and widths over width w (pixels): each column at
 * least its minimum (and never narrower than its heading with the sort
 * arrow; a two-word heading may take two lines), the rest shared by grow;
 * too narrow for the minimums, all shrink alike. A cell's text too long for
 * its column takes a second line where the row has room. */
void table_layout_columns(Ren *ren, const Ui *ui, const TableColumn *cols, int n, int x, int w, int *xs, int *ws);

/* The heading row in r: each heading sorts by its column (again: the other
 * way; *sort is the column, *dir +1 ascending, -1 descending). what names
 * the table for scripts ("Sort learners by Name"). True when the sort
 * changed (the caller redraws). */
bool table_header(Ren *ren, Ui *ui, SDL_Rect r, const TableColumn *cols, int n, const int *xs, const int *ws,
                  int *sort, int *dir, const char *what);

/* Two lines in a cell: a main text and a smaller one (sub, may be NULL or
 * "") under it, right-aligned for numbers. */
void table_cell_text(Ren *ren, const Ui *ui, SDL_Rect cell, bool right, FontId f, SDL_Color c,
                     const char *main_text, SDL_Color sub_c, const char *sub);

#endif
