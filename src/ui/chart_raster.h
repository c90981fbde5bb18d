/* chart_raster: rasterising a part of an SVG chart into a surface, in the
 * calling thread or ahead of need on a worker thread of its own (chart.c's
 * pan tiles). Only surfaces are made off the main thread: no renderer, no
 * texture. */
#ifndef TPQUIZ_CHART_RASTER_H
#define TPQUIZ_CHART_RASTER_H

#include <SDL.h>
#include <stdbool.h>

#include "geometry.h"

/* Style of a rasterised file: as drawn, or an overlay restyled (plain, or
 * the deep hatching period). */
#define OVERLAY_NONE 0
#define OVERLAY_PLAIN 1

/* What is rasterised: tile, in the pixels of path's view full drawn whole
 * at scale pixels per image unit, in style. */
typedef struct {
    char *path;
    int style;
    double scale;
    RectD full;
    SDL_Rect tile;
    int tag; /* the caller's */
} RasterKey;

/* A rasterised tile: the part of it whose pixels are not all transparent
 * (crop, in the tile's pixels), in the texture format asked for. surface is
 * NULL on failure (read_ok: whether the file could be read at all). */
typedef struct {
    SDL_Surface *surface;
    SDL_Surface *owner; /* NULL, or what surface's pixels belong to */
    SDL_Rect crop;
    bool read_ok;
} RasterOut;

/* Rasterises key in the calling thread into a surface of format (0: as
 * loaded). SDL's error is set on failure. */
RasterOut chart_raster_tile(const RasterKey *key, Uint32 format);
void chart_raster_out_free(RasterOut *o);

/* Pan tiles, in the pixels of a zoomed image of W x H: whether it is
 * rasterised in tiles (else whole); the tile to rasterise so that panning
 * around need copies from it (need grown by its own size, ahead of the pan
 * dx, dy: -1, 0, +1, or around need); while need moves from seen towards
 * an edge of tile, the next tile that way (the view placed at that edge,
 * grown ahead) and beyond, where the view is a little past that edge: a
 * tile holding it makes next needless. False if the view does not move
 * towards an edge of tile inside the image. */
bool chart_raster_tiled(int W, int H);
SDL_Rect chart_raster_pan_tile(SDL_Rect need, int W, int H, int dx, int dy);
bool chart_raster_next_tile(SDL_Rect need, SDL_Rect seen, SDL_Rect tile, int W, int H, SDL_Rect *next,
                            SDL_Rect *beyond);

typedef struct ChartRaster ChartRaster;

/* The texture format with alpha r prefers (on the main thread): the worker
 * converts its tiles to it, so making their textures is a copy. */
Uint32 chart_raster_texture_format(SDL_Renderer *r);

/* The worker (its thread is started at the first request); wake_event (0:
 * none) is pushed whenever a tile is done, so that an event loop waiting
 * for input draws it. */
ChartRaster *chart_raster_create(Uint32 format, Uint32 wake_event);
/* Stops the thread (a tile being rasterised is finished first) and frees
 * what is queued or done. */
void chart_raster_free(ChartRaster *w);
/* Queues key (copied), in place of a tile of the same file, style, zoom
 * and tag still queued (the view has left it); false if the queue is full
 * of tiles being made. */
bool chart_raster_request(ChartRaster *w, const RasterKey *key);
/* Whether a queued, running or done tile of path (style, scale, full)
 * contains need; any (need NULL) tile of it at all. */
bool chart_raster_has(ChartRaster *w, const char *path, int style, double scale, RectD full, const SDL_Rect *need);
/* Takes a done tile: its key (the path is the caller's to free) and
 * surface; false if none is done. */
bool chart_raster_take(ChartRaster *w, RasterKey *key, RasterOut *out);
/* Waits until nothing is queued or being made; whether a tile is done. */
bool chart_raster_wait(ChartRaster *w);

#endif
