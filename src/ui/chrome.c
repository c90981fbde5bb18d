/* chrome: what every screen shares around its content: the top bar with
 * Back and the banner, a module's chart laid out (zoomed and panned as the
 * learner left it, opening on the module's close-up) with its controls,
 * and the record of charts drawn in a frame (for the script's
 * `click-image`). */
#include "chrome.h"

#include <stdio.h>
#include <string.h>

#include "theme.h"

void chrome_note_chart(App *a, const char *view, const ChartLayout *l)
{
    if (a->n_drawn >= APP_MAX_CHARTS)
        return;
    snprintf(a->drawn[a->n_drawn].view, sizeof a->drawn[a->n_drawn].view, "%s", view);
    a->drawn[a->n_drawn].layout = *l;
    a->n_drawn++;
}

/* A view is a close-up already when it spans well under a body's height. */
static bool regional_view(const View *v)
{
    return v->cm_per_unit > 0 && v->viewbox.h * v->cm_per_unit < 120;
}

ChartLayout chrome_chart_layout(App *a, const Module *m, const View *v, SDL_Rect area, int flags)
{
    if (regional_view(v))
        return chart_view_layout(a, m, v, area, NULL, flags);
    RectD focus = chart_module_region(m, v->name, v->viewbox, 0.28);
    return chart_view_layout(a, m, v, area, &focus, flags);
}

void chrome_zoom_button(App *a) { chart_view_controls(a); }

int module_views(const Module *m, const char **out, int max)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        int count = pass == 0 ? m->n_tps : m->n_zones;
        for (int i = 0; i < count; i++) {
            const char *v = pass == 0 ? m->tps[i].view : m->zones[i].view;
            bool seen = false;
            for (int k = 0; k < n; k++)
                seen = seen || !strcmp(out[k], v);
            if (!seen && n < max)
                out[n++] = v;
        }
    }
    return n;
}

bool chrome_top_bar(App *a, const char *title, const char *crumb, bool back, SDL_Rect *content)
{
    Ui *ui = &a->ui;
    int h = ui_px(ui, 56);
    SDL_Rect bar = {0, 0, ui->width, h};
    ren_fill_rect(a->ren, bar, THEME_ACCENT_DARK);
    int x = ui_px(ui, 20);
    bool pressed = false;
    if (back) {
        SDL_Rect b = {x, ui_px(ui, 10), ui_px(ui, 96), h - ui_px(ui, 20)};
        pressed = ui_button(ui, b, "\xE2\x80\xB9 Back", BUTTON_SECONDARY) || ui_key(ui, SDLK_ESCAPE);
        x += b.w + ui_px(ui, 16);
    }
    int th = ren_text_height(a->ren, FONT_HEADING);
    int tw = ren_text(a->ren, FONT_HEADING, x, (h - th) / 2, THEME_ON_ACCENT, title);
    if (crumb && *crumb) {
        int ch = ren_text_height(a->ren, FONT_BODY);
        ren_text_fit(a->ren, FONT_BODY, x + tw + ui_px(ui, 16), (h - ch) / 2,
                     ui->width - x - tw - ui_px(ui, 36), COL(0xCF, 0xE3, 0xE6), crumb);
    }
    int top = h;
    if (a->banner[0]) {
        /* A long message wraps: the banner grows, line by line. */
        int msg_w = ui->width - ui_px(ui, 140);
        int msg_h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, msg_w, THEME_BAD, a->banner, false, 0, 0);
        int bh = msg_h + ui_px(ui, 16) > ui_px(ui, 36) ? msg_h + ui_px(ui, 16) : ui_px(ui, 36);
        SDL_Rect br = {0, h, ui->width, bh};
        ren_fill_rect(a->ren, br, THEME_BAD_LIGHT);
        ren_text_wrapped(a->ren, FONT_BODY, ui_px(ui, 20), h + (bh - msg_h) / 2, msg_w, THEME_BAD, a->banner, true,
                         0, ui->height);
        SDL_Rect dismiss = {ui->width - ui_px(ui, 110), h + ui_px(ui, 4), ui_px(ui, 96), bh - ui_px(ui, 8)};
        if (ui_button(ui, dismiss, "Dismiss", BUTTON_QUIET)) {
            a->banner[0] = 0;
            a->redraw = true;
        }
        top += bh;
    }
    *content = (SDL_Rect){0, top, ui->width, ui->height - top};
    if (pressed)
        a->redraw = true;
    return pressed;
}
