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
    int list_scroll; /* of the list of complaints */
    bool reveal;     /* scroll the list to the protocol shown (set from a link) */
} prot_st;

void screen_protocols_show(const App *a, const Protocol *p)
{
    for (int i = 0; i < protocols_count(a->protocols); i++)
        if (protocols_get(a->protocols, i) == p) {
            prot_st.shown = i;
            prot_st.scroll = 0;
            prot_st.reveal = true;
        }
}

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
    /* The complaints, scrolled when they do not fit; a row as tall as its
     * title wrapped (in bold, as when selected, so selecting never moves
     * the rows). */
    SDL_Rect rows = {list.x + ui_px(ui, 8), list.y + ui_px(ui, 8), list.w - ui_px(ui, 16), list.h - ui_px(ui, 16)};
    int gap = ui_px(ui, 4), content_h = 0, shown_top = 0, shown_h = 0;
    int text_w = rows.w - ui_px(ui, 14) - ui_px(ui, 24);
    for (int i = 0; i < n; i++) {
        int th = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, text_w, THEME_TEXT, protocols_get(a->protocols, i)->title,
                                  false, 0, 0);
        int rh = th + ui_px(ui, 16) > ui_px(ui, 44) ? th + ui_px(ui, 16) : ui_px(ui, 44);
        if (i == prot_st.shown) {
            shown_top = content_h;
            shown_h = rh;
        }
        content_h += rh + gap;
    }
    if (prot_st.reveal) {
        prot_st.reveal = false;
        if (shown_top < prot_st.list_scroll)
            prot_st.list_scroll = shown_top;
        else if (shown_top + shown_h > prot_st.list_scroll + rows.h)
            prot_st.list_scroll = shown_top + shown_h - rows.h;
    }
    int sb = content_h > rows.h ? ui_px(ui, 14) : 0;
    ui_scroll(ui, rows, &prot_st.list_scroll, content_h);
    ren_clip(a->ren, rows);
    int y = rows.y - prot_st.list_scroll;
    for (int i = 0; i < n; i++) {
        const Protocol *p = protocols_get(a->protocols, i);
        int th = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, text_w, THEME_TEXT, p->title, false, 0, 0);
        int row_h = th + ui_px(ui, 16) > ui_px(ui, 44) ? th + ui_px(ui, 16) : ui_px(ui, 44);
        SDL_Rect row = {rows.x, y, rows.w - sb, row_h};
        y += row_h + gap;
        if (row.y + row.h <= rows.y || row.y >= rows.y + rows.h)
            continue;
        bool sel = i == prot_st.shown;
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        else if (ui_hover(ui, row))
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
        FontId f = sel ? FONT_BOLD : FONT_BODY;
        int fh = ren_text_wrapped(a->ren, f, 0, 0, text_w, THEME_TEXT, p->title, false, 0, 0);
        ren_text_wrapped(a->ren, f, row.x + ui_px(ui, 12), row.y + (row_h - fh) / 2, text_w,
                         sel ? THEME_ACCENT_DARK : THEME_TEXT, p->title, true, rows.y, rows.y + rows.h);
        /* Only a row wholly in view takes clicks. */
        if (row.y >= rows.y && row.y + row.h <= rows.y + rows.h && ui_clickable(ui, row, p->title) && !sel) {
            prot_st.shown = i;
            prot_st.scroll = 0;
            a->redraw = true;
        }
    }
    ren_unclip(a->ren);

    const Protocol *p = protocols_get(a->protocols, prot_st.shown);
    SDL_Rect panel = {list.x + list.w + pad, area.y + pad, all.w - list.w - 3 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect inner = {panel.x + ui_px(ui, 24), panel.y + ui_px(ui, 20), panel.w - ui_px(ui, 48),
                      panel.h - ui_px(ui, 40)};
    ren_clip(a->ren, inner);
    int x = inner.x, w = inner.w - ui_px(ui, 14);
    y = inner.y - prot_st.scroll;
    /* Practice over the protocol's muscles, beside its title. */
    bool any_module = false;
    for (int i = 0; i < p->n_steps; i++)
        any_module = any_module || p->steps[i].module;
    int practise_w = any_module ? ren_text_width(a->ren, FONT_BOLD, "Practise this protocol") + ui_px(ui, 36) : 0;
    if (any_module) {
        SDL_Rect go = {x + w - practise_w, y, practise_w, ui_px(ui, 38)};
        if (go.y >= inner.y && ui_button(ui, go, "Practise this protocol", BUTTON_PRIMARY)) {
            ren_unclip(a->ren);
            app_start_protocol_practice(a, p);
            return;
        }
    }
    int title_h = ren_text_wrapped(a->ren, FONT_TITLE, x, y, w - practise_w - ui_px(ui, 12), THEME_ACCENT_DARK,
                                   p->title, true, inner.y, inner.y + inner.h);
    y += (title_h > ui_px(ui, 38) ? title_h : ui_px(ui, 38)) + ui_px(ui, 4);
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
        int step_w = w - ui_px(ui, 44) - btn_w - ui_px(ui, 24);
        int rh = ren_text_height(a->ren, FONT_BOLD) +
                 ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, step_w, THEME_TEXT, st->reason, false, 0, 0) + ui_px(ui, 14);
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
                         step_w, THEME_TEXT, reason, true, inner.y, inner.y + inner.h);
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
    content_h = y + prot_st.scroll - inner.y;
    ren_unclip(a->ren);
    int before = prot_st.scroll;
    ui_scroll(ui, inner, &prot_st.scroll, content_h);
    if (prot_st.scroll != before)
        a->redraw = true;
}
