/* heatmap: click maps of one question (see heatmap.h).
 *
 * The density is computed on the CPU over the layout's pixels (a Gaussian
 * splat per click, normalised to the densest pixel), coloured through a
 * ramp into a translucent surface and drawn as a texture, so the same code
 * serves the window and the off-screen PNG writer. */
#include "heatmap.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "theme.h"

#define PNG_W 1400
#define PNG_H 1080
#define INK COL(0x1B, 0x1F, 0x24)
#define HALO COLA(255, 255, 255, 235)

bool heatmap_available(const ReportItem *it)
{
    if (!it || !it->module || !it->view || !it->view->path)
        return false;
    switch (it->kind) {
    case REPORT_ITEM_LOCATE:
    case REPORT_ITEM_ZONE:
    case REPORT_ITEM_REVERSE:
        return it->tp >= 0 && it->n_clicks > 0;
    case REPORT_ITEM_LOCATE_ALL:
        return it->n_clicks > 0;
    case REPORT_ITEM_PAINT:
        return it->tp >= 0 && it->paint.paintings > 0 && it->paint.counts;
    default:
        return false;
    }
}

char *heatmap_file_name(const ReportItem *it, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *s = it->key; *s && n + 5 < size; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '-';
        buf[n++] = c == '/' ? '.' : ok ? c : '_';
    }
    snprintf(buf + n, size - n, ".png");
    return buf;
}

/* ---- density ------------------------------------------------------------- */

/* A sequential light blue to deep purple ramp (after ColorBrewer's BuPu):
 * lightness falls steadily with t, so "more" reads as "darker" in any
 * colour vision and in greyscale, and its hues stay clear of the marks'
 * green, orange and red. t in 0..1. */
static SDL_Color ramp(double t)
{
    static const struct {
        double t;
        int r, g, b;
    } STOPS[] = {{0.0, 170, 200, 228},
                 {0.3, 140, 150, 198},
                 {0.55, 140, 107, 177},
                 {0.78, 136, 65, 157},
                 {1.0, 110, 1, 107}};
    if (t <= 0)
        t = 0;
    if (t >= 1)
        t = 1;
    int k = 0;
    while (k < 3 && t > STOPS[k + 1].t)
        k++;
    double u = (t - STOPS[k].t) / (STOPS[k + 1].t - STOPS[k].t);
    SDL_Color c = {(Uint8)lround(STOPS[k].r + u * (STOPS[k + 1].r - STOPS[k].r)),
                   (Uint8)lround(STOPS[k].g + u * (STOPS[k + 1].g - STOPS[k].g)),
                   (Uint8)lround(STOPS[k].b + u * (STOPS[k + 1].b - STOPS[k].b)), 255};
    return c;
}

/* The colour of density t (0..1 of the peak) as the chart shows it: the
 * square root through the ramp, at its opacity. */
static SDL_Color shown_colour(double t)
{
    double v = sqrt(t);
    SDL_Color c = ramp(v);
    c.a = (Uint8)lround(255 * fmin(0.72, 0.18 + 0.6 * v));
    return c;
}

/* The splat's spread in image units: about half the full-credit radius for
 * a trigger point, a fixed spot for zones; never under 3 pixels. */
static double sigma_px(const ChartLayout *l, const ReportItem *it, float ui_scale)
{
    double units = 8;
    if (it->tp >= 0 && (it->kind == REPORT_ITEM_LOCATE || it->kind == REPORT_ITEM_REVERSE))
        units = fmax(it->module->tps[it->tp].radius * 0.55, 4);
    return fmax(units * l->scale, 3.0 * ui_scale);
}

/* Colours a density grid (w x h over l->area, any scale) into a texture
 * over the area: normalised to `peak`, through the ramp, translucent. */
