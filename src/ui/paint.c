#include "paint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "theme.h"

bool paint_init(PaintCanvas *p, RectD viewbox)
{
    memset(p, 0, sizeof *p);
    p->viewbox = viewbox;
    p->grid = grade_paint_grid(viewbox, 0);
    p->cells = calloc((size_t)p->grid.cols * (size_t)p->grid.rows, 1);
    p->brush = viewbox.w / 40;
    return p->cells != NULL;
}

void paint_free(PaintCanvas *p)
{
    free(p->cells);
    for (int i = 0; i < p->n_undo; i++)
        free(p->undo[i]);
    if (p->tex)
        SDL_DestroyTexture(p->tex);
    memset(p, 0, sizeof *p);
}

static size_t n_cells(const PaintCanvas *p)
{
    return (size_t)p->grid.cols * (size_t)p->grid.rows;
}

static void snapshot(PaintCanvas *p)
{
    unsigned char *s = malloc(n_cells(p));
    if (!s)
        return; /* no undo for this stroke: painting still works */
    memcpy(s, p->cells, n_cells(p));
    if (p->n_undo == PAINT_UNDO) {
        free(p->undo[0]);
        memmove(p->undo, p->undo + 1, sizeof *p->undo * (PAINT_UNDO - 1));
        p->n_undo--;
    }
    p->undo[p->n_undo++] = s;
}

void paint_clear(PaintCanvas *p)
{
    if (paint_count(p) == 0)
        return;
    snapshot(p);
    memset(p->cells, 0, n_cells(p));
    p->dirty = true;
}

bool paint_undo(PaintCanvas *p)
{
    if (p->n_undo == 0)
        return false;
    unsigned char *s = p->undo[--p->n_undo];
    memcpy(p->cells, s, n_cells(p));
    free(s);
    p->dirty = true;
    return true;
}

int paint_count(const PaintCanvas *p)
{
    int n = 0;
    for (size_t i = 0; i < n_cells(p); i++)
        n += p->cells[i] != 0;
    return n;
}

void paint_dab(PaintCanvas *p, Vec2 at)
{
    const Grid *g = &p->grid;
    double r = p->brush;
    int c0 = (int)floor((at.x - r - g->origin.x) / g->cell), c1 = (int)floor((at.x + r - g->origin.x) / g->cell);
    int r0 = (int)floor((at.y - r - g->origin.y) / g->cell), r1 = (int)floor((at.y + r - g->origin.y) / g->cell);
    for (int row = r0 < 0 ? 0 : r0; row <= r1 && row < g->rows; row++)
        for (int col = c0 < 0 ? 0 : c0; col <= c1 && col < g->cols; col++) {
            double cx = g->origin.x + (col + 0.5) * g->cell, cy = g->origin.y + (row + 0.5) * g->cell;
            if ((cx - at.x) * (cx - at.x) + (cy - at.y) * (cy - at.y) <= r * r) {
                p->cells[(size_t)row * (size_t)g->cols + (size_t)col] = p->erase ? 0 : 1;
                p->dirty = true;
            }
        }
}

