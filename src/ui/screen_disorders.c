/* The myofascial pain disorders directory: condition by condition. The
 * conditions on the left under a search box (type to filter by name, text
 * or muscle); the one chosen on the right: what it feels like, what to rule
 * out first, the muscles to examine in order (each leading to its study
 * page), when to refer, and its pain protocols (each leading to the
 * protocol). */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

/* The state of the directory, kept while the program runs. */
static struct {
    int shown; /* the condition shown */
    int scroll;      /* of the detail panel */
    int list_scroll; /* of the list of conditions */
    char filter[64];
} dis_st;

/* Items as bullets in width w from (x, y); draws them if draw. Returns the
 * height. */
static int bullets(App *a, int x, int y, int w, char *const *items, int n, SDL_Color c, bool draw, SDL_Rect clip)
{
    Ui *ui = &a->ui;
    int indent = ui_px(ui, 18), h = 0;
    for (int i = 0; i < n; i++) {
        if (draw && y + h + ren_text_height(a->ren, FONT_BODY) > clip.y && y + h < clip.y + clip.h)
            ren_text(a->ren, FONT_BODY, x, y + h, c, "\xE2\x80\xA2");
        h += ren_text_wrapped(a->ren, FONT_BODY, x + indent, y + h, w - indent, c, items[i], draw, clip.y,
                              clip.y + clip.h) +
             ui_px(ui, 6);
    }
    return h;
}

/* A section heading; returns its height. */
static int heading(App *a, int x, int y, const char *text)
{
    ren_text(a->ren, FONT_BOLD, x, y, THEME_TEXT, text);
    return ren_text_height(a->ren, FONT_BOLD) + ui_px(&a->ui, 8);
}

/* A tinted box of bullets (rule out, refer): measured, then drawn. Returns
 * its height. */
static int bullet_box(App *a, int x, int y, int w, const char *title, char *const *items, int n, SDL_Color bg,
                      SDL_Color fg, SDL_Rect clip)
{
    Ui *ui = &a->ui;
    int p = ui_px(ui, 14);
    int th = ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 8);
    int h = th + bullets(a, 0, 0, w - 2 * p, items, n, fg, false, clip) + 2 * p - ui_px(ui, 6);
    SDL_Rect box = {x, y, w, h};
    ren_fill_round_rect(a->ren, box, ui_px(ui, 8), bg);
    ren_text(a->ren, FONT_BOLD, x + p, y + p, fg, title);
    bullets(a, x + p, y + p + th, w - 2 * p, items, n, THEME_TEXT, true, clip);
    return h;
}