static void blit_density(Ren *ren, const ChartLayout *l, const float *grid, int w, int h, float peak)
{
    SDL_Surface *s = peak > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
    if (!s)
        return;
    for (int y = 0; y < h; y++) {
        Uint32 *px = (Uint32 *)(void *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < w; x++) {
            double t = grid[(size_t)y * (size_t)w + (size_t)x] / peak;
            if (t < 0.02) {
                px[x] = 0;
                continue;
            }
            /* Square root: a lone click still shows next to a crowd. */
            SDL_Color c = shown_colour(t);
            px[x] = SDL_MapRGBA(s->format, c.r, c.g, c.b, c.a);
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ren_sdl(ren), s);
    if (tex) {
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        SDL_RenderCopy(ren_sdl(ren), tex, NULL, &l->area);
        SDL_DestroyTexture(tex);
    }
    SDL_FreeSurface(s);
}

/* Paint items: the share of paintings that cover each spot, sampled from
 * the counts grid at every pixel of the area (nearest cell). */
static void draw_paint_density(Ren *ren, const ChartLayout *l, const ReportItem *it)
{
    const ReportPaint *pp = &it->paint;
    int w = l->area.w, h = l->area.h;
    float *grid = w > 0 && h > 0 ? calloc((size_t)w * (size_t)h, sizeof *grid) : NULL;
    if (!grid)
        return;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            Vec2 p = chart_to_image(l, l->area.x + x, l->area.y + y);
            int gx = (int)floor((p.x - pp->grid.origin.x) / pp->grid.cell);
            int gy = (int)floor((p.y - pp->grid.origin.y) / pp->grid.cell);
            if (gx >= 0 && gy >= 0 && gx < pp->grid.cols && gy < pp->grid.rows)
                grid[(size_t)y * (size_t)w + (size_t)x] =
                    (float)pp->counts[(size_t)gy * (size_t)pp->grid.cols + (size_t)gx];
        }
    /* Normalised to every painting, not to the densest cell: full red is
     * "everyone painted here". */
    blit_density(ren, l, grid, w, h, (float)pp->paintings);
    free(grid);
}

static void draw_density(Ren *ren, const ChartLayout *l, const ReportItem *it, float ui_scale)
{
    int w = l->area.w, h = l->area.h;
    if (w <= 0 || h <= 0 || it->n_clicks == 0)
        return;
    float *grid = calloc((size_t)w * (size_t)h, sizeof *grid);
    if (!grid)
        return;
    double sg = sigma_px(l, it, ui_scale);
    int rad = (int)ceil(3 * sg);
    float *kern = malloc(sizeof *kern * (size_t)(2 * rad + 1));
    if (!kern) {
        free(grid);
        return;
    }
    for (int k = -rad; k <= rad; k++)
        kern[k + rad] = (float)exp(-(double)(k * k) / (2 * sg * sg));
    for (int i = 0; i < it->n_clicks; i++) {
        SDL_FPoint p = chart_to_screen(l, (Vec2){it->clicks[i].x, it->clicks[i].y});
        int cx = (int)lroundf(p.x) - l->area.x, cy = (int)lroundf(p.y) - l->area.y;
        if (cx < -rad || cy < -rad || cx >= w + rad || cy >= h + rad)
            continue;
        for (int dy = -rad; dy <= rad; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= h)
                continue;
            float ky = kern[dy + rad];
            float *row = grid + (size_t)y * (size_t)w;
            for (int dx = -rad; dx <= rad; dx++) {
                int x = cx + dx;
                if (x >= 0 && x < w)
                    row[x] += ky * kern[dx + rad];
            }
        }
    }
    float peak = 0;
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        peak = grid[i] > peak ? grid[i] : peak;
    blit_density(ren, l, grid, w, h, peak);
    free(kern);
    free(grid);
}

/* ---- marks --------------------------------------------------------------- */

typedef enum { MARK_FULL, MARK_PARTIAL, MARK_NONE } MarkKind;

static MarkKind mark_kind(float credit)
{
    return credit >= 0.999f ? MARK_FULL : credit <= 0.001f ? MARK_NONE : MARK_PARTIAL;
}

