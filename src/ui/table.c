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

/* Draws s in one line, or two split at *cut, aligned in [x, x + w);
 * returns the height used. */
static int draw_lines(Ren *ren, FontId f, int x, int y, int w, bool right, SDL_Color c, const char *s, size_t cut)
{
    char first[400];
    const char *lines[2] = {s, NULL};
    if (cut > 0 && cut < sizeof first) {
        ren_remember(ren, s); /* whole, so a test can expect it */
        memcpy(first, s, cut);
        first[cut] = 0;
        lines[0] = first;
        lines[1] = s + cut + (s[cut] == ' ');
    }
    int lh = ren_text_height(ren, f), h = 0;
    for (int i = 0; i < 2 && lines[i]; i++, h += lh) {
        int tw = ren_text_width(ren, f, lines[i]);
        ren_text_fit(ren, f, right ? x + w - (tw < w ? tw : w) : x, y + h, w, c, lines[i]);
    }
    return h;
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
        size_t cut = split_at(ren, FONT_BOLD, label, w);
        int h = cut && 2 * lh <= r.h ? 2 * lh : lh;
        draw_lines(ren, FONT_BOLD, cell.x + pad, r.y + (r.h - h) / 2, w, cols[i].right,
                   on ? THEME_ACCENT : THEME_ACCENT_DARK, label, h > lh ? cut : 0);
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
    /* A text too long for the cell takes a second line where the row has
     * room for it (the main text first, then the smaller one). */
    int mh = ren_text_height(ren, f), sh = has_sub ? ren_text_height(ren, FONT_SMALL) : 0;
    size_t main_cut = split_at(ren, f, main_text, w);
    if (main_cut && 2 * mh + sh > cell.h)
        main_cut = 0;
    int h = (main_cut ? 2 * mh : mh) + sh;
    size_t sub_cut = has_sub ? split_at(ren, FONT_SMALL, sub, w) : 0;
    if (sub_cut && h + sh > cell.h)
        sub_cut = 0;
    h += sub_cut ? sh : 0;
    int y = cell.y + (cell.h - h) / 2;
    y += draw_lines(ren, f, cell.x + pad, y, w, right, c, main_text, main_cut);
    if (has_sub)
        draw_lines(ren, FONT_SMALL, cell.x + pad, y, w, right, sub_c, sub, sub_cut);
}
