/* muscle_thumb: a small picture of a muscle for lists (the muscle
 * directory): its first trigger point's chart, framed on the muscle's
 * region, with the muscle overlay, its referral zones and its trigger
 * points, drawn by the same chart code as the study screen.
 *
 * Each picture is drawn once into a texture of the exact size asked for and
 * kept (up to MUSCLE_THUMB_KEEP of them, the least recently shown dropped),
 * so a scrolling list copies textures. Making one rasterises the chart, so
 * a frame makes at most a few (*budget); the others show a plain frame
 * until a later frame, and muscle_thumb_draw says more are owed. */
#ifndef TPQUIZ_MUSCLE_THUMB_H
#define TPQUIZ_MUSCLE_THUMB_H

#include <SDL.h>
#include <stdbool.h>

#include "chart.h"
#include "course.h"
#include "render.h"

#define MUSCLE_THUMB_KEEP 128

/* Draws m's picture in r (making it if *budget > 0, which it lowers; a
 * module with no chart that loads keeps a plain frame). False if the
 * picture is owed: the caller draws another frame. */
bool muscle_thumb_draw(Ren *ren, ChartCache *charts, const Library *lib, const Module *m, SDL_Rect r,
                       float ui_scale, int *budget);

#endif