static void draw_mark(Ren *ren, float x, float y, MarkKind k, float size, Uint8 alpha, SDL_Rect clip)
{
    if (k == MARK_FULL) {
        ren_fill_circle(ren, x, y, size + 1.2f, COLA(255, 255, 255, alpha));
        SDL_Color g = THEME_GOOD;
        g.a = alpha;
        ren_fill_circle(ren, x, y, size, g);
    } else if (k == MARK_PARTIAL) {
        float s = size * 1.35f;
        SDL_FPoint tri[3] = {{x, y - s}, {x + s * 0.95f, y + s * 0.7f}, {x - s * 0.95f, y + s * 0.7f}};
        SDL_Color o = THEME_PARTIAL;
        o.a = alpha;
        ren_polygon_outline(ren, tri, 3, 2.2f, COLA(255, 255, 255, alpha));
        ren_fill_polygon(ren, tri, 3, FILL_SOLID, o, clip);
    } else {
        float a = size;
        SDL_Color red = THEME_BAD;
        red.a = alpha;
        ren_line(ren, x - a, y - a, x + a, y + a, size * 0.75f + 2.0f, COLA(255, 255, 255, alpha));
        ren_line(ren, x - a, y + a, x + a, y - a, size * 0.75f + 2.0f, COLA(255, 255, 255, alpha));
        ren_line(ren, x - a, y - a, x + a, y + a, size * 0.75f, red);
        ren_line(ren, x - a, y + a, x + a, y - a, size * 0.75f, red);
    }
}

static void draw_clicks(Ren *ren, const ChartLayout *l, const ReportItem *it, float ui_scale)
{
    /* Smaller and fainter marks as the crowd grows, so the density stays
     * readable under them. */
    float size = (it->n_clicks > 1000 ? 2.2f : it->n_clicks > 200 ? 3.0f : 4.0f) * ui_scale;
    if (l->scale < 1.0)
        size *= 0.8f;
    Uint8 alpha = it->n_clicks > 2000 ? 130 : it->n_clicks > 300 ? 180 : 235;
    /* Misses first, hits last: the good clicks stay visible on top. */
    for (int pass = MARK_NONE; pass >= MARK_FULL; pass--)
        for (int i = 0; i < it->n_clicks; i++) {
            if ((int)mark_kind(it->clicks[i].credit) != pass)
                continue;
            SDL_FPoint p = chart_to_screen(l, (Vec2){it->clicks[i].x, it->clicks[i].y});
            draw_mark(ren, p.x, p.y, (MarkKind)pass, size, alpha, l->area);
        }
}

/* ---- the target ---------------------------------------------------------- */

static bool is_zone_item(const ReportItem *it)
{
    return it->kind == REPORT_ITEM_ZONE || it->kind == REPORT_ITEM_PAINT;
}

static void dashed_circle(Ren *ren, SDL_FPoint c, float r, float width, SDL_Color col)
{
    int segs = (int)fmaxf(24, r / 3);
    if (segs % 2)
        segs++;
    for (int i = 0; i < segs; i += 2) {
        double a0 = 2 * 3.14159265358979 * i / segs, a1 = 2 * 3.14159265358979 * (i + 1) / segs;
        ren_line(ren, c.x + r * (float)cos(a0), c.y + r * (float)sin(a0), c.x + r * (float)cos(a1),
                 c.y + r * (float)sin(a1), width, col);
    }
}

/* A trigger point as a target: its X, the full-credit circle and the
 * dashed circle at twice the radius (no credit beyond). */
static void draw_tp_target(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, float ui_scale)
{
    SDL_FPoint c = chart_to_screen(l, tp->at);
    float r = (float)(tp->radius * l->scale);
    dashed_circle(ren, c, 2 * r, 3.5f * ui_scale, HALO);
    dashed_circle(ren, c, 2 * r, 1.6f * ui_scale, INK);
    ren_circle(ren, c.x, c.y, r, 4.5f * ui_scale, HALO);
    ren_circle(ren, c.x, c.y, r, 2.2f * ui_scale, INK);
    chart_draw_tp(ren, l, tp, INK, false, ui_scale);
}

