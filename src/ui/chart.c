#include "chart.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "diagnose.h"
#include "labels.h"
#include "overlay_style.h"
#include "layout.h"
#include "theme.h"

#define CACHE_ENTRIES 24
/* A zoomed image of at most this many pixels is rasterised whole (panning
 * over it never rasterises); a larger one in tiles around what is shown, of
 * at most this many pixels too (or just what is shown if that is more). */
#define WHOLE_MAX_PIXELS (4L * 1024 * 1024)
/* The textures the cache keeps, together, before it drops the least
 * recently used (4 bytes a pixel); those drawn in the current frame are
 * kept even beyond it, so two large tiles never evict each other. */
#define CACHE_MAX_PIXELS (8L * 1024 * 1024)
/* No texture side beyond this (renderers' texture limits). */
#define TILE_MAX_SIDE 8192

typedef struct {
    char *path;
    double scale; /* pixels per image unit */
    RectD full;   /* the view: the zoomed image is full at scale */
    SDL_Rect tile; /* the part of the zoomed image rasterised, in its pixels */
    bool partial;  /* just what was on screen after a zoom step: refine it */
    SDL_Texture *tex; /* NULL with failed = true: do not retry every frame */
    SDL_Rect crop;    /* the part of the tile tex holds: its drawn pixels */
    int style;        /* 0: as drawn; else an overlay restyled (restyle()) */
    bool failed;
    unsigned long last_used;
    unsigned long frame_used; /* the frame it was last drawn in */
} SvgEntry;

struct ChartCache {
    SDL_Renderer *r;
    SvgEntry e[CACHE_ENTRIES];
    unsigned long tick;
    unsigned long frame; /* counted by chart_cache_frame */
    bool wants_refine; /* the zoom changed: an idle frame should refine partial tiles */
    bool refine;       /* this frame refines partial tiles */
};

/* ChartLayout is layout.c's Layout with SDL rectangles. */
static PixelRect to_pixels(SDL_Rect r) { return (PixelRect){r.x, r.y, r.w, r.h}; }
static SDL_Rect to_sdl(PixelRect r) { return (SDL_Rect){r.x, r.y, r.w, r.h}; }

static ChartLayout from_layout(Layout l)
{
    return (ChartLayout){to_sdl(l.area), to_sdl(l.image), l.viewbox, l.scale, l.full};
}

static Layout to_layout(const ChartLayout *l)
{
    return (Layout){to_pixels(l->area), to_pixels(l->image), l->viewbox, l->scale, l->full};
}

ChartLayout chart_layout(SDL_Rect area, RectD vb) { return from_layout(layout_fit(to_pixels(area), vb)); }

ChartLayout chart_layout_focus(SDL_Rect area, RectD full, RectD focus)
{
    return from_layout(layout_focus(to_pixels(area), full, focus));
}

ChartLayout chart_layout_zoomed(SDL_Rect area, RectD full, LayoutZoom z)
{
    return from_layout(layout_zoomed(to_pixels(area), full, z));
}

RectD chart_module_region(const Module *m, const char *view, RectD full, double min_frac)
{
    return layout_module_region(m, view, full, min_frac);
}

SDL_FPoint chart_to_screen(const ChartLayout *l, Vec2 p)
{
    Layout k = to_layout(l);
    Vec2 s = layout_to_screen(&k, p);
    return (SDL_FPoint){(float)s.x, (float)s.y};
}

Vec2 chart_to_image(const ChartLayout *l, int x, int y)
{
    Layout k = to_layout(l);
    return layout_to_image(&k, x, y);
}

bool chart_hit(const ChartLayout *l, int x, int y)
{
    Layout k = to_layout(l);
    return layout_hit(&k, x, y);
}

ChartCache *chart_cache_create(SDL_Renderer *r)
{
    ChartCache *c = calloc(1, sizeof *c);
    if (c)
        c->r = r;
    return c;
}

static void drop(SvgEntry *e)
{
    free(e->path);
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    memset(e, 0, sizeof *e);
}

void chart_cache_free(ChartCache *c)
{
    if (!c)
        return;
    for (int i = 0; i < CACHE_ENTRIES; i++)
        drop(&c->e[i]);
    free(c);
}