/* The detail of condition c in panel; false if it left the screen. */
static bool detail(App *a, const Disorder *c, SDL_Rect panel)
{
    Ui *ui = &a->ui;
    SDL_Rect inner = {panel.x + ui_px(ui, 24), panel.y + ui_px(ui, 20), panel.w - ui_px(ui, 48),
                      panel.h - ui_px(ui, 40)};
    ren_clip(a->ren, inner);
    int x = inner.x, w = inner.w - ui_px(ui, 14), top = inner.y, bottom = inner.y + inner.h;
    int y = inner.y - dis_st.scroll;
    y += ren_text_wrapped(a->ren, FONT_TITLE, x, y, w, THEME_ACCENT_DARK, c->title, true, top, bottom) + ui_px(ui, 6);
    y += ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_TEXT, c->summary, true, top, bottom) + ui_px(ui, 18);

    y += heading(a, x, y, "What it feels like");
    y += ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_TEXT, c->feels_like, true, top, bottom) + ui_px(ui, 18);

    y += bullet_box(a, x, y, w, "Rule out first", c->rule_out, c->n_rule_out, THEME_BAD_LIGHT, THEME_BAD, inner) +
         ui_px(ui, 18);

    y += heading(a, x, y, "Muscles to examine, in this order");
    int btn_w = ui_px(ui, 96), btn_h = ui_px(ui, 34);
    for (int i = 0; i < c->n_muscles; i++) {
        const DisorderMuscle *mu = &c->muscles[i];
        int text_w = w - ui_px(ui, 44) - btn_w - ui_px(ui, 24);
        char why[1024];
        /* Reasons are written as phrases; shown as sentences. */
        snprintf(why, sizeof why, "%s", mu->why);
        if (why[0] >= 'a' && why[0] <= 'z')
            why[0] = (char)(why[0] - 'a' + 'A');
        int rh = ren_text_height(a->ren, FONT_BOLD) +
                 ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, text_w, THEME_TEXT, why, false, 0, 0) + ui_px(ui, 14);
        if (rh < btn_h + ui_px(ui, 14))
            rh = btn_h + ui_px(ui, 14);
        if (y + rh > top && y < bottom) {
            char num[16];
            snprintf(num, sizeof num, "%d", i + 1);
            SDL_Rect badge = {x, y + ui_px(ui, 4), ui_px(ui, 30), ui_px(ui, 30)};
            ren_fill_round_rect(a->ren, badge, badge.w / 2, THEME_ACCENT);
            int nw = ren_text_width(a->ren, FONT_BOLD, num);
            ren_text(a->ren, FONT_BOLD, badge.x + (badge.w - nw) / 2,
                     badge.y + (badge.h - ren_text_height(a->ren, FONT_BOLD)) / 2, THEME_ON_ACCENT, num);
            const char *name = mu->module ? mu->module->name : mu->module_id;
            ren_text_fit(a->ren, FONT_BOLD, x + ui_px(ui, 44), y + ui_px(ui, 4), text_w, THEME_TEXT, name);
            ren_text_wrapped(a->ren, FONT_SMALL, x + ui_px(ui, 44), y + ui_px(ui, 4) + ren_text_height(a->ren, FONT_BOLD),
                             text_w, THEME_TEXT, why, true, top, bottom);
            SDL_Rect go = {x + w - btn_w, y + ui_px(ui, 4), btn_w, btn_h};
            if (mu->module && go.y >= top && go.y + go.h <= bottom) {
                char label[300];
                snprintf(label, sizeof label, "Study %s", name);
                bool clicked = ui_button(ui, go, "Study", BUTTON_SECONDARY);
                ui_register_target(ui, label, go);
                if (clicked) {
                    ren_unclip(a->ren);
                    a->module = mu->module;
                    a->study_return = SCREEN_DISORDERS;
                    app_go(a, SCREEN_STUDY);
                    return false;
                }
            }
        }
        y += rh;
    }
    y += ui_px(ui, 12);

    y += bullet_box(a, x, y, w, "When to refer", c->refer_when, c->n_refer_when, THEME_PARTIAL_LIGHT, THEME_PARTIAL,
                    inner) +
         ui_px(ui, 18);

    int n_links = 0;
    for (int i = 0; i < c->n_protocols; i++)
        n_links += c->protocols[i].protocol != NULL;
    if (n_links) {
        y += heading(a, x, y, "Pain protocols for this complaint");
        int bx = x, bh = ui_px(ui, 36);
        for (int i = 0; i < c->n_protocols; i++) {
            const Protocol *p = c->protocols[i].protocol;
            if (!p)
                continue;
            int bw = ren_text_width(a->ren, FONT_BODY, p->title) + ui_px(ui, 28);
            if (bw > w)
                bw = w;
            if (bx > x && bx + bw > x + w) {
                bx = x;
                y += bh + ui_px(ui, 8);
            }
            SDL_Rect b = {bx, y, bw, bh};
            if (b.y >= top && b.y + b.h <= bottom) {
                char label[300];
                snprintf(label, sizeof label, "Protocol %s", p->title);
                bool clicked = ui_button(ui, b, p->title, BUTTON_SECONDARY);
                ui_register_target(ui, label, b);
                if (clicked) {
                    ren_unclip(a->ren);
                    screen_protocols_show(a, p);
                    app_go(a, SCREEN_PROTOCOLS);
                    return false;
                }
            }
            bx += bw + ui_px(ui, 8);
        }
        y += bh + ui_px(ui, 8);
    }
    int content_h = y + dis_st.scroll - inner.y;
    ren_unclip(a->ren);
    int before = dis_st.scroll;
    ui_scroll(ui, inner, &dis_st.scroll, content_h);
    if (dis_st.scroll != before)
        a->redraw = true;
    return true;
}

/* The height of c's row in the list, for a row w wide (the title in bold,
 * as when it is selected, so selecting never changes the layout). */
static int row_height(App *a, const Disorder *c, int w)
{
    int th = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, w - ui_px(&a->ui, 24), THEME_TEXT, c->title, false, 0, 0);
    int h = th + ui_px(&a->ui, 16);
    return h > ui_px(&a->ui, 44) ? h : ui_px(&a->ui, 44);
}