/* The outlines of trigger point tp's zones on the item's chart: essential
 * thick, spillover thin (or all thin and grey when they are only context). */
static void draw_zones(Ren *ren, const ChartLayout *l, const ReportItem *it, int tp, bool context,
                       float ui_scale)
{
    const Module *m = it->module;
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        if (zn->tp != tp || strcmp(zn->view, it->view->name) != 0 || zn->poly.n < 3)
            continue;
        SDL_FPoint *pts = malloc(sizeof *pts * (size_t)zn->poly.n);
        if (!pts)
            continue;
        for (int k = 0; k < zn->poly.n; k++)
            pts[k] = chart_to_screen(l, zn->poly.pts[k]);
        bool ess = zn->kind == ZONE_ESSENTIAL && !context;
        ren_polygon_outline(ren, pts, zn->poly.n, (ess ? 6.0f : 4.0f) * ui_scale, HALO);
        ren_polygon_outline(ren, pts, zn->poly.n, (ess ? 3.0f : 1.4f) * ui_scale,
                            context ? THEME_MUTED : INK);
        free(pts);
    }
}

static void draw_target(Ren *ren, const ChartLayout *l, const ReportItem *it, float ui_scale)
{
    const Module *m = it->module;
    switch (it->kind) {
    case REPORT_ITEM_LOCATE:
        draw_tp_target(ren, l, &m->tps[it->tp], ui_scale);
        break;
    case REPORT_ITEM_REVERSE:
        /* The pattern the learner was shown, then the point behind it. */
        draw_zones(ren, l, it, it->tp, true, ui_scale);
        draw_tp_target(ren, l, &m->tps[it->tp], ui_scale);
        break;
    case REPORT_ITEM_LOCATE_ALL:
        for (int t = 0; t < m->n_tps; t++)
            if (!strcmp(m->tps[t].view, it->view->name))
                draw_tp_target(ren, l, &m->tps[t], ui_scale);
        break;
    case REPORT_ITEM_ZONE:
    case REPORT_ITEM_PAINT:
        draw_zones(ren, l, it, it->tp, false, ui_scale);
        /* The trigger point the question showed, for reference, when it is
         * on this chart (a zone drawn on another view than its point's
         * has no X here: the point's coordinates belong to its own chart). */
        if (m->tps[it->tp].view && !strcmp(m->tps[it->tp].view, it->view->name))
            chart_draw_tp(ren, l, &m->tps[it->tp], THEME_MUTED, false, ui_scale * 0.8f);
        break;
    default:
        break;
    }
}

void heatmap_draw(Ren *ren, ChartCache *cache, const ChartLayout *l, const ReportItem *it, float ui_scale)
{
    if (!it || !it->view)
        return;
    SDL_Renderer *sdl = ren_sdl(ren);
    SDL_RenderSetClipRect(sdl, &l->area);
    ren_fill_rect(ren, l->area, THEME_PANEL);
    chart_draw_svg(cache, it->view->path, l);
    /* A light veil keeps the chart readable but lets the colours lead. */
    ren_fill_rect(ren, l->area, COLA(255, 255, 255, 70));
    if (it->kind == REPORT_ITEM_PAINT && it->paint.counts) {
        draw_paint_density(ren, l, it);
    } else {
        draw_density(ren, l, it, ui_scale);
        draw_clicks(ren, l, it, ui_scale);
    }
    if (it->module)
        draw_target(ren, l, it, ui_scale);
    SDL_RenderSetClipRect(sdl, NULL);
}

/* ---- the scale ------------------------------------------------------------ */

