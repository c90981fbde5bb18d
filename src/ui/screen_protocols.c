/* Pain protocols: browse by complaint. The complaints on the left; the one
 * chosen on the right, with its muscles in the order to examine them, each
 * with its reason and a way into its study page. */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

/* The state of the pain protocols, kept while the program runs. */
static struct {
    int shown; /* the protocol shown */
    int scroll;
} prot_st;

void screen_protocols(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Pain protocols", "Which muscles to examine for a complaint", true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int n = protocols_count(a->protocols);
    int pad = ui_px(ui, 20);
    if (n == 0) {
        ren_text(a->ren, FONT_BODY, pad * 2, area.y + pad * 2, THEME_MUTED, "No pain protocols are installed.");
        return;
    }
    if (prot_st.shown >= n)
        prot_st.shown = 0;
    int left_w = ui_px(ui, 300);
    SDL_Rect list = {pad, area.y + pad, left_w, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, list, ui_px(ui, 10), THEME_PANEL);
    int row_h = ui_px(ui, 44), y = list.y + ui_px(ui, 10);
    for (int i = 0; i < n; i++) {
        const Protocol *p = protocols_get(a->protocols, i);
        SDL_Rect row = {list.x + ui_px(ui, 8), y, list.w - ui_px(ui, 16), row_h};
        if (i == prot_st.shown)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        else if (ui_hover(ui, row))
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
        int th = ren_text_height(a->ren, FONT_BODY);
        ren_text_fit(a->ren, i == prot_st.shown ? FONT_BOLD : FONT_BODY, row.x + ui_px(ui, 12), row.y + (row_h - th) / 2,
                     row.w - ui_px(ui, 24), i == prot_st.shown ? THEME_ACCENT_DARK : THEME_TEXT, p->title);
        if (ui_clickable(ui, row, p->title) && prot_st.shown != i) {
            prot_st.shown = i;
            prot_st.scroll = 0;
            a->redraw = true;
        }
        y += row_h + ui_px(ui, 4);
    }

    const Protocol *p = protocols_get(a->protocols, prot_st.shown);
    SDL_Rect panel = {list.x + list.w + pad, area.y + pad, all.w - list.w - 3 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect inner = {panel.x + ui_px(ui, 24), panel.y + ui_px(ui, 20), panel.w - ui_px(ui, 48),
                      panel.h - ui_px(ui, 40)};
    ren_clip(a->ren, inner);
    int x = inner.x, w = inner.w - ui_px(ui, 14);
    y = inner.y - prot_st.scroll;
    ren_text(a->ren, FONT_TITLE, x, y, THEME_ACCENT_DARK, p->title);
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_TEXT, p->summary ? p->summary : "", true, inner.y,
                          inner.y + inner.h);
    char regions[600];
    regions[0] = 0;
    for (int i = 0; i < p->n_regions; i++) {
        const char *name = named_id_name(PAIN_REGIONS, p->regions[i]);
        size_t used = strlen(regions);
        snprintf(regions + used, sizeof regions - used, "%s%s", i ? ", " : "Pain in: ", name ? name : p->regions[i]);
    }
    y += ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, regions, true, inner.y, inner.y + inner.h);
    y += ui_px(ui, 16);
    ren_text(a->ren, FONT_BOLD, x, y, THEME_TEXT, "Examine, in this order");
    y += ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 8);
    int btn_w = ui_px(ui, 96), btn_h = ui_px(ui, 34);
    for (int i = 0; i < p->n_steps; i++) {
        const ProtocolStep *st = &p->steps[i];
        int text_w = w - ui_px(ui, 44) - btn_w - ui_px(ui, 16);
        int rh = ren_text_height(a->ren, FONT_BOLD) +
                 ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, text_w, THEME_TEXT, st->reason, false, 0, 0) + ui_px(ui, 14);
        if (rh < btn_h + ui_px(ui, 14))
            rh = btn_h + ui_px(ui, 14);
        SDL_Rect row = {x, y, w, rh};
        bool visible = row.y + row.h > inner.y && row.y < inner.y + inner.h;
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        SDL_Rect badge = {x, y + ui_px(ui, 4), ui_px(ui, 30), ui_px(ui, 30)};
        ren_fill_round_rect(a->ren, badge, badge.w / 2, THEME_ACCENT);
        int nw = ren_text_width(a->ren, FONT_BOLD, num);
        ren_text(a->ren, FONT_BOLD, badge.x + (badge.w - nw) / 2, badge.y + (badge.h - ren_text_height(a->ren, FONT_BOLD)) / 2,
                 THEME_ON_ACCENT, num);
        const char *name = st->module ? st->module->name : st->module_id;
        ren_text(a->ren, FONT_BOLD, x + ui_px(ui, 44), y + ui_px(ui, 4), THEME_TEXT, name);
        /* Reasons are written as phrases; shown as sentences. */
        char reason[1024];
        snprintf(reason, sizeof reason, "%s", st->reason);
        if (reason[0] >= 'a' && reason[0] <= 'z')
            reason[0] = (char)(reason[0] - 'a' + 'A');
        ren_text_wrapped(a->ren, FONT_SMALL, x + ui_px(ui, 44), y + ui_px(ui, 4) + ren_text_height(a->ren, FONT_BOLD),
                         text_w, THEME_TEXT, reason, true, inner.y, inner.y + inner.h);
        if (st->module && visible) {
            SDL_Rect go = {x + w - btn_w, y + ui_px(ui, 4), btn_w, btn_h};
            char label[300];
            snprintf(label, sizeof label, "Study %s", name);
            bool clicked = ui_button(ui, go, "Study", BUTTON_SECONDARY);
            ui_register_target(ui, label, go);
            if (clicked) {
                a->module = st->module;
                a->study_return = SCREEN_PROTOCOLS;
                ren_unclip(a->ren);
                app_go(a, SCREEN_STUDY);
                return;
            }
        }
        y += rh;
    }
    int content_h = y + prot_st.scroll - inner.y;
    ren_unclip(a->ren);
    int before = prot_st.scroll;
    ui_scroll(ui, inner, &prot_st.scroll, content_h);
    if (prot_st.scroll != before)
        a->redraw = true;
}
