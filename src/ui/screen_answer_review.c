/* Answer review: a finished session's answers, or a recorded attempt's
 * rebuilt by core answers.c, one item at a time. The chart shows the
 * learner's answer beside the right one (item_view.c draws both, as
 * practice feedback does); an item left unanswered shows the right answer
 * alone and says "Not answered", never 0%. A strip of numbered chips, one
 * per item in the colour of its credit, is the list: a chip opens its
 * item; Previous / Next and the Left / Right keys step, Escape goes back.
 * "Practise my misses" makes the items short of full credit due first in
 * spaced review and practises them at once (app_start_misses). */
#include "screen_answer_review.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answers.h"
#include "app_state.h"
#include "chrome.h"
#include "item_view.h"
#include "theme.h"

typedef struct {
    const Session *session; /* the session reviewed, or NULL for a record */
    RebuiltAttempt rebuilt; /* a record's answers (session NULL) */
    bool have_rebuilt;
    int n, cur;
    ScreenId back;
    char title[200];
    char when[64];                         /* a record's date, "" for a session just taken */
    bool option_none[SESSION_MAX_OPTIONS]; /* no working selection: options are only shown */
    bool studying; /* left for the study page of the muscle a miss landed on: kept for Back */
} AnswerReviewState;

static AnswerReviewState rv;

static void close_review(App *a)
{
    if (rv.have_rebuilt)
        answers_free(&rv.rebuilt);
    rv.have_rebuilt = false;
    rv.session = NULL;
    rv.n = rv.cur = 0;
    /* The chart work area caches by item: it must not keep one freed here. */
    a->work.item = NULL;
    a->work.session = NULL;
}

void screen_answer_review_leave(App *a)
{
    if (rv.studying) {
        /* Back from the study page comes here again, to the same item. */
        a->work.item = NULL;
        a->work.session = NULL;
        return;
    }
    close_review(a);
}

void screen_answer_review_free(App *a)
{
    rv.studying = false;
    close_review(a);
}

/* Item i, its answer and why it cannot be drawn ("" if it can). The item
 * is NULL for a recorded answer of an item this station does not have. */
static const Item *item_at(int i, const Answer **an, const char **note)
{
    *note = "";
    if (rv.session) {
        *an = session_answer(rv.session, i);
        return session_item(rv.session, i);
    }
    const RebuiltAnswer *ra = &rv.rebuilt.answers[i];
    *an = &ra->an;
    *note = ra->item ? ra->note : "This item is not in the courses on this station, so it cannot be shown.";
    return ra->item;
}

/* A recorded answer can be unanswered in the record or only here (drawn
 * on another chart): the record says which. */
static bool answered_at(int i, const Answer *an)
{
    if (rv.session)
        return an->answered;
    return rv.rebuilt.answers[i].item ? an->answered || rv.rebuilt.answers[i].note[0] : false;
}

void answer_review_open_session(App *a, const Session *s, int first, ScreenId back, const char *title)
{
    close_review(a);
    if (!s || session_item_count(s) == 0)
        return;
    rv.session = s;
    rv.n = session_item_count(s);
    rv.cur = first >= 0 && first < rv.n ? first : 0;
    rv.back = back;
    snprintf(rv.title, sizeof rv.title, "%s", title ? title : "Your answers");
    rv.when[0] = 0;
    app_go(a, SCREEN_ANSWER_REVIEW);
}

bool answer_review_allowed(const App *a, const Record *r)
{
    if (!r || r->kind != RECORD_ATTEMPT)
        return false;
    if (r->mode == ATTEMPT_QUIZ)
        return true;
    const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
    return c && c->exam.show_answers;
}

