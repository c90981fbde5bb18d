/* chart_marks: what is drawn over a chart (SDL types; placement maths in
 * core labels and layout): trigger point marks, the selected ring, zones in
 * their fill styles, clicks, the R/L side letters, labels with leader
 * lines, and the charts' one legend. chart.c lays charts out and draws the
 * SVG itself. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnose.h"
#include "labels.h"
#include "layout.h"
#include "overlay_style.h"
#include "theme.h"

void chart_draw_tp(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, SDL_Color c,
                   bool show_radius, float ui_scale)
{
    SDL_FPoint p = chart_to_screen(l, tp->at);
    float arm = 7.0f * ui_scale, w = 3.0f * ui_scale;
    if (show_radius) {
        float r = (float)(tp->radius * l->scale);
        ren_circle(ren, p.x, p.y, r, 1.5f * ui_scale, c);
    }
    /* White under-stroke keeps the X readable over red zones. */
    SDL_Color halo = COLA(255, 255, 255, 220);
    ren_line(ren, p.x - arm, p.y - arm, p.x + arm, p.y + arm, w + 2.5f * ui_scale, halo);
    ren_line(ren, p.x - arm, p.y + arm, p.x + arm, p.y - arm, w + 2.5f * ui_scale, halo);
    ren_line(ren, p.x - arm, p.y - arm, p.x + arm, p.y + arm, w, c);
    ren_line(ren, p.x - arm, p.y + arm, p.x + arm, p.y - arm, w, c);
}

void chart_draw_selected(Ren *ren, const ChartLayout *l, const TriggerPoint *tp, float ui_scale)
{
    SDL_FPoint p = chart_to_screen(l, tp->at);
    ren_fill_circle(ren, p.x, p.y, 11.5f * ui_scale, COLA(255, 255, 255, 150));
    ren_circle(ren, p.x, p.y, 11.5f * ui_scale, 2.5f * ui_scale, THEME_FOCUS);
}

void chart_draw_zone(Ren *ren, const ChartLayout *l, const Zone *z, float ui_scale)
{
    SDL_FPoint *pts = malloc(sizeof *pts * (size_t)z->poly.n);
    if (!pts)
        return;
    for (int i = 0; i < z->poly.n; i++)
        pts[i] = chart_to_screen(l, z->poly.pts[i]);
    if (z->kind == ZONE_ESSENTIAL) {
        ren_fill_polygon(ren, pts, z->poly.n, FILL_SOLID, THEME_PAIN_FILL, l->image);
        ren_polygon_outline(ren, pts, z->poly.n, 1.2f * ui_scale, THEME_PAIN);
    } else {
        ren_fill_polygon(ren, pts, z->poly.n, FILL_SOLID, COLA(0xD3, 0x2F, 0x2F, 0x30), l->image);
        ren_fill_polygon(ren, pts, z->poly.n, FILL_STIPPLE, THEME_PAIN_SPILL, l->image);
        ren_polygon_outline(ren, pts, z->poly.n, 1.0f * ui_scale, THEME_PAIN_EDGE_SPILL);
    }
    free(pts);
}

void chart_draw_click(Ren *ren, const ChartLayout *l, Vec2 p, SDL_Color c, float ui_scale)
{
    SDL_FPoint s = chart_to_screen(l, p);
    ren_fill_circle(ren, s.x, s.y, 9.0f * ui_scale, COLA(255, 255, 255, 200));
    ren_circle(ren, s.x, s.y, 7.0f * ui_scale, 2.5f * ui_scale, c);
    ren_fill_circle(ren, s.x, s.y, 2.5f * ui_scale, c);
}

/* The side letters of a view that shows both sides of the body about a
 * midline (diagnose_view_midline: front, back, head_front and the close-ups
 * of the pelvis, abdomen and low back): false for a one-sided view. */
static bool side_letters(const char *view, const char **left, const char **right)
{
    bool right_on_viewer_left = false;
    if (!diagnose_view_midline(view, NULL, &right_on_viewer_left))
        return false;
    *left = right_on_viewer_left ? "R" : "L";
    *right = right_on_viewer_left ? "L" : "R";
    return true;
}

void chart_draw_sides(Ren *ren, const ChartLayout *l, const char *view)
{
    /* Only views that show both sides get R and L: in anterior views the
     * patient's right is on the viewer's left. One-sided views (side, head
     * side, the close-ups of a limb or of one shoulder) show the patient's
     * right side only. */
    const char *left, *right;
    if (!side_letters(view, &left, &right))
        return;
    int pad = (int)(8 * ren_scale(ren));
    int y = l->area.y + l->area.h - pad - ren_text_height(ren, FONT_HEADING);
    ren_text(ren, FONT_HEADING, l->area.x + pad, y, THEME_MUTED, left);
    ren_text(ren, FONT_HEADING, l->area.x + l->area.w - pad - ren_text_width(ren, FONT_HEADING, right),
             y, THEME_MUTED, right);
}

