/* Study: the muscle on its chart with every trigger point (X) and referral
 * zone (essential solid, spillover stippled), and its facts in a scrolling
 * panel. Selecting a trigger point in the panel shows only its pattern. A
 * muscle with a [selfcare] section has a Self-care tab after its views: its
 * figure and caption take the chart's place and the facts scroll to the
 * self-care instructions. A lesson is shown page by page instead
 * (screen_lesson.c). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app_state.h"
#include "chrome.h"
#include "theme.h"

/* The state of the study screen (reset on entering it), kept while the program runs. */
static struct {
    int view; /* index into the module's views; the view count: the self-care figure */
    int scroll;
    bool to_selfcare; /* scroll the facts to the self-care instructions once laid out */
    int selfcare_w;   /* the text width they were scrolled to: a resize scrolls again */
} study_st;

#define MAX_VIEWS 8

static int selected_tp = -1; /* -1: all; reset when the module changes */
static const Module *selected_for;

/* True if an earlier zone of the module has the same view, kind and polygon. */
static bool same_as_earlier(const Module *m, int i)
{
    const Zone *z = &m->zones[i];
    for (int k = 0; k < i; k++) {
        const Zone *o = &m->zones[k];
        if (o->kind == z->kind && o->poly.n == z->poly.n && !strcmp(o->view, z->view) &&
            !memcmp(o->poly.pts, z->poly.pts, sizeof *z->poly.pts * (size_t)z->poly.n))
            return true;
    }
    return false;
}

/* Draws a titled paragraph; returns its height. */
static int section(App *a, int x, int y, int w, const char *title, const char *text, SDL_Rect clip)
{
    if (!text || !*text)
        return 0;
    /* The heading wraps too: a narrow panel must not cut it. */
    int h = ren_text_wrapped(a->ren, FONT_BOLD, x, y, w, THEME_ACCENT_DARK, title, true, clip.y, clip.y + clip.h);
    h += ui_px(&a->ui, 4);
    h += ren_text_wrapped(a->ren, FONT_BODY, x, y + h, w, THEME_TEXT, text, true, clip.y, clip.y + clip.h);
    return h + ui_px(&a->ui, 16);
}

static void draw_chart(App *a, const Module *m, const char *view, SDL_Rect area)
{
    const View *v = library_find_view(a->lib, view);
    if (!v || !v->ok) {
        ren_text(a->ren, FONT_BODY, area.x, area.y, THEME_BAD, "This chart could not be loaded.");
        return;
    }
    /* The arrow keys scroll the text beside the chart. */
    ChartLayout l = chrome_chart_layout(a, m, v, area, 0);
    ren_clip(a->ren, area);
    chart_draw_svg(a->charts, v->path, &l);
    const char *overlay = module_overlay(m, view);
    if (overlay)
        chart_draw_overlay(a->charts, overlay, &l, module_view_is_deep(m, view), a->ui.scale);
    float s = a->ui.scale;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < m->n_zones; i++) {
            const Zone *z = &m->zones[i];
            /* Spillover first, essential on top. */
            if ((pass == 0) != (z->kind == ZONE_SPILLOVER) || strcmp(z->view, view))
                continue;
            if (selected_tp >= 0 && z->tp != selected_tp)
                continue;
            if (selected_tp < 0 && same_as_earlier(m, i))
                continue; /* trigger points that share a pattern: draw it once */
            chart_draw_zone(a->ren, &l, z, s);
        }
    /* With one point selected the others stay on the chart, grey and
     * unlabelled, and the selected one is ringed. */
    Vec2 pts[64], others[64];
    const char *labels[64];
    int n = 0, n_others = 0;
    for (int i = 0; i < m->n_tps && n < 64; i++) {
        const TriggerPoint *tp = &m->tps[i];
        if (strcmp(tp->view, view))
            continue;
        if (selected_tp >= 0 && i != selected_tp) {
            chart_draw_tp(a->ren, &l, tp, COLA(0x6F, 0x6F, 0x6F, 0xC0), false, s * 0.8f);
            others[n_others++] = tp->at;
            continue;
        }
        if (i == selected_tp)
            chart_draw_selected(a->ren, &l, tp, s);
        chart_draw_tp(a->ren, &l, tp, COL(0x11, 0x11, 0x11), false, s);
        pts[n] = tp->at;
        labels[n++] = tp->label;
    }
    SDL_Rect avoid[3];
    int n_avoid = chart_sides_rects(a->ren, &l, view, avoid);
    if (a->views.cur && a->views.controls.w > 0)
        avoid[n_avoid++] = a->views.controls;
    Polygon zones[COURSE_MAX_ZONES];
    int n_zones = 0;
    for (int i = 0; i < m->n_zones; i++)
        if (!strcmp(m->zones[i].view, view) && (selected_tp < 0 || m->zones[i].tp == selected_tp))
            zones[n_zones++] = m->zones[i].poly;
    ChartMarks around = {others, n_others, avoid, n_avoid, zones, n_zones};
    chart_draw_labels(a->ren, &l, pts, labels, n, &around, s);
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &l, view);
    chrome_zoom_button(a);
}

