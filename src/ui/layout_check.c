/* layout_check: see layout_check.h. */
#include "layout_check.h"

#include <string.h>

void textlog_clear(TextLog *log)
{
    log->n = 0;
    log->dropped = 0;
    log->n_scrolls = 0;
    log->layer = 0;
    log->clipped = false;
}

void textlog_add(TextLog *log, SDL_Rect box, const char *text, unsigned flags, int wrap_w)
{
    if (log->n >= TEXTLOG_MAX_BOXES) {
        log->dropped++;
        return;
    }
    TextBox *b = &log->boxes[log->n++];
    b->box = box;
    b->clip = log->clip;
    b->wrap_w = wrap_w;
    b->layer = log->layer;
    b->flags = flags | (log->clipped ? TEXTBOX_CLIPPED : 0u);
    /* Cut at a character boundary, so messages stay valid UTF-8. */
    size_t n = strlen(text);
    if (n >= sizeof b->text) {
        n = sizeof b->text - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(b->text, text, n);
    b->text[n] = 0;
}

void textlog_set_clip(TextLog *log, const SDL_Rect *clip)
{
    log->clipped = clip != NULL;
    if (clip)
        log->clip = *clip;
}

void textlog_next_layer(TextLog *log) { log->layer++; }

void textlog_note_scroll(TextLog *log, SDL_Rect r)
{
    for (int i = 0; i < log->n_scrolls; i++)
        if (SDL_RectEquals(&log->scrolls[i], &r))
            return;
    if (log->n_scrolls < TEXTLOG_MAX_SCROLLS)
        log->scrolls[log->n_scrolls++] = r;
}

static bool scrolls(const TextLog *log, const TextBox *b)
{
    if (!(b->flags & TEXTBOX_CLIPPED))
        return false;
    /* The scrolled area may be a little wider than the clip (room for the
     * scrollbar): the same rows, side by side, is the same viewport. */
    for (int i = 0; i < log->n_scrolls; i++) {
        SDL_Rect s = log->scrolls[i];
        if (s.y == b->clip.y && s.h == b->clip.h && s.x < b->clip.x + b->clip.w && b->clip.x < s.x + s.w)
            return true;
    }
    return false;
}

static bool inside(SDL_Rect in, SDL_Rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

/* The part of b that can be seen: cut to a scrolling clip's top and bottom
 * (which is by design); an empty rectangle if it is scrolled out of view. */
static SDL_Rect visible(const TextLog *log, const TextBox *b)
{
    SDL_Rect v = b->box;
    if (scrolls(log, b)) {
        int top = v.y > b->clip.y ? v.y : b->clip.y;
        int bottom = v.y + v.h < b->clip.y + b->clip.h ? v.y + v.h : b->clip.y + b->clip.h;
        v.y = top;
        v.h = bottom > top ? bottom - top : 0;
    }
    return v;
}

typedef struct {
    FILE *out;
    const char *prefix;
    int max_lines, count;
} Report;

static void problem(Report *r, const TextBox *b, const char *what, const char *detail)
{
    if (r->out && r->count < r->max_lines)
        fprintf(r->out, "%s'%s' (at %d,%d, %dx%d) %s%s\n", r->prefix, b->text, b->box.x, b->box.y, b->box.w,
                b->box.h, what, detail ? detail : "");
    r->count++;
}

int layout_check(const TextLog *log, int w, int h, FILE *out, const char *prefix, int max_lines)
{
    Report r = {out, prefix ? prefix : "", max_lines, 0};
    SDL_Rect window = {0, 0, w, h};
    char detail[160];
    for (int i = 0; i < log->n; i++) {
        const TextBox *b = &log->boxes[i];
        SDL_Rect v = visible(log, b);
        if (v.h == 0 || b->box.w == 0)
            continue; /* scrolled out of view */
        if (!inside(v, window)) {
            snprintf(detail, sizeof detail, " (the window is %dx%d)", w, h);
            problem(&r, b, "runs past the edge of the window", detail);
        } else if ((b->flags & TEXTBOX_CLIPPED) && !inside(v, b->clip)) {
            snprintf(detail, sizeof detail, " (its panel is at %d,%d, %dx%d)", b->clip.x, b->clip.y, b->clip.w,
                     b->clip.h);
            problem(&r, b, "is cut off by the edge of its panel", detail);
        }
        if ((b->flags & TEXTBOX_WRAPPED) && b->box.w > b->wrap_w) {
            snprintf(detail, sizeof detail, " (%d pixels wide, the column %d)", b->box.w, b->wrap_w);
            problem(&r, b, "has a word too long for its column", detail);
        }
        if ((b->flags & TEXTBOX_ELLIPSISED) && !(b->flags & TEXTBOX_MAY_ELLIPSISE))
            problem(&r, b, "is shortened with '...' where it must fit", NULL);
        for (int j = i + 1; j < log->n; j++) {
            const TextBox *o = &log->boxes[j];
            if (o->layer != b->layer)
                continue;
            SDL_Rect ov = visible(log, o), x;
            if (ov.h == 0 || !SDL_IntersectRect(&v, &ov, &x))
                continue;
            /* The same text drawn twice in the same place is one box. */
            if (SDL_RectEquals(&b->box, &o->box) && !strcmp(b->text, o->text))
                continue;
            if (x.w < 2 || x.h < 2)
                continue; /* touching edges */
            snprintf(detail, sizeof detail, "'%s' (at %d,%d, %dx%d)", o->text, o->box.x, o->box.y, o->box.w,
                     o->box.h);
            problem(&r, b, "overlaps ", detail);
        }
    }
    if (log->dropped && r.out)
        fprintf(r.out, "%s%d more text boxes than the check keeps were not checked\n", r.prefix, log->dropped);
    return r.count;
}
