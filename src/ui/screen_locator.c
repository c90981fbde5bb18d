/* The trigger point locator, the clinician's direction: the learner paints
 * where it hurts on a chart and gets the muscles whose trigger points refer
 * there, ranked by how well their referral zones match (core's locator),
 * each leading to its study page. */
#include <stdio.h>
#include <string.h>

#include "app_state.h"
#include "chrome.h"
#include "layout.h"
#include "theme.h"

#define LOCATOR_VIEWS 12

/* The state of the locator: a canvas per chart view and the ranking, kept while the program runs. */
static struct {
    PaintCanvas canvas[LOCATOR_VIEWS];
    const View *views[LOCATOR_VIEWS];
    int n_views;
    int view;
    LocatorMatch results[8];
    int n_results;
    bool ranked;
} loc_st;

/* The whole body and the close-ups where pain is hard to paint on it: the
 * head, the hands and the feet (their patterns are drawn there). */
static const char *const CANDIDATE_VIEWS[] = {"front",     "back",      "side",      "head_front", "head_side",
                                              "hand_palm", "hand_back", "foot_sole", "foot_top",   NULL};

static void setup_views(App *a)
{
    if (loc_st.n_views)
        return;
    for (int i = 0; CANDIDATE_VIEWS[i] && loc_st.n_views < LOCATOR_VIEWS; i++) {
        const View *v = library_find_view(a->lib, CANDIDATE_VIEWS[i]);
        if (!v || !v->ok)
            continue; /* no module uses it: nothing to find there */
        if (!paint_init(&loc_st.canvas[loc_st.n_views], v->viewbox))
            continue;
        loc_st.views[loc_st.n_views++] = v;
    }
}

static void rank(App *a)
{
    PaintCanvas *p = &loc_st.canvas[loc_st.view];
    loc_st.n_results = 0;
    if (paint_count(p) > 0) {
        int n = locator_rank_library(p->cells, &p->grid, loc_st.views[loc_st.view]->name, a->lib, loc_st.results, 8);
        loc_st.n_results = n < 0 ? 0 : n;
    }
    loc_st.ranked = true;
}

static const char *view_title(const char *name)
{
    return !strcmp(name, "front")        ? "Front"
           : !strcmp(name, "back")       ? "Back"
           : !strcmp(name, "side")       ? "Side"
           : !strcmp(name, "head_front") ? "Head, front"
           : !strcmp(name, "head_side")  ? "Head, side"
           : !strcmp(name, "hand_palm")  ? "Palm"
           : !strcmp(name, "hand_back")  ? "Back of hand"
           : !strcmp(name, "foot_sole")  ? "Sole"
           : !strcmp(name, "foot_top")   ? "Top of foot"
                                         : name;
}

