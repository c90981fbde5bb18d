/* The muscle directory: every muscle of the installed courses, browsed by
 * muscle group or by the pain region it refers to, or found by name in the
 * search box, each with a small picture of its chart (muscle_thumb.h) and
 * leading to its study page. (By complaint: the pain protocols screen.) */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "muscle_thumb.h"
#include "theme.h"
#include "text.h"

/* The state of the muscle directory, kept while the program runs. */
static struct {
    int mode;    /* 0 by muscle group, 1 by pain region */
    int choice;  /* index into MUSCLE_GROUPS or PAIN_REGIONS */
    int scroll;
    int list_scroll;
    char find[64]; /* the search box: "" browses by group or region */
} dir_st;

/* Whether a muscle's name or id contains the search text (ASCII case
 * ignored). */
static bool module_found(const Module *m, const char *find)
{
    return (m->name && *m->name && text_contains_ci(m->name, find)) || text_contains_ci(m->id, find);
}

static bool module_in(const Module *m, int mode, const char *id)
{
    if (mode == 0)
        return !strcmp(m->group, id);
    for (int i = 0; i < m->n_pain_regions; i++)
        if (!strcmp(m->pain_regions[i], id))
            return true;
    return false;
}

/* The muscles the right-hand panel lists: those the search finds, or
 * those of the group or region chosen. */
static bool module_listed(const Module *m, int mode, const char *id)
{
    return dir_st.find[0] ? module_found(m, dir_st.find) : module_in(m, mode, id);
}

static int count_in(const Library *lib, int mode, const char *id)
{
    int n = 0;
    for (int i = 0; i < library_module_count(lib); i++)
        n += module_in(library_module(lib, i), mode, id);
    return n;
}

