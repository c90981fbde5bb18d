#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_raster.h"
#include "overlay_style.h"
#include "layout.h"
#include "theme.h"

#define CACHE_ENTRIES 24
/* The textures the cache keeps, together, before it drops the least
 * recently used (4 bytes a pixel); those drawn in the current frame are
 * kept even beyond it, so two large tiles never evict each other. */
#define CACHE_MAX_PIXELS (8L * 1024 * 1024)
/* The backdrop of a tiled zoom: the whole view in at most this many
 * pixels, made ahead, drawn scaled up where a pan tile is not made yet. */
#define BACKDROP_PIXELS (512L * 1024)
/* Textures kept to reuse for the tiles the worker makes (a chart and its
 * overlay: two). */
#define SPARES 2

typedef struct {
    char *path;
    double scale; /* pixels per image unit */
    RectD full;   /* the view: the zoomed image is full at scale */
    SDL_Rect tile; /* the part of the zoomed image rasterised, in its pixels */
    bool partial;  /* just what was on screen after a zoom step: refine it */
    bool backdrop; /* the whole view, small: drawn under a missing tile */
    SDL_Rect seen; /* need when it was last drawn: the way a pan goes */
    SDL_Texture *tex; /* NULL with failed = true: do not retry every frame */
    SDL_Rect crop;    /* the part of the tile tex holds: its drawn pixels */
    int style;        /* 0: as drawn; else an overlay restyled (restyle()) */
    bool failed;
    unsigned long last_used;
    unsigned long frame_used; /* the frame it was last drawn in */
} SvgEntry;

struct ChartCache {
    SDL_Renderer *r;
    /* Makes pan tiles and backdrops ahead of need on a thread of its own
     * (NULL: everything is rasterised when it is drawn). */
    ChartRaster *raster;
    Uint32 format;       /* the texture format the worker's tiles come in */
    SDL_Texture *spare[SPARES]; /* tiles' textures dropped, to reuse (drop()) */
    int spare_w, spare_h;       /* the size of a pan tile at the current zoom */
    SvgEntry e[CACHE_ENTRIES];
    unsigned long tick;
    unsigned long frame; /* counted by chart_cache_frame */
    bool wants_refine; /* the zoom changed: an idle frame should refine partial tiles */
    bool refine;       /* this frame refines partial tiles */
    ChartCache *next;  /* the caches alive (chart_caches_settle) */
};

/* Every cache alive; only the main thread creates, frees and draws them. */
static ChartCache *live_caches;

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
    /* One event type for every cache: a tile made wakes the event loop. */
    static Uint32 wake;
    if (!wake) {
        Uint32 t = SDL_RegisterEvents(1);
        wake = t == (Uint32)-1 ? 0 : t;
    }
    ChartCache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->r = r;
    c->format = chart_raster_texture_format(r);
    c->raster = chart_raster_create(c->format, wake);
    c->next = live_caches;
    live_caches = c;
    return c;
}

static long texture_pixels(SDL_Texture *t)
{
    int w = 0, h = 0;
    return t && SDL_QueryTexture(t, NULL, NULL, &w, &h) == 0 ? (long)w * h : 0;
}

/* t kept as a spare in place of a smaller one (or none), else destroyed:
 * a tile the worker makes reuses it, so the renderer allocates and clears
 * no new memory, which costs a software renderer tens of milliseconds for
 * a large tile. */
static void keep_spare(ChartCache *c, SDL_Texture *t)
{
    Uint32 format = 0;
    int smallest = 0, w = 0, h = 0;
    for (int i = 1; i < SPARES; i++)
        if (texture_pixels(c->spare[i]) < texture_pixels(c->spare[smallest]))
            smallest = i;
    /* Only one a pan tile fits in. */
    if (c->raster && SDL_QueryTexture(t, &format, NULL, &w, &h) == 0 && format == c->format && w >= c->spare_w &&
        h >= c->spare_h && texture_pixels(t) > texture_pixels(c->spare[smallest])) {
        if (c->spare[smallest])
            SDL_DestroyTexture(c->spare[smallest]);
        c->spare[smallest] = t;
    } else {
        SDL_DestroyTexture(t);
    }
}

