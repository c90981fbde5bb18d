/* Instructor review: behind the instructor's passphrase, a folder of learner
 * score files read through the report (src/core/report.h).
 *
 * Pages, each one level deeper than the last (Back or Escape goes up one;
 * from the top it leaves for sign-in and forgets everything):
 *   locked    the passphrase (or, with none set, how to set one)
 *   report    the folder field, then a sortable learner table (certification
 *             per course, file integrity, skipped files) or the question
 *             table (the report's item analysis)
 *   learner   one file: integrity and every problem, standing per course,
 *             every record
 *   attempt   one quiz or exam record: every answer with its credit and time,
 *             the selected one drawn on its chart as the learner's feedback is
 *   question  one question's statistics and, for chart questions, its heatmap
 *
 * The report's per-file summaries live only during its callback, so the
 * screen copies what its table shows; a learner's file is loaded again
 * (scorefile_load with the station key) when it is opened. The answers of
 * a record name their items by key: core's answers.c rebuilds the items
 * from those keys, so prompts, charts and targets are the ones learners see.
 *
 * This file holds the screen (enter, leave, draw) and the helpers the pages
 * share; each page is its own file (screen_instructor_<page>.c), the
 * sortable table widget is table.c, the shared state screen_instructor.h. */
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

/* ---- small helpers ------------------------------------------------------- */

char *instr_dup_str(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, s ? s : "", n);
    return r;
}

void instr_go_page(App *a, State *st, Page p)
{
    st->page = p;
    a->redraw = true;
    a->ui.focus = -1;
}

/* Leaves for sign-in, forgetting everything (instructor_screen_leave). */
void instr_leave(App *a)
{
    instructor_screen_leave(a);
    app_go(a, SCREEN_SIGNIN);
    ui_focus_next_field(&a->ui); /* the learner's name field, as at start-up */
}

void instr_utc_time(int64_t t, char *buf, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm))
        snprintf(buf, size, "?");
    else
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min);
}

int instr_text_h(App *a, FontId f) { return ren_text_height(a->ren, f); }

void instr_panel(App *a, SDL_Rect r) { ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 10), THEME_PANEL); }

/* Rows that would be clicked through the clip's edge are cut to it. */
SDL_Rect instr_clip_to(SDL_Rect r, SDL_Rect clip)
{
    SDL_Rect out;
    if (!SDL_IntersectRect(&r, &clip, &out))
        out = (SDL_Rect){r.x, r.y, 0, 0};
    return out;
}

/* Up / Down a line, Page Up / Down a page, Home / End: the keyboard's way
 * to scroll a list (Tab reaches only the rows on screen). */
void instr_scroll_keys(App *a, int *scroll, int page_h)
{
    Ui *ui = &a->ui;
    int line = ui_px(ui, 48);
    int before = *scroll;
    if (ui_key(ui, SDLK_DOWN))
        *scroll += line;
    if (ui_key(ui, SDLK_UP))
        *scroll -= line;
    if (ui_key(ui, SDLK_PAGEDOWN))
        *scroll += page_h - line;
    if (ui_key(ui, SDLK_PAGEUP))
        *scroll -= page_h - line;
    if (ui_key(ui, SDLK_HOME))
        *scroll = 0;
    if (ui_key(ui, SDLK_END))
        *scroll = 1 << 28; /* ui_scroll clamps it */
    if (*scroll != before)
        a->redraw = true;
}

/* A short name for an item in a list: "<point>: <task>", after "<muscle> · "
 * when with_muscle (a list across modules). */
void instr_item_title(const Module *m, ReportItemKind kind, int tp, int question, const char *view,
                       const char *key, bool with_muscle, char *buf, size_t size)
{
    static const char *const TASK[] = {
        [REPORT_ITEM_LOCATE] = "locate the point",
        [REPORT_ITEM_ZONE] = "click its referral zone",
        [REPORT_ITEM_PAINT] = "paint its referral zone",
        [REPORT_ITEM_REVERSE] = "find it from its pattern",
    };
    if (!m) {
        snprintf(buf, size, "%s (not in these courses)", key);
        return;
    }
    char muscle[200] = "";
    if (with_muscle)
        snprintf(muscle, sizeof muscle, "%s \xC2\xB7 ", m->name);
    switch (kind) {
    case REPORT_ITEM_LOCATE:
    case REPORT_ITEM_ZONE:
    case REPORT_ITEM_PAINT:
    case REPORT_ITEM_REVERSE:
        snprintf(buf, size, "%s%s: %s", muscle, tp >= 0 && tp < m->n_tps ? m->tps[tp].label : "?", TASK[kind]);
        break;
    case REPORT_ITEM_LOCATE_ALL:
        snprintf(buf, size, "%sEvery point on the %s chart", muscle, view ? view : "?");
        break;
    case REPORT_ITEM_QUESTION:
        snprintf(buf, size, "%s%s", muscle, question >= 0 ? m->questions[question].prompt : key);
        break;
    default:
        snprintf(buf, size, "%s (not in these courses)", key);
        break;
    }
}

ReportItemKind instr_kind_of(const Item *it)
{
    switch (it->type) {
    case ITEM_LOCATE_TP:
        return REPORT_ITEM_LOCATE;
    case ITEM_ZONE_CLICK:
        return REPORT_ITEM_ZONE;
    case ITEM_ZONE_PAINT:
        return REPORT_ITEM_PAINT;
    case ITEM_REVERSE:
        return REPORT_ITEM_REVERSE;
    case ITEM_LOCATE_ALL:
        return REPORT_ITEM_LOCATE_ALL;
    default:
        return REPORT_ITEM_QUESTION;
    }
}

