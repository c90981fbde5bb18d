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

/* ---- drawing at screen resolution ----
 *
 * The cells are what is graded, but square cells stretched over the chart
 * look like a mosaic. So each kind of cell (painted; or hit, missed, outside
 * after the answer) is drawn as the smooth contour of its cells: a field
 * that is 1 on a cell of that kind and 0 elsewhere, softened a little
 * ([1 6 1]/8 each way, so a lone cell still shows), is sampled per screen
 * pixel bilinearly between cell centres, and the pixel is inside where the
 * field passes 1/2, with one pixel of anti-aliasing. A straight edge of
 * cells stays exactly on the cell border, corners and stair steps round
 * off: what is drawn is what is graded, to within a fraction of a cell. */

/* The softened field of the cells whose value has its bit in kinds. */
static float *kind_field(const Grid *g, const unsigned char *cells, unsigned kinds)
{
    size_t n = (size_t)g->cols * (size_t)g->rows;
    float *a = malloc(sizeof *a * n), *b = malloc(sizeof *b * n);
    if (!a || !b) {
        free(a);
        free(b);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = cells[i] < 32 && (kinds >> cells[i] & 1u) ? 1.0f : 0.0f;
    for (int r = 0; r < g->rows; r++) /* rows: a -> b */
        for (int c = 0; c < g->cols; c++) {
            const float *row = a + (size_t)r * (size_t)g->cols;
            float l = c > 0 ? row[c - 1] : 0, m = row[c], rr = c + 1 < g->cols ? row[c + 1] : 0;
            b[(size_t)r * (size_t)g->cols + (size_t)c] = (l + 6 * m + rr) / 8;
        }
    for (int r = 0; r < g->rows; r++) /* columns: b -> a */
        for (int c = 0; c < g->cols; c++) {
            size_t i = (size_t)r * (size_t)g->cols + (size_t)c;
            float u = r > 0 ? b[i - (size_t)g->cols] : 0, d = r + 1 < g->rows ? b[i + (size_t)g->cols] : 0;
            a[i] = (u + 6 * b[i] + d) / 8;
        }
    free(b);
    return a;
}

static float field_at(const Grid *g, const float *f, double fx, double fy)
{
    int c0 = (int)floor(fx), r0 = (int)floor(fy);
    float tx = (float)(fx - c0), ty = (float)(fy - r0);
    float v[4];
    for (int k = 0; k < 4; k++) {
        int c = c0 + (k & 1), r = r0 + (k >> 1);
        v[k] = c >= 0 && r >= 0 && c < g->cols && r < g->rows ? f[(size_t)r * (size_t)g->cols + (size_t)c] : 0;
    }
    return (v[0] * (1 - tx) + v[1] * tx) * (1 - ty) + (v[2] * (1 - tx) + v[3] * tx) * ty;
}

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* One kind of cell as drawn: its fill (hatched in stripes when hatch), its
 * edge line, both in colours with alpha. */
typedef struct {
    unsigned kinds;
    SDL_Color fill, edge;
    bool hatch;
} PaintLayer;

/* "Source over" of colour c at coverage a onto the premultiplied pixel. */
static void over(float px[4], SDL_Color c, float a)
{
    float ca = a * (float)c.a / 255;
    px[0] = px[0] * (1 - ca) + (float)c.r / 255 * ca;
    px[1] = px[1] * (1 - ca) + (float)c.g / 255 * ca;
    px[2] = px[2] * (1 - ca) + (float)c.b / 255 * ca;
    px[3] = px[3] * (1 - ca) + ca;
}

/* The part of the chart image that is on screen. */
static SDL_Rect visible_rect(const ChartLayout *l)
{
    SDL_Rect v;
    if (!SDL_IntersectRect(&l->image, &l->area, &v))
        v = (SDL_Rect){l->image.x, l->image.y, 0, 0};
    return v;
}

/* Fills the screen texture with the layers over the visible chart; true if
 * there is something to copy. */
static bool render_layers(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *cells,
                          const PaintLayer *layers, int n_layers, float ui_scale)
{
    SDL_Rect vis = visible_rect(l);
    if (vis.w <= 0 || vis.h <= 0)
        return false;
    if (p->tex && (p->tex_w != vis.w || p->tex_h != vis.h)) {
        SDL_DestroyTexture(p->tex);
        p->tex = NULL;
    }
    if (!p->tex) {
        p->tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STREAMING, vis.w, vis.h);
        if (!p->tex)
            return false;
        p->tex_w = vis.w;
        p->tex_h = vis.h;
        SDL_SetTextureBlendMode(p->tex, SDL_BLENDMODE_BLEND);
    }
    const Grid *g = &p->grid;
    float *field[4] = {NULL, NULL, NULL, NULL};
    for (int k = 0; k < n_layers && k < 4; k++)
        if (!(field[k] = kind_field(g, cells, layers[k].kinds))) {
            for (int j = 0; j < k; j++)
                free(field[j]);
            return false;
        }
    void *pixels;
    int pitch;
    if (SDL_LockTexture(p->tex, NULL, &pixels, &pitch) != 0) {
        for (int k = 0; k < n_layers && k < 4; k++)
            free(field[k]);
        return false;
    }
    /* Field units per pixel: the field rises by about 1/2 per cell at an
     * edge, so the 1/2 crossing is blurred over one pixel with this slope. */
    double units_per_px = 1 / l->scale;
    float slope = (float)(g->cell / units_per_px); /* pixels per cell */
    float edge_w = 1.4f * ui_scale;                 /* the edge line, pixels */
    float stripe = 7 * ui_scale;                    /* hatch period, pixels */
    for (int y = 0; y < vis.h; y++) {
        Uint8 *row = (Uint8 *)pixels + (size_t)y * (size_t)pitch;
        double iy = l->viewbox.y + ((double)(vis.y - l->image.y) + y + 0.5) * units_per_px;
        double fy = (iy - g->origin.y) / g->cell - 0.5;
        for (int x = 0; x < vis.w; x++) {
            double ix = l->viewbox.x + ((double)(vis.x - l->image.x) + x + 0.5) * units_per_px;
            double fx = (ix - g->origin.x) / g->cell - 0.5;
            float px[4] = {0, 0, 0, 0};
            for (int k = 0; k < n_layers && k < 4; k++) {
                float v = field_at(g, field[k], fx, fy);
                if (v <= 0.02f)
                    continue;
                /* distance to the contour in pixels, + inside */
                float d = (v - 0.5f) * 2 * slope;
                float inside = clamp01(d + 0.5f);
                float a = inside;
                if (layers[k].hatch) {
                    float t = fmodf((float)(x + vis.x + y + vis.y), stripe) / stripe; /* 0..1 across a stripe */
                    float band = fabsf(t - 0.5f) * stripe;                          /* pixels from its middle */
                    a *= clamp01(stripe * 0.22f - band + 0.5f);
                }
                over(px, layers[k].fill, a);
                if (layers[k].edge.a)
                    over(px, layers[k].edge, clamp01(edge_w / 2 - fabsf(d) + 0.5f));
            }
            Uint8 *o = row + 4 * x;
            float alpha = px[3];
            o[0] = (Uint8)(alpha > 0 ? px[0] / alpha * 255 + 0.5f : 0);
            o[1] = (Uint8)(alpha > 0 ? px[1] / alpha * 255 + 0.5f : 0);
            o[2] = (Uint8)(alpha > 0 ? px[2] / alpha * 255 + 0.5f : 0);
            o[3] = (Uint8)(alpha * 255 + 0.5f);
        }
    }
    SDL_UnlockTexture(p->tex);
    for (int k = 0; k < n_layers && k < 4; k++)
        free(field[k]);
    return true;
}