bool answer_review_open_record(App *a, const Record *r, ScreenId back)
{
    close_review(a);
    if (!answer_review_allowed(a, r)) {
        snprintf(a->banner, sizeof a->banner, "This exam does not show its answers.");
        return false;
    }
    if (r->n_answers <= 0) {
        snprintf(a->banner, sizeof a->banner, "This attempt has no answers to show.");
        return false;
    }
    if (answers_rebuild(a->lib, r, &rv.rebuilt) != 0) {
        snprintf(a->banner, sizeof a->banner, "The answers could not be shown: out of memory.");
        return false;
    }
    rv.have_rebuilt = true;
    rv.n = rv.rebuilt.n_answers;
    rv.cur = 0;
    rv.back = back;
    const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
    const Module *m = r->module ? library_find_module(a->lib, r->module) : NULL;
    time_t t = (time_t)r->finished;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(rv.when, sizeof rv.when, "%d %b %Y \xC2\xB7 ", &tm);
    if (r->mode == ATTEMPT_EXAM)
        snprintf(rv.title, sizeof rv.title, "Exam \xC2\xB7 %s", c ? c->title : r->course);
    else
        snprintf(rv.title, sizeof rv.title, "Module quiz \xC2\xB7 %s",
                 m           ? m->name
                 : r->module ? r->module
                             : "?");
    app_go(a, SCREEN_ANSWER_REVIEW);
    return true;
}

static void select_item(App *a, int i)
{
    if (i < 0 || i >= rv.n || i == rv.cur)
        return;
    rv.cur = i;
    a->work.item = NULL;
    a->work.session = NULL;
    a->redraw = true;
}

/* The items short of full credit (unanswered ones too) that this station
 * has: their keys and credits, up to max. */
static int miss_keys(const char **keys, double *credits, int max)
{
    int n = 0;
    for (int i = 0; i < rv.n && n < max; i++) {
        const Answer *an;
        const char *note;
        const Item *it = item_at(i, &an, &note);
        if (!it || !it->key || an->credit >= THEME_CREDIT_FULL)
            continue;
        keys[n] = it->key;
        credits[n++] = an->credit;
    }
    return n;
}

/* An unanswered chart item: the right answer alone (the trigger point, the
 * referral pattern or every point to mark). */
static void answer_key_chart(App *a, const Item *it, SDL_Rect area)
{
    const View *v = library_find_view(a->lib, it->view);
    if (!v || !v->ok) {
        ren_text(a->ren, FONT_BODY, area.x, area.y, THEME_BAD, "This chart could not be loaded.");
        return;
    }
    int lh = chart_legend_height(a->ren), gap = ui_px(&a->ui, 8);
    if (area.h >= 4 * lh) {
        chart_draw_legend(a->ren, (SDL_Rect){area.x + ui_px(&a->ui, 4), area.y + area.h - lh,
                                             area.w - ui_px(&a->ui, 8), lh});
        area.h -= lh + gap;
    }
    const Module *m = it->module;
    ChartLayout l = chrome_chart_layout(a, m, v, area, 0); /* the arrow keys step between items */
    float s = a->ui.scale;
    ren_clip(a->ren, area);
    chart_draw_svg(a->charts, v->path, &l);
    const char *overlay = module_overlay(m, it->view);
    if (overlay)
        chart_draw_overlay(a->charts, overlay, &l, module_view_is_deep(m, it->view), s);
    Vec2 pts[SESSION_MAX_CLICKS];
    const char *labels[SESSION_MAX_CLICKS];
    int n = 0;
    if (it->type == ITEM_LOCATE_ALL) {
        for (int t = 0; t < it->n_targets && n < SESSION_MAX_CLICKS; t++) {
            const TriggerPoint *tp = &m->tps[it->targets[t]];
            chart_draw_tp(a->ren, &l, tp, THEME_GOOD, true, s);
            pts[n] = tp->at;
            labels[n++] = tp->label;
        }
    } else {
        if (it->type != ITEM_LOCATE_TP)
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < m->n_zones; i++) {
                    const Zone *z = &m->zones[i];
                    if (z->tp == it->tp && !strcmp(z->view, it->view) &&
                        (pass == 0) == (z->kind == ZONE_SPILLOVER))
                        chart_draw_zone(a->ren, &l, z, s);
                }
        const TriggerPoint *tp = &m->tps[it->tp];
        if (!strcmp(tp->view, it->view)) {
            chart_draw_tp(a->ren, &l, tp, THEME_GOOD, it->type == ITEM_LOCATE_TP || it->type == ITEM_REVERSE,
                          s);
            pts[n] = tp->at;
            labels[n++] = tp->label;
        }
    }
    SDL_Rect avoid[3];
    int n_avoid = chart_sides_rects(a->ren, &l, it->view, avoid);
    if (a->views.cur && a->views.controls.w > 0)
        avoid[n_avoid++] = a->views.controls;
    ChartMarks around = {NULL, 0, avoid, n_avoid, NULL, 0};
    chart_draw_labels(a->ren, &l, pts, labels, n, &around, s);
    ren_unclip(a->ren);
    chart_draw_sides(a->ren, &l, it->view);
    chrome_zoom_button(a);
}