/* Spares of w x h at least (a pan tile at the zoom), made now: the refine
 * frame that makes the first pan tiles of a zoom pays for them, not a pan
 * frame. */
static void make_spares(ChartCache *c, int w, int h)
{
    c->spare_w = w;
    c->spare_h = h;
    for (int i = 0; i < SPARES; i++) {
        int sw = 0, sh = 0;
        if (c->spare[i] && SDL_QueryTexture(c->spare[i], NULL, NULL, &sw, &sh) == 0 && sw >= w && sh >= h)
            continue;
        SDL_Texture *t = SDL_CreateTexture(c->r, c->format, SDL_TEXTUREACCESS_STATIC, w, h);
        if (!t)
            return;
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        if (c->spare[i])
            SDL_DestroyTexture(c->spare[i]);
        c->spare[i] = t;
    }
}

/* e emptied, its texture kept as a spare or destroyed. */
static void drop(ChartCache *c, SvgEntry *e)
{
    free(e->path);
    if (e->tex)
        keep_spare(c, e->tex);
    memset(e, 0, sizeof *e);
}

void chart_cache_free(ChartCache *c)
{
    if (!c)
        return;
    for (ChartCache **p = &live_caches; *p; p = &(*p)->next)
        if (*p == c) {
            *p = c->next;
            break;
        }
    chart_raster_free(c->raster); /* the thread is stopped before the textures go */
    for (int i = 0; i < CACHE_ENTRIES; i++)
        drop(c, &c->e[i]);
    for (int i = 0; i < SPARES; i++)
        if (c->spare[i])
            SDL_DestroyTexture(c->spare[i]);
    free(c);
}

static long entry_pixels(const SvgEntry *e) { return e->tex ? (long)e->crop.w * e->crop.h : 0; }

/* e becomes the tile key (its path is e's now) made into out (freed); a
 * tile that failed is kept as failed, reported once. */
static void fill(ChartCache *c, SvgEntry *e, RasterKey *key, RasterOut *out)
{
    e->path = key->path;
    e->style = key->style;
    e->scale = key->scale;
    e->full = key->full;
    e->tile = key->tile;
    e->backdrop = key->tag != 0;
    e->last_used = c->tick;
    if (out->surface) {
        e->crop = out->crop;
        SDL_Surface *o = out->surface;
        /* The smallest spare it fits in; not for a small one (a backdrop),
         * quick to make anew. */
        int best = -1;
        bool large = (long)o->w * o->h * 4 >= (long)c->spare_w * c->spare_h;
        for (int i = 0; i < SPARES && large && o->format->format == c->format; i++) {
            int sw = 0, sh = 0;
            if (c->spare[i] && SDL_QueryTexture(c->spare[i], NULL, NULL, &sw, &sh) == 0 && sw >= o->w &&
                sh >= o->h && (best < 0 || texture_pixels(c->spare[i]) < texture_pixels(c->spare[best])))
                best = i;
        }
        SDL_Rect r = {0, 0, o->w, o->h};
        if (best >= 0 && SDL_UpdateTexture(c->spare[best], &r, o->pixels, o->pitch) == 0) {
            e->tex = c->spare[best];
            c->spare[best] = NULL;
        }
        if (!e->tex)
            e->tex = SDL_CreateTextureFromSurface(c->r, o);
    }
    chart_raster_out_free(out);
    e->failed = !e->tex;
}

/* Rasterises tile (pixels of path's view at scale) into e, now. */
static void rasterise(ChartCache *c, SvgEntry *e, const char *path, double scale, RectD full, SDL_Rect tile,
                      int style)
{
    RasterKey key = {strdup(path), style, scale, full, tile, 0};
    if (!key.path)
        return;
    RasterOut out = chart_raster_tile(&key, 0);
    if (!out.surface && !out.read_ok)
        SDL_SetError("cannot read it");
    if (!out.surface)
        fprintf(stderr, "%s: error: cannot draw chart: %s\n", path, SDL_GetError());
    fill(c, e, &key, &out);
}

/* A free slot for a texture of adding pixels: the least recently used
 * entries are dropped until there is one and the textures kept stay within
 * CACHE_MAX_PIXELS; not those drawn in frame keep or since. */