int heatmap_scale_height(Ren *ren, float ui_scale)
{
    return 2 * ren_text_height(ren, FONT_SMALL) + (int)lroundf(18 * ui_scale);
}

void heatmap_draw_scale(Ren *ren, SDL_Rect r, const ReportItem *it, float ui_scale)
{
    bool paint = it->kind == REPORT_ITEM_PAINT;
    int sh = ren_text_height(ren, FONT_SMALL);
    const char *caption = paint ? "Colour: share of the paintings that cover a spot"
                                : "Colour: how crowded the clicks are, as a share of the most crowded spot";
    ren_text_fit(ren, FONT_SMALL, r.x, r.y, r.w, THEME_TEXT, caption);
    int pad = (int)lroundf(14 * ui_scale);
    SDL_Rect bar = {r.x + pad, r.y + sh + (int)lroundf(4 * ui_scale), r.w - 2 * pad, (int)lroundf(12 * ui_scale)};
    if (bar.w <= 0)
        return;
    /* Over the chart's paper, as the density is drawn: a spot under 2% of
     * the peak is not coloured. */
    ren_fill_rect(ren, bar, COL(0xF6, 0xF1, 0xEA));
    for (int i = 0; i < bar.w; i++) {
        double v = (double)i / (bar.w - 1 > 0 ? bar.w - 1 : 1);
        double t = v * v;
        if (t < 0.02)
            continue;
        ren_fill_rect(ren, (SDL_Rect){bar.x + i, bar.y, 1, bar.h}, shown_colour(t));
    }
    ren_rect(ren, bar, 1, THEME_BORDER);
    /* Ticks where the share is 0, 10, 25, 50 and 100%: the bar runs by its
     * square root, as the colours do. */
    static const double TICKS[] = {0, 0.1, 0.25, 0.5, 1};
    int ty = bar.y + bar.h + (int)lroundf(2 * ui_scale);
    for (size_t k = 0; k < sizeof TICKS / sizeof *TICKS; k++) {
        int x = bar.x + (int)lround(sqrt(TICKS[k]) * (bar.w - 1));
        ren_fill_rect(ren, (SDL_Rect){x, bar.y + bar.h, 1, (int)lroundf(4 * ui_scale)}, INK);
        char label[32];
        snprintf(label, sizeof label, "%d%%", (int)lround(TICKS[k] * 100));
        int w = ren_text_width(ren, FONT_SMALL, label);
        int lx = k == 0 ? x : k + 1 == sizeof TICKS / sizeof *TICKS ? x - w : x - w / 2;
        ren_text(ren, FONT_SMALL, lx, ty + (int)lroundf(2 * ui_scale), THEME_MUTED, label);
    }
}

/* ---- the PNG writer -------------------------------------------------------- */

struct HeatmapWriter {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    Ren *ren;
    ChartCache *cache;
};

HeatmapWriter *heatmap_writer_create(const char *font_path)
{
    HeatmapWriter *w = calloc(1, sizeof *w);
    if (!w) {
        SDL_OutOfMemory();
        return NULL;
    }
    w->surface = SDL_CreateRGBSurfaceWithFormat(0, PNG_W, PNG_H, 32, SDL_PIXELFORMAT_ARGB8888);
    w->sdl = w->surface ? SDL_CreateSoftwareRenderer(w->surface) : NULL;
    w->ren = w->sdl ? ren_create(w->sdl, font_path, 15, 1.0f) : NULL;
    w->cache = w->ren ? chart_cache_create(w->sdl) : NULL;
    if (!w->cache) {
        heatmap_writer_free(w);
        return NULL;
    }
    return w;
}

void heatmap_writer_free(HeatmapWriter *w)
{
    if (!w)
        return;
    chart_cache_free(w->cache);
    ren_free(w->ren);
    if (w->sdl)
        SDL_DestroyRenderer(w->sdl);
    if (w->surface)
        SDL_FreeSurface(w->surface);
    free(w);
}

