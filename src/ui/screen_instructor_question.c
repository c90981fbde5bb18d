/* Instructor review, a question's page: its statistics and its heatmap
 * or option spread. */
#include <SDL.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "heatmap.h"
#include "instructor.h"
#include "item_view.h"
#include "judge.h"
#include "paths.h"
#include "screen_instructor.h"
#include "theme.h"

/* ---- the question page ----------------------------------------------------------------------- */

/* The statistics of both populations as a small table, then the note, the
 * question's text and the heatmap's key. Returns the height. */
/* A choice or multi question: each option with how often each population
 * chose it, as a bar over the answers (multi: a learner may choose several,
 * so the shares need not add up to 100%). */
static void choice_spread(App *a, const ReportItem *it, SDL_Rect r)
{
    Ui *ui = &a->ui;
    const Question *q = &it->module->questions[it->question];
    int y = r.y;
    ren_text(a->ren, FONT_BOLD, r.x, y, THEME_ACCENT_DARK, "How the answers were spread");
    y += instr_text_h(a, FONT_BOLD) + ui_px(ui, 4);
    y += ren_text_wrapped(a->ren, FONT_SMALL, r.x, y, r.w, THEME_MUTED,
                          q->type == QUESTION_MULTI
                              ? "Each option: the share of answers that chose it (several may be chosen, so the "
                                "shares need not add up to 100%). \xE2\x9C\x93 marks a correct option."
                              : "Each option: the share of answers that chose it. \xE2\x9C\x93 marks the correct "
                                "option.",
                          true, 0, ui->height);
    y += ui_px(ui, 12);
    int label_w = 0;
    for (int p = 0; p < REPORT_POPULATIONS; p++) {
        int lw = ren_text_width(a->ren, FONT_SMALL, p == REPORT_EXAM ? "Exams" : "Quizzes");
        label_w = lw > label_w ? lw : label_w;
    }
    label_w += ui_px(ui, 10);
    int count_w = ren_text_width(a->ren, FONT_SMALL, "000 of 000 (100%)") + ui_px(ui, 10);
    int bar_x = r.x + ui_px(ui, 22) + label_w, bar_w = r.x + r.w - count_w - bar_x;
    int bar_h = instr_text_h(a, FONT_SMALL) - ui_px(ui, 4);
    for (int o = 0; o < it->n_options && y < r.y + r.h; o++) {
        bool right = o < q->n_correct;
        const char *text = right ? q->correct[o] : q->wrong[o - q->n_correct];
        char buf[600];
        snprintf(buf, sizeof buf, "%s %s", right ? "\xE2\x9C\x93" : "\xE2\x9C\x97", text);
        y += ren_text_wrapped(a->ren, FONT_BODY, r.x, y, r.w, right ? THEME_GOOD : THEME_TEXT, buf, true, 0,
                              ui->height) +
             ui_px(ui, 2);
        for (int p = 0; p < REPORT_POPULATIONS; p++) {
            int n = it->stats[p].answers;
            if (n == 0 || !it->picks[p])
                continue;
            int k = it->picks[p][o];
            ren_text(a->ren, FONT_SMALL, r.x + ui_px(ui, 22), y, THEME_MUTED, p == REPORT_EXAM ? "Exams" : "Quizzes");
            SDL_Rect track = {bar_x, y + ui_px(ui, 2), bar_w > 0 ? bar_w : 0, bar_h};
            ren_fill_rect(a->ren, track, THEME_PANEL_ALT);
            SDL_Rect fill = track;
            fill.w = (int)((double)track.w * k / n + 0.5);
            if (fill.w > 0)
                ren_fill_rect(a->ren, fill, right ? THEME_GOOD : THEME_BAD);
            snprintf(buf, sizeof buf, "%d of %d (%.0f%%)", k, n, 100.0 * k / n);
            ren_text(a->ren, FONT_SMALL, bar_x + track.w + ui_px(ui, 10), y, THEME_TEXT, buf);
            y += instr_text_h(a, FONT_SMALL) + ui_px(ui, 4);
        }
        y += ui_px(ui, 10);
    }
}