void screen_locator(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Where does it hurt?", "Paint the pain: the muscles that refer there are listed", true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    setup_views(a);
    int pad = ui_px(ui, 20);
    if (loc_st.n_views == 0) {
        ren_text(a->ren, FONT_BODY, 2 * pad, area.y + 2 * pad, THEME_MUTED, "No charts are available.");
        return;
    }
    int left_w = all.w * 52 / 100;
    SDL_Rect panel = {pad, area.y + pad, left_w - pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    /* A tab per chart, wrapped onto more rows where they do not fit. */
    int tx = panel.x + ui_px(ui, 12), ty = panel.y + ui_px(ui, 12), tab_h = ui_px(ui, 34), tab_gap = ui_px(ui, 6);
    int tab_w[LOCATOR_VIEWS], tab_x[LOCATOR_VIEWS], tab_row[LOCATOR_VIEWS];
    for (int i = 0; i < loc_st.n_views; i++)
        tab_w[i] = ren_text_width(a->ren, FONT_BODY, view_title(loc_st.views[i]->name)) + ui_px(ui, 24);
    int rows = layout_wrap_row(tab_w, loc_st.n_views, panel.w - ui_px(ui, 24), tab_gap, tab_x, tab_row);
    for (int i = 0; i < loc_st.n_views; i++) {
        const char *label = view_title(loc_st.views[i]->name);
        SDL_Rect tab = {tx + tab_x[i], ty + tab_row[i] * (tab_h + tab_gap), tab_w[i], tab_h};
        if (ui_button(ui, tab, label, i == loc_st.view ? BUTTON_SELECTED : BUTTON_SECONDARY) && i != loc_st.view) {
            loc_st.view = i;
            loc_st.ranked = false;
            a->redraw = true;
        }
    }
    ty += (rows > 1 ? rows - 1 : 0) * (tab_h + tab_gap);
    PaintCanvas *p = &loc_st.canvas[loc_st.view];
    /* Tools under the tabs. */
    int by = ty + tab_h + ui_px(ui, 8), bx = panel.x + ui_px(ui, 12);
    static const struct {
        const char *label;
        double frac;
    } sizes[] = {{"Small", 80}, {"Medium", 40}, {"Large", 20}};
    int lw = ren_text(a->ren, FONT_SMALL, bx, by + (ui_px(ui, 30) - ren_text_height(a->ren, FONT_SMALL)) / 2,
                      THEME_MUTED, "Brush");
    bx += lw + ui_px(ui, 8);
    for (int i = 0; i < 3; i++) {
        double brush = loc_st.views[loc_st.view]->viewbox.w / sizes[i].frac;
        int w = ren_text_width(a->ren, FONT_BODY, sizes[i].label) + ui_px(ui, 24);
        SDL_Rect b = {bx, by, w, ui_px(ui, 30)};
        bool sel = p->brush > brush * 0.99 && p->brush < brush * 1.01;
        if (ui_button(ui, b, sizes[i].label, sel ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            p->brush = brush;
            a->redraw = true;
        }
        bx += w + ui_px(ui, 6);
    }
    /* Erase, Undo and Clear go on a second row where the first has no room
     * for them (a narrow window). */
    int gap = ui_px(ui, 6), inset = ui_px(ui, 24);
    int ew = ren_text_width(a->ren, FONT_BODY, "Erase") + inset, uw = ren_text_width(a->ren, FONT_BODY, "Undo") + inset,
        cw = ren_text_width(a->ren, FONT_BODY, "Clear") + inset;
    if (bx + ew + uw + cw + 2 * gap > panel.x + panel.w - ui_px(ui, 12)) {
        by += ui_px(ui, 36);
        bx = panel.x + ui_px(ui, 12) + lw + ui_px(ui, 8);
    }
    SDL_Rect er = {bx, by, ew, ui_px(ui, 30)};
    if (ui_button(ui, er, "Erase", p->erase ? BUTTON_SELECTED : BUTTON_SECONDARY) || ui_key(ui, SDLK_e)) {
        p->erase = !p->erase;
        a->redraw = true;
    }
    bx += er.w + gap;
    SDL_Rect un = {bx, by, uw, ui_px(ui, 30)};
    if (ui_button(ui, un, "Undo", p->n_undo ? BUTTON_SECONDARY : BUTTON_DISABLED) ||
        (ui_key(ui, SDLK_z) && p->n_undo)) {
        paint_undo(p);
        loc_st.ranked = false;
        a->redraw = true;
    }
    bx += un.w + gap;
    SDL_Rect cl = {bx, by, cw, ui_px(ui, 30)};
    if (ui_button(ui, cl, "Clear", BUTTON_SECONDARY)) {
        paint_clear(p);
        loc_st.ranked = false;
        a->redraw = true;
    }
    int legend_h = chart_legend_height(a->ren);
    SDL_Rect chart = {panel.x + ui_px(ui, 12), by + ui_px(ui, 38), panel.w - ui_px(ui, 24),
                      panel.y + panel.h - by - ui_px(ui, 58) - legend_h};
    chart_draw_legend(a->ren, (SDL_Rect){chart.x, chart.y + chart.h + ui_px(ui, 8), chart.w, legend_h});
    const View *v = loc_st.views[loc_st.view];
    /* The left button paints: the chart moves with the right one or the
     * arrow keys. */
    ChartLayout l = chart_view_layout(a, &loc_st, v, chart, NULL, CHART_VIEW_PAINT | CHART_VIEW_ARROWS);
    ren_clip(a->ren, chart);
    chart_draw_svg(a->charts, v->path, &l);
    paint_draw(p, ren_sdl(a->ren), &l, COLA(0xC6, 0x28, 0x28, 0xA0), a->ui.scale);
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &l, v->name);
    bool on_controls = ui->pressed && chart_view_on_controls(a, ui->press_x, ui->press_y);
    chart_view_controls(a);
    if (!on_controls && paint_input(p, ui, &l)) {
        loc_st.ranked = false;
        a->redraw = true;
    }
    if (p->stroking)
        a->redraw = true;
    if (!loc_st.ranked && !p->stroking)
        rank(a);

    /* Results. */
    SDL_Rect res = {left_w + pad, area.y + pad, all.w - left_w - 2 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, res, ui_px(ui, 10), THEME_PANEL);
    int x = res.x + ui_px(ui, 22), y = res.y + ui_px(ui, 20), w = res.w - ui_px(ui, 44);
    ren_text(a->ren, FONT_HEADING, x, y, THEME_ACCENT_DARK, "Muscles to examine");
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 6);
    if (paint_count(p) == 0) {
        ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_MUTED,
                         "Paint where the pain is felt on the chart: press and drag. The muscles whose trigger "
                         "points refer pain there appear here, best match first.",
                         true, 0, all.h);
        return;
    }
    if (loc_st.n_results == 0) {
        ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_MUTED,
                         "No referral pattern in the courses covers this area. Try another chart or paint more.", true,
                         0, all.h);
        return;
    }
    /* Three lines in a narrow window: the list starts below however many. */
    y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED,
                          "Match: how much of the painted pain the muscle's referral zones explain, and how closely "
                          "the pattern fits.",
                          true, 0, all.h) +
         ui_px(ui, 10);
    /* A row a muscle; its name and trigger point wrap left of the match
     * bar and Study (the row grows), and rows stop where the panel ends. */
    int tw = w - ui_px(ui, 200);
    for (int i = 0; i < loc_st.n_results; i++) {
        const LocatorMatch *m = &loc_st.results[i];
        char pct[16], sub[300];
        snprintf(pct, sizeof pct, "%d%%", (int)(m->score * 100 + 0.5));
        snprintf(sub, sizeof sub, "%s trigger point", m->module->tps[m->tp].label);
        int nh = ren_text_wrapped(a->ren, FONT_BOLD, x, y, tw, THEME_TEXT, m->module->name, false, 0, 0);
        int sh = ren_text_wrapped(a->ren, FONT_SMALL, x, y, tw, THEME_MUTED, sub, false, 0, 0);
        int row_h = nh + sh + ui_px(ui, 20) > ui_px(ui, 62) ? nh + sh + ui_px(ui, 20) : ui_px(ui, 62);
        if (y + row_h >= res.y + res.h)
            break;
        ren_text_wrapped(a->ren, FONT_BOLD, x, y, tw, THEME_TEXT, m->module->name, true, 0, all.h);
        ren_text_wrapped(a->ren, FONT_SMALL, x, y + nh, tw, THEME_MUTED, sub, true, 0, all.h);
        SDL_Rect bar = {x + w - ui_px(ui, 190), y + ui_px(ui, 8), ui_px(ui, 80), ui_px(ui, 10)};
        ren_fill_round_rect(a->ren, bar, bar.h / 2, THEME_PANEL_ALT);
        SDL_Rect fill = bar;
        fill.w = (int)(bar.w * m->score);
        ren_fill_round_rect(a->ren, fill, bar.h / 2, THEME_PAIN);
        ren_text(a->ren, FONT_SMALL, bar.x + bar.w + ui_px(ui, 6), y, THEME_TEXT, pct);
        SDL_Rect go = {x + w - ui_px(ui, 70), y, ui_px(ui, 70), ui_px(ui, 32)};
        char label[300];
        snprintf(label, sizeof label, "Study %s", m->module->name);
        bool clicked = ui_button(ui, go, "Study", BUTTON_SECONDARY);
        ui_register_target(ui, label, go);
        if (clicked) {
            a->module = m->module;
            a->study_return = SCREEN_LOCATOR;
            app_go(a, SCREEN_STUDY);
            return;
        }
        y += row_h;
    }
}

void screen_locator_free(void)
{
    for (int i = 0; i < loc_st.n_views; i++)
        paint_free(&loc_st.canvas[i]);
    loc_st.n_views = 0;
}
