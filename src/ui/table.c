#include "table.h"

#include <stdio.h>

#include "theme.h"

static int column_min(Ren *ren, const Ui *ui, const TableColumn *c)
{
    int head = ren_text_width(ren, FONT_BOLD, c->label) + ren_text_width(ren, FONT_BOLD, " \xE2\x96\xB2") +
               ui_px(ui, 20);
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
        int tw = ren_text_width(ren, FONT_BOLD, label);
        if (tw > cell.w - 2 * pad)
            tw = cell.w - 2 * pad;
        int tx = cols[i].right ? cell.x + cell.w - pad - tw : cell.x + pad;
        ren_text_fit(ren, FONT_BOLD, tx, r.y + (r.h - ren_text_height(ren, FONT_BOLD)) / 2, cell.w - 2 * pad,
                     on ? THEME_ACCENT : THEME_ACCENT_DARK, label);
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
    int h = ren_text_height(ren, f) + (sub && *sub ? ren_text_height(ren, FONT_SMALL) : 0);
    int y = cell.y + (cell.h - h) / 2;
    int tw = ren_text_width(ren, f, main_text);
    ren_text_fit(ren, f, right ? cell.x + cell.w - pad - (tw < w ? tw : w) : cell.x + pad, y, w, c, main_text);
    if (sub && *sub) {
        int sw = ren_text_width(ren, FONT_SMALL, sub);
        ren_text_fit(ren, FONT_SMALL, right ? cell.x + cell.w - pad - (sw < w ? sw : w) : cell.x + pad,
                     y + ren_text_height(ren, f), w, sub_c, sub);
    }
}