static int question_stats(App *a, const ReportItem *it, int x, int y0, int w, bool draw, int top, int bottom)
{
    Ui *ui = &a->ui;
    int y = y0;
    char buf[800];
#define WRAP(font, colour, s) (y += ren_text_wrapped(a->ren, font, x, y, w, colour, s, draw, top, bottom) + ui_px(ui, 4))
    instr_item_title(it->module, it->kind, it->tp, it->question, it->view ? it->view->name : NULL, it->key, true, buf,
               sizeof buf);
    WRAP(FONT_HEADING, THEME_TEXT, buf);
    snprintf(buf, sizeof buf, "%s \xC2\xB7 %s%s%s", it->key, it->type ? it->type : "?", it->view ? " \xC2\xB7 chart " : "",
             it->view ? it->view->name : "");
    WRAP(FONT_SMALL, THEME_MUTED, buf);
    y += ui_px(ui, 10);
    enum { R_ANSWERS, R_ANSWERED, R_FACILITY, R_DISCRIM, R_CLICKS, R_MEAN, R_MEDIAN, R_MEAN_CM, R_MEDIAN_CM, R_SIDE };
    static const char *const ROWS[] = {"Answers",       "Answered",        "Facility",
                                       "Discrimination", "Clicks on its chart", "Mean distance",
                                       "Median distance", "Mean in cm",      "Median in cm",
                                       "Wrong side"};
    bool cm = it->view && it->view->cm_per_unit > 0;
    int label_w = w * 44 / 100, col_w = (w - label_w) / 2;
    int lh = instr_text_h(a, FONT_BODY) + ui_px(ui, 8);
    if (draw && y + lh > top && y < bottom) {
        for (int p = 0; p < REPORT_POPULATIONS; p++) {
            const char *h = p == REPORT_EXAM ? "Exams" : "Quizzes";
            int hw = ren_text_width(a->ren, FONT_BOLD, h);
            ren_text(a->ren, FONT_BOLD, x + label_w + (p + 1) * col_w - hw - ui_px(ui, 6), y, THEME_ACCENT_DARK, h);
        }
    }
    y += lh;
    int shaded = 0;
    /* Choice questions and paintings have no clicks to measure: their rows
     * stop at the discrimination. */
    bool clicks = it->kind != REPORT_ITEM_QUESTION && it->kind != REPORT_ITEM_PAINT;
    for (int row = R_ANSWERS; row <= R_SIDE; row++) {
        if ((!cm && (row == R_MEAN_CM || row == R_MEDIAN_CM)) || (!clicks && row > R_DISCRIM))
            continue;
        if (draw && y + lh > top && y < bottom) {
            if (shaded % 2 == 0)
                ren_fill_rect(a->ren, (SDL_Rect){x, y - ui_px(ui, 3), w, lh}, THEME_PANEL_ALT);
            ren_text(a->ren, FONT_BODY, x + ui_px(ui, 6), y, THEME_TEXT, ROWS[row]);
            for (int p = 0; p < REPORT_POPULATIONS; p++) {
                const ReportItemStats *s = &it->stats[p];
                char v[96] = "\xE2\x80\x94";
                double scale = cm ? it->view->cm_per_unit : 1;
                if (s->answers > 0) {
                    switch (row) {
                    case R_ANSWERS: snprintf(v, sizeof v, "%d", s->answers); break;
                    case R_ANSWERED: snprintf(v, sizeof v, "%d", s->answered); break;
                    case R_FACILITY: snprintf(v, sizeof v, "%.1f%%", s->facility); break;
                    case R_DISCRIM:
                        if (s->has_discrimination)
                            snprintf(v, sizeof v, "%+.1f", s->discrimination);
                        break;
                    case R_CLICKS: snprintf(v, sizeof v, "%d", s->clicks); break;
                    case R_MEAN:
                    case R_MEAN_CM:
                        if (s->clicks)
                            snprintf(v, sizeof v, "%.1f", s->mean_distance * (row == R_MEAN ? 1 : scale));
                        break;
                    case R_MEDIAN:
                    case R_MEDIAN_CM:
                        if (s->clicks)
                            snprintf(v, sizeof v, "%s%.1f", s->median_estimated ? "~" : "",
                                     s->median_distance * (row == R_MEDIAN ? 1 : scale));
                        break;
                    default:
                        if (s->sided)
                            snprintf(v, sizeof v, "%.1f%% of %d", 100.0 * s->wrong_side / s->sided, s->sided);
                        break;
                    }
                }
                /* Narrow: the wrong-side share in whole percent. */
                if (row == R_SIDE && s->sided && ren_text_width(a->ren, FONT_BODY, v) > col_w - ui_px(ui, 6))
                    snprintf(v, sizeof v, "%.0f%% of %d", 100.0 * s->wrong_side / s->sided, s->sided);
                int vw = ren_text_width(a->ren, FONT_BODY, v);
                ren_text_fit(a->ren, FONT_BODY, x + label_w + (p + 1) * col_w - (vw < col_w ? vw : col_w) - ui_px(ui, 6), y,
                             col_w - ui_px(ui, 6), THEME_TEXT, v);
            }
        }
        shaded++;
        y += lh;
    }
    y += ui_px(ui, 6);
    for (int p = 0; p < REPORT_POPULATIONS; p++) {
        char note[120];
        report_item_note(&it->stats[p], note, sizeof note);
        if (!note[0])
            continue;
        snprintf(buf, sizeof buf, "%s: %s", p == REPORT_EXAM ? "Exams" : "Quizzes", note);
        if (it->stats[p].answers < REPORT_MIN_ANSWERS)
            WRAP(FONT_BODY, THEME_MUTED, buf);
        else
            WRAP(FONT_BOLD, THEME_BAD, buf);
    }
    y += ui_px(ui, 8);
    WRAP(FONT_SMALL, THEME_MUTED,
         "Facility: mean credit. Discrimination: how well the question separates stronger from weaker "
         "learners (correlation with the rest of the test, as in Moodle). Verified records only. Distances "
         "from the target, in chart units.");
    if (heatmap_available(it)) {
        y += ui_px(ui, 8);
        WRAP(FONT_BOLD, THEME_ACCENT_DARK, "Reading the heatmap");
        WRAP(FONT_SMALL, THEME_TEXT,
             it->kind == REPORT_ITEM_PAINT
                 ? "Colour: the share of paintings covering each spot, from light blue (few) to deep purple "
                   "(every learner); the scale is under the charts. Outlines: the referral zones, essential "
                   "thick, spillover thin."
                 : "Colour: where clicks crowd, from light blue (few) to deep purple (the most crowded spot); "
                   "the scale is under the charts. Green dot: full credit; orange "
                   "triangle: partial; red cross: none. X and circle: the target (full credit inside the circle, "
                   "none beyond the dashed one); zones as outlines.");
    }
#undef WRAP
    return y - y0;
}