/* The rectangles chart_draw_sides writes its letters into (0 or 2). */
int chart_sides_rects(Ren *ren, const ChartLayout *l, const char *view, SDL_Rect out[2])
{
    const char *left, *right;
    if (!side_letters(view, &left, &right))
        return 0;
    int pad = (int)(8 * ren_scale(ren)), hh = ren_text_height(ren, FONT_HEADING);
    int y = l->area.y + l->area.h - pad - hh;
    int wl = ren_text_width(ren, FONT_HEADING, "L"), wr = ren_text_width(ren, FONT_HEADING, "R");
    int w = wl > wr ? wl : wr;
    out[0] = (SDL_Rect){l->area.x + pad, y, w, hh};
    out[1] = (SDL_Rect){l->area.x + l->area.w - pad - w, y, w, hh};
    return 2;
}

static void draw_placed(Ren *ren, Vec2 anchor, const LabelOut *o, const char *text, float ui_scale)
{
    if (o->leader) {
        Vec2 e = labels_leader_end(o->box, anchor);
        /* Dark on a white under-stroke: readable over zones and the muscle. */
        ren_line(ren, (float)anchor.x, (float)anchor.y, (float)e.x, (float)e.y, 3.2f * ui_scale,
                 COLA(255, 255, 255, 200));
        ren_line(ren, (float)anchor.x, (float)anchor.y, (float)e.x, (float)e.y, 1.3f * ui_scale,
                 COLA(0x22, 0x22, 0x22, 230));
    }
    SDL_Rect back = {(int)lround(o->box.x), (int)lround(o->box.y), (int)lround(o->box.w), (int)lround(o->box.h)};
    ren_fill_round_rect(ren, back, 3, COLA(255, 255, 255, 230));
    ren_text(ren, FONT_SMALL, back.x + 3, back.y, THEME_TEXT, text);
}

/* The polygons in window pixels (one allocation: the Polygon array, then
 * every point); NULL if there are none or memory is short. */
static Polygon *zones_on_screen(const ChartLayout *l, const Polygon *zones, int n)
{
    size_t points = 0;
    for (int i = 0; i < n; i++)
        points += (size_t)zones[i].n;
    if (n <= 0)
        return NULL;
    Polygon *out = malloc(sizeof *out * (size_t)n + sizeof(Vec2) * points);
    if (!out)
        return NULL;
    Vec2 *v = (Vec2 *)(out + n);
    for (int i = 0; i < n; i++) {
        out[i] = (Polygon){v, zones[i].n};
        for (int k = 0; k < zones[i].n; k++) {
            SDL_FPoint s = chart_to_screen(l, zones[i].pts[k]);
            *v++ = (Vec2){s.x, s.y};
        }
    }
    return out;
}

void chart_draw_labels(Ren *ren, const ChartLayout *l, const Vec2 *pts, const char *const *texts, int n,
                       const ChartMarks *around, float ui_scale)
{
    if (n <= 0)
        return;
    static const ChartMarks none = {0};
    if (!around)
        around = &none;
    int n_others = around->n_others, n_avoid = around->n_avoid;
    LabelIn *in = malloc(sizeof *in * (size_t)n);
    LabelOut *out = malloc(sizeof *out * (size_t)n);
    Vec2 *marks = malloc(sizeof *marks * (size_t)(n + n_others));
    RectD *keep = malloc(sizeof *keep * (size_t)(n_avoid + 1));
    Polygon *zones = zones_on_screen(l, around->zones, around->n_zones);
    const Vec2 *others = around->others;
    const SDL_Rect *avoid = around->avoid;
    if (in && out && marks && keep) {
        int h = ren_text_height(ren, FONT_SMALL);
        for (int i = 0; i < n + n_others; i++) {
            SDL_FPoint s = chart_to_screen(l, i < n ? pts[i] : others[i - n]);
            marks[i] = (Vec2){s.x, s.y};
        }
        for (int i = 0; i < n; i++)
            in[i] = (LabelIn){marks[i], ren_text_width(ren, FONT_SMALL, texts[i]) + 6, h};
        for (int i = 0; i < n_avoid; i++)
            keep[i] = (RectD){avoid[i].x, avoid[i].y, avoid[i].w, avoid[i].h};
        LabelStyle st = {{l->area.x, l->area.y, l->area.w, l->area.h},
                         LABELS_MARK * ui_scale,
                         LABELS_GAP * ui_scale,
                         zones,
                         zones ? around->n_zones : 0,
                         LABELS_ZONE_COST * ui_scale};
        labels_place(in, n, marks, n + n_others, keep, n_avoid, st, out);
        for (int i = 0; i < n; i++)
            draw_placed(ren, marks[i], &out[i], texts[i], ui_scale);
    }
    free(in);
    free(out);
    free(marks);
    free(keep);
    free(zones);
}

/* ---------------------------------------------------------------- legend */

static SDL_Color rgb_hex(int v, Uint8 alpha)
{
    return COLA((Uint8)((v >> 16) & 0xFF), (Uint8)((v >> 8) & 0xFF), (Uint8)(v & 0xFF), alpha);
}

enum { KEY_TP, KEY_SELECTED, KEY_MUSCLE, KEY_DEEP, KEY_ESSENTIAL, KEY_SPILLOVER };