/* What the right answer is, for an item left unanswered. */
static void unanswered_text(const Item *it, char *buf, size_t size)
{
    const Module *m = it->module;
    /* The point as the prompts name it ("the iliacus trigger point of iliopsoas"). */
    char *phrase = it->tp >= 0 ? session_tp_phrase(m, it->tp) : NULL;
    const char *tp = phrase ? phrase : "the trigger point";
    switch (it->type) {
    case ITEM_LOCATE_TP:
    case ITEM_REVERSE:
        snprintf(buf, size, "The green X marks %s: %s.", tp, m->tps[it->tp].location);
        break;
    case ITEM_ZONE_CLICK:
    case ITEM_ZONE_PAINT:
        snprintf(
            buf, size,
            "The referral pattern of %s is shown in red: solid where nearly every patient feels the pain "
            "(essential zone), dotted where some do (spillover).",
            tp);
        break;
    case ITEM_LOCATE_ALL:
        snprintf(buf, size, "Every trigger point of %s on this chart is marked with a green X.", m->name);
        break;
    default: {
        const Question *q = &m->questions[it->question];
        snprintf(buf, size, "The right option%s marked \xE2\x9C\x93. %s",
                 it->type == ITEM_MULTI ? "s are" : " is", q->explain ? q->explain : "");
        break;
    }
    }
    free(phrase);
}

/* The strip of items: a numbered chip each, in its credit's colour (grey
 * when unanswered), the current one outlined. Returns the height used. */
static int item_strip(App *a, SDL_Rect r)
{
    Ui *ui = &a->ui;
    int cw = ui_px(ui, 36), ch = ui_px(ui, 28), gap = ui_px(ui, 6);
    int per_row = (r.w + gap) / (cw + gap);
    if (per_row < 1)
        per_row = 1;
    int rows = (rv.n + per_row - 1) / per_row;
    for (int i = 0; i < rv.n; i++) {
        SDL_Rect c = {r.x + (i % per_row) * (cw + gap), r.y + (i / per_row) * (ch + gap), cw, ch};
        const Answer *an;
        const char *note;
        const Item *it = item_at(i, &an, &note);
        bool answered = answered_at(i, an) && it;
        SDL_Color bg = answered ? theme_credit_light(an->credit) : THEME_PANEL_ALT;
        SDL_Color fg = answered ? theme_credit_colour(an->credit) : THEME_MUTED;
        bool cur = i == rv.cur;
        ren_fill_round_rect(a->ren, c, ui_px(ui, 6), cur ? THEME_ACCENT : answered ? fg : THEME_BORDER);
        int b = ui_px(ui, cur ? 3 : 1);
        ren_fill_round_rect(a->ren, (SDL_Rect){c.x + b, c.y + b, c.w - 2 * b, c.h - 2 * b}, ui_px(ui, 5), bg);
        char num[16], label[32];
        snprintf(num, sizeof num, "%d", i + 1);
        int tw = ren_text_width(a->ren, FONT_BOLD, num);
        ren_text(a->ren, FONT_BOLD, c.x + (c.w - tw) / 2,
                 c.y + (c.h - ren_text_height(a->ren, FONT_BOLD)) / 2, fg, num);
        snprintf(label, sizeof label, "Item %d", i + 1);
        if (ui_clickable(ui, c, label))
            select_item(a, i);
    }
    return rows * (ch + gap);
}

/* The right panel: what was asked, the credit, what a miss landed on, the
 * explanation. */
