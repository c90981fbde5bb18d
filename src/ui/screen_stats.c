/* Statistics: the signed-in learner's progress from their own files
 * (core stats.c): a body map of the front and back charts with each
 * region shaded by mastery (a labelled scale beside it, the numbers in the
 * list), mastery per module grouped by region (scrolls), accuracy and
 * median click distance over time, the review forecast for 30 days and the
 * time studied. The numbers are computed once when the screen opens. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_state.h"
#include "bodymap.h"
#include "chrome.h"
#include "stats.h"
#include "studylog.h"
#include "theme.h"

static struct {
    Stats *stats;
    int scroll;
} stats_st;

#define MAP_SHAPES 64

void screen_stats_enter(App *a)
{
    stats_free(stats_st.stats);
    stats_st.stats = NULL;
    stats_st.scroll = 0;
    char path[4096];
    app_learner_path(a, "practice", path, sizeof path);
    Diag *d = diag_create();
    StudyLogEntry *log = NULL;
    int n_log = studylog_load(path, &log, d);
    diag_sort(d);
    diag_print(d, stderr); /* a damaged line drops out; the rest is shown */
    /* Said on screen too: the practice behind these figures is missing. */
    if (diag_error_count(d) > 0) {
        const DiagItem *first = diag_item(d, 0);
        char where[32] = "";
        if (first && first->line > 0)
            snprintf(where, sizeof where, "line %d: ", first->line);
        snprintf(a->banner, sizeof a->banner,
                 "Your practice log could not be read in full, so these statistics leave some practice out (%s%s).",
                 where, first ? first->message : "");
    }
    diag_free(d);
    int64_t now = app_now_ms(a) / 1000;
    /* Local time minus UTC, for where a day begins: the UTC fields read
     * back as local time differ from now by the offset. */
    time_t t = (time_t)now;
    struct tm utc;
    int64_t offset = 0;
    if (gmtime_r(&t, &utc)) {
        utc.tm_isdst = -1;
        time_t back = mktime(&utc);
        if (back != (time_t)-1)
            offset = (int64_t)(t - back);
    }
    StatsInput in = {a->lib, a->scores, log, n_log > 0 ? n_log : 0, a->review, now, offset};
    stats_st.stats = stats_compute(&in);
    free(log);
    if (!stats_st.stats)
        snprintf(a->banner, sizeof a->banner, "Your statistics could not be computed: out of memory.");
}

void screen_stats_leave(App *a)
{
    (void)a;
    stats_free(stats_st.stats);
    stats_st.stats = NULL;
}

/* ---- shared pieces ------------------------------------------------------- */

/* Mastery 0..1 on one teal ramp, pale to the accent's dark: lighter is
 * less (the scale under the map says so in numbers). */
static SDL_Color mastery_colour(double m)
{
    if (!(m > 0))
        m = 0;
    if (m > 1)
        m = 1;
    SDL_Color lo = COL(0xEA, 0xF2, 0xF1), hi = COL(0x0F, 0x45, 0x4F);
    return COLA((Uint8)lround(lo.r + (hi.r - lo.r) * m), (Uint8)lround(lo.g + (hi.g - lo.g) * m),
                (Uint8)lround(lo.b + (hi.b - lo.b) * m), 0xE0);
}

/* A white panel with its title (short_title when title does not fit);
 * *inner is the room under the title. */
static void panel(App *a, SDL_Rect r, const char *title, const char *short_title, SDL_Rect *inner)
{
    Ui *ui = &a->ui;
    ren_fill_round_rect(a->ren, r, ui_px(ui, 10), THEME_BORDER);
    SDL_Rect in = {r.x + 1, r.y + 1, r.w - 2, r.h - 2};
    ren_fill_round_rect(a->ren, in, ui_px(ui, 10), THEME_PANEL);
    int pad = ui_px(ui, 14);
    if (short_title && ren_text_width(a->ren, FONT_HEADING, title) > r.w - 2 * pad)
        title = short_title;
    ren_text_fit(a->ren, FONT_HEADING, r.x + pad, r.y + ui_px(ui, 10), r.w - 2 * pad, THEME_ACCENT_DARK, title);
    int top = ui_px(ui, 10) + ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 6);
    *inner = (SDL_Rect){r.x + pad, r.y + top, r.w - 2 * pad, r.h - top - pad};
}

