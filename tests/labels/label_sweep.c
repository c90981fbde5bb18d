/* label_sweep: every shipped module on every view it uses, at three window
 * sizes, close-up and whole body, with its trigger point labels placed as
 * the study screen places them (core labels_place, the text measured with
 * the program's font through SDL_ttf): fails if two labels overlap, a label
 * covers an X, is under the chart's button or side letters, leaves the chart
 * area, or a leader line crosses another label.
 *
 *   label_sweep COURSES ASSETS [FONT]
 *
 * The chart rectangle is the study screen's (src/ui/screen_study.c) at ui
 * scale 1; keep the two in step. */
#include <SDL_ttf.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "course.h"
#include "diag.h"
#include "diagnose.h"
#include "labels.h"
#include "layout.h"

#define FONT_PT 16          /* config.ini's default font size */
#define SMALL_FACTOR 0.85   /* FONT_SMALL, src/ui/render.c */
#define HEADING_FACTOR 1.25 /* FONT_HEADING */
#define LEGEND_ROWS 2       /* CHART_LEGEND_ROWS, src/ui/chart.h */
#define MAX_TABS 8          /* MAX_VIEWS, src/ui/screen_study.c */



static TTF_Font *small_font, *body_font, *heading_font;

static int text_w(TTF_Font *f, const char *s)
{
    int w = 0, h = 0;
    if (*s && TTF_SizeUTF8(f, s, &w, &h) != 0)
        return 0;
    return w;
}

static bool regional(const View *v) { return v->cm_per_unit > 0 && v->viewbox.h * v->cm_per_unit < 120; }

typedef struct {
    int checked, failures;
} Tally;