static bool explain_panel(App *a, const Item *it, const Answer *an, bool answered, const char *note,
                          SDL_Rect side, int bottom)
{
    Ui *ui = &a->ui;
    int x = side.x + ui_px(ui, 20), y = side.y + ui_px(ui, 18), w = side.w - ui_px(ui, 40);
    char line[300];
    if (!it) {
        ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_MUTED, note, true, 0, bottom);
        return false;
    }
    const char *kind = item_view_kind_label(it);
    snprintf(line, sizeof line, "%s \xC2\xB7 %s", kind, it->module->name);
    ren_text_fit(a->ren, FONT_SMALL, x, y, w, THEME_ACCENT, line);
    y += ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 6);
    y += ren_text_wrapped(a->ren, FONT_HEADING, x, y, w, THEME_TEXT, it->prompt, true, 0, bottom) +
         ui_px(ui, 10);
    char head[300], body[2048], miss[400] = "";
    const Module *other = NULL;
    if (answered && !an->answered && note[0]) {
        /* Recorded, but not drawable here: the credit and why. */
        snprintf(head, sizeof head, "%d%% credit", (int)lround(an->credit * 100));
        snprintf(body, sizeof body, "%s", note);
    } else if (answered) {
        practice_feedback(a, it, an, head, sizeof head, body, sizeof body);
        item_view_miss(a, it, an, miss, sizeof miss, &other);
    } else {
        snprintf(head, sizeof head, "\xE2\x80\x94 Not answered");
        unanswered_text(it, body, sizeof body);
    }
    int inner = w - ui_px(ui, 24);
    int hh = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, inner, THEME_TEXT, head, false, 0, 0) + ui_px(ui, 12);
    int mh = miss[0] ? ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, inner, THEME_TEXT, miss, false, 0, 0) +
                           ui_px(ui, 6)
                     : 0;
    int bh = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, inner, THEME_TEXT, body, false, 0, 0);
    SDL_Rect box = {x - ui_px(ui, 4), y, w + ui_px(ui, 8), hh + mh + bh + ui_px(ui, 16)};
    if (box.y + box.h > bottom)
        box.h = bottom - box.y;
    ren_fill_round_rect(a->ren, box, ui_px(ui, 8),
                        answered ? theme_credit_light(an->credit) : THEME_PANEL_ALT);
    ren_clip(a->ren, box);
    ren_text_wrapped(a->ren, FONT_BOLD, x + ui_px(ui, 8), y + ui_px(ui, 8), inner,
                     answered ? theme_credit_colour(an->credit) : THEME_MUTED, head, true, 0, bottom);
    if (miss[0])
        ren_text_wrapped(a->ren, FONT_BOLD, x + ui_px(ui, 8), y + hh, inner, THEME_TEXT, miss, true, 0,
                         bottom);
    ren_text_wrapped(a->ren, FONT_BODY, x + ui_px(ui, 8), y + hh + mh, inner, THEME_TEXT, body, true, 0,
                     bottom);
    ren_unclip(a->ren);
    y += box.h + ui_px(ui, 10);
    if (other && y + ui_px(ui, 34) <= bottom) {
        /* The muscle the miss landed on: its study page, and back here. */
        char label[300];
        snprintf(label, sizeof label, "Study %s", other->name);
        int lw = ren_text_width(a->ren, FONT_BODY, label) + ui_px(ui, 32);
        SDL_Rect go = {x, y, lw < w ? lw : w, ui_px(ui, 34)};
        if (ui_button(ui, go, label, BUTTON_SECONDARY)) {
            rv.studying = true;
            a->study_back_module = a->module;
            a->module = other;
            a->study_return = SCREEN_ANSWER_REVIEW;
            app_go(a, SCREEN_STUDY);
            return true;
        }
        y += go.h + ui_px(ui, 10);
    }
    const char *key = NULL;
    if (item_is_click(it))
        key = !answered ? "Green X: the trigger point. Red: its referral pattern."
              : it->type != ITEM_ZONE_CLICK
                  ? "Blue ring: your click. Green X: the trigger point, with its full-credit circle."
                  : "Blue ring: your click. Red: the referral pattern (solid essential, dotted spillover).";
    else if (it->type == ITEM_LOCATE_ALL && answered)
        key = "Blue numbers: your marks, in the order you placed them.";
    if (key && y < bottom)
        ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, key, true, 0, bottom);
    return false;
}

static void start_misses(App *a)
{
    const char *keys[APP_MISSES_MAX];
    double credits[APP_MISSES_MAX];
    int n = miss_keys(keys, credits, APP_MISSES_MAX);
    if (n > 0)
        app_start_misses(a, keys, credits, n); /* copies what it needs before the session goes */
}