static void duration_text(int64_t s, char *buf, size_t size)
{
    int64_t min = (s + 30) / 60;
    if (s < 60)
        snprintf(buf, size, "%lld s", (long long)(s > 0 ? s : 0));
    else if (min >= 60)
        snprintf(buf, size, "%lld h %02lld min", (long long)(min / 60), (long long)(min % 60));
    else
        snprintf(buf, size, "%lld min", (long long)min);
}

/* "3 Jan" for a time, in local time. */
static void date_text(int64_t s, char *buf, size_t size)
{
    time_t t = (time_t)s;
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(buf, size, "%e %b", &tm))
        snprintf(buf, size, "?");
    if (buf[0] == ' ')
        memmove(buf, buf + 1, strlen(buf));
}

static int pct(double v)
{
    return (int)lround(v * 100);
}

/* ---- the summary strip ----------------------------------------------------- */

static void summary(App *a, const Stats *s, SDL_Rect r)
{
    Ui *ui = &a->ui;
    char val[4][64], sub[4][96];
    duration_text(s->quiz_s + s->exam_s + s->practice_s, val[0], sizeof val[0]);
    char q[32], p[32];
    duration_text(s->practice_s, p, sizeof p);
    duration_text(s->quiz_s + s->exam_s, q, sizeof q);
    snprintf(sub[0], sizeof sub[0], "practice %s \xC2\xB7 quizzes and exams %s", p, q);
    snprintf(val[1], sizeof val[1], "%d", s->answers);
    snprintf(sub[1], sizeof sub[1], "%d in practice \xC2\xB7 %d quiz%s \xC2\xB7 %d exam%s", s->practice_answers,
             s->quizzes, s->quizzes == 1 ? "" : "zes", s->exams, s->exams == 1 ? "" : "s");
    int practised = 0;
    double sum = 0;
    for (int i = 0; i < s->n_modules; i++) {
        practised += s->modules[i].answers > 0;
        sum += s->modules[i].mastery;
    }
    snprintf(val[2], sizeof val[2], "%d%%", s->n_modules ? pct(sum / s->n_modules) : 0);
    snprintf(sub[2], sizeof sub[2], "%d of %d modules practised", practised, s->n_modules);
    int week = 0;
    for (int i = 0; i < 7; i++)
        week += s->forecast[i];
    snprintf(val[3], sizeof val[3], "%d due now", s->overdue);
    snprintf(sub[3], sizeof sub[3], "%d in the next 7 days \xC2\xB7 %d scheduled", week - s->overdue, s->scheduled);
    const char *head[4] = {"Time studied", "Answers", "Overall mastery", "Spaced review"};
    int gap = ui_px(ui, 12), w = (r.w - 3 * gap) / 4;
    for (int i = 0; i < 4; i++) {
        SDL_Rect c = {r.x + i * (w + gap), r.y, w, r.h};
        ren_fill_round_rect(a->ren, c, ui_px(ui, 10), THEME_BORDER);
        SDL_Rect in = {c.x + 1, c.y + 1, c.w - 2, c.h - 2};
        ren_fill_round_rect(a->ren, in, ui_px(ui, 10), THEME_PANEL);
        int pad = ui_px(ui, 12), y = c.y + ui_px(ui, 6);
        ren_text_fit(a->ren, FONT_SMALL, c.x + pad, y, c.w - 2 * pad, THEME_MUTED, head[i]);
        y += ren_text_height(a->ren, FONT_SMALL);
        ren_text_fit(a->ren, FONT_HEADING, c.x + pad, y, c.w - 2 * pad, THEME_TEXT, val[i]);
        y += ren_text_height(a->ren, FONT_HEADING);
        ren_text_wrapped(a->ren, FONT_SMALL, c.x + pad, y, c.w - 2 * pad, THEME_MUTED, sub[i], true, 0,
                         c.y + c.h - ui_px(ui, 2));
    }
}

/* ---- the body map ---------------------------------------------------------- */

static const StatsRegion *region_of(const Stats *s, const char *id)
{
    for (int i = 0; i < s->n_regions; i++)
        if (!strcmp(s->regions[i].id, id))
            return &s->regions[i];
    return NULL;
}

