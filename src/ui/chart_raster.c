/* chart_raster: an SVG chart's tile rasterised into a surface, here or on
 * the worker thread that makes pan tiles ahead of need (chart_raster.h). */
#include "chart_raster.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "overlay_style.h"

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

RasterOut chart_raster_tile(const RasterKey *k, Uint32 format)
{
    RasterOut o = {NULL, NULL, {0, 0, 0, 0}, false};
    SDL_Rect tile = k->tile;
    RectD vb = {k->full.x + tile.x / k->scale, k->full.y + tile.y / k->scale, tile.w / k->scale, tile.h / k->scale};
    size_t len = 0;
    char *text = reframe(k->path, vb, tile.w, tile.h, &len);
    o.read_ok = text != NULL;
    SDL_RWops *rw = text ? SDL_RWFromConstMem(text, (int)len) : NULL;
    SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, tile.w, tile.h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    free(text);
    if (s && k->style != OVERLAY_NONE)
        s = restyle(s, k->style);
    if (!s)
        return o;
    /* Only the bounding box of the pixels that are not fully transparent
     * goes into the texture: blending a transparent pixel changes nothing,
     * and an overlay (one muscle) is mostly transparent, so every redraw
     * blends far fewer pixels. */
    o.crop = opaque_bounds(s);
    SDL_Surface *part = SDL_CreateRGBSurfaceWithFormatFrom(
        (Uint8 *)s->pixels + o.crop.y * s->pitch + o.crop.x * s->format->BytesPerPixel, o.crop.w, o.crop.h,
        s->format->BitsPerPixel, s->pitch, s->format->format);
    if (!part) {
        o.crop = (SDL_Rect){0, 0, s->w, s->h};
        part = s;
        s = NULL;
    }
    if (format && part->format->format != format) {
        SDL_Surface *conv = SDL_ConvertSurfaceFormat(part, format, 0);
        if (conv) {
            SDL_FreeSurface(part);
            SDL_FreeSurface(s);
            o.surface = conv;
            return o;
        }
    }
    o.surface = part;
    o.owner = s; /* part borrows its pixels */
    return o;
}

void chart_raster_out_free(RasterOut *o)
{
    SDL_FreeSurface(o->surface);
    SDL_FreeSurface(o->owner);
    o->surface = o->owner = NULL;
}

/* ------------------------------------------------------------ pan tiles */

/* A zoomed image of at most this many pixels is rasterised whole (panning
 * over it never rasterises); a larger one in tiles around what is shown, of
 * at most this many pixels too (or just what is shown if that is more). */
#define WHOLE_MAX_PIXELS (4L * 1024 * 1024)
/* No texture side beyond this (renderers' texture limits). */
#define TILE_MAX_SIDE 8192