/* The file's text with its root element's width, height and viewBox
 * replaced, so nanosvg renders just the vb part at w x h. NULL on failure. */
static char *reframe(const char *path, RectD vb, int w, int h, size_t *out_len)
{
    /* Through the helper every reader uses: a FIFO or a huge file here
     * must not hang or stall the program (the library reported it). */
    size_t size = 0;
    char *text = datafile_read_capped(path, DATAFILE_CHART, &size, NULL);
    if (!text || size == 0) {
        free(text);
        return NULL;
    }
    char *open = strstr(text, "<svg");
    char *close = open ? strchr(open, '>') : NULL;
    if (!close) {
        free(text);
        return NULL;
    }
    char attrs[160];
    int an = snprintf(attrs, sizeof attrs, " width=\"%d\" height=\"%d\" viewBox=\"%.3f %.3f %.3f %.3f\"", w, h,
                      vb.x, vb.y, vb.w, vb.h);
    char *out = malloc((size_t)size + (size_t)an + 1);
    if (!out) {
        free(text);
        return NULL;
    }
    size_t n = (size_t)(open + 4 - text);
    memcpy(out, text, n);
    memcpy(out + n, attrs, (size_t)an);
    n += (size_t)an;
    /* Copy the rest of the root tag without its own width, height, viewBox. */
    const char *p = open + 4;
    while (p < close) {
        const char *names[] = {" width=", " height=", " viewBox="};
        bool skipped = false;
        for (int k = 0; k < 3 && !skipped; k++) {
            size_t ln = strlen(names[k]);
            if (!strncmp(p, names[k], ln) && (p[ln] == '"' || p[ln] == '\'')) {
                const char *end = strchr(p + ln + 1, p[ln]);
                if (end && end < close) {
                    p = end + 1;
                    skipped = true;
                }
            }
        }
        if (!skipped)
            out[n++] = *p++;
    }
    size_t rest = strlen(close);
    memcpy(out + n, close, rest + 1);
    n += rest;
    free(text);
    *out_len = n;
    return out;
}

/* The smallest rectangle holding every pixel of s whose alpha is not 0 (at
 * least 1 x 1); all of s if it has no alpha channel. */