void instr_page_question(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    if (st->question < 0 || st->question >= st->n_qshown)
        return;
    const ReportItem *it = st->qrows[st->qorder[st->question]].item;
    int pad = ui_px(ui, 20);
    int left_w = (area.w - 3 * pad) * 36 / 100;
    SDL_Rect left = {pad, area.y + pad, left_w, area.h - 2 * pad};
    SDL_Rect right = {pad * 2 + left_w, left.y, area.w - 3 * pad - left_w, left.h};
    instr_panel(a, left);
    instr_panel(a, right);
    /* Previous / next in the table's order. */
    int in = ui_px(ui, 20), bh = ui_px(ui, 40);
    int bw = (left.w - 2 * in - ui_px(ui, 10)) / 2;
    SDL_Rect prev = {left.x + in, left.y + left.h - in - bh, bw, bh};
    SDL_Rect next = {prev.x + bw + ui_px(ui, 10), prev.y, bw, bh};
    /* Narrow: "‹ Previous" and "Next ›" (scripts click either name). */
    bool wide = ren_text_width(a->ren, FONT_BODY, "\xE2\x80\xB9 Previous question") <= bw - ui_px(ui, 20);
    bool go_prev = ui_button(ui, prev, wide ? "\xE2\x80\xB9 Previous question" : "\xE2\x80\xB9 Previous",
                             st->question > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED);
    if (!wide && st->question > 0)
        ui_register_target(ui, "\xE2\x80\xB9 Previous question", prev);
    if (go_prev || (st->question > 0 && ui_key(ui, SDLK_PAGEUP))) {
        instr_open_question(a, st, st->question - 1);
        return;
    }
    bool go_next = ui_button(ui, next, wide ? "Next question \xE2\x80\xBA" : "Next \xE2\x80\xBA",
                             st->question + 1 < st->n_qshown ? BUTTON_SECONDARY : BUTTON_DISABLED);
    if (!wide && st->question + 1 < st->n_qshown)
        ui_register_target(ui, "Next question \xE2\x80\xBA", next);
    if (go_next || (st->question + 1 < st->n_qshown && ui_key(ui, SDLK_PAGEDOWN))) {
        instr_open_question(a, st, st->question + 1);
        return;
    }
    SDL_Rect clip = {left.x + in, left.y + in, left.w - 2 * in + ui_px(ui, 8), prev.y - ui_px(ui, 12) - left.y - in};
    int tw = clip.w - ui_px(ui, 16);
    int h = question_stats(a, it, clip.x, 0, tw, false, 0, 0);
    instr_scroll_keys(a, &st->stats_scroll, clip.h);
    ui_scroll(ui, clip, &st->stats_scroll, h);
    ren_clip(a->ren, clip);
    question_stats(a, it, clip.x, clip.y - st->stats_scroll, tw, true, clip.y, clip.y + clip.h);
    ren_unclip(a->ren);

    SDL_Rect inner = {right.x + in, right.y + in, right.w - 2 * in, right.h - 2 * in};
    if (it->kind == REPORT_ITEM_QUESTION && it->module && it->n_options > 0) {
        choice_spread(a, it, inner);
        return;
    }
    if (!heatmap_available(it)) {
        const char *why = it->kind == REPORT_ITEM_QUESTION ? "A multiple-choice question: it has no chart."
                          : !it->module ? "This station's courses have no such question, so its chart is unknown."
                          : !it->view   ? "Its chart cannot be loaded on this station."
                                        : "No verified answers on its chart yet, so there is nothing to map.";
        ren_text_wrapped(a->ren, FONT_BODY, inner.x, inner.y, inner.w, THEME_MUTED, why, true, 0, ui->height);
        return;
    }
    /* The whole chart and a close-up of the target, side by side. */
    int lab = instr_text_h(a, FONT_BOLD) + ui_px(ui, 8);
    int gap = ui_px(ui, 16);
    int whole_w = (inner.w - gap) * 40 / 100;
    /* The colour scale under both charts. */
    int scale_h = heatmap_scale_height(a->ren, ui->scale);
    int charts_h = inner.h - lab - scale_h - ui_px(ui, 10);
    SDL_Rect whole = {inner.x, inner.y + lab, whole_w, charts_h};
    SDL_Rect close = {inner.x + whole_w + gap, inner.y + lab, inner.w - whole_w - gap, charts_h};
    heatmap_draw_scale(a->ren, (SDL_Rect){inner.x, whole.y + charts_h + ui_px(ui, 10), inner.w, scale_h}, it,
                       ui->scale);
    char head[200];
    int clicks = it->kind == REPORT_ITEM_PAINT ? it->paint.paintings : it->n_clicks;
    snprintf(head, sizeof head, "Whole chart \xC2\xB7 %d %s%s", clicks,
             it->kind == REPORT_ITEM_PAINT ? "painting" : it->kind == REPORT_ITEM_LOCATE_ALL ? "mark" : "click",
             clicks == 1 ? "" : "s");
    /* Narrow: the count on its own ("18 marks"). */
    if (ren_text_width(a->ren, FONT_BOLD, head) > whole.w)
        memmove(head, head + strlen("Whole chart \xC2\xB7 "), strlen(head + strlen("Whole chart \xC2\xB7 ")) + 1);
    ren_text_fit(a->ren, FONT_BOLD, whole.x, inner.y, whole.w, THEME_TEXT, head);
    ren_text_fit(a->ren, FONT_BOLD, close.x, inner.y, close.w, THEME_TEXT,
                 it->n_clicks < it->clicks_seen ? "Close-up of the target (a random sample of the clicks)"
                                                : "Close-up of the target");
    RectD vb = it->view->viewbox;
    ChartLayout lw = chart_layout(whole, vb);
    /* The close-up zooms and pans (the arrow keys move through the list);
     * the frame on the whole chart shows where it is. */
    RectD focus = heatmap_focus(it);
    ChartLayout lc = chart_view_layout(a, it, it->view, close, &focus, CHART_VIEW_NO_TOGGLE);
    heatmap_draw(a->ren, a->charts, &lw, it, ui->scale);
    heatmap_draw(a->ren, a->charts, &lc, it, ui->scale * 1.4f);
    chart_view_controls(a);
    /* Where the close-up is on the whole chart. */
    SDL_FPoint p0 = chart_to_screen(&lw, (Vec2){lc.viewbox.x, lc.viewbox.y});
    SDL_FPoint p1 = chart_to_screen(&lw, (Vec2){lc.viewbox.x + lc.viewbox.w, lc.viewbox.y + lc.viewbox.h});
    ren_clip(a->ren, whole);
    ren_rect(a->ren, (SDL_Rect){(int)p0.x, (int)p0.y, (int)(p1.x - p0.x), (int)(p1.y - p0.y)}, ui_px(ui, 2),
             THEME_ACCENT);
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &lw, it->view->name);
    chart_draw_sides(a->ren, &lc, it->view->name);
    ren_rect(a->ren, whole, ui_px(ui, 1), THEME_BORDER);
    ren_rect(a->ren, close, ui_px(ui, 1), THEME_BORDER);
}