RectD heatmap_focus(const ReportItem *it)
{
    const Module *m = it->module;
    if (it->kind == REPORT_ITEM_LOCATE_ALL) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY, r = 0;
        for (int t = 0; t < m->n_tps; t++) {
            if (strcmp(m->tps[t].view, it->view->name) != 0)
                continue;
            x0 = fmin(x0, m->tps[t].at.x);
            y0 = fmin(y0, m->tps[t].at.y);
            x1 = fmax(x1, m->tps[t].at.x);
            y1 = fmax(y1, m->tps[t].at.y);
            r = fmax(r, m->tps[t].radius);
        }
        double pad = fmax(3 * r, 50);
        if (!(x1 >= x0))
            return it->view->viewbox;
        return (RectD){x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad};
    }
    const TriggerPoint *tp = &m->tps[it->tp];
    if (!is_zone_item(it)) {
        double h = fmax(3.5 * tp->radius, 50);
        return (RectD){tp->at.x - h, tp->at.y - h, 2 * h, 2 * h};
    }
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        if (zn->tp != it->tp || strcmp(zn->view, it->view->name) != 0)
            continue;
        RectD b = geom_polygon_bounds(zn->poly.pts, zn->poly.n);
        x0 = fmin(x0, b.x);
        y0 = fmin(y0, b.y);
        x1 = fmax(x1, b.x + b.w);
        y1 = fmax(y1, b.y + b.h);
    }
    if (!(x1 > x0))
        return (RectD){tp->at.x - 60, tp->at.y - 60, 120, 120};
    double pad = fmax(40, 0.25 * fmax(x1 - x0, y1 - y0));
    return (RectD){x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad};
}

static void fmt1(char *buf, size_t size, double v)
{
    long long t = llround(v * 10);
    snprintf(buf, size, "%s%lld.%lld", t < 0 ? "-" : "", llabs(t) / 10, llabs(t) % 10);
}

/* "exam: 40 answers, facility 62.5%, median 9.1 (1.2 cm), wrong side 5.0%" */
static void stats_line(const ReportItem *it, ReportPopulation p, char *buf, size_t size)
{
    const ReportItemStats *s = &it->stats[p];
    char fac[32], med[32], cm[32], side[48] = "";
    fmt1(fac, sizeof fac, s->facility);
    fmt1(med, sizeof med, s->median_distance);
    cm[0] = '\0';
    if (it->view->cm_per_unit > 0) {
        char v[24];
        fmt1(v, sizeof v, s->median_distance * it->view->cm_per_unit);
        snprintf(cm, sizeof cm, " (%s cm)", v);
    }
    if (s->sided > 0) {
        char v[24];
        fmt1(v, sizeof v, 100.0 * s->wrong_side / s->sided);
        snprintf(side, sizeof side, ", wrong side %s%%", v);
    }
    if (it->kind == REPORT_ITEM_PAINT || s->clicks == 0)
        snprintf(buf, size, "%s: %d answer%s, facility %s%%", report_population_name(p), s->answers,
                 s->answers == 1 ? "" : "s", fac);
    else
        snprintf(buf, size, "%s: %d answer%s, facility %s%%, median distance %s%s%s%s",
                 report_population_name(p), s->answers, s->answers == 1 ? "" : "s", fac,
                 it->kind == REPORT_ITEM_LOCATE_ALL ? "of a mark " : "", med, cm, side);
}