/* Dabs along the segment so a fast stroke leaves no gaps. */
static void dab_line(PaintCanvas *p, Vec2 a, Vec2 b)
{
    double len = geom_distance(a, b), step = p->brush / 2;
    int n = step > 0 ? (int)(len / step) + 1 : 1;
    for (int i = 0; i <= n; i++) {
        double t = n ? (double)i / n : 0;
        paint_dab(p, (Vec2){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
}

bool paint_input(PaintCanvas *p, Ui *ui, const ChartLayout *l)
{
    bool ended = false;
    bool in_chart = chart_hit(l, ui->press_x, ui->press_y);
    if (ui->pressed && in_chart) {
        snapshot(p);
        p->stroking = true;
        p->last = chart_to_image(l, ui->press_x, ui->press_y);
        paint_dab(p, p->last);
    }
    if (p->stroking) {
        int x = ui->released ? ui->release_x : ui->mx, y = ui->released ? ui->release_y : ui->my;
        Vec2 now = chart_to_image(l, x, y);
        dab_line(p, p->last, now);
        p->last = now;
        if (ui->released || !ui->down) {
            p->stroking = false;
            ended = true;
        }
    }
    return ended;
}

/* The source rectangle, in cells, that the layout's viewbox covers. */
static SDL_Rect cell_rect(const PaintCanvas *p, const ChartLayout *l)
{
    const Grid *g = &p->grid;
    return (SDL_Rect){(int)floor((l->viewbox.x - g->origin.x) / g->cell),
                      (int)floor((l->viewbox.y - g->origin.y) / g->cell), (int)ceil(l->viewbox.w / g->cell),
                      (int)ceil(l->viewbox.h / g->cell)};
}

static bool ensure_texture(PaintCanvas *p, SDL_Renderer *r)
{
    if (p->tex)
        return true;
    p->tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STREAMING, p->grid.cols, p->grid.rows);
    if (!p->tex)
        return false;
    SDL_SetTextureBlendMode(p->tex, SDL_BLENDMODE_BLEND);
    p->dirty = true;
    return true;
}

static void copy_over_chart(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l)
{
    SDL_Rect src = cell_rect(p, l);
    /* The destination matches the source's extent in image units exactly. */
    const Grid *g = &p->grid;
    Vec2 o = {g->origin.x + src.x * g->cell, g->origin.y + src.y * g->cell};
    SDL_FPoint a = chart_to_screen(l, o);
    SDL_FPoint b = chart_to_screen(l, (Vec2){o.x + src.w * g->cell, o.y + src.h * g->cell});
    SDL_FRect dst = {a.x, a.y, b.x - a.x, b.y - a.y};
    SDL_RenderSetClipRect(r, &l->image);
    SDL_RenderCopyF(r, p->tex, &src, &dst);
    SDL_RenderSetClipRect(r, NULL);
}

void paint_draw(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, SDL_Color c)
{
    if (!ensure_texture(p, r))
        return;
    if (p->dirty) {
        void *pixels;
        int pitch;
        if (SDL_LockTexture(p->tex, NULL, &pixels, &pitch) == 0) {
            for (int row = 0; row < p->grid.rows; row++) {
                Uint8 *px = (Uint8 *)pixels + (size_t)row * (size_t)pitch;
                const unsigned char *cells = p->cells + (size_t)row * (size_t)p->grid.cols;
                for (int col = 0; col < p->grid.cols; col++, px += 4) {
                    px[0] = c.r;
                    px[1] = c.g;
                    px[2] = c.b;
                    px[3] = cells[col] ? c.a : 0;
                }
            }
            SDL_UnlockTexture(p->tex);
            p->dirty = false;
        }
    }
    copy_over_chart(p, r, l);
}

void paint_draw_classes(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *classes)
{
    if (!ensure_texture(p, r))
        return;
    void *pixels;
    int pitch;
    if (SDL_LockTexture(p->tex, NULL, &pixels, &pitch) != 0)
        return;
    for (int row = 0; row < p->grid.rows; row++) {
        Uint8 *px = (Uint8 *)pixels + (size_t)row * (size_t)pitch;
        for (int col = 0; col < p->grid.cols; col++, px += 4) {
            SDL_Color c = {0, 0, 0, 0};
            switch (classes[(size_t)row * (size_t)p->grid.cols + (size_t)col]) {
            case PAINT_CELL_HIT_ESSENTIAL:
            case PAINT_CELL_HIT_SPILLOVER:
                c = COLA(0x2E, 0x7D, 0x32, 0xC0); /* solid: right */
                break;
            case PAINT_CELL_MISSED_ESSENTIAL:
            case PAINT_CELL_MISSED_SPILLOVER:
                if ((row + col) % 3 == 0) /* diagonal hatch: missed */
                    c = COLA(0xC6, 0x28, 0x28, 0xE0);
                break;
            case PAINT_CELL_EXCESS:
                if (row % 2 == 0 && col % 2 == 0) /* dots: painted outside the pattern */
                    c = COLA(0x1D, 0x3F, 0xA8, 0xF0);
                break;
            default:
                break;
            }
            px[0] = c.r;
            px[1] = c.g;
            px[2] = c.b;
            px[3] = c.a;
        }
    }
    SDL_UnlockTexture(p->tex);
    p->dirty = true; /* the next paint_draw refills it */
    copy_over_chart(p, r, l);
}