static void draw_map_view(App *a, const Stats *s, const char *name, const char *caption, SDL_Rect r)
{
    int ch = ren_text_height(a->ren, FONT_SMALL);
    ren_text(a->ren, FONT_SMALL, r.x + (r.w - ren_text_width(a->ren, FONT_SMALL, caption)) / 2, r.y, THEME_MUTED,
             caption);
    SDL_Rect area = {r.x, r.y + ch + ui_px(&a->ui, 2), r.w, r.h - ch - ui_px(&a->ui, 2)};
    /* The library has the chart if a module uses it; else the installed
     * one (the whole-body charts' viewBox, docs/CHARTS.md). */
    const View *v = library_find_view(a->lib, name);
    char path[4096];
    RectD box = {0, 0, 600, 1400};
    if (v && v->ok) {
        snprintf(path, sizeof path, "%s", v->path);
        box = v->viewbox;
    } else
        snprintf(path, sizeof path, "%s/anatomy/%s.svg", a->cfg->assets_dir ? a->cfg->assets_dir : ".", name);
    ChartLayout l = chart_layout(area, box);
    if (!chart_draw_svg(a->charts, path, &l)) {
        ren_text_wrapped(a->ren, FONT_SMALL, area.x, area.y, area.w, THEME_MUTED, "Chart not installed", true, 0,
                         area.y + area.h);
        return;
    }
    BodyMapShape shapes[MAP_SHAPES];
    int n = bodymap_shapes(name, shapes, MAP_SHAPES);
    for (int i = 0; i < n && i < MAP_SHAPES; i++) {
        const StatsRegion *reg = region_of(s, shapes[i].group);
        SDL_FPoint pts[BODYMAP_MAX_POINTS];
        for (int k = 0; k < shapes[i].n; k++)
            pts[k] = chart_to_screen(&l, shapes[i].pts[k]);
        if (!reg)
            continue; /* no module of the courses here: the chart as it is */
        if (reg->practised == 0)
            ren_fill_polygon(a->ren, pts, shapes[i].n, FILL_HATCH, COLA(0x5F, 0x66, 0x6D, 0x90), l.image);
        else
            ren_fill_polygon(a->ren, pts, shapes[i].n, FILL_SOLID, mastery_colour(reg->mastery), l.image);
        ren_polygon_outline(a->ren, pts, shapes[i].n, 1.0f, COLA(0x0F, 0x45, 0x4F, 0x80));
    }
}

/* The scale: the ramp from 0 to 100 % with ticks, and the hatching of a
 * region not practised. Returns its height. */
static int draw_scale(App *a, int x, int y, int w, bool draw)
{
    Ui *ui = &a->ui;
    int sh = ren_text_height(a->ren, FONT_SMALL);
    int bar_h = ui_px(ui, 12);
    int h = sh + bar_h + sh + ui_px(ui, 8) + sh;
    if (!draw)
        return h;
    const char *title = "Mastery (mean credit of recent answers)";
    ren_text(a->ren, FONT_SMALL, x, y, THEME_TEXT, ren_text_width(a->ren, FONT_SMALL, title) <= w ? title : "Mastery");
    y += sh;
    int steps = 40;
    for (int i = 0; i < steps; i++) {
        SDL_Rect seg = {x + w * i / steps, y, w * (i + 1) / steps - w * i / steps, bar_h};
        SDL_Color c = mastery_colour((i + 0.5) / steps);
        c.a = 255;
        ren_fill_rect(a->ren, seg, c);
    }
    ren_rect(a->ren, (SDL_Rect){x, y, w, bar_h}, 1, THEME_BORDER);
    y += bar_h;
    const char *ticks[] = {"0%", "50%", "100%"};
    for (int i = 0; i < 3; i++) {
        int tw = ren_text_width(a->ren, FONT_SMALL, ticks[i]);
        int tx = x + w * i / 2 - (i == 0 ? 0 : i == 2 ? tw : tw / 2);
        ren_text(a->ren, FONT_SMALL, tx, y, THEME_MUTED, ticks[i]);
    }
    y += sh + ui_px(ui, 8);
    SDL_Rect sw = {x, y + (sh - bar_h) / 2, ui_px(ui, 28), bar_h};
    SDL_FPoint q[4] = {{(float)sw.x, (float)sw.y}, {(float)(sw.x + sw.w), (float)sw.y},
                       {(float)(sw.x + sw.w), (float)(sw.y + sw.h)}, {(float)sw.x, (float)(sw.y + sw.h)}};
    ren_fill_polygon(a->ren, q, 4, FILL_HATCH, COLA(0x5F, 0x66, 0x6D, 0x90), sw);
    ren_rect(a->ren, sw, 1, THEME_BORDER);
    ren_text_fit(a->ren, FONT_SMALL, sw.x + sw.w + ui_px(ui, 8), y, w - sw.w - ui_px(ui, 8), THEME_MUTED,
                 "not practised yet");
    return h;
}