/* Redraws the texture only when the cells, the kind of drawing or the
 * chart's place changed, then copies it over the chart. */
static void draw_layers(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *cells,
                        const PaintLayer *layers, int n_layers, const void *key, float ui_scale)
{
    bool same = !p->dirty && p->tex && p->drawn_key == key && p->drawn_scale == ui_scale &&
                SDL_RectEquals(&p->drawn.image, &l->image) && SDL_RectEquals(&p->drawn.area, &l->area) &&
                p->drawn.viewbox.x == l->viewbox.x && p->drawn.viewbox.y == l->viewbox.y &&
                p->drawn.scale == l->scale;
    if (!same) {
        if (!render_layers(p, r, l, cells, layers, n_layers, ui_scale))
            return;
        p->dirty = false;
        p->drawn = *l;
        p->drawn_key = key;
        p->drawn_scale = ui_scale;
    }
    SDL_Rect vis = visible_rect(l);
    SDL_RenderCopy(r, p->tex, NULL, &vis);
}

void paint_draw(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, SDL_Color c, float ui_scale)
{
    SDL_Color edge = {c.r, c.g, c.b, (Uint8)(c.a + (255 - c.a) / 2)};
    PaintLayer layer = {1u << 1, c, edge, false};
    draw_layers(p, r, l, p->cells, &layer, 1, p->cells, ui_scale);
}

void paint_draw_classes(PaintCanvas *p, SDL_Renderer *r, const ChartLayout *l, const unsigned char *classes,
                        float ui_scale)
{
    const PaintLayer layers[] = {
        /* outside the pattern: a light blue wash with a firm blue edge */
        {1u << PAINT_CELL_EXCESS, COLA(0x1D, 0x3F, 0xA8, 0x48), COLA(0x1D, 0x3F, 0xA8, 0xF0), false},
        /* missed: red hatching with a red edge */
        {1u << PAINT_CELL_MISSED_ESSENTIAL | 1u << PAINT_CELL_MISSED_SPILLOVER, COLA(0xC6, 0x28, 0x28, 0xD8),
         COLA(0xC6, 0x28, 0x28, 0xC0), true},
        /* right: solid green */
        {1u << PAINT_CELL_HIT_ESSENTIAL | 1u << PAINT_CELL_HIT_SPILLOVER, COLA(0x2E, 0x7D, 0x32, 0xC0),
         COLA(0x1B, 0x5E, 0x20, 0xE0), false},
    };
    draw_layers(p, r, l, classes, layers, 3, classes, ui_scale);
}

void paint_draw_brush(const PaintCanvas *p, Ren *ren, const ChartLayout *l, int mx, int my, float ui_scale)
{
    if (!chart_hit(l, mx, my))
        return;
    float rad = (float)(p->brush * l->scale);
    SDL_Color c = p->erase ? COLA(0x44, 0x44, 0x44, 0xC0) : COLA(0x1D, 0x3F, 0xA8, 0xC0);
    ren_circle(ren, (float)mx, (float)my, rad, 1.5f * ui_scale, c);
}