void screen_disorders(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Pain disorders", "Myofascial pain, condition by condition", true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int n = disorders_count(a->disorders);
    int pad = ui_px(ui, 20);
    if (n == 0) {
        ren_text(a->ren, FONT_BODY, pad * 2, area.y + pad * 2, THEME_MUTED, "No pain disorders are installed.");
        return;
    }
    if (dis_st.shown >= n)
        dis_st.shown = 0;
    int left_w = ui_px(ui, 300);
    SDL_Rect find = {pad, area.y + pad, left_w, ui_px(ui, 38)};
    if (ui_text_field(ui, find, "", dis_st.filter, sizeof dis_st.filter,
                      "Search conditions or muscles\xE2\x80\xA6") &
        UI_FIELD_CHANGED) {
        dis_st.list_scroll = 0;
        /* Show the first match when the one shown no longer matches. */
        if (!disorder_matches(disorders_get(a->disorders, dis_st.shown), dis_st.filter))
            for (int i = 0; i < n; i++)
                if (disorder_matches(disorders_get(a->disorders, i), dis_st.filter)) {
                    dis_st.shown = i;
                    dis_st.scroll = 0;
                    break;
                }
        a->redraw = true;
    }
    SDL_Rect list = {pad, find.y + find.h + ui_px(ui, 12), left_w, area.y + area.h - pad - (find.y + find.h + ui_px(ui, 12))};
    ren_fill_round_rect(a->ren, list, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect rows = {list.x + ui_px(ui, 8), list.y + ui_px(ui, 8), list.w - ui_px(ui, 16), list.h - ui_px(ui, 16)};
    /* Rows as tall as their title wrapped in the row (two lines for the
     * longer ones), so no title is cut short. */
    int gap = ui_px(ui, 4), content_h = 0, matches = 0;
    for (int i = 0; i < n; i++) {
        const Disorder *c = disorders_get(a->disorders, i);
        if (!disorder_matches(c, dis_st.filter))
            continue;
        matches++;
        content_h += row_height(a, c, rows.w - ui_px(ui, 14)) + gap;
    }
    int sb = content_h > rows.h ? ui_px(ui, 14) : 0;
    ui_scroll(ui, rows, &dis_st.list_scroll, content_h);
    ren_clip(a->ren, rows);
    int y = rows.y - dis_st.list_scroll;
    for (int i = 0; i < n; i++) {
        const Disorder *c = disorders_get(a->disorders, i);
        if (!disorder_matches(c, dis_st.filter))
            continue;
        int row_h = row_height(a, c, rows.w - ui_px(ui, 14));
        SDL_Rect row = {rows.x, y, rows.w - sb, row_h};
        y += row_h + gap;
        if (row.y + row.h <= rows.y || row.y >= rows.y + rows.h)
            continue;
        bool sel = i == dis_st.shown;
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        else if (ui_hover(ui, row))
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
        FontId f = sel ? FONT_BOLD : FONT_BODY;
        int th = ren_text_wrapped(a->ren, f, 0, 0, row.w - ui_px(ui, 24), THEME_TEXT, c->title, false, 0, 0);
        ren_text_wrapped(a->ren, f, row.x + ui_px(ui, 12), row.y + (row_h - th) / 2, row.w - ui_px(ui, 24),
                         sel ? THEME_ACCENT_DARK : THEME_TEXT, c->title, true, rows.y, rows.y + rows.h);
        /* Only a row wholly in the list takes clicks (one cut off at an
         * edge would be clicked through the clip). */
        if (row.y >= rows.y && row.y + row.h <= rows.y + rows.h && ui_clickable(ui, row, c->title) &&
            dis_st.shown != i) {
            dis_st.shown = i;
            dis_st.scroll = 0;
            a->redraw = true;
        }
    }
    ren_unclip(a->ren);
    if (matches == 0)
        ren_text_wrapped(a->ren, FONT_BODY, rows.x + ui_px(ui, 12), rows.y + ui_px(ui, 12), rows.w - ui_px(ui, 24),
                         THEME_MUTED, "No condition matches the search.", true, rows.y, rows.y + rows.h);

    SDL_Rect panel = {list.x + list.w + pad, area.y + pad, all.w - list.w - 3 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    detail(a, disorders_get(a->disorders, dis_st.shown), panel);
}