static SvgEntry *make_room(ChartCache *c, long adding, unsigned long keep)
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
            if (e->frame_used < keep && (!oldest || e->last_used < oldest->last_used))
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
        drop(c, oldest);
    }
}

static bool contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}
static bool same_file(const SvgEntry *e, const char *path, int style, RectD full)
{
    return e->path && e->style == style && !memcmp(&e->full, &full, sizeof full) && !strcmp(e->path, path);
}

/* The tiles the worker has made become textures (the main thread's part:
 * a copy, the worker converted them to the texture format). */
static void adopt(ChartCache *c)
{
    RasterKey key;
    RasterOut out;
    while (chart_raster_take(c->raster, &key, &out)) {
        /* Not the tiles of the frame before either: they are still shown. */
        SvgEntry *slot = make_room(c, out.surface ? (long)out.crop.w * out.crop.h : 0, c->frame ? c->frame - 1 : 0);
        drop(c, slot);
        fill(c, slot, &key, &out);
        /* A refined tile: the partial tile it was made for (all of it inside
         * the new one) has had its day. */
        for (int i = 0; slot->tex && !slot->backdrop && i < CACHE_ENTRIES; i++) {
            SvgEntry *e = &c->e[i];
            if (e != slot && e->partial && e->scale == slot->scale &&
                same_file(e, slot->path, slot->style, slot->full) && contains(slot->tile, e->tile))
                drop(c, e);
        }
    }
}

/* Asks the worker for the backdrop of path's view full, unless there is
 * one (kept, in that case: it is drawn with the tiles it stands in for). */
static void want_backdrop(ChartCache *c, const char *path, int style, RectD full)
{
    for (int i = 0; i < CACHE_ENTRIES; i++)
        if (c->e[i].backdrop && same_file(&c->e[i], path, style, full)) {
            c->e[i].last_used = c->tick;
            return;
        }
    double scale = sqrt(BACKDROP_PIXELS / (full.w * full.h));
    RasterKey key = {(char *)path, style, scale, full, {0, 0, (int)lround(full.w * scale), (int)lround(full.h * scale)},
                     1};
    if (key.tile.w > 0 && key.tile.h > 0 && !chart_raster_has(c->raster, path, style, scale, full, NULL))
        chart_raster_request(c->raster, &key);
}

/* While the view (need, last drawn from this tile at seen) pans towards an
 * edge of its tile (W x H: the zoomed image), the worker makes the next
 * tile that way (chart_raster_next_tile), unless one is made or being
 * made: a pan reaches it without waiting for it. */
static void prefetch(ChartCache *c, const char *path, int style, double scale, RectD full, SDL_Rect need,
                     SDL_Rect seen, SDL_Rect tile, int W, int H)
{
    SDL_Rect next, beyond;
    if (!chart_raster_next_tile(need, seen, tile, W, H, &next, &beyond))
        return;
    /* A tile past that edge is made already (the way back, say). */
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        const SvgEntry *e = &c->e[i];
        if (!e->failed && e->scale == scale && same_file(e, path, style, full) && contains(e->tile, beyond))
            return;
    }
    /* One tile of a file and zoom at a time: the worker keeps up with the
     * pan, not with every frame of it. */
    if (chart_raster_has(c->raster, path, style, scale, full, NULL))
        return;
    RasterKey key = {(char *)path, style, scale, full, next, 0};
    chart_raster_request(c->raster, &key);
}

/* Whether something of path's view full is cached to draw over need (at
 * scale) while its tile is being made: a tile at scale over part of it, or
 * another scale's covering all of it (the backdrop). */
static bool can_stand_in(ChartCache *c, const char *path, int style, double scale, RectD full, SDL_Rect need)
{
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        const SvgEntry *e = &c->e[i];
        if (e->failed || !e->tex || !same_file(e, path, style, full))
            continue;
        if (e->scale == scale && SDL_HasIntersection(&e->tile, &need))
            return true;
        if (e->scale != scale && e->backdrop)
            return true;
    }
    return false;
}

/* The cached rasterisation of path at scale over full holding need, made
 * if there is none. A new zoom level first gets just need (quick: the
 * zoom step shows sharp at once) and is refined to a pan tile on a later
 * frame; a pan past a tile at a known zoom gets its pan tile from the
 * worker (NULL and *waiting meanwhile: draw_waiting) if something can
 * stand in for it, else at once. An overlay restyled (style) is another
 * entry than the same file drawn as it is. */