static void body_map(App *a, const Stats *s, SDL_Rect r)
{
    SDL_Rect in;
    panel(a, r, "Mastery by body region", "Mastery by region", &in);
    int scale_h = draw_scale(a, 0, 0, 0, false);
    int gap = ui_px(&a->ui, 8);
    SDL_Rect charts = {in.x, in.y, in.w, in.h - scale_h - gap};
    int half = (charts.w - gap) / 2;
    draw_map_view(a, s, "front", "Front", (SDL_Rect){charts.x, charts.y, half, charts.h});
    draw_map_view(a, s, "back", "Back", (SDL_Rect){charts.x + half + gap, charts.y, half, charts.h});
    draw_scale(a, in.x, in.y + in.h - scale_h, in.w, true);
}

/* ---- mastery per module, by region ---------------------------------------- */

static void mastery_list(App *a, const Stats *s, SDL_Rect r)
{
    Ui *ui = &a->ui;
    SDL_Rect in;
    panel(a, r, "Mastery by module", "By module", &in);
    int head_h = ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 12);
    /* The room a scrollbar needs is kept whether or not there is one, so a
     * row's height (its name wrapped beside the bar) is known before. */
    int w = in.w - ui_px(ui, 12);
    int x = in.x + ui_px(ui, 28), rw = in.x + w - x;
    int bar_w = rw / 3 < ui_px(ui, 120) ? rw / 3 : ui_px(ui, 120);
    int name_w = rw - bar_w - ui_px(ui, 12);
    int small_h = ren_text_height(a->ren, FONT_SMALL);
    /* A narrow list: the bar goes under the name, across the row. */
    bool stacked = name_w < ui_px(ui, 200);
    int bar_h = ui_px(ui, 10), extra = 0;
    if (stacked) {
        name_w = bar_w = rw;
        extra = bar_h + ui_px(ui, 6);
    }
    int content = 0;
    for (int g = 0; g < s->n_regions; g++)
        content += head_h + ui_px(ui, 6);
    for (int i = 0; i < s->n_modules; i++)
        content += ren_text_wrapped(a->ren, FONT_BODY, 0, 0, name_w, THEME_TEXT, s->modules[i].module->name, false, 0,
                                    0) +
                   small_h + ui_px(ui, 12) + extra;
    ui_scroll(ui, in, &stats_st.scroll, content);
    ren_clip(a->ren, in);
    int y = in.y - stats_st.scroll;
    char line[200];
    for (int g = 0; g < s->n_regions; g++) {
        const StatsRegion *reg = &s->regions[g];
        if (y + head_h >= in.y && y <= in.y + in.h) {
            SDL_Rect band = {in.x, y + ui_px(ui, 2), w, head_h - ui_px(ui, 4)};
            ren_fill_round_rect(a->ren, band, ui_px(ui, 6), THEME_PANEL_ALT);
            SDL_Rect sw = {band.x + ui_px(ui, 6), band.y + (band.h - ui_px(ui, 14)) / 2, ui_px(ui, 14), ui_px(ui, 14)};
            if (reg->practised) {
                SDL_Color c = mastery_colour(reg->mastery);
                c.a = 255;
                ren_fill_rect(a->ren, sw, c);
            }
            ren_rect(a->ren, sw, 1, THEME_MUTED);
            if (reg->practised)
                snprintf(line, sizeof line, "%d%% \xC2\xB7 %d of %d practised", pct(reg->mastery), reg->practised,
                         reg->modules);
            else
                snprintf(line, sizeof line, "not practised yet");
            int tx = sw.x + sw.w + ui_px(ui, 8);
            if (reg->practised &&
                ren_text_width(a->ren, FONT_BOLD, reg->name) + ren_text_width(a->ren, FONT_SMALL, line) >
                    band.x + band.w - tx - ui_px(ui, 16))
                snprintf(line, sizeof line, "%d%% \xC2\xB7 %d/%d", pct(reg->mastery), reg->practised, reg->modules);
            int lw = ren_text_width(a->ren, FONT_SMALL, line);
            int ty = band.y + (band.h - ren_text_height(a->ren, FONT_BOLD)) / 2;
            ren_text_fit(a->ren, FONT_BOLD, tx, ty, band.x + band.w - tx - lw - ui_px(ui, 16), THEME_TEXT, reg->name);
            ren_text(a->ren, FONT_SMALL, band.x + band.w - lw - ui_px(ui, 8),
                     band.y + (band.h - ren_text_height(a->ren, FONT_SMALL)) / 2, THEME_MUTED, line);
        }
        y += head_h;
        for (int i = 0; i < s->n_modules; i++) {
            const StatsModule *m = &s->modules[i];
            if (strcmp(m->region, reg->id) != 0)
                continue;
            /* A long name wraps; its row grows. */
            int name_h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, name_w, THEME_TEXT, m->module->name, false, 0, 0);
            int row_h = name_h + small_h + ui_px(ui, 12) + extra;
            if (y + row_h >= in.y && y <= in.y + in.h) {
                int ty = y + ui_px(ui, 4);
                ren_text_wrapped(a->ren, FONT_BODY, x, ty, name_w, THEME_TEXT, m->module->name, true, in.y,
                                 in.y + in.h);
                if (m->answers > 0) {
                    snprintf(line, sizeof line, "%d%% \xC2\xB7 last %d of %d answer%s", pct(m->mastery), m->window,
                             m->answers, m->answers == 1 ? "" : "s");
                    if (ren_text_width(a->ren, FONT_SMALL, line) > name_w)
                        snprintf(line, sizeof line, "%d%% \xC2\xB7 %d answer%s", pct(m->mastery), m->answers,
                                 m->answers == 1 ? "" : "s");
                } else
                    snprintf(line, sizeof line, "not practised yet");
                ren_text_fit(a->ren, FONT_SMALL, x, ty + name_h, name_w, THEME_MUTED, line);
                SDL_Rect bar = {in.x + w - bar_w, y + (row_h - bar_h) / 2, bar_w, bar_h};
                if (stacked)
                    bar.y = ty + name_h + small_h + ui_px(ui, 4);
                ren_fill_round_rect(a->ren, bar, bar.h / 2, THEME_PANEL_ALT);
                ren_rect(a->ren, bar, 1, THEME_BORDER);
                if (m->answers > 0 && m->mastery > 0) {
                    SDL_Rect fill = bar;
                    fill.w = (int)lround(bar.w * m->mastery);
                    SDL_Color c = mastery_colour(m->mastery);
                    c.a = 255;
                    ren_fill_round_rect(a->ren, fill, bar.h / 2, c);
                }
            }
            y += row_h;
        }
        y += ui_px(ui, 6);
    }
    ren_unclip(a->ren);
}