static void legend(Ren *ren, const ReportItem *it, int x, int y)
{
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < it->n_clicks; i++)
        counts[mark_kind(it->clicks[i].credit)]++;
    static const char *const NAMES[3] = {"full credit", "partial credit", "no credit"};
    static const char *const MARK_NAMES[3] = {"matched to a point", "", "extra mark"};
    bool marks = it->kind == REPORT_ITEM_LOCATE_ALL, paint = it->kind == REPORT_ITEM_PAINT;
    int x0 = x;
    int th = ren_text_height(ren, FONT_BODY);
    float cy = (float)y + (float)th / 2;
    for (int k = 0; k < 3 && !paint; k++) {
        if (marks && k == MARK_PARTIAL)
            continue;
        draw_mark(ren, (float)x + 8, cy, (MarkKind)k, 5, 255, (SDL_Rect){0, 0, PNG_W, PNG_H});
        char label[64];
        snprintf(label, sizeof label, "%s (%d)", marks ? MARK_NAMES[k] : NAMES[k], counts[k]);
        x += 22 + ren_text(ren, FONT_BODY, x + 20, y, THEME_TEXT, label) + 18;
    }
    x += 10;
    x += ren_text(ren, FONT_BODY, x, y, THEME_TEXT, paint ? "painted by: few" : "density: few") + 8;
    ren_fill_rect(ren, (SDL_Rect){x, y + 2, 120, th - 4}, COL(0xF6, 0xF1, 0xEA));
    for (int i = 0; i < 120; i++) {
        double v = i / 119.0;
        if (v * v >= 0.02)
            ren_fill_rect(ren, (SDL_Rect){x + i, y + 2, 1, th - 4}, shown_colour(v * v));
    }
    ren_rect(ren, (SDL_Rect){x, y + 2, 120, th - 4}, 1, THEME_BORDER);
    x += 128;
    ren_text(ren, FONT_BODY, x, y, THEME_TEXT,
             paint   ? "every learner"
             : marks ? "many marks"
                     : "many clicks");
    /* The target's key, on a line of its own. */
    x = x0;
    y += th + 8;
    cy = (float)y + (float)th / 2;
    if (!is_zone_item(it)) {
        SDL_FPoint c = {(float)x + 12, cy};
        ren_circle(ren, c.x, c.y, 10, 2, INK);
        ren_line(ren, c.x - 5, c.y - 5, c.x + 5, c.y + 5, 2.5f, INK);
        ren_line(ren, c.x - 5, c.y + 5, c.x + 5, c.y - 5, 2.5f, INK);
        ren_text(ren, FONT_BODY, x + 30, y, THEME_TEXT,
                 marks ? "the trigger points: full credit inside a circle, none beyond the dashed circle"
                 : it->kind == REPORT_ITEM_REVERSE
                     ? "the trigger point: full credit inside the circle, none beyond the dashed one; grey: "
                       "the pattern shown"
                     : "the trigger point: full credit inside the circle, none beyond the dashed circle");
    } else {
        ren_line(ren, (float)x, cy - 4, (float)x + 26, cy - 4, 3, INK);
        ren_line(ren, (float)x, cy + 5, (float)x + 26, cy + 5, 1.4f, INK);
        const TriggerPoint *tp = it->module && it->tp >= 0 ? &it->module->tps[it->tp] : NULL;
        bool x_here = tp && tp->view && it->view && !strcmp(tp->view, it->view->name);
        ren_text(ren, FONT_BODY, x + 34, y, THEME_TEXT,
                 x_here ? "the referral zones: essential (thick outline), spillover (thin outline); grey X: the "
                          "trigger point"
                        : "the referral zones: essential (thick outline), spillover (thin outline)");
    }
}

