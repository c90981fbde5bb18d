/* layout_check: the text of one frame, and the check that none of it is cut
 * off, shortened where it must fit, or drawn over other text.
 *
 * The renderer notes every text box it draws (render.c: where, the clip
 * rectangle in force, whether "…" shortened it and whether that was
 * allowed there, the layer it belongs to); layout_check then reads the
 * frame's boxes and reports each problem on a line of its own. The script
 * command `check-layout` runs it (docs/TESTING.md, "Layout check").
 *
 * Rules (all in output pixels):
 *  - a box must lie inside the window;
 *  - a box must lie inside its clip rectangle; a clip rectangle that scrolls
 *    (ui_scroll noted it) may cut text at its top and bottom, and text
 *    scrolled wholly out of it is not on screen and not checked;
 *  - a wrapped line must fit the width it was wrapped to (a word too long);
 *  - text shortened with "…" fails unless it was drawn with permission
 *    (ren_text_may_ellipsise: truncation by design, the whole text shown
 *    elsewhere);
 *  - two boxes of the same layer must not overlap (a modal dialog is a layer
 *    above the screen it dims: ren_layer_next). */
#ifndef TPQUIZ_LAYOUT_CHECK_H
#define TPQUIZ_LAYOUT_CHECK_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>

enum {
    TEXTBOX_ELLIPSISED = 1,     /* shortened with "…" to fit */
    TEXTBOX_MAY_ELLIPSISE = 2,  /* ... and that is by design */
    TEXTBOX_CLIPPED = 4,        /* a clip rectangle was in force (clip is it) */
    TEXTBOX_WRAPPED = 8         /* a line of wrapped text: wrap_w is its column */
};

#define TEXTBOX_TEXT_MAX 96

typedef struct {
    SDL_Rect box;  /* where the text's pixels go */
    SDL_Rect clip; /* the clip rectangle (TEXTBOX_CLIPPED) */
    int wrap_w;    /* TEXTBOX_WRAPPED: the width the line was wrapped to */
    int layer;
    unsigned flags;
    char text[TEXTBOX_TEXT_MAX]; /* the text as asked for (before "…"), cut to fit here */
} TextBox;

#define TEXTLOG_MAX_BOXES 4096
#define TEXTLOG_MAX_SCROLLS 32

/* One frame's text boxes. Plain data: a zeroed TextLog is an empty one. */
typedef struct {
    TextBox boxes[TEXTLOG_MAX_BOXES];
    int n;
    int dropped; /* boxes past TEXTLOG_MAX_BOXES, not kept */
    SDL_Rect scrolls[TEXTLOG_MAX_SCROLLS]; /* clip rectangles that scroll */
    int n_scrolls;
    int layer;
    bool clipped;
    SDL_Rect clip;
} TextLog;

/* Starts a frame: no boxes, layer 0, no clip. */
void textlog_clear(TextLog *log);
/* Notes a box drawn with the log's clip and layer (flags TEXTBOX_*, wrap_w
 * for a wrapped line). */
void textlog_add(TextLog *log, SDL_Rect box, const char *text, unsigned flags, int wrap_w);
void textlog_set_clip(TextLog *log, const SDL_Rect *clip);
/* Text from now on is a layer above what was drawn before. */
void textlog_next_layer(TextLog *log);
/* r is a viewport whose content scrolls vertically. */
void textlog_note_scroll(TextLog *log, SDL_Rect r);

/* Checks the frame's boxes against a window of w x h pixels; writes one
 * line per problem to out (if not NULL), at most max_lines of them, each
 * starting with prefix. Returns the number of problems. */
int layout_check(const TextLog *log, int w, int h, FILE *out, const char *prefix, int max_lines);

#endif