/* The self-care figure fitted into area with its caption below (the
 * caption comes from the module: the SVG renderer draws no text). */
static void draw_selfcare_figure(App *a, const SelfCare *sc, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int cap_w = area.w - ui_px(ui, 16), gap = ui_px(ui, 12);
    int cap_h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, cap_w, THEME_TEXT, sc->caption, false, 0, 0);
    SDL_Rect fig = {area.x, area.y, area.w, area.h - cap_h - gap};
    ren_clip(a->ren, area);
    if (fig.h >= ui_px(ui, 60)) {
        /* The figure and its caption together, centred in the panel. */
        ChartLayout l = chart_layout(fig, sc->figure_box);
        fig.y += (fig.h - l.image.h) / 2;
        fig.h = l.image.h;
        l = chart_layout(fig, sc->figure_box);
        if (!chart_draw_svg(a->charts, sc->figure, &l))
            ren_text(a->ren, FONT_BODY, fig.x, fig.y, THEME_BAD, "This figure could not be loaded.");
        fig.h = l.image.y + l.image.h - fig.y;
    }
    ren_text_wrapped(a->ren, FONT_BODY, area.x + ui_px(ui, 8), fig.y + fig.h + gap, cap_w, THEME_TEXT,
                     sc->caption, true, area.y, area.y + area.h);
    ren_unclip(a->ren);
}

/* How many items the practice serves (10, 20 or all), left of the button
 * go that starts it; the choice stays for the learner's later practice. */