/* ---- accuracy and distance over time ------------------------------------- */

/* A round upper end for a distance axis: 1, 2, 5, 10, 20 ... cm. */
static double nice_max(double v)
{
    double m = 1;
    while (m < v)
        m = m * 2.5 > v && m * 2 >= v ? m * 2 : m * 2.5 >= v ? m * 2.5 : m * 10;
    return m;
}

static void history_plot(App *a, const Stats *s, SDL_Rect r)
{
    Ui *ui = &a->ui;
    SDL_Rect in;
    bool weeks = s->period_days == 7;
    panel(a, r, weeks ? "Accuracy and click distance by week" : "Accuracy and click distance by day",
          weeks ? "Accuracy by week" : "Accuracy by day", &in);
    int sh = ren_text_height(a->ren, FONT_SMALL);
    /* The key: the accuracy line solid with dots, the distance dashed with
     * squares, each named (colour is not the only cue). */
    int kx = in.x, ky = in.y + sh / 2;
    ren_line(a->ren, (float)kx, (float)ky, (float)(kx + ui_px(ui, 22)), (float)ky, (float)ui_px(ui, 2), THEME_ACCENT);
    ren_fill_circle(a->ren, (float)(kx + ui_px(ui, 11)), (float)ky, (float)ui_px(ui, 3.5f), THEME_ACCENT);
    kx += ui_px(ui, 28);
    kx += ren_text(a->ren, FONT_SMALL, kx, in.y, THEME_TEXT, "Accuracy, % (left)") + ui_px(ui, 16);
    const char *dist_key = "Median click distance, cm (right)";
    int key_lines = 1;
    if (kx + ui_px(ui, 28) + ren_text_width(a->ren, FONT_SMALL, dist_key) > in.x + in.w) {
        /* No room on one line: the distance's key goes on a second. */
        kx = in.x;
        ky += sh;
        key_lines = 2;
    }
    for (int d = 0; d < 3; d++)
        ren_line(a->ren, (float)(kx + d * ui_px(ui, 8)), (float)ky, (float)(kx + d * ui_px(ui, 8) + ui_px(ui, 5)),
                 (float)ky, (float)ui_px(ui, 2), THEME_PARTIAL);
    ren_fill_rect(a->ren, (SDL_Rect){kx + ui_px(ui, 8), ky - ui_px(ui, 3), ui_px(ui, 7), ui_px(ui, 7)}, THEME_PARTIAL);
    kx += ui_px(ui, 28);
    ren_text_fit(a->ren, FONT_SMALL, kx, ky - sh / 2, in.x + in.w - kx, THEME_TEXT, dist_key);
    in.y += (key_lines - 1) * sh;
    in.h -= (key_lines - 1) * sh;
    if (s->n_periods == 0) {
        ren_text_wrapped(a->ren, FONT_BODY, in.x, in.y + 2 * sh, in.w, THEME_MUTED,
                         "Answer questions in practice, a quiz or an exam: each day's accuracy and how far your "
                         "clicks landed from the trigger points show here.",
                         true, 0, in.y + in.h);
        return;
    }
    double dmax = 0;
    for (int i = 0; i < s->n_periods; i++)
        if (s->periods[i].median_cm > dmax)
            dmax = s->periods[i].median_cm;
    dmax = nice_max(dmax > 0 ? dmax : 1);
    char lab[32];
    snprintf(lab, sizeof lab, "%g cm", dmax);
    int left = ren_text_width(a->ren, FONT_SMALL, "100%") + ui_px(ui, 6);
    int right = ren_text_width(a->ren, FONT_SMALL, lab) + ui_px(ui, 6);
    SDL_Rect plot = {in.x + left, in.y + sh + ui_px(ui, 10), in.w - left - right, in.h - 3 * sh - ui_px(ui, 18)};
    if (plot.w < ui_px(ui, 40) || plot.h < ui_px(ui, 30))
        return;
    /* Grid and axes: 0, 50, 100 % on the left; 0, half, max cm on the right. */
    for (int k = 0; k <= 2; k++) {
        int gy = plot.y + plot.h - plot.h * k / 2;
        ren_line(a->ren, (float)plot.x, (float)gy, (float)(plot.x + plot.w), (float)gy, 1, THEME_BORDER);
        snprintf(lab, sizeof lab, "%d%%", 50 * k);
        ren_text(a->ren, FONT_SMALL, plot.x - ui_px(ui, 4) - ren_text_width(a->ren, FONT_SMALL, lab), gy - sh / 2,
                 THEME_ACCENT_DARK, lab);
        snprintf(lab, sizeof lab, k == 2 ? "%g cm" : "%g", dmax * k / 2);
        ren_text(a->ren, FONT_SMALL, plot.x + plot.w + ui_px(ui, 4), gy - sh / 2, THEME_PARTIAL, lab);
    }
    ren_line(a->ren, (float)plot.x, (float)plot.y, (float)plot.x, (float)(plot.y + plot.h), 1, THEME_MUTED);
    /* x: time, first to last period (one period: in the middle). */
    int64_t t0 = s->periods[0].start_s, t1 = s->periods[s->n_periods - 1].start_s;
    int inset = ui_px(ui, 10);
#define PX(t) (t1 > t0 ? plot.x + inset + (int)((double)((t) - t0) / (double)(t1 - t0) * (plot.w - 2 * inset)) \
                       : plot.x + plot.w / 2)
    char d0[32], d1[32];
    date_text(t0, d0, sizeof d0);
    date_text(t1, d1, sizeof d1);
    int ly = plot.y + plot.h + ui_px(ui, 4);
    if (t1 > t0) {
        int w1 = ren_text_width(a->ren, FONT_SMALL, d1);
        ren_text(a->ren, FONT_SMALL, plot.x, ly, THEME_MUTED, d0);
        ren_text(a->ren, FONT_SMALL, plot.x + plot.w - w1, ly, THEME_MUTED, d1);
    } else
        ren_text(a->ren, FONT_SMALL, plot.x + (plot.w - ren_text_width(a->ren, FONT_SMALL, d0)) / 2, ly, THEME_MUTED,
                 d0);
    float prev_x = 0, prev_y = 0, prev_dx = 0, prev_dy = 0;
    bool have_prev = false, have_dprev = false;
    float lw = (float)ui_px(ui, 2);
    for (int i = 0; i < s->n_periods; i++) {
        const StatsPeriod *p = &s->periods[i];
        float x = (float)PX(p->start_s);
        float y = (float)(plot.y + plot.h - p->accuracy * plot.h);
        if (have_prev)
            ren_line(a->ren, prev_x, prev_y, x, y, lw, THEME_ACCENT);
        prev_x = x, prev_y = y, have_prev = true;
        if (p->median_cm >= 0) {
            float dy = (float)(plot.y + plot.h - p->median_cm / dmax * plot.h);
            if (have_dprev) {
                /* Dashed: pieces of a fifth of the step at most 6 px. */
                float len = hypotf(x - prev_dx, dy - prev_dy), dash = (float)ui_px(ui, 6);
                for (float u = 0; u < len; u += 2 * dash) {
                    float v = u + dash < len ? u + dash : len;
                    ren_line(a->ren, prev_dx + (x - prev_dx) * u / len, prev_dy + (dy - prev_dy) * u / len,
                             prev_dx + (x - prev_dx) * v / len, prev_dy + (dy - prev_dy) * v / len, lw, THEME_PARTIAL);
                }
            }
            prev_dx = x, prev_dy = dy, have_dprev = true;
        }
    }
    for (int i = 0; i < s->n_periods; i++) {
        const StatsPeriod *p = &s->periods[i];
        float x = (float)PX(p->start_s);
        ren_fill_circle(a->ren, x, (float)(plot.y + plot.h - p->accuracy * plot.h), (float)ui_px(ui, 4), THEME_ACCENT);
        if (p->median_cm >= 0) {
            int q = ui_px(ui, 4);
            int dy = plot.y + plot.h - (int)lround(p->median_cm / dmax * plot.h);
            ren_fill_rect(a->ren, (SDL_Rect){(int)x - q, dy - q, 2 * q, 2 * q}, THEME_PARTIAL);
        }
    }