static SDL_Rect opaque_bounds(SDL_Surface *s)
{
    SDL_Rect all = {0, 0, s->w, s->h};
    Uint32 amask = s->format->Amask;
    if (s->format->BytesPerPixel != 4 || !amask || SDL_MUSTLOCK(s))
        return all;
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch);
        int first = -1, last = -1;
        for (int x = 0; x < s->w; x++)
            if (row[x] & amask) {
                first = x;
                break;
            }
        if (first < 0)
            continue;
        for (int x = s->w - 1; x >= first; x--)
            if (row[x] & amask) {
                last = x;
                break;
            }
        if (y0 > y)
            y0 = y;
        y1 = y;
        if (x0 > first)
            x0 = first;
        if (x1 < last)
            x1 = last;
    }
    if (x1 < 0)
        return (SDL_Rect){0, 0, 1, 1};
    return (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

/* Style of an overlay entry: OVERLAY_PLAIN, or the deep hatching period. */
#define OVERLAY_NONE 0
#define OVERLAY_PLAIN 1

/* The surface in the muscle overlay's style (core overlay_style): a new
 * RGBA32 surface, s freed; s itself if it cannot be converted. */
static SDL_Surface *restyle(SDL_Surface *s, int style)
{
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    if (!rgba)
        return s;
    SDL_FreeSurface(s);
    if (SDL_LockSurface(rgba) == 0) {
        overlay_restyle_rgba(rgba->pixels, rgba->w, rgba->h, rgba->pitch, style != OVERLAY_PLAIN, style);
        SDL_UnlockSurface(rgba);
    }
    return rgba;
}

static long entry_pixels(const SvgEntry *e) { return e->tex ? (long)e->crop.w * e->crop.h : 0; }

/* Rasterises tile (pixels of path's view at scale) into e. */
static void rasterise(ChartCache *c, SvgEntry *e, const char *path, double scale, RectD full, SDL_Rect tile,
                      int style)
{
    e->path = strdup(path);
    e->style = style;
    e->scale = scale;
    e->full = full;
    e->tile = tile;
    e->last_used = c->tick;
    RectD vb = {full.x + tile.x / scale, full.y + tile.y / scale, tile.w / scale, tile.h / scale};
    size_t len = 0;
    char *text = reframe(path, vb, tile.w, tile.h, &len);
    bool read_ok = text != NULL;
    SDL_RWops *rw = text ? SDL_RWFromConstMem(text, (int)len) : NULL;
    SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, tile.w, tile.h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    free(text);
    if (s && style != OVERLAY_NONE)
        s = restyle(s, style);
    if (s) {
        /* Only the bounding box of the pixels that are not fully
         * transparent goes into the texture: blending a transparent pixel
         * changes nothing, and an overlay (one muscle) is mostly
         * transparent, so every redraw blends far fewer pixels. */
        e->crop = opaque_bounds(s);
        SDL_Surface *part = SDL_CreateRGBSurfaceWithFormatFrom(
            (Uint8 *)s->pixels + e->crop.y * s->pitch + e->crop.x * s->format->BytesPerPixel, e->crop.w,
            e->crop.h, s->format->BitsPerPixel, s->pitch, s->format->format);
        e->tex = SDL_CreateTextureFromSurface(c->r, part ? part : s);
        if (!part)
            e->crop = (SDL_Rect){0, 0, s->w, s->h};
        SDL_FreeSurface(part);
        SDL_FreeSurface(s);
    }
    if (!e->tex) {
        e->failed = true;
        if (!read_ok)
            SDL_SetError("cannot read it");
        fprintf(stderr, "%s: error: cannot draw chart: %s\n", path, SDL_GetError());
    }
}

/* A free slot for a texture of adding pixels: the least recently used
 * entries are dropped until there is one and the textures kept stay within
 * CACHE_MAX_PIXELS. */
static SvgEntry *make_room(ChartCache *c, long adding)
{
    for (;;) {
        long total = adding;
        SvgEntry *oldest = NULL, *free_slot = NULL;
        for (int i = 0; i < CACHE_ENTRIES; i++) {
            SvgEntry *e = &c->e[i];
            total += entry_pixels(e);
            if (!e->path) {
                free_slot = e;
                continue;
            }
            if (e->frame_used != c->frame && (!oldest || e->last_used < oldest->last_used))
                oldest = e;
        }
        if (free_slot && (total <= CACHE_MAX_PIXELS || !oldest))
            return free_slot;
        if (!oldest) {
            /* Every slot was drawn in this frame: reuse the oldest. */
            SvgEntry *o = &c->e[0];
            for (int i = 1; i < CACHE_ENTRIES; i++)
                if (c->e[i].last_used < o->last_used)
                    o = &c->e[i];
            return o;
        }
        drop(oldest);
    }
}

static bool contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

/* One axis of a pan tile: need's [a, a + n) grown by 2 * m within [0, max):
 * m on each side, or all of it ahead when the pan goes that way (dir -1 or
 * +1), so a pan in one direction crosses tiles half as often. */
static void tile_axis(int a, int n, int m, int dir, int max, int *lo, int *hi)
{
    int before = dir > 0 ? 0 : dir < 0 ? 2 * m : m, after = 2 * m - before;
    *lo = a - before;
    *hi = a + n + after;
    /* What a side loses at the image's edge goes to the other. */
    if (*lo < 0) {
        *hi -= *lo;
        *lo = 0;
    }
    if (*hi > max) {
        *lo -= *hi - max;
        *hi = max;
    }
    if (*lo < 0)
        *lo = 0;
    if (*hi - *lo > TILE_MAX_SIDE)
        *hi = *lo + TILE_MAX_SIDE;
}

/* The tile to rasterise so that panning around need (in the zoomed image of
 * W x H pixels) copies from it: the whole image if it is small enough, else
 * need grown by its own size (less if the tile would exceed
 * WHOLE_MAX_PIXELS), ahead of the pan (dx, dy: -1, 0, +1) or around need. */
static SDL_Rect pan_tile(SDL_Rect need, int W, int H, int dx, int dy)
{
    if ((long)W * H <= WHOLE_MAX_PIXELS && W <= TILE_MAX_SIDE && H <= TILE_MAX_SIDE)
        return (SDL_Rect){0, 0, W, H};
    double f = 0.5, px = (double)need.w * need.h;
    if (px * 4 > WHOLE_MAX_PIXELS)
        f = px >= WHOLE_MAX_PIXELS ? 0 : (sqrt(WHOLE_MAX_PIXELS / px) - 1) / 2;
    int x0, x1, y0, y1;
    tile_axis(need.x, need.w, (int)(need.w * f), dx, W, &x0, &x1);
    tile_axis(need.y, need.h, (int)(need.h * f), dy, H, &y0, &y1);
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* The cached rasterisation of path at scale over full holding need, made
 * if there is none. A new zoom level first gets just need (quick: the
 * zoom step shows sharp at once) and is refined to a pan tile on a later
 * frame; a pan past a tile at a known zoom gets a pan tile at once. An
 * overlay restyled (style) is another entry than the same file drawn as
 * it is. */
static SvgEntry *lookup(ChartCache *c, const char *path, double scale, RectD full, SDL_Rect need, int W, int H,
                        int style)
{
    c->tick++;
    SvgEntry *found = NULL, *last = NULL;
    bool same_zoom = false;
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        SvgEntry *e = &c->e[i];
        if (!e->path || e->style != style || strcmp(e->path, path))
            continue;
        if (e->failed) {
            e->last_used = c->tick;
            return e; /* reported once; not retried at every zoom */
        }
        if (e->scale != scale || memcmp(&e->full, &full, sizeof full))
            continue;
        same_zoom = true;
        if (!last || e->last_used > last->last_used)
            last = e;
        if (contains(e->tile, need) && (!found || (found->partial && !e->partial)))
            found = e;
    }
    if (found && !(found->partial && c->refine)) {
        found->last_used = c->tick;
        found->frame_used = c->frame;
        return found;
    }
    /* A new zoom level: just what is shown. A pan past a tile, or a
     * partial tile being refined: a pan tile. */
    bool quick = !same_zoom;
    /* Which way the view left the tile shown last. */
    int dx = 0, dy = 0;
    if (last && !found) {
        dx = need.x < last->tile.x ? -1 : need.x + need.w > last->tile.x + last->tile.w ? 1 : 0;
        dy = need.y < last->tile.y ? -1 : need.y + need.h > last->tile.y + last->tile.h ? 1 : 0;
    }
    SDL_Rect tile = quick ? need : pan_tile(need, W, H, dx, dy);
    if (tile.w <= 0 || tile.h <= 0)
        return NULL;
    SvgEntry *slot = make_room(c, (long)tile.w * tile.h);
    drop(slot);
    if (found && found != slot)
        drop(found); /* the partial tile is replaced by the refined one */
    rasterise(c, slot, path, scale, full, tile, style);
    slot->frame_used = c->frame;
    slot->partial = quick && (tile.w != W || tile.h != H);
    return slot;
}

void chart_cache_refine_later(ChartCache *c)
{
    if (c)
        c->wants_refine = true;
}

void chart_cache_frame(ChartCache *c, bool idle)
{
    if (!c)
        return;
    c->frame++;
    c->refine = c->wants_refine && idle;
    if (c->refine)
        c->wants_refine = false;
}

bool chart_cache_wants_frame(const ChartCache *c) { return c && c->wants_refine; }

static bool draw_styled(ChartCache *c, const char *path, const ChartLayout *l, int style)
{
    if (l->image.w <= 0 || l->image.h <= 0 || !(l->scale > 0))
        return false;
    RectD full = l->full.w > 0 && l->full.h > 0 ? l->full : l->viewbox;
    /* The zoomed image is full at l->scale; the screen shows its pixels
     * from (vx, vy). On the axes shown whole, that is the image itself. */
    int W = (int)lround(full.w * l->scale), H = (int)lround(full.h * l->scale);
    int vx = (int)lround((l->viewbox.x - full.x) * l->scale), vy = (int)lround((l->viewbox.y - full.y) * l->scale);
    if (l->viewbox.w >= full.w)
        W = l->image.w;
    if (l->viewbox.h >= full.h)
        H = l->image.h;
    SDL_Rect need = {vx, vy, l->image.w, l->image.h};
    if (need.x < 0)
        need.x = 0;
    if (need.y < 0)
        need.y = 0;
    if (need.x + need.w > W)
        need.w = W - need.x;
    if (need.y + need.h > H)
        need.h = H - need.y;
    SvgEntry *e = lookup(c, path, l->scale, full, need, W, H, style);
    if (!e || !e->tex)
        return false;
    /* need in the tile's pixels, cut to what the texture holds. */
    SDL_Rect want = {need.x - e->tile.x, need.y - e->tile.y, need.w, need.h}, got;
    if (!SDL_IntersectRect(&want, &e->crop, &got))
        return true; /* nothing drawn in this part */
    SDL_Rect src = {got.x - e->crop.x, got.y - e->crop.y, got.w, got.h};
    SDL_Rect dst = {l->image.x + (got.x - want.x), l->image.y + (got.y - want.y), got.w, got.h};
    SDL_RenderCopy(c->r, e->tex, &src, &dst);
    return true;
}

bool chart_draw_svg(ChartCache *c, const char *path, const ChartLayout *l)
{
    return draw_styled(c, path, l, OVERLAY_NONE);
}

bool chart_draw_overlay(ChartCache *c, const char *path, const ChartLayout *l, bool deep, float ui_scale)
{
    int hatch = (int)lroundf(7 * ui_scale);
    return draw_styled(c, path, l, deep ? (hatch > OVERLAY_PLAIN ? hatch : 4) : OVERLAY_PLAIN);
}

void chart_draw_tp(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, SDL_Color c,
                   bool show_radius, float ui_scale)
{
    SDL_FPoint p = chart_to_screen(l, tp->at);
    float arm = 7.0f * ui_scale, w = 3.0f * ui_scale;
    if (show_radius) {
        float r = (float)(tp->radius * l->scale);
        ren_circle(ren, p.x, p.y, r, 1.5f * ui_scale, c);
    }
    /* White under-stroke keeps the X readable over red zones. */
    SDL_Color halo = COLA(255, 255, 255, 220);
    ren_line(ren, p.x - arm, p.y - arm, p.x + arm, p.y + arm, w + 2.5f * ui_scale, halo);
    ren_line(ren, p.x - arm, p.y + arm, p.x + arm, p.y - arm, w + 2.5f * ui_scale, halo);
    ren_line(ren, p.x - arm, p.y - arm, p.x + arm, p.y + arm, w, c);
    ren_line(ren, p.x - arm, p.y + arm, p.x + arm, p.y - arm, w, c);
}

void chart_draw_selected(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, float ui_scale)
{
    SDL_FPoint p = chart_to_screen(l, tp->at);
    ren_fill_circle(ren, p.x, p.y, 11.5f * ui_scale, COLA(255, 255, 255, 150));
    ren_circle(ren, p.x, p.y, 11.5f * ui_scale, 2.5f * ui_scale, THEME_FOCUS);
}

void chart_draw_zone(Ren *ren, const ChartLayout *l, const Zone *z, float ui_scale)
{
    SDL_FPoint *pts = malloc(sizeof *pts * (size_t)z->poly.n);
    if (!pts)
        return;
    for (int i = 0; i < z->poly.n; i++)
        pts[i] = chart_to_screen(l, z->poly.pts[i]);
    if (z->kind == ZONE_ESSENTIAL) {
        ren_fill_polygon(ren, pts, z->poly.n, FILL_SOLID, THEME_PAIN_FILL, l->image);
        ren_polygon_outline(ren, pts, z->poly.n, 1.2f * ui_scale, THEME_PAIN);
    } else {
        ren_fill_polygon(ren, pts, z->poly.n, FILL_SOLID, COLA(0xD3, 0x2F, 0x2F, 0x30), l->image);
        ren_fill_polygon(ren, pts, z->poly.n, FILL_STIPPLE, THEME_PAIN_SPILL, l->image);
        ren_polygon_outline(ren, pts, z->poly.n, 1.0f * ui_scale, THEME_PAIN_EDGE_SPILL);
    }
    free(pts);
}

void chart_draw_click(Ren *ren, const ChartLayout *l, Vec2 p, SDL_Color c, float ui_scale)
{
    SDL_FPoint s = chart_to_screen(l, p);
    ren_fill_circle(ren, s.x, s.y, 9.0f * ui_scale, COLA(255, 255, 255, 200));
    ren_circle(ren, s.x, s.y, 7.0f * ui_scale, 2.5f * ui_scale, c);
    ren_fill_circle(ren, s.x, s.y, 2.5f * ui_scale, c);
}

/* The side letters of a view that shows both sides of the body about a
 * midline (diagnose_view_midline: front, back, head_front and the close-ups
 * of the pelvis, abdomen and low back): false for a one-sided view. */
static bool side_letters(const char *view, const char **left, const char **right)
{
    bool right_on_viewer_left = false;
    if (!diagnose_view_midline(view, NULL, &right_on_viewer_left))
        return false;
    *left = right_on_viewer_left ? "R" : "L";
    *right = right_on_viewer_left ? "L" : "R";
    return true;
}

void chart_draw_sides(Ren *ren, const ChartLayout *l, const char *view)
{
    /* Only views that show both sides get R and L: in anterior views the
     * patient's right is on the viewer's left. One-sided views (side, head
     * side, the close-ups of a limb or of one shoulder) show the patient's
     * right side only. */
    const char *left, *right;
    if (!side_letters(view, &left, &right))
        return;
    int pad = (int)(8 * ren_scale(ren));
    int y = l->area.y + l->area.h - pad - ren_text_height(ren, FONT_HEADING);
    ren_text(ren, FONT_HEADING, l->area.x + pad, y, THEME_MUTED, left);
    ren_text(ren, FONT_HEADING, l->area.x + l->area.w - pad - ren_text_width(ren, FONT_HEADING, right),
             y, THEME_MUTED, right);
}

/* The rectangles chart_draw_sides writes its letters into (0 or 2). */
int chart_sides_rects(Ren *ren, const ChartLayout *l, const char *view, SDL_Rect out[2])
{
    const char *left, *right;
    if (!side_letters(view, &left, &right))
        return 0;
    int pad = (int)(8 * ren_scale(ren)), hh = ren_text_height(ren, FONT_HEADING);
    int y = l->area.y + l->area.h - pad - hh;
    int wl = ren_text_width(ren, FONT_HEADING, "L"), wr = ren_text_width(ren, FONT_HEADING, "R");
    int w = wl > wr ? wl : wr;
    out[0] = (SDL_Rect){l->area.x + pad, y, w, hh};
    out[1] = (SDL_Rect){l->area.x + l->area.w - pad - w, y, w, hh};
    return 2;
}

static void draw_placed(Ren *ren, Vec2 anchor, const LabelOut *o, const char *text, float ui_scale)
{
    if (o->leader) {
        Vec2 e = labels_leader_end(o->box, anchor);
        /* Dark on a white under-stroke: readable over zones and the muscle. */
        ren_line(ren, (float)anchor.x, (float)anchor.y, (float)e.x, (float)e.y, 3.2f * ui_scale,
                 COLA(255, 255, 255, 200));
        ren_line(ren, (float)anchor.x, (float)anchor.y, (float)e.x, (float)e.y, 1.3f * ui_scale,
                 COLA(0x22, 0x22, 0x22, 230));
    }
    SDL_Rect back = {(int)lround(o->box.x), (int)lround(o->box.y), (int)lround(o->box.w), (int)lround(o->box.h)};
    ren_fill_round_rect(ren, back, 3, COLA(255, 255, 255, 230));
    ren_text(ren, FONT_SMALL, back.x + 3, back.y, THEME_TEXT, text);
}

/* The polygons in window pixels (one allocation: the Polygon array, then
 * every point); NULL if there are none or memory is short. */
static Polygon *zones_on_screen(const ChartLayout *l, const Polygon *zones, int n)
{
    size_t points = 0;
    for (int i = 0; i < n; i++)
        points += (size_t)zones[i].n;
    if (n <= 0)
        return NULL;
    Polygon *out = malloc(sizeof *out * (size_t)n + sizeof(Vec2) * points);
    if (!out)
        return NULL;
    Vec2 *v = (Vec2 *)(out + n);
    for (int i = 0; i < n; i++) {
        out[i] = (Polygon){v, zones[i].n};
        for (int k = 0; k < zones[i].n; k++) {
            SDL_FPoint s = chart_to_screen(l, zones[i].pts[k]);
            *v++ = (Vec2){s.x, s.y};
        }
    }
    return out;
}

void chart_draw_labels(Ren *ren, const ChartLayout *l, const Vec2 *pts, const char *const *texts, int n,
                       const ChartMarks *around, float ui_scale)
{
    if (n <= 0)
        return;
    static const ChartMarks none = {0};
    if (!around)
        around = &none;
    int n_others = around->n_others, n_avoid = around->n_avoid;
    LabelIn *in = malloc(sizeof *in * (size_t)n);
    LabelOut *out = malloc(sizeof *out * (size_t)n);
    Vec2 *marks = malloc(sizeof *marks * (size_t)(n + n_others));
    RectD *keep = malloc(sizeof *keep * (size_t)(n_avoid + 1));
    Polygon *zones = zones_on_screen(l, around->zones, around->n_zones);
    const Vec2 *others = around->others;
    const SDL_Rect *avoid = around->avoid;
    if (in && out && marks && keep) {
        int h = ren_text_height(ren, FONT_SMALL);
        for (int i = 0; i < n + n_others; i++) {
            SDL_FPoint s = chart_to_screen(l, i < n ? pts[i] : others[i - n]);
            marks[i] = (Vec2){s.x, s.y};
        }
        for (int i = 0; i < n; i++)
            in[i] = (LabelIn){marks[i], ren_text_width(ren, FONT_SMALL, texts[i]) + 6, h};
        for (int i = 0; i < n_avoid; i++)
            keep[i] = (RectD){avoid[i].x, avoid[i].y, avoid[i].w, avoid[i].h};
        LabelStyle st = {{l->area.x, l->area.y, l->area.w, l->area.h},
                         LABELS_MARK * ui_scale,
                         LABELS_GAP * ui_scale,
                         zones,
                         zones ? around->n_zones : 0,
                         LABELS_ZONE_COST * ui_scale};
        labels_place(in, n, marks, n + n_others, keep, n_avoid, st, out);
        for (int i = 0; i < n; i++)
            draw_placed(ren, marks[i], &out[i], texts[i], ui_scale);
    }
    free(in);
    free(out);
    free(marks);
    free(keep);
    free(zones);
}

/* ---------------------------------------------------------------- legend */

static SDL_Color rgb_hex(int v, Uint8 alpha)
{
    return COLA((Uint8)((v >> 16) & 0xFF), (Uint8)((v >> 8) & 0xFF), (Uint8)(v & 0xFF), alpha);
}

enum { KEY_TP, KEY_SELECTED, KEY_MUSCLE, KEY_DEEP, KEY_ESSENTIAL, KEY_SPILLOVER };

/* A dashed rectangle edge (the deep muscle's). */
static void dashed_rect(Ren *ren, SDL_Rect r, float dash, float width, SDL_Color c)
{
    float x0 = (float)r.x, y0 = (float)r.y, x1 = (float)(r.x + r.w), y1 = (float)(r.y + r.h);
    for (float x = x0; x < x1; x += 2 * dash) {
        float e = x + dash < x1 ? x + dash : x1;
        ren_line(ren, x, y0, e, y0, width, c);
        ren_line(ren, x, y1, e, y1, width, c);
    }
    for (float y = y0; y < y1; y += 2 * dash) {
        float e = y + dash < y1 ? y + dash : y1;
        ren_line(ren, x0, y, x0, e, width, c);
        ren_line(ren, x1, y, x1, e, width, c);
    }
}

static void swatch(Ren *ren, int kind, SDL_Rect sw, float s)
{
    SDL_FPoint box[4] = {{(float)sw.x, (float)sw.y},
                         {(float)(sw.x + sw.w), (float)sw.y},
                         {(float)(sw.x + sw.w), (float)(sw.y + sw.h)},
                         {(float)sw.x, (float)(sw.y + sw.h)}};
    SDL_Rect clip = {sw.x, sw.y, sw.w + 1, sw.h + 1};
    float cx = (float)sw.x + (float)sw.w / 2, cy = (float)sw.y + (float)sw.h / 2;
    switch (kind) {
    case KEY_TP:
    case KEY_SELECTED:
        if (kind == KEY_SELECTED)
            ren_circle(ren, cx, cy, 9 * s, 2.5f * s, THEME_FOCUS);
        ren_line(ren, cx - 5 * s, cy - 5 * s, cx + 5 * s, cy + 5 * s, 2.5f * s, COL(0x11, 0x11, 0x11));
        ren_line(ren, cx - 5 * s, cy + 5 * s, cx + 5 * s, cy - 5 * s, 2.5f * s, COL(0x11, 0x11, 0x11));
        break;
    case KEY_MUSCLE: /* its tone, its solid edge */
        ren_fill_rect(ren, sw, rgb_hex(OVERLAY_MUSCLE_FILL, 0x80));
        ren_rect(ren, sw, (int)lroundf(1.5f * s), rgb_hex(OVERLAY_MUSCLE_EDGE, 0xFF));
        break;
    case KEY_DEEP: /* hatching, dashed edge */
        ren_fill_polygon(ren, box, 4, FILL_HATCH, rgb_hex(OVERLAY_MUSCLE_EDGE, 0xB0), clip);
        dashed_rect(ren, sw, 3 * s, 1.3f * s, rgb_hex(OVERLAY_MUSCLE_EDGE, 0xE0));
        break;
    case KEY_ESSENTIAL: /* solid red, its edge */
        ren_fill_polygon(ren, box, 4, FILL_SOLID, THEME_PAIN_FILL, clip);
        ren_polygon_outline(ren, box, 4, 1.2f * s, THEME_PAIN);
        break;
    default: /* spillover: red dots, its edge */
        ren_fill_polygon(ren, box, 4, FILL_STIPPLE, THEME_PAIN_SPILL, clip);
        ren_polygon_outline(ren, box, 4, 1.0f * s, THEME_PAIN_EDGE_SPILL);
        break;
    }
}

/* In this order two rows hold them at the narrowest chart (the study screen
 * at 960 x 640). */
static const struct {
    int kind;
    const char *text;
} LEGEND[] = {{KEY_TP, "trigger point"},      {KEY_SELECTED, "selected"},
              {KEY_MUSCLE, "muscle"},          {KEY_ESSENTIAL, "essential zone"},
              {KEY_DEEP, "deep / seen through the body"}, {KEY_SPILLOVER, "spillover zone"}};

int chart_legend_height(Ren *ren)
{
    float s = ren_scale(ren);
    return CHART_LEGEND_ROWS * (ren_text_height(ren, FONT_SMALL) + (int)lroundf(6 * s));
}

void chart_draw_legend(Ren *ren, SDL_Rect r)
{
    float s = ren_scale(ren);
    int lh = ren_text_height(ren, FONT_SMALL), row = lh + (int)lroundf(6 * s);
    int sw_w = (int)lroundf(20 * s), sep = (int)lroundf(6 * s), spacing = (int)lroundf(14 * s);
    int x = r.x, y = r.y;
    ren_clip(ren, r);
    for (int i = 0; i < (int)(sizeof LEGEND / sizeof LEGEND[0]); i++) {
        int w = sw_w + sep + ren_text_width(ren, FONT_SMALL, LEGEND[i].text);
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += row;
        }
        SDL_Rect sw = {x, y + 2, sw_w, lh - 4};
        swatch(ren, LEGEND[i].kind, sw, s);
        ren_text(ren, FONT_SMALL, x + sw_w + sep, y, THEME_TEXT, LEGEND[i].text);
        x += w + spacing;
    }
    ren_unclip(ren);
}