static void sweep_one(const Module *m, const View *v, int W, int H, bool whole, Tally *t)
{
    int lh = TTF_FontLineSkip(small_font);
    /* screen_study.c at scale 1: top bar 56, padding 20, the chart panel 52 %
     * of the width, rows of view tabs 34 high, the legend under the chart. */
    int top = 56, pad = 20;
    int chart_w = W * 52 / 100;
    PixelRect panel = {pad, top + pad, chart_w - pad, H - top - 2 * pad};
    int tab_h = 34, ty = panel.y + 12;
    /* The view tabs, wrapped like the study screen's: the module's views in
     * its order (src/ui/chrome.c module_views: trigger points', then zones'). */
    const char *views[MAX_TABS];
    int nv = 0, tab_w[MAX_TABS];
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < (pass ? m->n_zones : m->n_tps); i++) {
            const char *name = pass ? m->zones[i].view : m->tps[i].view;
            bool seen = false;
            for (int k = 0; k < nv; k++)
                seen = seen || !strcmp(views[k], name);
            if (!seen && nv < MAX_TABS)
                views[nv++] = name;
        }
    for (int i = 0; i < nv; i++) {
        char label[80];
        layout_view_tab_label(views[i], label, sizeof label);
        tab_w[i] = text_w(body_font, label) + 28;
    }
    if (m->selfcare && nv < MAX_TABS) /* the Self-care tab after the views */
        tab_w[nv++] = text_w(body_font, "Self-care") + 28;
    int rows = layout_wrap_row(tab_w, nv, panel.w - 24, 8, NULL, NULL);
    int tabs_h = rows > 1 ? rows * tab_h + (rows - 1) * 8 : tab_h;
    int legend_h = LEGEND_ROWS * (lh + 6) + 12; /* chart_legend_height + 12 */
    PixelRect area = {panel.x + 12, ty + tabs_h + 8, panel.w - 24, panel.h - tabs_h - 32 - legend_h};
    Layout l;
    RectD avoid[3];
    int n_avoid = 0;
    if (regional(v) || whole)
        l = layout_fit(area, v->viewbox);
    else
        l = layout_focus(area, v->viewbox, layout_module_region(m, v->name, v->viewbox, 0.28));
    if (!regional(v)) {
        int bw = text_w(body_font, "Whole body") + 28;
        avoid[n_avoid++] = (RectD){area.x + area.w - bw, area.y, bw, 34};
    }
    if (diagnose_view_midline(v->name, NULL, NULL)) { /* chart.c side_letters: R and L */
        int hh = TTF_FontLineSkip(heading_font), p8 = 8;
        int y = area.y + area.h - p8 - hh;
        avoid[n_avoid++] = (RectD){area.x + p8, y, text_w(heading_font, "R"), hh};
        avoid[n_avoid++] = (RectD){area.x + area.w - p8 - text_w(heading_font, "L"), y, text_w(heading_font, "L"), hh};
    }
    LabelIn in[64];
    Vec2 marks[64];
    int n = 0;
    for (int i = 0; i < m->n_tps && n < 64; i++) {
        const TriggerPoint *tp = &m->tps[i];
        if (strcmp(tp->view, v->name))
            continue;
        Vec2 q = layout_to_screen(&l, tp->at);
        marks[n] = (Vec2){(float)q.x, (float)q.y}; /* chart_to_screen's float pixels */
        in[n] = (LabelIn){marks[n], text_w(small_font, tp->label) + 6, lh};
        n++;
    }
    if (n == 0)
        return;
    /* The zones on the view, as the study screen passes them (all points). */
    Polygon *zones = calloc((size_t)m->n_zones + 1, sizeof *zones);
    int n_zones = 0;
    for (int i = 0; zones && i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        if (strcmp(z->view, v->name))
            continue;
        Vec2 *p = malloc(sizeof *p * (size_t)z->poly.n);
        if (!p)
            continue;
        for (int k = 0; k < z->poly.n; k++) {
            Vec2 q = layout_to_screen(&l, z->poly.pts[k]);
            p[k] = (Vec2){(float)q.x, (float)q.y}; /* chart_to_screen's float pixels */
        }
        zones[n_zones++] = (Polygon){p, z->poly.n};
    }
    LabelStyle st = {{area.x, area.y, area.w, area.h}, LABELS_MARK, LABELS_GAP, zones, n_zones, LABELS_ZONE_COST};
    LabelOut out[64];
    labels_place(in, n, marks, n, avoid, n_avoid, st, out);
    t->checked++;
    char where[300];
    snprintf(where, sizeof where, "%s on %s at %dx%d (%s)", m->id, v->name, W, H, whole ? "whole body" : "close-up");
    bool bad = false;
    for (int i = 0; i < n; i++) {
        const char *a = m->tps[0].label;
        int k = 0;
        for (int j = 0; j < m->n_tps; j++)
            if (!strcmp(m->tps[j].view, v->name) && k++ == i)
                a = m->tps[j].label;
        if (!labels_rect_inside(out[i].box, st.bounds)) {
            printf("%s: label '%s' leaves the chart area\n", where, a);
            bad = true;
        }
        for (int j = 0; j < n; j++) {
            if (j > i && labels_rects_overlap(out[i].box, out[j].box)) {
                printf("%s: label '%s' overlaps another label\n", where, a);
                bad = true;
            }
            Vec2 end = labels_leader_end(out[i].box, marks[i]);
            if (j != i && out[i].leader && labels_segment_hits(marks[i], end, out[j].box)) {
                printf("%s: the leader line of '%s' crosses another label\n", where, a);
                bad = true;
            }
            if (labels_rects_overlap(out[i].box, labels_mark_rect(marks[j], LABELS_MARK))) {
                printf("%s: label '%s' covers an X\n", where, a);
                bad = true;
            }
        }
        for (int j = 0; j < n_avoid; j++)
            if (labels_rects_overlap(out[i].box, avoid[j])) {
                printf("%s: label '%s' is under a button or side letter\n", where, a);
                bad = true;
            }
    }
    t->failures += bad;
    for (int i = 0; i < n_zones; i++)
        free(zones[i].pts);
    free(zones);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: label_sweep COURSES ASSETS [FONT]\n");
        return 2;
    }
    const char *font = argc > 3 ? argv[3] : CONFIG_DEFAULT_FONT;
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 2;
    }
    small_font = TTF_OpenFont(font, (int)lround(FONT_PT * SMALL_FACTOR));
    body_font = TTF_OpenFont(font, FONT_PT);
    heading_font = TTF_OpenFont(font, (int)lround(FONT_PT * HEADING_FACTOR));
    if (!small_font || !body_font || !heading_font) {
        fprintf(stderr, "%s: %s\n", font, TTF_GetError());
        return 2;
    }
    TTF_SetFontHinting(small_font, TTF_HINTING_LIGHT);
    TTF_SetFontHinting(body_font, TTF_HINTING_LIGHT);
    TTF_SetFontHinting(heading_font, TTF_HINTING_LIGHT);
    Diag *d = diag_create();
    Library *lib = library_load(argv[1], argv[2], d);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/muscles", argv[1]);
    DIR *dp = opendir(dir);
    char *names[512];
    int nn = 0;
    for (struct dirent *e; dp && (e = readdir(dp)) && nn < 512;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".ini"))
            names[nn++] = strdup(e->d_name);
    }
    if (dp)
        closedir(dp);
    qsort(names, (size_t)nn, sizeof *names, by_name);
    for (int i = 0; i < nn; i++) {
        char path[4600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        library_load_module_file(lib, path, d);
        free(names[i]);
    }
    diag_free(d);
    static const int sizes[][2] = {{960, 640}, {1280, 800}, {1600, 1000}};
    Tally t = {0, 0};
    for (int i = 0; i < library_module_count(lib); i++) {
        const Module *m = library_module(lib, i);
        for (int vi = 0; vi < library_view_count(lib); vi++) {
            const View *v = library_view(lib, vi);
            if (!v->ok)
                continue;
            for (int s = 0; s < 3; s++)
                for (int whole = 0; whole < 2; whole++)
                    sweep_one(m, v, sizes[s][0], sizes[s][1], whole, &t);
        }
    }
    printf("%d charts checked, %d with colliding labels\n", t.checked, t.failures);
    library_free(lib);
    TTF_CloseFont(small_font);
    TTF_CloseFont(body_font);
    TTF_CloseFont(heading_font);
    TTF_Quit();
    return t.checked > 0 && t.failures == 0 ? 0 : 1;
}