static SvgEntry *lookup(ChartCache *c, const char *path, double scale, RectD full, SDL_Rect need, int W, int H,
                        int style, bool *waiting)
{
    c->tick++;
    *waiting = false;
    adopt(c);
    bool tiled = chart_raster_tiled(W, H);
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
    if (tiled && c->raster)
        want_backdrop(c, path, style, full);
    /* A partial tile to refine, with the worker there: the worker makes its
     * pan tile while this one, which holds all that is on screen, is still
     * drawn; once adopted the refined tile is found first (not partial). No
     * idle frame rasterises on this thread. */
    if (found && found->partial && c->refine && c->raster) {
        SDL_Rect tile = chart_raster_pan_tile(need, W, H, 0, 0);
        if (tile.w > 0 && tile.h > 0 && !chart_raster_has(c->raster, path, style, scale, full, &need)) {
            RasterKey key = {(char *)path, style, scale, full, tile, 0};
            chart_raster_request(c->raster, &key);
        }
        if (tiled) { /* the textures pans at this zoom will fill, made in this idle frame */
            SDL_Rect biggest = chart_raster_pan_tile((SDL_Rect){0, 0, need.w, need.h}, W, H, 0, 0);
            make_spares(c, biggest.w, biggest.h);
        }
        found->last_used = c->tick;
        found->frame_used = c->frame;
        return found;
    }
    if (found && !(found->partial && c->refine)) {
        found->last_used = c->tick;
        found->frame_used = c->frame;
        if (tiled && !found->partial && c->raster && found->seen.w)
            prefetch(c, path, style, scale, full, need, found->seen, found->tile, W, H);
        found->seen = need;
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
    SDL_Rect tile = quick ? need : chart_raster_pan_tile(need, W, H, dx, dy);
    if (tile.w <= 0 || tile.h <= 0)
        return NULL;
    if (!quick && !found && c->raster && can_stand_in(c, path, style, scale, full, need)) {
        if (!chart_raster_has(c->raster, path, style, scale, full, &need)) {
            RasterKey key = {(char *)path, style, scale, full, tile, 0};
            chart_raster_request(c->raster, &key);
        }
        *waiting = true;
        return NULL;
    }
    SvgEntry *slot = make_room(c, (long)tile.w * tile.h, c->frame);
    drop(c, slot);
    if (found && found != slot)
        drop(c, found); /* the partial tile is replaced by the refined one */
    rasterise(c, slot, path, scale, full, tile, style);
    if (!quick && tiled && c->raster) {
        SDL_Rect biggest = chart_raster_pan_tile((SDL_Rect){0, 0, need.w, need.h}, W, H, 0, 0);
        make_spares(c, biggest.w, biggest.h);
    }
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

bool chart_caches_settle(void)
{
    bool done = false;
    for (ChartCache *c = live_caches; c; c = c->next)
        done |= chart_raster_wait(c->raster);
    return done;
}

/* Copies the part of e's tile under need (pixels of the zoomed image at
 * l->scale, shown at l->image) to the screen. */
static void draw_entry(ChartCache *c, SvgEntry *e, const ChartLayout *l, SDL_Rect need)
{
    /* need in the tile's pixels, cut to what the texture holds. */
    SDL_Rect want = {need.x - e->tile.x, need.y - e->tile.y, need.w, need.h}, got;
    if (!SDL_IntersectRect(&want, &e->crop, &got))
        return; /* nothing drawn in this part */
    SDL_Rect src = {got.x - e->crop.x, got.y - e->crop.y, got.w, got.h};
    SDL_Rect dst = {l->image.x + (got.x - want.x), l->image.y + (got.y - want.y), got.w, got.h};
    SDL_RenderCopy(c->r, e->tex, &src, &dst);
}

/* Draws part (pixels of the zoomed image at scale, within need) of under,
 * another scale's rasterisation, scaled to scale. */
static void draw_scaled(ChartCache *c, SvgEntry *under, const ChartLayout *l, SDL_Rect need, SDL_Rect part)
{
    double k = under->scale / l->scale; /* its pixels per pixel at scale */
    /* part in the texture's pixels (fractions kept), cut to it. */
    double x0 = part.x * k - under->tile.x - under->crop.x, y0 = part.y * k - under->tile.y - under->crop.y;
    double x1 = x0 + part.w * k, y1 = y0 + part.h * k;
    SDL_Rect src = {(int)floor(x0 > 0 ? x0 : 0), (int)floor(y0 > 0 ? y0 : 0), 0, 0};
    src.w = (int)ceil(x1 < under->crop.w ? x1 : under->crop.w) - src.x;
    src.h = (int)ceil(y1 < under->crop.h ? y1 : under->crop.h) - src.y;
    if (src.w <= 0 || src.h <= 0)
        return;
    int px = l->image.x + (part.x - need.x), py = l->image.y + (part.y - need.y);
    SDL_FRect dst = {(float)(px + (src.x - x0) / k), (float)(py + (src.y - y0) / k), (float)(src.w / k),
                     (float)(src.h / k)};
    /* Only part is drawn: the rest is sharp, or another part. */
    SDL_Rect clip, box = {px, py, part.w, part.h}, cut = box;
    bool clipped = SDL_RenderIsClipEnabled(c->r);
    SDL_RenderGetClipRect(c->r, &clip);
    if (clipped && !SDL_IntersectRect(&clip, &box, &cut))
        return;
    SDL_RenderSetClipRect(c->r, &cut);
    SDL_RenderCopyF(c->r, under->tex, &src, &dst);
    SDL_RenderSetClipRect(c->r, clipped ? &clip : NULL);
}

/* While need's tile is being made: the tile at this scale holding most of
 * need, and under the rest of need the backdrop (or the sharpest other
 * scale holding all of need) scaled up. Blurry there for the frames the
 * worker takes, never blank. */
static void draw_waiting(ChartCache *c, const char *path, int style, RectD full, const ChartLayout *l,
                         SDL_Rect need)
{
    double scale = l->scale;
    SvgEntry *under = NULL, *over = NULL;
    SDL_Rect shown = {0, 0, 0, 0}; /* what over holds of need */
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        SvgEntry *e = &c->e[i];
        if (e->failed || !e->tex || !same_file(e, path, style, full))
            continue;
        SDL_Rect in;
        if (e->scale == scale) {
            if (SDL_IntersectRect(&e->tile, &need, &in) && (long)in.w * in.h > (long)shown.w * shown.h) {
                over = e;
                shown = in;
            }
            continue;
        }
        double k = e->scale / scale;
        in = (SDL_Rect){(int)floor(need.x * k), (int)floor(need.y * k), (int)ceil(need.w * k), (int)ceil(need.h * k)};
        if ((e->backdrop || contains(e->tile, in)) && (!under || e->scale > under->scale))
            under = e;
    }
    if (under) {
        under->last_used = c->tick;
        under->frame_used = c->frame;
        /* need less what over shows: up to four bands. */
        SDL_Rect band[4];
        int n = 0;
        if (!over) {
            band[n++] = need;
        } else {
            int top = shown.y - need.y, bottom = need.y + need.h - (shown.y + shown.h);
            int left = shown.x - need.x, right = need.x + need.w - (shown.x + shown.w);
            if (top > 0)
                band[n++] = (SDL_Rect){need.x, need.y, need.w, top};
            if (bottom > 0)
                band[n++] = (SDL_Rect){need.x, shown.y + shown.h, need.w, bottom};
            if (left > 0)
                band[n++] = (SDL_Rect){need.x, shown.y, left, shown.h};
            if (right > 0)
                band[n++] = (SDL_Rect){shown.x + shown.w, shown.y, right, shown.h};
        }
        for (int i = 0; i < n; i++)
            draw_scaled(c, under, l, need, band[i]);
    }
    if (over) {
        over->last_used = c->tick;
        over->frame_used = c->frame;
        draw_entry(c, over, l, need);
    }
}

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
    bool waiting = false;
    SvgEntry *e = lookup(c, path, l->scale, full, need, W, H, style, &waiting);
    if (waiting) {
        draw_waiting(c, path, style, full, l, need);
        return true;
    }
    if (!e || !e->tex)
        return false;
    draw_entry(c, e, l, need);
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
