/* heatmap: where a class clicked on one chart question (locate, zone,
 * reverse, locate-all; for paint questions, where it painted).
 *
 * Over the question's chart: a density of every click (Gaussian splats,
 * a sequential ramp from light blue to deep purple, translucent), every click
 * marked by its credit (full: green dot, partial: orange triangle, none:
 * red cross: shape and colour, so it reads without colour too), and the
 * target on top (the trigger point's X with its full-credit circle and the
 * zero-credit circle at twice the radius, every point for locate-all, or
 * the referral zones' outlines). A paint question shows the share of
 * paintings covering each cell instead of clicks. heatmap_draw draws into
 * any layout (for the instructor screen); HeatmapWriter renders whole
 * pictures off screen (the whole chart, a close-up of the target, a title
 * and a legend) and saves them as PNGs. docs/REPORT.md describes them. */
#ifndef TPQUIZ_HEATMAP_H
#define TPQUIZ_HEATMAP_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "render.h"
#include "report.h"

/* True if the item can have a heatmap: a chart question this station's
 * courses know, with its chart, and at least one click (or painting) kept. */
bool heatmap_available(const ReportItem *it);

/* Draws the part of the item's chart that l covers, then the density,
 * the clicks and the target, clipped to l->area. ui_scale sizes marks and
 * strokes (1 = one pixel per point). */
void heatmap_draw(Ren *ren, ChartCache *cache, const ChartLayout *l, const ReportItem *it, float ui_scale);

/* The close-up of a heatmap_available item: its target (the trigger
 * point, every point of a locate-all chart, or the referral zones) with
 * room around it for the near misses, in image units. */
RectD heatmap_focus(const ReportItem *it);

/* The colour scale of the item's density in r (r.w wide,
 * heatmap_scale_height high): what the colour means, a bar of the colours
 * as drawn, and ticks at 0, 10, 25, 50 and 100%. */
int heatmap_scale_height(Ren *ren, float ui_scale);
void heatmap_draw_scale(Ren *ren, SDL_Rect r, const ReportItem *it, float ui_scale);

/* The PNG's file name for an item: its key with '/' turned into '.'
 * ("iliopsoas.tp.iliacus.locate.png"), written into buf; returns buf. */
char *heatmap_file_name(const ReportItem *it, char *buf, size_t size);

typedef struct HeatmapWriter HeatmapWriter;

/* An off-screen canvas (no window; a software renderer over a surface)
 * with the given font. NULL with the reason in SDL_GetError(). TTF must be
 * initialised. */
HeatmapWriter *heatmap_writer_create(const char *font_path);
void heatmap_writer_free(HeatmapWriter *w);

/* Draws the item's picture and saves it at path. Returns 0, or -1 with the
 * reason in SDL_GetError(). */
int heatmap_writer_save(HeatmapWriter *w, const ReportItem *it, const char *path);

#endif
