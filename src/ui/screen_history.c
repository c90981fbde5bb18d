/* Past results: the learner's graded module quizzes and exams, newest
 * first, from their own score file (a->scores, read and verified at
 * sign-in): when, which course and module, the score and the verdict.
 * A row opens its answers in the answer review (rebuilt by core
 * answers.c); an exam's only if its course shows answers, a record that
 * failed its integrity check not at all (what it says may not be what the
 * learner did). */
#include <stdio.h>
#include <time.h>

#include "app_state.h"
#include "chrome.h"
#include "screen_answer_review.h"
#include "theme.h"

static struct {
    int scroll;
} hist;

void screen_history_enter(App *a)
{
    (void)a;
    hist.scroll = 0;
}

/* Why record i cannot be opened ("" if it can). */
static const char *closed_reason(const App *a, int i)
{
    const Record *r = scorefile_record(a->scores, i);
    if (scorefile_status(a->scores, i) != RECORD_GOOD)
        return "Failed its integrity check: not shown";
    if (r->void_reason)
        return "Void: not graded";
    if (r->mode == ATTEMPT_EXAM ? !r->course || !library_find_course(a->lib, r->course)
                                : !r->module || !library_find_module(a->lib, r->module))
        return "Not in the courses on this station";
    if (!answer_review_allowed(a, r))
        return "This exam does not show answers";
    if (r->n_answers <= 0)
        return "No answers recorded";
    return "";
}

void screen_history(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    SDL_Rect area;
    if (chrome_top_bar(a, "Past results", a->learner_name, true, &area)) {
        app_go(a, SCREEN_HOME);
        return;
    }
    int pad = ui_px(ui, 32);
    SDL_Rect panel = {pad, area.y + ui_px(ui, 24), all.w - 2 * pad, area.h - ui_px(ui, 24) - pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    int x = panel.x + ui_px(ui, 24), y = panel.y + ui_px(ui, 20), w = panel.w - ui_px(ui, 48);
    ren_text(a->ren, FONT_HEADING, x, y, THEME_ACCENT_DARK, "Your graded quizzes and exams");
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 4);
    y += ren_text_wrapped(
             a->ren, FONT_SMALL, x, y, w, THEME_MUTED,
             "Newest first. Open one to go through its answers on the charts beside the right ones.", true, 0,
             all.h) +
         ui_px(ui, 12);

    int n = a->scores ? scorefile_count(a->scores) : 0;
    int idx[1024], k = 0;
    for (int i = n - 1; i >= 0 && k < 1024; i--) {
        const Record *r = scorefile_record(a->scores, i);
        if (r && r->kind == RECORD_ATTEMPT)
            idx[k++] = i;
    }
    SDL_Rect list = {x, y, w, panel.y + panel.h - ui_px(ui, 16) - y};
    if (k == 0) {
        ren_text_wrapped(
            a->ren, FONT_BODY, x, y, w, THEME_TEXT,
            "No graded quizzes or exams yet. Every module quiz and exam you finish is listed here.", true, 0,
            all.h);
        return;
    }
    int rh = ren_text_height(a->ren, FONT_BODY) + ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 20);
    ui_scroll(ui, list, &hist.scroll, k * rh);
    ren_clip(a->ren, list);
    int open = -1;
    int chip_w = ui_px(ui, 70);
    for (int j = 0; j < k; j++) {
        int i = idx[j];
        int ry = list.y + j * rh - hist.scroll;
        if (ry + rh < list.y || ry > list.y + list.h)
            continue;
        const Record *r = scorefile_record(a->scores, i);
        const char *why = closed_reason(a, i);
        SDL_Rect row = {list.x, ry, list.w - ui_px(ui, 10), rh - ui_px(ui, 4)}, hit;
        char label[64];
        snprintf(label, sizeof label, "Past result %d", j + 1);
        bool can = !why[0];
        if (can && SDL_IntersectRect(&row, &list, &hit)) {
            if (ui_hover(ui, hit))
                ren_fill_round_rect(a->ren, row, ui_px(ui, 6), THEME_PANEL_ALT);
            if (ui_clickable(ui, hit, label))
                open = i;
        }
        /* The score, in the colour of the verdict. */
        char line[400], sub[400];
        SDL_Rect chip = {row.x + ui_px(ui, 6), ry + (row.h - ui_px(ui, 30)) / 2, chip_w, ui_px(ui, 30)};
        bool counts = scorefile_status(a->scores, i) == RECORD_GOOD && !r->void_reason;
        ren_fill_round_rect(a->ren, chip, ui_px(ui, 5),
                            !counts     ? THEME_PANEL_ALT
                            : r->passed ? THEME_GOOD_LIGHT
                                        : THEME_BAD_LIGHT);
        snprintf(line, sizeof line, r->void_reason ? "void" : "%d%%", (int)(r->score * 100 + 0.5));
        int cw = ren_text_width(a->ren, FONT_BOLD, line);
        ren_text(a->ren, FONT_BOLD, chip.x + (chip.w - cw) / 2,
                 chip.y + (chip.h - ren_text_height(a->ren, FONT_BOLD)) / 2,
                 !counts     ? THEME_MUTED
                 : r->passed ? THEME_GOOD
                             : THEME_BAD,
                 line);
        const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
        const Module *m = r->module ? library_find_module(a->lib, r->module) : NULL;
        const char *course = c ? c->title : r->course ? r->course : "?";
        if (r->mode == ATTEMPT_EXAM)
            snprintf(line, sizeof line, "Exam \xC2\xB7 %s", course);
        else
            snprintf(line, sizeof line, "Module quiz \xC2\xB7 %s", m ? m->name : r->module ? r->module : "?");
        char when[64];
        time_t t = (time_t)r->finished;
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(when, sizeof when, "%d %b %Y, %H:%M", &tm);
        snprintf(sub, sizeof sub, "%s \xC2\xB7 %s \xC2\xB7 %s (pass mark %d%%)", when, course,
                 r->void_reason ? "not graded"
                 : r->passed    ? "passed"
                                : "not passed",
                 r->pass_mark);
        /* At the right: the way in, or why there is none. */
        const char *tail = can ? "Review answers \xE2\x80\xBA" : why;
        int tw = ren_text_width(a->ren, FONT_SMALL, tail);
        int tx = row.x + row.w - ui_px(ui, 12) - tw;
        int text_x = chip.x + chip.w + ui_px(ui, 16), text_w = tx - ui_px(ui, 16) - text_x;
        int ty = ry + (row.h - ren_text_height(a->ren, FONT_BODY) - ren_text_height(a->ren, FONT_SMALL)) / 2;
        ren_text(a->ren, FONT_SMALL, tx, ry + (row.h - ren_text_height(a->ren, FONT_SMALL)) / 2,
                 can ? THEME_ACCENT : THEME_MUTED, tail);
        ren_text_fit(a->ren, FONT_BOLD, text_x, ty, text_w, THEME_TEXT, line);
        ren_text_fit(a->ren, FONT_SMALL, text_x, ty + ren_text_height(a->ren, FONT_BODY), text_w, THEME_MUTED,
                     sub);
        SDL_Rect rule = {row.x, ry + rh - ui_px(ui, 3), row.w, ui_px(ui, 1)};
        ren_fill_rect(a->ren, rule, THEME_BORDER);
    }
    ren_unclip(a->ren);
    if (open >= 0)
        answer_review_open_record(a, scorefile_record(a->scores, open), SCREEN_HISTORY);
}
