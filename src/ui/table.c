#include "table.h"

#include <stdio.h>
#include <string.h>

#include "theme.h"

/* Splits s for a cell w pixels wide: returns where the first line ends
 * (the last space, or just after the last '/', that lets it fit), or 0 if
 * s fits on one line or cannot be split so. */
static size_t split_at(Ren *ren, FontId f, const char *s, int w)
{
    if (ren_text_width(ren, f, s) <= w)
        return 0;
    char buf[400];
    size_t best = 0;
    /* At a space (dropped), or after a '/' of a path (kept). */
    for (size_t i = 1; s[i] && i + 1 < sizeof buf; i++) {
        size_t keep = s[i] == ' ' ? i : s[i] == '/' && s[i + 1] ? i + 1 : 0;
        if (!keep)
            continue;
        memcpy(buf, s, keep);
        buf[keep] = 0;
        if (ren_text_width(ren, f, buf) > w)
            break;
        best = keep;
    }
    return best;
}

#define CELL_MAX_LINES 4

/* Breaks s into lines of at most w pixels, greedily (split_at on what is
 * left), at most max of them: starts[i] is where line i begins, ends[i]
 * where it ends. Returns the number of lines; the last takes the rest,
 * whether it fits or not. */
static int break_lines(Ren *ren, FontId f, const char *s, int w, size_t *starts, size_t *ends, int max)
{
    size_t at = 0;
    int n = 0;
    while (n < max) {
        starts[n] = at;
        size_t cut = n + 1 < max ? split_at(ren, f, s + at, w) : 0;
        if (!cut) {
            ends[n++] = strlen(s);
            break;
        }
        ends[n++] = at + cut;
        at += cut + (s[at + cut] == ' ');
    }
    return n;
}

/* Draws s in lines of at most w pixels (at most max), aligned in
 * [x, x + w); returns the height used. */
static int draw_lines(Ren *ren, FontId f, int x, int y, int w, bool right, SDL_Color c, const char *s, int max)
{
    size_t starts[CELL_MAX_LINES], ends[CELL_MAX_LINES];
    int n = break_lines(ren, f, s, w, starts, ends, max < CELL_MAX_LINES ? max : CELL_MAX_LINES);
    if (n > 1)
        ren_remember(ren, s); /* whole, so a test can expect it */
    int lh = ren_text_height(ren, f);
    char line[400];
    for (int i = 0; i < n; i++) {
        size_t len = ends[i] - starts[i];
        if (len >= sizeof line)
            len = sizeof line - 1;
        memcpy(line, s + starts[i], len);
        line[len] = 0;
        int tw = ren_text_width(ren, f, line);
        ren_text_fit(ren, f, right ? x + w - (tw < w ? tw : w) : x, y + i * lh, w, c, line);
    }
    return n * lh;
}

/* How many lines s needs at w pixels (at most max). */
static int lines_needed(Ren *ren, FontId f, const char *s, int w, int max)
{
    size_t starts[CELL_MAX_LINES], ends[CELL_MAX_LINES];
    return break_lines(ren, f, s, w, starts, ends, max < CELL_MAX_LINES ? max : CELL_MAX_LINES);
}

/* The width of a heading: its label on one line, or on two split at its
 * last space (a narrow window's heading takes two lines). */
static int heading_width(Ren *ren, const char *label)
{
    int w = ren_text_width(ren, FONT_BOLD, label);
    const char *sp = strrchr(label, ' ');
    char first[160];
    if (!sp || (size_t)(sp - label) >= sizeof first)
        return w;
    memcpy(first, label, (size_t)(sp - label));
    first[sp - label] = 0;
    int a = ren_text_width(ren, FONT_BOLD, first), b = ren_text_width(ren, FONT_BOLD, sp + 1);
    return a > b ? a : b;
}