/* A credit chip: "100%" on green, partial on amber, none on red. */
void instr_credit_chip(App *a, SDL_Rect r, double credit)
{
    SDL_Color bg = theme_credit_light(credit);
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), bg);
    char t[16];
    snprintf(t, sizeof t, "%d%%", (int)(credit * 100 + 0.5));
    int w = ren_text_width(a->ren, FONT_BOLD, t);
    ren_text(a->ren, FONT_BOLD, r.x + (r.w - w) / 2, r.y + (r.h - instr_text_h(a, FONT_BOLD)) / 2, theme_credit_colour(credit),
             t);
}

/* A record's score: one decimal, green when it passed, red when not. */
void instr_score_chip(App *a, SDL_Rect r, double score, bool passed)
{
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), passed ? THEME_GOOD_LIGHT : THEME_BAD_LIGHT);
    char t[16];
    snprintf(t, sizeof t, "%.1f%%", score * 100);
    int w = ren_text_width(a->ren, FONT_BOLD, t);
    ren_text(a->ren, FONT_BOLD, r.x + (r.w - w) / 2, r.y + (r.h - instr_text_h(a, FONT_BOLD)) / 2,
             passed ? THEME_GOOD : THEME_BAD, t);
}

/* The score a record that is not good claims: grey and struck through, as
 * it counts for nothing. */
void instr_claimed_score_chip(App *a, SDL_Rect r, double score)
{
    ren_fill_round_rect(a->ren, r, ui_px(&a->ui, 4), THEME_PANEL_ALT);
    char t[16];
    snprintf(t, sizeof t, "%.1f%%", score * 100);
    int w = ren_text_width(a->ren, FONT_BODY, t), h = instr_text_h(a, FONT_BODY);
    int x = r.x + (r.w - w) / 2, y = r.y + (r.h - h) / 2;
    ren_text(a->ren, FONT_BODY, x, y, THEME_MUTED, t);
    ren_fill_rect(a->ren, (SDL_Rect){x - ui_px(&a->ui, 2), y + h / 2, w + ui_px(&a->ui, 4), ui_px(&a->ui, 1) + 1},
                  THEME_MUTED);
}

/* ---- the screen --------------------------------------------------------------------------- */

void instructor_screen_enter(App *a)
{
    instructor_screen_leave(a);
    State *st = calloc(1, sizeof *st);
    char *hash = st ? instr_current_hash(a) : NULL;
    if (!hash) {
        free(st);
        snprintf(a->banner, sizeof a->banner, "Out of memory: the instructor's review cannot open.");
        app_go(a, SCREEN_SIGNIN);
        return;
    }
    st->hash = hash;
    instr_passwd_command(a, st->passwd_cmd, sizeof st->passwd_cmd);
    snprintf(st->folder, sizeof st->folder, "%s/learners", a->data_dir ? a->data_dir : ".");
    st->sort = L_NAME;
    st->sort_dir = 1;
    st->qsort = Q_TITLE;
    st->qsort_dir = 1;
    st->qcourse = -1;
    a->instructor = st;
    ui_focus_next_field(&a->ui);
}

void instructor_screen_leave(App *a)
{
    State *st = a->instructor;
    if (!st)
        return;
    instr_close_attempt(a, st);
    instr_close_learner(a, st);
    instr_free_rows(st);
    sodium_memzero(st->pass, sizeof st->pass);
    free(st->hash);
    free(st);
    a->instructor = NULL;
}

void screen_instructor(App *a, SDL_Rect all)
{
    State *st = a->instructor;
    if (!st) {
        app_go(a, SCREEN_SIGNIN);
        return;
    }
    char crumb[1400] = "";
    if (st->page == PAGE_LOCKED)
        snprintf(crumb, sizeof crumb, "Locked");
    else if (st->page == PAGE_REPORT)
        snprintf(crumb, sizeof crumb, "%s", st->opened[0] ? st->opened : "No folder open");
    else if (st->page == PAGE_QUESTION)
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA Questions", st->opened);
    else if (st->page == PAGE_LEARNER)
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA %s", st->opened, st->rows[st->learner].name);
    else
        snprintf(crumb, sizeof crumb, "%s \xE2\x80\xBA %s \xE2\x80\xBA record %d", st->opened, st->rows[st->learner].name,
                 scorefile_record(st->scores, st->record)->seq);
    SDL_Rect area;
    if (chrome_top_bar(a, "Instructor review", crumb, true, &area)) {
        switch (st->page) {
        case PAGE_ATTEMPT:
            instr_close_attempt(a, st);
            instr_go_page(a, st, PAGE_LEARNER);
            return;
        case PAGE_LEARNER:
            instr_close_learner(a, st);
            instr_go_page(a, st, PAGE_REPORT);
            return;
        case PAGE_QUESTION:
            instr_go_page(a, st, PAGE_REPORT);
            return;
        default:
            instr_leave(a);
            return;
        }
    }
    (void)all;
    switch (st->page) {
    case PAGE_LOCKED:
        instr_page_locked(a, st, area);
        break;
    case PAGE_REPORT:
        instr_page_report(a, st, area);
        break;
    case PAGE_LEARNER:
        instr_page_learner(a, st, area);
        break;
    case PAGE_ATTEMPT:
        instr_page_attempt(a, st, area);
        break;
    case PAGE_QUESTION:
        instr_page_question(a, st, area);
        break;
    }
}
