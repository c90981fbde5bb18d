/* chart_png: see chart_png.h. SDL_image rasterises the SVG (nanosvg) and
 * writes the PNG (libpng) through an SDL_RWops that grows a buffer. */
#include "chart_png.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "overlay_style.h"

typedef struct {
    unsigned char *data;
    size_t len, cap;
} Grow;

static size_t grow_write(SDL_RWops *rw, const void *ptr, size_t size, size_t num)
{
    Grow *g = rw->hidden.unknown.data1;
    size_t n = size * num;
    if (g->len + n > g->cap) {
        size_t cap = (g->len + n) * 2;
        unsigned char *v = realloc(g->data, cap);
        if (!v)
            return 0;
        g->data = v;
        g->cap = cap;
    }
    memcpy(g->data + g->len, ptr, n);
    g->len += n;
    return num;
}

static Sint64 grow_size(SDL_RWops *rw)
{
    return (Sint64)((Grow *)rw->hidden.unknown.data1)->len;
}

static Sint64 grow_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
    Grow *g = rw->hidden.unknown.data1;
    /* Writing is sequential; a seek asks only where the end is. */
    if (offset == 0 && (whence == RW_SEEK_CUR || whence == RW_SEEK_END))
        return (Sint64)g->len;
    return SDL_SetError("chart_png: a PNG is written from start to end");
}

static size_t grow_read(SDL_RWops *rw, void *ptr, size_t size, size_t num)
{
    (void)rw, (void)ptr, (void)size, (void)num;
    return 0;
}

static int grow_close(SDL_RWops *rw)
{
    SDL_FreeRW(rw);
    return 0;
}

static SDL_Surface *load(const char *path, int w, int h, Diag *d)
{
    size_t len = 0;
    char *text = datafile_read_capped(path, DATAFILE_CHART, &len, d);
    if (!text)
        return NULL;
    SDL_RWops *rw = SDL_RWFromConstMem(text, (int)len);
    SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    free(text);
    if (!s)
        diag_error(d, path, 0, "cannot draw the chart: %s", IMG_GetError());
    return s;
}

int chart_png(void *ctx, const char *chart, const char *overlay, int w, int h, unsigned char **png, size_t *len,
              Diag *d)
{
    (void)ctx;
    *png = NULL;
    *len = 0;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Surface *base = load(chart, w, h, d);
    SDL_Surface *over = base && overlay ? load(overlay, w, h, d) : NULL;
    if (over) {
        /* The muscle in the charts' visual language, as the program shows it. */
        SDL_Surface *rgba = SDL_ConvertSurfaceFormat(over, SDL_PIXELFORMAT_RGBA32, 0);
        if (rgba && SDL_LockSurface(rgba) == 0) {
            overlay_restyle_rgba(rgba->pixels, rgba->w, rgba->h, rgba->pitch, false, 7);
            SDL_UnlockSurface(rgba);
            SDL_FreeSurface(over);
            over = rgba;
        } else {
            SDL_FreeSurface(rgba);
        }
    }
    int rc = -1;
    if (!out) {
        diag_error(d, chart, 0, "cannot draw the chart: %s", SDL_GetError());
    } else if (base && (!overlay || over)) {
        SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, 255, 255, 255, 255));
        SDL_SetSurfaceBlendMode(base, SDL_BLENDMODE_BLEND);
        SDL_BlitSurface(base, NULL, out, NULL);
        if (over) {
            SDL_SetSurfaceBlendMode(over, SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(over, NULL, out, NULL);
        }
        Grow g = {0};
        SDL_RWops *rw = SDL_AllocRW();
        if (rw) {
            rw->type = SDL_RWOPS_UNKNOWN;
            rw->hidden.unknown.data1 = &g;
            rw->write = grow_write;
            rw->read = grow_read;
            rw->seek = grow_seek;
            rw->size = grow_size;
            rw->close = grow_close;
        }
        if (rw && IMG_SavePNG_RW(out, rw, 1) == 0 && g.len > 0) {
            *png = g.data;
            *len = g.len;
            rc = 0;
        } else {
            free(g.data);
            diag_error(d, chart, 0, "cannot encode the chart as PNG: %s", IMG_GetError());
        }
    }
    SDL_FreeSurface(over);
    SDL_FreeSurface(base);
    SDL_FreeSurface(out);
    return rc;
}