void screen_directory(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Muscle directory", "Every muscle, by group or by where it refers pain", true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int pad = ui_px(ui, 20);
    const NamedId *table = dir_st.mode == 0 ? MUSCLE_GROUPS : PAIN_REGIONS;
    /* Mode tabs. */
    int tx = pad, ty = area.y + pad, th = ui_px(ui, 36);
    const char *modes[] = {"By muscle group", "By pain region", "By complaint"};
    for (int i = 0; i < 3; i++) {
        int w = ren_text_width(a->ren, FONT_BODY, modes[i]) + ui_px(ui, 28);
        SDL_Rect tab = {tx, ty, w, th};
        if (ui_button(ui, tab, modes[i], i == dir_st.mode ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            if (i == 2) {
                app_go(a, SCREEN_PROTOCOLS);
                return;
            }
            if (i != dir_st.mode) {
                dir_st.mode = i;
                dir_st.choice = 0;
                dir_st.scroll = 0;
                dir_st.list_scroll = 0;
                a->redraw = true;
            }
        }
        tx += w + ui_px(ui, 8);
    }
    /* Search by name, across every group, at the end of the tab row. */
    int find_w = ui_px(ui, 260);
    if (tx + find_w + pad <= all.w) {
        SDL_Rect find = {all.w - pad - find_w, ty, find_w, th};
        if (ui_text_field(ui, find, "", dir_st.find, sizeof dir_st.find, "Find a muscle\xE2\x80\xA6") &
            UI_FIELD_CHANGED) {
            dir_st.scroll = 0;
            a->redraw = true;
        }
    }
    /* Left: the groups or regions that have muscles. */
    int top = ty + th + pad;
    SDL_Rect list = {pad, top, ui_px(ui, 260), all.h - top - pad};
    ren_fill_round_rect(a->ren, list, ui_px(ui, 10), THEME_PANEL);
    int n_table = 0;
    while (table[n_table].id)
        n_table++;
    if (dir_st.choice >= n_table || count_in(a->lib, dir_st.mode, table[dir_st.choice].id) == 0) {
        for (int i = 0; i < n_table; i++)
            if (count_in(a->lib, dir_st.mode, table[i].id)) {
                dir_st.choice = i;
                break;
            }
    }
    int rh = ui_px(ui, 30), shown = 0;
    for (int i = 0; i < n_table; i++)
        shown += count_in(a->lib, dir_st.mode, table[i].id) > 0;
    SDL_Rect clip = {list.x, list.y + ui_px(ui, 6), list.w, list.h - ui_px(ui, 12)};
    ui_scroll(ui, clip, &dir_st.list_scroll, shown * (rh + ui_px(ui, 2)));
    ren_clip(a->ren, clip);
    int y = clip.y - dir_st.list_scroll;
    for (int i = 0; i < n_table; i++) {
        int n = count_in(a->lib, dir_st.mode, table[i].id);
        if (!n)
            continue;
        SDL_Rect row = {list.x + ui_px(ui, 6), y, list.w - ui_px(ui, 18), rh};
        if (row.y + row.h < clip.y || row.y > clip.y + clip.h) {
            y += rh + ui_px(ui, 2);
            continue;
        }
        bool sel = i == dir_st.choice && !dir_st.find[0]; /* a search lists across groups */
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        char label[120];
        snprintf(label, sizeof label, "%s (%d)", table[i].name, n);
        int ty2 = row.y + (rh - ren_text_height(a->ren, FONT_BODY)) / 2;
        ren_text_fit(a->ren, sel ? FONT_BOLD : FONT_BODY, row.x + ui_px(ui, 10), ty2, row.w - ui_px(ui, 20),
                     sel ? THEME_ACCENT_DARK : THEME_TEXT, label);
        if (ui_clickable(ui, row, table[i].name) && !sel) {
            dir_st.find[0] = 0; /* choosing a group or region ends the search */
            dir_st.choice = i;
            dir_st.scroll = 0;
            a->redraw = true;
        }
        y += rh + ui_px(ui, 2);
    }
    ren_unclip(a->ren);
    /* Right: the muscles. */
    SDL_Rect panel = {list.x + list.w + pad, top, all.w - list.w - 3 * pad, all.h - top - pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect inner = {panel.x + ui_px(ui, 20), panel.y + ui_px(ui, 16), panel.w - ui_px(ui, 40), panel.h - ui_px(ui, 32)};
    const char *id = table[dir_st.choice].id;
    int n = 0;
    for (int i = 0; i < library_module_count(a->lib); i++)
        n += module_listed(library_module(a->lib, i), dir_st.mode, id);
    int row_h = ui_px(ui, 104);
    int thumb_w = ui_px(ui, 84), thumb_h = row_h - ui_px(ui, 12);
    int budget = 4; /* pictures made this frame */
    ui_scroll(ui, inner, &dir_st.scroll, n * row_h + ui_px(ui, 40));
    ren_clip(a->ren, inner);
    int y2 = inner.y - dir_st.scroll;
    char head[160];
    if (dir_st.find[0])
        snprintf(head, sizeof head, "Muscles matching \xE2\x80\x9C%s\xE2\x80\x9D", dir_st.find);
    else
        snprintf(head, sizeof head, dir_st.mode == 0 ? "%s muscles" : "Muscles that refer pain to: %s",
                 table[dir_st.choice].name);
    ren_text_fit(a->ren, FONT_HEADING, inner.x, y2, inner.w, THEME_ACCENT_DARK, head);
    y2 += ui_px(ui, 40);
    if (n == 0)
        ren_text(a->ren, FONT_BODY, inner.x, y2, THEME_MUTED, "No muscle matches the search.");
    for (int i = 0; i < library_module_count(a->lib); i++) {
        const Module *m = library_module(a->lib, i);
        if (!module_listed(m, dir_st.mode, id))
            continue;
        if (y2 + row_h > inner.y && y2 < inner.y + inner.h) {
            SDL_Rect pic = {inner.x, y2 + ui_px(ui, 4), thumb_w, thumb_h};
            if (!muscle_thumb_draw(a->ren, a->charts, a->lib, m, pic, ui->scale, &budget))
                a->redraw = true;
            int text_x = inner.x + thumb_w + ui_px(ui, 16), tw = inner.w - thumb_w - ui_px(ui, 16);
            int text_y = y2 + (row_h - ren_text_height(a->ren, FONT_BOLD) - ui_px(ui, 6) -
                           ren_text_height(a->ren, FONT_SMALL)) / 2;
            ren_text_fit(a->ren, FONT_BOLD, text_x, text_y, tw - ui_px(ui, 130), THEME_TEXT, m->name);
            char sub[600];
            size_t used = 0;
            sub[0] = 0;
            for (int k = 0; k < m->n_pain_regions; k++) {
                const char *nm = named_id_name(PAIN_REGIONS, m->pain_regions[k]);
                int w = snprintf(sub + used, sizeof sub - used, "%s%s", k ? ", " : "refers to ", nm ? nm : "?");
                if (w < 0 || (size_t)w >= sizeof sub - used)
                    break;
                used += (size_t)w;
            }
            /* A preview: the study page lists every region. */
            ren_text_may_ellipsise(a->ren, FONT_SMALL, text_x,
                                   text_y + ui_px(ui, 6) + ren_text_height(a->ren, FONT_BOLD), tw - ui_px(ui, 130),
                                   THEME_MUTED, sub);
            SDL_Rect go = {inner.x + inner.w - ui_px(ui, 110), y2 + (row_h - ui_px(ui, 34)) / 2, ui_px(ui, 96),
                           ui_px(ui, 34)};
            char label[300];
            snprintf(label, sizeof label, "Study %s", m->name);
            bool clicked = ui_button(ui, go, "Study", BUTTON_SECONDARY);
            ui_register_target(ui, label, go);
            if (clicked) {
                a->module = m;
                a->study_return = SCREEN_DIRECTORY;
                ren_unclip(a->ren);
                app_go(a, SCREEN_STUDY);
                return;
            }
        }
        y2 += row_h;
    }
    ren_unclip(a->ren);
}