static int column_min(Ren *ren, const Ui *ui, const TableColumn *c)
{
    int head = heading_width(ren, c->label) + ren_text_width(ren, FONT_BOLD, " \xE2\x96\xB2") + ui_px(ui, 20);
    int mw = ui_px(ui, (float)c->min_w);
    return head > mw ? head : mw;
}

void table_layout_columns(Ren *ren, const Ui *ui, const TableColumn *cols, int n, int x, int w, int *xs, int *ws)
{
    int min_sum = 0;
    float grow = 0;
    for (int i = 0; i < n; i++) {
        min_sum += column_min(ren, ui, &cols[i]);
        grow += cols[i].grow;
    }
    int extra = w - min_sum;
    for (int i = 0; i < n; i++) {
        int mw = column_min(ren, ui, &cols[i]);
        ws[i] = extra >= 0 ? mw + (grow > 0 ? (int)((float)extra * cols[i].grow / grow) : 0) : mw * w / min_sum;
        xs[i] = x;
        x += ws[i];
    }
}

bool table_header(Ren *ren, Ui *ui, SDL_Rect r, const TableColumn *cols, int n, const int *xs, const int *ws,
                  int *sort, int *dir, const char *what)
{
    ren_fill_rect(ren, r, THEME_PANEL_ALT);
    ren_fill_rect(ren, (SDL_Rect){r.x, r.y + r.h - ui_px(ui, 1), r.w, ui_px(ui, 1)}, THEME_BORDER);
    bool changed = false;
    int pad = ui_px(ui, 10);
    for (int i = 0; i < n; i++) {
        SDL_Rect cell = {xs[i], r.y, ws[i], r.h};
        bool on = *sort == i;
        if (ui_hover(ui, cell))
            ren_fill_rect(ren, cell, THEME_ACCENT_LIGHT);
        char label[160];
        snprintf(label, sizeof label, "%s%s", cols[i].label, on ? (*dir > 0 ? " \xE2\x96\xB2" : " \xE2\x96\xBC") : "");
        int w = cell.w - 2 * pad, lh = ren_text_height(ren, FONT_BOLD);
        int lines = lines_needed(ren, FONT_BOLD, label, w, r.h / lh);
        draw_lines(ren, FONT_BOLD, cell.x + pad, r.y + (r.h - lines * lh) / 2, w, cols[i].right,
                   on ? THEME_ACCENT : THEME_ACCENT_DARK, label, lines);
        char target[200];
        snprintf(target, sizeof target, "Sort %s by %s", what, cols[i].label);
        if (ui_clickable(ui, cell, target)) {
            *dir = on ? -*dir : 1;
            *sort = i;
            changed = true;
        }
    }
    return changed;
}

void table_cell_text(Ren *ren, const Ui *ui, SDL_Rect cell, bool right, FontId f, SDL_Color c,
                     const char *main_text, SDL_Color sub_c, const char *sub)
{
    int pad = ui_px(ui, 10), w = cell.w - 2 * pad;
    bool has_sub = sub && *sub;
    /* A text too long for the cell takes more lines where the row has
     * room for them: the main text first, then the smaller one. */
    int mh = ren_text_height(ren, f), sh = has_sub ? ren_text_height(ren, FONT_SMALL) : 0;
    int main_n = lines_needed(ren, f, main_text, w, (cell.h - sh) / mh);
    if (main_n < 1)
        main_n = 1;
    int sub_n = has_sub ? lines_needed(ren, FONT_SMALL, sub, w, (cell.h - main_n * mh) / sh) : 0;
    if (has_sub && sub_n < 1)
        sub_n = 1;
    int h = main_n * mh + sub_n * sh;
    int y = cell.y + (cell.h - h) / 2;
    y += draw_lines(ren, f, cell.x + pad, y, w, right, c, main_text, main_n);
    if (has_sub)
        draw_lines(ren, FONT_SMALL, cell.x + pad, y, w, right, sub_c, sub, sub_n);
}