#undef PX
    /* The latest period in words, under the plot's centre. */
    const StatsPeriod *p = &s->periods[s->n_periods - 1];
    char last[160], cm[32];
    if (p->median_cm >= 0)
        snprintf(cm, sizeof cm, ", median %.1f cm", p->median_cm);
    else
        cm[0] = 0;
    snprintf(last, sizeof last, "Latest: %d%% of %d answer%s%s", pct(p->accuracy), p->answers,
             p->answers == 1 ? "" : "s", cm);
    ren_text_fit(a->ren, FONT_SMALL, in.x, ly + sh + ui_px(ui, 2), in.w, THEME_TEXT, last);
}

/* ---- the review forecast ----------------------------------------------------- */

static void forecast_chart(App *a, const Stats *s, SDL_Rect r)
{
    Ui *ui = &a->ui;
    SDL_Rect in;
    panel(a, r, "Reviews due, next 30 days", "Reviews due", &in);
    int sh = ren_text_height(a->ren, FONT_SMALL);
    if (s->scheduled == 0) {
        ren_text_wrapped(a->ren, FONT_BODY, in.x, in.y, in.w, THEME_MUTED,
                         "Nothing is scheduled yet. Every item you answer comes back for review: a miss the next "
                         "day, an item you know at growing intervals.",
                         true, 0, in.y + in.h);
        return;
    }
    int max = 1;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++)
        max = s->forecast[i] > max ? s->forecast[i] : max;
    char lab[64];
    /* Today's bar in the colour of its label, with the overdue in words. */
    snprintf(lab, sizeof lab, "Today %d, of which %d overdue", s->forecast[0], s->overdue);
    ren_text_fit(a->ren, FONT_SMALL, in.x, in.y, in.w, THEME_PARTIAL, lab);
    in.y += sh + ui_px(ui, 4);
    in.h -= sh + ui_px(ui, 4);
    snprintf(lab, sizeof lab, "%d", max);
    int left = ren_text_width(a->ren, FONT_SMALL, lab) + ui_px(ui, 6);
    SDL_Rect plot = {in.x + left, in.y + sh / 2, in.w - left, in.h - sh - sh / 2 - ui_px(ui, 4)};
    if (plot.h < ui_px(ui, 20))
        return;
    for (int k = 0; k <= 1; k++) {
        int gy = plot.y + plot.h - plot.h * k;
        ren_line(a->ren, (float)plot.x, (float)gy, (float)(plot.x + plot.w), (float)gy, 1, THEME_BORDER);
        snprintf(lab, sizeof lab, "%d", k * max);
        ren_text(a->ren, FONT_SMALL, plot.x - ui_px(ui, 4) - ren_text_width(a->ren, FONT_SMALL, lab), gy - sh / 2,
                 THEME_MUTED, lab);
    }
    int slot = plot.w / STATS_FORECAST_DAYS, bw = slot * 7 / 10 > 1 ? slot * 7 / 10 : 1;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        int h = (int)lround((double)s->forecast[i] * plot.h / max);
        int x = plot.x + i * slot + (slot - bw) / 2;
        if (h > 0)
            ren_fill_rect(a->ren, (SDL_Rect){x, plot.y + plot.h - h, bw, h}, i == 0 ? THEME_PARTIAL : THEME_ACCENT);
        /* The count over the bar when it fits. */
        if (s->forecast[i] > 0) {
            snprintf(lab, sizeof lab, "%d", s->forecast[i]);
            int tw = ren_text_width(a->ren, FONT_SMALL, lab);
            if (tw + ui_px(ui, 3) <= slot && plot.h - h >= sh)
                ren_text(a->ren, FONT_SMALL, plot.x + i * slot + (slot - tw) / 2, plot.y + plot.h - h - sh,
                         THEME_TEXT, lab);
        }
    }
    int ly = plot.y + plot.h + ui_px(ui, 2);
    int next_free = plot.x;
    for (int i = 0; i < STATS_FORECAST_DAYS; i += 7) {
        char d[32];
        if (i == 0)
            snprintf(d, sizeof d, "Today");
        else
            date_text(app_now_ms(a) / 1000 + (int64_t)i * REVIEW_SECONDS_PER_DAY, d, sizeof d);
        int x = plot.x + i * slot;
        if (x >= next_free) {
            next_free = x + ren_text(a->ren, FONT_SMALL, x, ly, i == 0 ? THEME_PARTIAL : THEME_MUTED, d) +
                        ui_px(ui, 8);
        }
    }
}