void screen_answer_review(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    rv.studying = false; /* back from a study page, if it was one */
    char crumb[160];
    snprintf(crumb, sizeof crumb, "%sAnswer %d of %d", rv.when, rv.cur + 1, rv.n);
    char title[260];
    snprintf(title, sizeof title, "Answers \xC2\xB7 %s", rv.title);
    if (chrome_top_bar(a, title, rv.n ? crumb : "", true, &area) || rv.n == 0) {
        app_go(a, rv.back);
        return;
    }
    /* Left / Right step through the items (before the chart could take them). */
    if (ui_key(ui, SDLK_RIGHT))
        select_item(a, rv.cur + 1);
    if (ui_key(ui, SDLK_LEFT))
        select_item(a, rv.cur - 1);
    int pad = ui_px(ui, 20);

    /* The strip of items, with the practice of the misses at its right. */
    const char *keys[APP_MISSES_MAX];
    double credits[APP_MISSES_MAX];
    int n_miss = miss_keys(keys, credits, APP_MISSES_MAX);
    char practise[64];
    snprintf(practise, sizeof practise, n_miss ? "Practise my misses (%d)" : "No misses to practise", n_miss);
    int pw = ren_text_width(a->ren, n_miss ? FONT_BOLD : FONT_BODY, practise) + ui_px(ui, 40);
    SDL_Rect pb = {all.w - pad - pw, area.y + ui_px(ui, 12), pw, ui_px(ui, 36)};
    int strip_h = item_strip(a, (SDL_Rect){pad, area.y + ui_px(ui, 14), pb.x - 2 * pad, area.h});
    if (ui_button(ui, pb, practise, n_miss ? BUTTON_PRIMARY : BUTTON_DISABLED) && n_miss) {
        start_misses(a);
        return;
    }
    int top = area.y + ui_px(ui, 14) + (strip_h > pb.h ? strip_h : pb.h) + ui_px(ui, 6);

    const Answer *an;
    const char *note;
    const Item *it = item_at(rv.cur, &an, &note);
    bool answered = answered_at(rv.cur, an);
    bool chart_item = it && (item_is_click(it) || item_is_workspace(it));
    int left_w = all.w * 56 / 100;
    SDL_Rect pane = {pad, top, left_w - pad, area.y + area.h - pad - top};
    SDL_Rect side = {left_w + pad, top, all.w - left_w - 2 * pad, pane.h};
    ren_fill_round_rect(a->ren, pane, ui_px(ui, 10), THEME_PANEL);
    ren_fill_round_rect(a->ren, side, ui_px(ui, 10), THEME_PANEL);

    /* Previous / Next at the panel's foot. */
    int bw = (side.w - ui_px(ui, 40) - ui_px(ui, 12)) / 2, bh = ui_px(ui, 42);
    SDL_Rect prev = {side.x + ui_px(ui, 20), side.y + side.h - ui_px(ui, 18) - bh, bw, bh};
    SDL_Rect next = {prev.x + bw + ui_px(ui, 12), prev.y, bw, bh};
    if (explain_panel(a, it, an, answered, note, side, prev.y - ui_px(ui, 10)))
        return;
    if (ui_button(ui, prev, "Previous", rv.cur > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED))
        select_item(a, rv.cur - 1);
    if (ui_button(ui, next, "Next", rv.cur + 1 < rv.n ? BUTTON_PRIMARY : BUTTON_DISABLED))
        select_item(a, rv.cur + 1);

    SDL_Rect inner = {pane.x + ui_px(ui, 12), pane.y + ui_px(ui, 12), pane.w - ui_px(ui, 24),
                      pane.h - ui_px(ui, 24)};
    if (!it)
        return;
    if (chart_item && !an->answered)
        answer_key_chart(a, it, inner);
    else if (item_is_click(it))
        item_view_chart(a, it, an, inner, true, false, NULL);
    else if (item_is_workspace(it))
        item_view_workspace(a, it, an, inner, true, false);
    else {
        memset(rv.option_none, 0, sizeof rv.option_none);
        item_view_options(a, it, an, rv.option_none, inner, true, false);
    }
}