bool chart_raster_tiled(int W, int H)
{
    return !((long)W * H <= WHOLE_MAX_PIXELS && W <= TILE_MAX_SIDE && H <= TILE_MAX_SIDE);
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
SDL_Rect chart_raster_pan_tile(SDL_Rect need, int W, int H, int dx, int dy)
{
    if (!chart_raster_tiled(W, H))
        return (SDL_Rect){0, 0, W, H};
    double f = 0.5, px = (double)need.w * need.h;
    if (px * 4 > WHOLE_MAX_PIXELS)
        f = px >= WHOLE_MAX_PIXELS ? 0 : (sqrt(WHOLE_MAX_PIXELS / px) - 1) / 2;
    int x0, x1, y0, y1;
    tile_axis(need.x, need.w, (int)(need.w * f), dx, W, &x0, &x1);
    tile_axis(need.y, need.h, (int)(need.h * f), dy, H, &y0, &y1);
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

static int clamp_to(int a, int n, int max) { return a < 0 ? 0 : a + n > max ? max - n : a; }

bool chart_raster_next_tile(SDL_Rect need, SDL_Rect seen, SDL_Rect tile, int W, int H, SDL_Rect *next,
                            SDL_Rect *beyond)
{
    /* The way the view moves, towards an edge of the tile that is not the
     * image's; the view placed at that edge. */
    int dx = 0, dy = 0;
    SDL_Rect ahead = need;
    if (need.x < seen.x && tile.x > 0) {
        dx = -1;
        ahead.x = tile.x;
    } else if (need.x > seen.x && tile.x + tile.w < W) {
        dx = 1;
        ahead.x = tile.x + tile.w - need.w;
    }
    if (need.y < seen.y && tile.y > 0) {
        dy = -1;
        ahead.y = tile.y;
    } else if (need.y > seen.y && tile.y + tile.h < H) {
        dy = 1;
        ahead.y = tile.y + tile.h - need.h;
    }
    if (!dx && !dy)
        return false;
    *next = chart_raster_pan_tile(ahead, W, H, dx, dy);
    *beyond = (SDL_Rect){clamp_to(ahead.x + dx * (need.w / 4 + 1), need.w, W),
                         clamp_to(ahead.y + dy * (need.h / 4 + 1), need.h, H), need.w, need.h};
    return true;
}

/* ---------------------------------------------------------------- worker */

/* The texture format with alpha the renderer prefers: the worker converts
 * its tiles to it, so making the texture is a copy. */
Uint32 chart_raster_texture_format(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (r && SDL_GetRendererInfo(r, &info) == 0)
        for (Uint32 i = 0; i < info.num_texture_formats; i++) {
            Uint32 f = info.texture_formats[i];
            if (!SDL_ISPIXELFORMAT_FOURCC(f) && SDL_ISPIXELFORMAT_ALPHA(f) && SDL_BITSPERPIXEL(f) == 32)
                return f;
        }
    return SDL_PIXELFORMAT_ARGB8888;
}


#define RASTER_JOBS 4

enum { JOB_FREE, JOB_QUEUED, JOB_RUNNING, JOB_DONE };

typedef struct {
    int state;
    unsigned long seq; /* order of the requests */
    RasterKey key;
    RasterOut out;
} Job;

struct ChartRaster {
    Uint32 format, wake_event;
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *changed; /* a job queued, or done, or quit */
    bool quit;
    unsigned long seq;
    Job jobs[RASTER_JOBS];
};

ChartRaster *chart_raster_create(Uint32 format, Uint32 wake_event)
{
    ChartRaster *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->format = format;
    w->wake_event = wake_event;
    w->lock = SDL_CreateMutex();
    w->changed = SDL_CreateCond();
    if (!w->lock || !w->changed) {
        chart_raster_free(w);
        return NULL;
    }
    return w;
}

static void job_clear(Job *j)
{
    free(j->key.path);
    chart_raster_out_free(&j->out);
    memset(j, 0, sizeof *j);
}

static int worker(void *arg)
{
    ChartRaster *w = arg;
    SDL_LockMutex(w->lock);
    for (;;) {
        Job *next = NULL;
        for (int i = 0; i < RASTER_JOBS; i++)
            if (w->jobs[i].state == JOB_QUEUED && (!next || w->jobs[i].seq < next->seq))
                next = &w->jobs[i];
        if (w->quit)
            break;
        if (!next) {
            SDL_CondWait(w->changed, w->lock);
            continue;
        }
        next->state = JOB_RUNNING;
        RasterKey key = next->key; /* the path stays while the job runs */
        SDL_UnlockMutex(w->lock);
        RasterOut out = chart_raster_tile(&key, w->format);
        if (!out.surface)
            fprintf(stderr, "%s: error: cannot draw chart: %s\n", key.path,
                    out.read_ok ? SDL_GetError() : "cannot read it");
        SDL_LockMutex(w->lock);
        next->out = out;
        next->state = JOB_DONE;
        SDL_CondBroadcast(w->changed);
        if (w->wake_event) {
            SDL_Event e;
            SDL_zero(e);
            e.type = w->wake_event;
            SDL_PushEvent(&e);
        }
    }
    SDL_UnlockMutex(w->lock);
    return 0;
}

void chart_raster_free(ChartRaster *w)
{
    if (!w)
        return;
    if (w->thread) {
        SDL_LockMutex(w->lock);
        w->quit = true;
        SDL_CondBroadcast(w->changed);
        SDL_UnlockMutex(w->lock);
        SDL_WaitThread(w->thread, NULL);
    }
    for (int i = 0; i < RASTER_JOBS; i++)
        job_clear(&w->jobs[i]);
    if (w->changed)
        SDL_DestroyCond(w->changed);
    if (w->lock)
        SDL_DestroyMutex(w->lock);
    free(w);
}

bool chart_raster_request(ChartRaster *w, const RasterKey *key)
{
    if (!w)
        return false;
    char *path = strdup(key->path);
    if (!path)
        return false;
    if (!w->thread) {
        w->thread = SDL_CreateThread(worker, "chart raster", w);
        if (!w->thread) {
            free(path);
            return false;
        }
    }
    SDL_LockMutex(w->lock);
    /* A free slot, else the oldest tile still queued gives way: the view
     * has moved on from it. */
    Job *slot = NULL;
    /* A tile of the same file and zoom still queued is one the view has
     * left: this one takes its place. */
    for (int i = 0; i < RASTER_JOBS && !slot; i++) {
        const Job *j = &w->jobs[i];
        if (j->state == JOB_QUEUED && j->key.tag == key->tag && j->key.style == key->style &&
            j->key.scale == key->scale && !memcmp(&j->key.full, &key->full, sizeof key->full) &&
            !strcmp(j->key.path, key->path))
            slot = &w->jobs[i];
    }
    for (int i = 0; i < RASTER_JOBS && !slot; i++)
        if (w->jobs[i].state == JOB_FREE)
            slot = &w->jobs[i];
    for (int i = 0; i < RASTER_JOBS && !slot; i++)
        if (w->jobs[i].state == JOB_QUEUED && (!slot || w->jobs[i].seq < slot->seq))
            slot = &w->jobs[i];
    bool ok = slot != NULL;
    if (ok) {
        job_clear(slot);
        slot->key = *key;
        slot->key.path = path;
        slot->seq = ++w->seq;
        slot->state = JOB_QUEUED;
        SDL_CondBroadcast(w->changed);
    } else {
        free(path);
    }
    SDL_UnlockMutex(w->lock);
    return ok;
}

static bool inside(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

bool chart_raster_has(ChartRaster *w, const char *path, int style, double scale, RectD full, const SDL_Rect *need)
{
    if (!w)
        return false;
    bool has = false;
    SDL_LockMutex(w->lock);
    for (int i = 0; i < RASTER_JOBS && !has; i++) {
        const Job *j = &w->jobs[i];
        has = j->state != JOB_FREE && j->key.style == style && j->key.scale == scale &&
              !memcmp(&j->key.full, &full, sizeof full) && !strcmp(j->key.path, path) &&
              (!need || inside(j->key.tile, *need));
    }
    SDL_UnlockMutex(w->lock);
    return has;
}

bool chart_raster_take(ChartRaster *w, RasterKey *key, RasterOut *out)
{
    if (!w)
        return false;
    bool got = false;
    SDL_LockMutex(w->lock);
    for (int i = 0; i < RASTER_JOBS && !got; i++) {
        Job *j = &w->jobs[i];
        if (j->state != JOB_DONE)
            continue;
        *key = j->key;
        *out = j->out;
        memset(j, 0, sizeof *j);
        got = true;
    }
    SDL_UnlockMutex(w->lock);
    return got;
}

bool chart_raster_wait(ChartRaster *w)
{
    if (!w)
        return false;
    bool done = false;
    SDL_LockMutex(w->lock);
    for (;;) {
        bool busy = false;
        done = false;
        for (int i = 0; i < RASTER_JOBS; i++) {
            busy |= w->jobs[i].state == JOB_QUEUED || w->jobs[i].state == JOB_RUNNING;
            done |= w->jobs[i].state == JOB_DONE;
        }
        if (!busy || !w->thread)
            break;
        SDL_CondWait(w->changed, w->lock);
    }
    SDL_UnlockMutex(w->lock);
    return done;
}