/* ---- the screen ---------------------------------------------------------- */

static void empty_state(App *a, SDL_Rect area)
{
    Ui *ui = &a->ui;
    int w = area.w < ui_px(ui, 640) ? area.w - ui_px(ui, 40) : ui_px(ui, 600);
    SDL_Rect r = {area.x + (area.w - w) / 2, area.y + ui_px(ui, 40), w, ui_px(ui, 230)};
    ren_fill_round_rect(a->ren, r, ui_px(ui, 10), THEME_BORDER);
    SDL_Rect in = {r.x + 1, r.y + 1, r.w - 2, r.h - 2};
    ren_fill_round_rect(a->ren, in, ui_px(ui, 10), THEME_PANEL);
    int pad = ui_px(ui, 24), y = r.y + pad;
    ren_text(a->ren, FONT_TITLE, r.x + pad, y, THEME_ACCENT_DARK, "No statistics yet");
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 8);
    y += ren_text_wrapped(a->ren, FONT_BODY, r.x + pad, y, r.w - 2 * pad, THEME_TEXT,
                          "Practise a module or take a quiz, and this page fills in: how well you know each muscle "
                          "and body region on a body map, your accuracy and how close your clicks land over time, "
                          "what comes back for review in the next 30 days, and the time you have studied.",
                          true, 0, r.y + r.h);
    SDL_Rect b = {r.x + pad, r.y + r.h - pad - ui_px(ui, 40), ui_px(ui, 200), ui_px(ui, 40)};
    if (ui_button(ui, b, "Choose a course", BUTTON_PRIMARY))
        app_go(a, SCREEN_HOME);
}