static void length_choice(App *a, SDL_Rect go)
{
    Ui *ui = &a->ui;
    static const int LENGTHS[] = {10, 20, 0};
    static const char *const NAMES[] = {"10", "20", "All"};
    static const char *const TARGETS[] = {"Practise 10 items", "Practise 20 items", "Practise all items"};
    int bw = ui_px(ui, 48), gap = ui_px(ui, 4), bh = go.h - ui_px(ui, 8);
    int x = go.x - ui_px(ui, 14) - 3 * bw - 2 * gap;
    const char *label = "Items";
    int lw = ren_text_width(a->ren, FONT_SMALL, label);
    ren_text(a->ren, FONT_SMALL, x - ui_px(ui, 8) - lw, go.y + (go.h - ren_text_height(a->ren, FONT_SMALL)) / 2,
             THEME_MUTED, label);
    for (int i = 0; i < 3; i++) {
        SDL_Rect b = {x + i * (bw + gap), go.y + ui_px(ui, 4), bw, bh};
        bool sel = a->practice_length == LENGTHS[i];
        if (ui_button(ui, b, NAMES[i], sel ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            a->practice_length = LENGTHS[i];
            a->redraw = true;
        }
        ui_register_target(ui, TARGETS[i], b);
    }
}

void screen_study(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Module *m = a->module;
    if (m->kind == MODULE_LESSON) {
        screen_lesson(a, all);
        return;
    }
    if (selected_for != m) {
        selected_for = m;
        selected_tp = -1;
    }
    SDL_Rect area;
    char title[300];
    snprintf(title, sizeof title, "%s", m->name);
    const char *group = named_id_name(MUSCLE_GROUPS, m->group);
    char crumb[300];
    snprintf(crumb, sizeof crumb, "%s%s%s \xC2\xB7 study", a->course && a->study_return == SCREEN_MODULES ? a->course->title : "",
             a->course && a->study_return == SCREEN_MODULES ? " \xC2\xB7 " : "", group ? group : m->group);
    if (chrome_top_bar(a, title, crumb, true, &area)) {
        if (a->study_return == SCREEN_PRACTICE && a->run.session) {
            /* Opened from practice feedback: back to the same item. */
            a->module = a->study_back_module;
            app_go(a, SCREEN_PRACTICE);
            return;
        }
        if (a->study_return == SCREEN_ANSWER_REVIEW) {
            /* Opened from a miss in the answer review: back to that item. */
            a->module = a->study_back_module;
            app_go(a, SCREEN_ANSWER_REVIEW);
            return;
        }
        app_go(a, a->study_return == SCREEN_PROTOCOLS || a->study_return == SCREEN_LOCATOR ||
                          a->study_return == SCREEN_DIRECTORY || a->study_return == SCREEN_DISORDERS
                      ? a->study_return
                      : SCREEN_MODULES);
        return;
    }
    int pad = ui_px(ui, 20);
    const char *views[MAX_VIEWS];
    int nv = module_views(m, views, MAX_VIEWS);
    if (study_st.view > nv || (study_st.view == nv && !m->selfcare))
        study_st.view = 0;

    /* Left: the chart, with a tab per view. */
    int chart_w = all.w * 52 / 100;
    SDL_Rect panel = {pad, area.y + pad, chart_w - pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    /* A tab per view and, for a muscle with a [selfcare] section, the
     * Self-care tab after them; wrapped onto more rows where they do not fit
     * (a module on a close-up and whole-body charts front and back). */
    int tab_h = ui_px(ui, 34), tab_gap = ui_px(ui, 8), tx = panel.x + ui_px(ui, 12), ty = panel.y + ui_px(ui, 12);
    char labels[MAX_VIEWS][80];
    int tab_w[MAX_VIEWS + 1], tab_x[MAX_VIEWS + 1], tab_row[MAX_VIEWS + 1];
    for (int i = 0; i < nv; i++) {
        layout_view_tab_label(views[i], labels[i], sizeof labels[i]);
        tab_w[i] = ren_text_width(a->ren, FONT_BODY, labels[i]) + ui_px(ui, 28);
    }
    int ntabs = nv;
    if (m->selfcare)
        tab_w[ntabs++] = ren_text_width(a->ren, FONT_BODY, "Self-care") + ui_px(ui, 28);
    int rows = layout_wrap_row(tab_w, ntabs, panel.w - ui_px(ui, 24), tab_gap, tab_x, tab_row);
    for (int i = 0; i < nv; i++) {
        SDL_Rect tab = {tx + tab_x[i], ty + tab_row[i] * (tab_h + tab_gap), tab_w[i], tab_h};
        if (ui_button(ui, tab, labels[i], i == study_st.view ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            study_st.view = i;
            a->redraw = true;
        }
    }
    bool selfcare = m->selfcare && study_st.view == nv;
    if (m->selfcare) {
        SDL_Rect tab = {tx + tab_x[nv], ty + tab_row[nv] * (tab_h + tab_gap), tab_w[nv], tab_h};
        if (ui_button(ui, tab, "Self-care", selfcare ? BUTTON_SELECTED : BUTTON_SECONDARY)) {
            study_st.view = nv;
            study_st.to_selfcare = true;
            a->redraw = true;
        }
        selfcare = study_st.view == nv;
    }
    int tabs_h = rows > 1 ? rows * tab_h + (rows - 1) * tab_gap : tab_h;
    /* tests/labels/label_sweep.c computes this rectangle too: keep in step. */
    int legend_h = chart_legend_height(a->ren) + ui_px(ui, 12);
    SDL_Rect chart = {panel.x + ui_px(ui, 12), ty + tabs_h + ui_px(ui, 8), panel.w - ui_px(ui, 24),
                      panel.h - tabs_h - ui_px(ui, 32) - legend_h};
    if (selfcare) {
        chart.h = panel.y + panel.h - ui_px(ui, 12) - chart.y;
        draw_selfcare_figure(a, m->selfcare, chart);
    } else {
        if (study_st.view < nv)
            draw_chart(a, m, views[study_st.view], chart);
        chart_draw_legend(a->ren, (SDL_Rect){panel.x + ui_px(ui, 16), panel.y + panel.h - legend_h,
                                             panel.w - ui_px(ui, 32), chart_legend_height(a->ren)});
    }

    /* Right: the facts. */
    SDL_Rect text = {chart_w + pad, area.y + pad, all.w - chart_w - 2 * pad, area.h - 2 * pad - ui_px(ui, 60)};
    ren_fill_round_rect(a->ren, text, ui_px(ui, 10), THEME_PANEL);
    SDL_Rect inner = {text.x + ui_px(ui, 20), text.y + ui_px(ui, 16), text.w - ui_px(ui, 40),
                      text.h - ui_px(ui, 32)};
    ren_clip(a->ren, inner);
    int y = inner.y - study_st.scroll;
    int w = inner.w - ui_px(ui, 10);
    ren_text(a->ren, FONT_BOLD, inner.x, y, THEME_ACCENT_DARK, "Trigger points");
    y += ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6);
    ren_text_wrapped(a->ren, FONT_SMALL, inner.x, y, w, THEME_MUTED,
                     "Select one to see its own referral pattern.", true, inner.y, inner.y + inner.h);
    y += ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 6);
    for (int i = -1; i < m->n_tps; i++) {
        char head[400];
        if (i < 0)
            snprintf(head, sizeof head, "All trigger points");
        else
            snprintf(head, sizeof head, "%s%s", m->tps[i].label, m->tps[i].primary ? " (primary)" : "");
        int h = ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 8);
        if (i >= 0)
            h += ren_text_wrapped(a->ren, FONT_SMALL, 0, 0, w - ui_px(ui, 20), THEME_TEXT, m->tps[i].location,
                                  false, 0, 0) + ui_px(ui, 4);
        SDL_Rect row = {inner.x, y, w, h};
        bool sel = selected_tp == i;
        if (sel)
            ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_ACCENT_LIGHT);
        bool visible = row.y + row.h > inner.y && row.y < inner.y + inner.h;
        if (visible && ui_clickable(ui, row, head)) {
            selected_tp = i;
            if (i >= 0)
                for (int k = 0; k < nv; k++)
                    if (!strcmp(views[k], m->tps[i].view))
                        study_st.view = k;
            a->redraw = true;
        }
        ren_text(a->ren, FONT_BOLD, inner.x + ui_px(ui, 10), y + ui_px(ui, 4), sel ? THEME_ACCENT_DARK : THEME_TEXT,
                 head);
        if (i >= 0)
            ren_text_wrapped(a->ren, FONT_SMALL, inner.x + ui_px(ui, 10),
                             y + ui_px(ui, 4) + ren_text_height(a->ren, FONT_BOLD), w - ui_px(ui, 20), THEME_TEXT,
                             m->tps[i].location, true, inner.y, inner.y + inner.h);
        y += h + ui_px(ui, 4);
    }
    y += ui_px(ui, 12);
    char pain[1024];
    pain[0] = 0;
    for (int i = 0; i < m->n_pain_regions; i++) {
        const char *name = named_id_name(PAIN_REGIONS, m->pain_regions[i]);
        size_t used = strlen(pain);
        snprintf(pain + used, sizeof pain - used, "%s%s", i ? ", " : "", name ? name : m->pain_regions[i]);
    }
    y += section(a, inner.x, y, w, "Refers pain to", pain, inner);
    y += section(a, inner.x, y, w, "Attachments", m->attachments, inner);
    y += section(a, inner.x, y, w, "Action", m->action, inner);
    y += section(a, inner.x, y, w, "What activates and perpetuates its trigger points", m->causes, inner);
    y += section(a, inner.x, y, w, "Symptoms and findings", m->symptoms, inner);
    y += section(a, inner.x, y, w, "Often mistaken for", m->differential, inner);
    y += section(a, inner.x, y, w, "Treatment", m->treatment, inner);
    int selfcare_at = y + study_st.scroll - inner.y;
    if (m->selfcare) {
        /* The instructions for the figure of the Self-care tab, then the
         * module's everyday advice. */
        y += ren_text_wrapped(a->ren, FONT_HEADING, inner.x, y, w, THEME_ACCENT_DARK, "Self-care", true, inner.y,
                              inner.y + inner.h) +
             ui_px(ui, 8);
        if (!selfcare) {
            const char *hint = "The Self-care tab shows the position.";
            y += ren_text_wrapped(a->ren, FONT_SMALL, inner.x, y, w, THEME_MUTED, hint, true, inner.y,
                                  inner.y + inner.h) +
                 ui_px(ui, 8);
        }
        y += section(a, inner.x, y, w, "The position", m->selfcare->position, inner);
        y += section(a, inner.x, y, w, "What you should feel", m->selfcare->feel, inner);
        y += section(a, inner.x, y, w, "How long, how often", m->selfcare->dose, inner);
        y += section(a, inner.x, y, w, "Caution", m->selfcare->caution, inner);
        y += section(a, inner.x, y, w, "Everyday self-care", m->self_care, inner);
    } else {
        y += section(a, inner.x, y, w, "Self-care", m->self_care, inner);
    }
    int content_h = y + study_st.scroll - inner.y;
    ren_unclip(a->ren);
    if (study_st.to_selfcare || (selfcare && study_st.selfcare_w != w)) {
        study_st.to_selfcare = false;
        study_st.selfcare_w = w;
        study_st.scroll = selfcare_at;
        a->redraw = true;
    }
    SDL_Rect scroll_area = {inner.x, inner.y, inner.w + ui_px(ui, 12), inner.h};
    int before = study_st.scroll;
    ui_scroll(ui, scroll_area, &study_st.scroll, content_h);
    if (ui_key(ui, SDLK_PAGEDOWN) || ui_key(ui, SDLK_DOWN))
        study_st.scroll += inner.h / 2;
    if (ui_key(ui, SDLK_PAGEUP) || ui_key(ui, SDLK_UP))
        study_st.scroll -= inner.h / 2;
    if (study_st.scroll != before)
        a->redraw = true;

    SDL_Rect go = {text.x + text.w - ui_px(ui, 210), text.y + text.h + ui_px(ui, 14), ui_px(ui, 210),
                   ui_px(ui, 44)};
    if (ui_button(ui, go, "Practise this module", BUTTON_PRIMARY))
        app_start_practice(a, m);
    length_choice(a, go);
}

void screen_study_enter(App *a)
{
    study_st.scroll = 0;
    study_st.view = 0;
    study_st.to_selfcare = false;
    screen_lesson_enter(a);
}
