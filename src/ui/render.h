/* render: the only drawing layer. Everything on screen goes through these
 * calls, in output pixels (HiDPI aware: the caller scales by ren_scale).
 * Text is drawn with SDL_ttf and cached as textures; every string drawn in a
 * frame is remembered so the test harness can `expect` it. */
#ifndef TPQUIZ_RENDER_H
#define TPQUIZ_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "diag.h"
#include "layout_check.h"

typedef enum { FONT_BODY, FONT_SMALL, FONT_BOLD, FONT_HEADING, FONT_TITLE, FONT_COUNT } FontId;

typedef struct Ren Ren;

/* font_pt is the body size in points; scale is output pixels per point.
 * NULL if the font cannot be opened (ren_font_probe says why). */
Ren *ren_create(SDL_Renderer *r, const char *font_path, int font_pt, float scale);
/* Reads path as every file is read (datafile_read_capped) and opens it as a
 * font with SDL_ttf (TTF_Init first); false with the reason in d if it
 * cannot be. `tpquiz check` calls it for the configured font. */
bool ren_font_probe(const char *path, Diag *d);
void ren_free(Ren *ren);
/* Reopens the fonts for a new pixel scale (window moved to a HiDPI screen). */
bool ren_set_scale(Ren *ren, float scale);
float ren_scale(const Ren *ren);
SDL_Renderer *ren_sdl(Ren *ren);

/* Starts a frame: clears the screen and the list of drawn strings. */
void ren_begin(Ren *ren, SDL_Color background);
void ren_end(Ren *ren);

int ren_text_width(Ren *ren, FontId f, const char *s);
int ren_text_height(Ren *ren, FontId f);
/* Draws s with its top-left at x,y; returns the width drawn. */
int ren_text(Ren *ren, FontId f, int x, int y, SDL_Color c, const char *s);
/* Draws s shortened with "…" to fit max_w. The layout check (`check-layout`)
 * fails if it had to shorten it: use it where the text is meant to fit. */
int ren_text_fit(Ren *ren, FontId f, int x, int y, int max_w, SDL_Color c, const char *s);
/* The same where shortening is by design: the whole text is shown
 * elsewhere (a tooltip, a detail pane) or the cell is a preview. */
int ren_text_may_ellipsise(Ren *ren, FontId f, int x, int y, int max_w, SDL_Color c, const char *s);

/* Lays s out in lines of at most width pixels (breaking at spaces, and at
 * '\n'), drawing them from y if draw is true, skipping lines above clip_top
 * and below clip_bottom. Returns the total height. */
int ren_text_wrapped(Ren *ren, FontId f, int x, int y, int width, SDL_Color c, const char *s,
                     bool draw, int clip_top, int clip_bottom);

/* Notes s as drawn this frame for ren_text_seen, when it was drawn in
 * pieces (a table cell's two lines). */
void ren_remember(Ren *ren, const char *s);
/* True if a string containing needle was drawn since ren_begin. */
bool ren_text_seen(const Ren *ren, const char *needle);
/* Every string drawn this frame, one per line, for failure messages. */
void ren_dump_text(const Ren *ren, FILE *out);

/* Drawing is cut to r from now on (until ren_unclip or the next clip):
 * scrolled lists and panels use it to keep their content inside. */
void ren_clip(Ren *ren, SDL_Rect r);
/* Drawing reaches the whole window again. */
void ren_unclip(Ren *ren);

/* The layout check's record of the frame's text (layout_check.h): r is a
 * viewport whose content scrolls (ui_scroll notes it); text drawn from now
 * on is a layer above the rest (a modal dialog: ui_modal_end). */
void ren_note_scroll(Ren *ren, SDL_Rect r);
void ren_layer_next(Ren *ren);
const TextLog *ren_text_log(const Ren *ren);

void ren_fill_rect(Ren *ren, SDL_Rect r, SDL_Color c);
void ren_rect(Ren *ren, SDL_Rect r, int thickness, SDL_Color c);
void ren_fill_round_rect(Ren *ren, SDL_Rect r, int radius, SDL_Color c);
void ren_line(Ren *ren, float x1, float y1, float x2, float y2, float width, SDL_Color c);
void ren_circle(Ren *ren, float cx, float cy, float radius, float width, SDL_Color c);
void ren_fill_circle(Ren *ren, float cx, float cy, float radius, SDL_Color c);

typedef enum {
    FILL_SOLID,   /* the whole area */
    FILL_STIPPLE, /* dots on a grid, as referral-pattern charts mark spillover */
    FILL_HATCH    /* diagonal lines */
} FillPattern;

/* Fills a polygon (any shape, non-zero winding) clipped to clip. */
void ren_fill_polygon(Ren *ren, const SDL_FPoint *pts, int n, FillPattern pat, SDL_Color c,
                      SDL_Rect clip);
void ren_polygon_outline(Ren *ren, const SDL_FPoint *pts, int n, float width, SDL_Color c);

#endif