void screen_stats(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    char crumb[200];
    snprintf(crumb, sizeof crumb, "%s: mastery, history and review", a->learner_name);
    if (chrome_top_bar(a, "Statistics", crumb, true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    const Stats *s = stats_st.stats;
    if (!s)
        return;
    if (s->answers == 0 && s->scheduled == 0) {
        empty_state(a, area);
        return;
    }
    int m = ui_px(ui, 16), gap = ui_px(ui, 12);
    int sum_h = ren_text_height(a->ren, FONT_SMALL) * 3 + ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 12);
    summary(a, s, (SDL_Rect){m, area.y + m, all.w - 2 * m, sum_h});
    int top = area.y + m + sum_h + gap, h = all.h - top - m;
    int w = all.w - 2 * m - 2 * gap;
    int w_map = w * 28 / 100, w_list = w * 32 / 100, w_plots = w - w_map - w_list;
    body_map(a, s, (SDL_Rect){m, top, w_map, h});
    mastery_list(a, s, (SDL_Rect){m + w_map + gap, top, w_list, h});
    int x3 = m + w_map + w_list + 2 * gap;
    int h_plot = (h - gap) * 55 / 100;
    history_plot(a, s, (SDL_Rect){x3, top, w_plots, h_plot});
    forecast_chart(a, s, (SDL_Rect){x3, top + h_plot + gap, w_plots, h - h_plot - gap});
}