/* A dashed rectangle edge (the deep muscle's). */
static void dashed_rect(Ren *ren, SDL_Rect r, float dash, float width, SDL_Color c)
{
    float x0 = (float)r.x, y0 = (float)r.y, x1 = (float)(r.x + r.w), y1 = (float)(r.y + r.h);
    for (float x = x0; x < x1; x += 2 * dash) {
        float e = x + dash < x1 ? x + dash : x1;
        ren_line(ren, x, y0, e, y0, width, c);
        ren_line(ren, x, y1, e, y1, width, c);
    }
    for (float y = y0; y < y1; y += 2 * dash) {
        float e = y + dash < y1 ? y + dash : y1;
        ren_line(ren, x0, y, x0, e, width, c);
        ren_line(ren, x1, y, x1, e, width, c);
    }
}

static void swatch(Ren *ren, int kind, SDL_Rect sw, float s)
{
    SDL_FPoint box[4] = {{(float)sw.x, (float)sw.y},
                         {(float)(sw.x + sw.w), (float)sw.y},
                         {(float)(sw.x + sw.w), (float)(sw.y + sw.h)},
                         {(float)sw.x, (float)(sw.y + sw.h)}};
    SDL_Rect clip = {sw.x, sw.y, sw.w + 1, sw.h + 1};
    float cx = (float)sw.x + (float)sw.w / 2, cy = (float)sw.y + (float)sw.h / 2;
    switch (kind) {
    case KEY_TP:
    case KEY_SELECTED:
        if (kind == KEY_SELECTED)
            ren_circle(ren, cx, cy, 9 * s, 2.5f * s, THEME_FOCUS);
        ren_line(ren, cx - 5 * s, cy - 5 * s, cx + 5 * s, cy + 5 * s, 2.5f * s, COL(0x11, 0x11, 0x11));
        ren_line(ren, cx - 5 * s, cy + 5 * s, cx + 5 * s, cy - 5 * s, 2.5f * s, COL(0x11, 0x11, 0x11));
        break;
    case KEY_MUSCLE: /* its tone, its solid edge */
        ren_fill_rect(ren, sw, rgb_hex(OVERLAY_MUSCLE_FILL, 0x80));
        ren_rect(ren, sw, (int)lroundf(1.5f * s), rgb_hex(OVERLAY_MUSCLE_EDGE, 0xFF));
        break;
    case KEY_DEEP: /* hatching, dashed edge */
        ren_fill_polygon(ren, box, 4, FILL_HATCH, rgb_hex(OVERLAY_MUSCLE_EDGE, 0xB0), clip);
        dashed_rect(ren, sw, 3 * s, 1.3f * s, rgb_hex(OVERLAY_MUSCLE_EDGE, 0xE0));
        break;
    case KEY_ESSENTIAL: /* solid red, its edge */
        ren_fill_polygon(ren, box, 4, FILL_SOLID, THEME_PAIN_FILL, clip);
        ren_polygon_outline(ren, box, 4, 1.2f * s, THEME_PAIN);
        break;
    default: /* spillover: red dots, its edge */
        ren_fill_polygon(ren, box, 4, FILL_STIPPLE, THEME_PAIN_SPILL, clip);
        ren_polygon_outline(ren, box, 4, 1.0f * s, THEME_PAIN_EDGE_SPILL);
        break;
    }
}

/* In this order two rows hold them at the narrowest chart (the study screen
 * at 960 x 640). */
static const struct {
    int kind;
    const char *text;
} LEGEND[] = {{KEY_TP, "trigger point"},      {KEY_SELECTED, "selected"},
              {KEY_MUSCLE, "muscle"},          {KEY_ESSENTIAL, "essential zone"},
              {KEY_DEEP, "deep / seen through the body"}, {KEY_SPILLOVER, "spillover zone"}};

int chart_legend_height(Ren *ren)
{
    float s = ren_scale(ren);
    return CHART_LEGEND_ROWS * (ren_text_height(ren, FONT_SMALL) + (int)lroundf(6 * s));
}

void chart_draw_legend(Ren *ren, SDL_Rect r)
{
    float s = ren_scale(ren);
    int lh = ren_text_height(ren, FONT_SMALL), row = lh + (int)lroundf(6 * s);
    int sw_w = (int)lroundf(20 * s), sep = (int)lroundf(6 * s), spacing = (int)lroundf(14 * s);
    int x = r.x, y = r.y;
    ren_clip(ren, r);
    for (int i = 0; i < (int)(sizeof LEGEND / sizeof LEGEND[0]); i++) {
        int w = sw_w + sep + ren_text_width(ren, FONT_SMALL, LEGEND[i].text);
        if (x > r.x && x + w > r.x + r.w) {
            x = r.x;
            y += row;
        }
        SDL_Rect sw = {x, y + 2, sw_w, lh - 4};
        swatch(ren, LEGEND[i].kind, sw, s);
        ren_text(ren, FONT_SMALL, x + sw_w + sep, y, THEME_TEXT, LEGEND[i].text);
        x += w + spacing;
    }
    ren_unclip(ren);
}