int heatmap_writer_save(HeatmapWriter *w, const ReportItem *it, const char *path)
{
    if (!heatmap_available(it)) {
        SDL_SetError("nothing to draw");
        return -1;
    }
    Ren *ren = w->ren;
    const Module *m = it->module;
    ren_begin(ren, THEME_BG);
    int pad = 24, y = 18;
    char line[512];
    static const char *const TASK[] = {
        [REPORT_ITEM_LOCATE] = "locate the trigger point",
        [REPORT_ITEM_ZONE] = "click its referral zone",
        [REPORT_ITEM_PAINT] = "paint its referral zone",
        [REPORT_ITEM_REVERSE] = "click the trigger point behind the pattern",
        [REPORT_ITEM_LOCATE_ALL] = "mark every trigger point",
    };
    if (it->kind == REPORT_ITEM_LOCATE_ALL)
        snprintf(line, sizeof line, "%s: all trigger points on the %s chart (%s)", m->name, it->view->name,
                 TASK[it->kind]);
    else
        snprintf(line, sizeof line, "%s: %s (%s)", m->name, m->tps[it->tp].label, TASK[it->kind]);
    ren_text(ren, FONT_TITLE, pad, y, THEME_TEXT, line);
    y += ren_text_height(ren, FONT_TITLE) + 4;
    if (it->kind == REPORT_ITEM_PAINT)
        snprintf(line, sizeof line, "%s  |  %s chart  |  %d painting%s", it->key, it->view->name,
                 it->paint.paintings, it->paint.paintings == 1 ? "" : "s");
    else if (it->n_clicks < it->clicks_seen)
        snprintf(line, sizeof line, "%s  |  %s chart  |  a random sample of %d of %d %s", it->key,
                 it->view->name, it->n_clicks, it->clicks_seen,
                 it->kind == REPORT_ITEM_LOCATE_ALL ? "marks" : "clicks");
    else
        snprintf(line, sizeof line, "%s  |  %s chart  |  %d %s%s", it->key, it->view->name, it->n_clicks,
                 it->kind == REPORT_ITEM_LOCATE_ALL ? "mark" : "click", it->n_clicks == 1 ? "" : "s");
    ren_text(ren, FONT_SMALL, pad, y, THEME_MUTED, line);
    y += ren_text_height(ren, FONT_SMALL) + 6;
    for (int p = 0; p < REPORT_POPULATIONS; p++) {
        if (it->stats[p].answers == 0)
            continue;
        stats_line(it, (ReportPopulation)p, line, sizeof line);
        ren_text(ren, FONT_BODY, pad, y, THEME_TEXT, line);
        y += ren_text_height(ren, FONT_BODY) + 2;
    }
    int top = y + 10, bottom = PNG_H - 78;
    int full_w = 420;
    SDL_Rect full_area = {pad, top + 26, full_w, bottom - top - 26};
    SDL_Rect close_area = {pad * 2 + full_w, top + 26, PNG_W - 3 * pad - full_w, bottom - top - 26};
    ren_text(ren, FONT_BOLD, full_area.x, top, THEME_TEXT, "Whole chart");
    ren_text(ren, FONT_BOLD, close_area.x, top, THEME_TEXT, "Close-up of the target");
    RectD vb = it->view->viewbox;
    ChartLayout lf = chart_layout(full_area, vb);
    ChartLayout lc = chart_layout_focus(close_area, vb, heatmap_focus(it));
    heatmap_draw(ren, w->cache, &lf, it, 1.0f);
    heatmap_draw(ren, w->cache, &lc, it, 1.6f);
    /* Where the close-up is, on the whole chart. */
    SDL_FPoint a = chart_to_screen(&lf, (Vec2){lc.viewbox.x, lc.viewbox.y});
    SDL_FPoint b = chart_to_screen(&lf, (Vec2){lc.viewbox.x + lc.viewbox.w, lc.viewbox.y + lc.viewbox.h});
    SDL_Rect box = {(int)a.x, (int)a.y, (int)(b.x - a.x), (int)(b.y - a.y)};
    SDL_RenderSetClipRect(w->sdl, &full_area);
    ren_rect(ren, box, 2, THEME_ACCENT);
    SDL_RenderSetClipRect(w->sdl, NULL);
    chart_draw_sides(ren, &lf, it->view->name);
    chart_draw_sides(ren, &lc, it->view->name);
    ren_rect(ren, full_area, 1, THEME_BORDER);
    ren_rect(ren, close_area, 1, THEME_BORDER);
    legend(ren, it, pad, bottom + 16);
    ren_end(ren);
    return IMG_SavePNG(w->surface, path) == 0 ? 0 : -1;
}
