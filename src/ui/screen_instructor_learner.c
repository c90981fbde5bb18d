/* Instructor review, a learner's page: integrity and problems of the
 * file, standing per course, every record. */
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

/* ---- the learner page ---------------------------------------------------------------- */

/* Forgets the learner's file and standing. */
void instr_close_learner(App *a, State *st)
{
    int nc = library_course_count(a->lib);
    for (int c = 0; st->cert && st->cert_set && c < nc; c++)
        if (st->cert_set[c])
            certify_status_free(&st->cert[c]);
    free(st->cert_set);
    free(st->cert);
    free(st->judged);
    st->cert = NULL;
    st->cert_set = NULL;
    st->judged = NULL;
    scorefile_free(st->scores);
    st->scores = NULL;
}

void instr_open_learner(App *a, State *st, int row)
{
    instr_close_learner(a, st);
    st->learner = row;
    st->load_error[0] = 0;
    st->standing_scroll = st->records_scroll = 0;
    Diag *d = diag_create();
    st->scores = scorefile_load(st->rows[row].path,
                                st->report ? report_key_for(st->report, st->rows[row].path) : a->key, d);
    if (!st->scores) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(st->load_error, sizeof st->load_error, "The file cannot be read now: %s",
                 it ? it->message : "unknown error");
    }
    diag_free(d);
    int nc = library_course_count(a->lib);
    st->cert = calloc((size_t)(nc > 0 ? nc : 1), sizeof *st->cert);
    st->cert_set = calloc((size_t)(nc > 0 ? nc : 1), sizeof *st->cert_set);
    for (int c = 0; st->scores && st->cert && st->cert_set && c < nc; c++) {
        const Course *co = library_course(a->lib, c);
        bool any = false;
        for (int i = 0; i < scorefile_count(st->scores) && !any; i++) {
            const Record *r = scorefile_record(st->scores, i);
            any = r->kind == RECORD_ATTEMPT && r->course && !strcmp(r->course, co->id);
        }
        if (any) {
            st->cert[c] = certify_status_at(co, st->scores, app_now_ms(a) / 1000,
                                            st->report ? report_stations(st->report) : NULL);
            st->cert_set[c] = true;
        }
    }
    /* Every attempt graded again: a record whose bytes are genuine but
     * whose result the course does not give never shows as a pass. */
    int nr = st->scores ? scorefile_count(st->scores) : 0;
    st->judged = calloc((size_t)(nr > 0 ? nr : 1), sizeof *st->judged);
    for (int i = 0; st->judged && i < nr; i++) {
        const Record *r = scorefile_record(st->scores, i);
        st->judged[i] = judge_record_at(r->course ? library_find_course(a->lib, r->course) : NULL, st->scores, i,
                                        st->report ? report_stations(st->report) : NULL);
    }
    instr_go_page(a, st, PAGE_LEARNER);
}

static const Module *find_module(const App *a, const char *id)
{
    return id ? library_find_module(a->lib, id) : NULL;
}

/* The learner's standing: file integrity with every problem, then per course
 * certification and each module's best quiz. Returns the height drawn (or
 * that would be, if !draw). */
static int standing(App *a, State *st, int x, int y0, int w, bool draw, int top, int bottom)
{
    Ui *ui = &a->ui;
    const LearnerRow *r = &st->rows[st->learner];
    int y = y0;
    int line = instr_text_h(a, FONT_BODY) + ui_px(ui, 4);
#define TEXT(font, colour, s)                                                                                \
    do {                                                                                                     \
        if (draw && y + instr_text_h(a, font) > top && y < bottom)                                                 \
            ren_text_fit(a->ren, font, x, y, w, colour, s);                                                  \
        y += instr_text_h(a, font) + ui_px(ui, 4);                                                                 \
    } while (0)
#define WRAP(font, colour, s) (y += ren_text_wrapped(a->ren, font, x, y, w, colour, s, draw, top, bottom) + ui_px(ui, 4))
    char buf[1400];
    TEXT(FONT_HEADING, THEME_ACCENT_DARK, "File integrity");
    if (r->intact) {
        snprintf(buf, sizeof buf, "\xE2\x9C\x93 All %d records verified with this station's key.", r->records);
        WRAP(FONT_BOLD, THEME_GOOD, buf);
    } else {
        snprintf(buf, sizeof buf, "\xE2\x9C\x97 %s", r->integrity);
        WRAP(FONT_BOLD, THEME_BAD, buf);
        WRAP(FONT_SMALL, THEME_MUTED,
             "Records that are not good count for nothing: no module or exam is passed by them (an exam "
             "record still uses up an attempt).");
        for (int i = 0; i < r->n_problems; i++)
            WRAP(FONT_BODY, THEME_TEXT, r->problems[i]);
    }
    y += line / 2;
    if (st->load_error[0]) {
        WRAP(FONT_BODY, THEME_BAD, st->load_error);
        return y - y0;
    }
    int nc = library_course_count(a->lib);
    bool any = false;
    for (int c = 0; c < nc; c++) {
        if (!st->cert || !st->cert_set[c])
            continue;
        any = true;
        const Course *co = library_course(a->lib, c);
        const CertStatus *cs = &st->cert[c];
        y += line / 2;
        snprintf(buf, sizeof buf, "%s (%s)", co->title, co->id);
        TEXT(FONT_HEADING, THEME_ACCENT_DARK, buf);
        if (cs->certified)
            snprintf(buf, sizeof buf, "\xE2\x9C\x93 Certified: every module passed and the exam passed (best %.1f%%).",
                     cs->best_exam ? cs->best_exam->score * 100 : 0);
        else
            snprintf(buf, sizeof buf, "Not certified: modules %d of %d passed, exam %s (%d attempt%s%s).",
                     cs->modules_passed, cs->modules_total, cs->exam_passed ? "passed" : "not passed",
                     cs->exam_attempts, cs->exam_attempts == 1 ? "" : "s",
                     cs->exam_attempts_left < 0 ? ""
                     : cs->exam_attempts_left == 0 ? ", none left"
                                                   : cs->exam_attempts_left == 1 ? ", 1 left" : ", more left");
        WRAP(cs->certified ? FONT_BOLD : FONT_BODY, cs->certified ? THEME_GOOD : THEME_TEXT, buf);
        for (int m = 0; m < co->n_modules; m++) {
            const Module *mod = co->modules[m];
            const char *name = mod ? mod->name : co->module_ids[m];
            if (cs->module_best[m] < 0)
                snprintf(buf, sizeof buf, "\xE2\x80\xA2 %s: no good quiz", name);
            else
                snprintf(buf, sizeof buf, "%s %s: best %.1f%%, %s", cs->module_passed[m] ? "\xE2\x9C\x93" : "\xE2\x80\xA2",
                         name, cs->module_best[m] * 100, cs->module_passed[m] ? "passed" : "not passed");
            WRAP(FONT_BODY, cs->module_passed[m] ? THEME_GOOD : THEME_TEXT, buf);
        }
    }
    if (!any)
        WRAP(FONT_BODY, THEME_MUTED, "No quiz or exam attempts in this station's courses yet.");
#undef TEXT
#undef WRAP
    return y - y0;
}

/* "Exam 2 of Report demo" / "Quiz: Demo back muscle" / "Profile". */
void instr_record_title(const App *a, const ScoreFile *f, int i, char *buf, size_t size)
{
    const Record *r = scorefile_record(f, i);
    if (r->kind == RECORD_PROFILE) {
        snprintf(buf, size, "Learner profile");
        return;
    }
    if (r->kind == RECORD_START) {
        const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
        snprintf(buf, size, "Exam started: %s", c ? c->title : r->course ? r->course : "?");
        return;
    }
    if (r->mode == ATTEMPT_QUIZ) {
        const Module *m = find_module(a, r->module);
        snprintf(buf, size, "Quiz: %s", m ? m->name : r->module ? r->module : "?");
        return;
    }
    int k = 0;
    for (int j = 0; j <= i; j++) {
        const Record *q = scorefile_record(f, j);
        k += q->kind == RECORD_ATTEMPT && q->mode == ATTEMPT_EXAM && q->course && r->course &&
             !strcmp(q->course, r->course);
    }
    const Course *c = r->course ? library_find_course(a->lib, r->course) : NULL;
    snprintf(buf, size, "Exam %d: %s", k, c ? c->title : r->course ? r->course : "?");
}


void instr_page_learner(App *a, State *st, SDL_Rect area)
{
    Ui *ui = &a->ui;
    const LearnerRow *row = &st->rows[st->learner];
    int pad = ui_px(ui, 20);
    int y = area.y + pad;
    ren_text(a->ren, FONT_TITLE, pad, y, THEME_TEXT, row->name);
    y += instr_text_h(a, FONT_TITLE);
    char sub[1400];
    snprintf(sub, sizeof sub, "%s \xC2\xB7 %s", row->learner, row->path);
    ren_text_fit(a->ren, FONT_BODY, pad, y, area.w - 2 * pad, THEME_MUTED, sub);
    y += instr_text_h(a, FONT_BODY) + ui_px(ui, 14);
    int left_w = (area.w - 3 * pad) * 42 / 100;
    SDL_Rect left = {pad, y, left_w, area.y + area.h - pad - y};
    SDL_Rect right = {pad * 2 + left_w, y, area.w - 3 * pad - left_w, left.h};
    instr_panel(a, left);
    instr_panel(a, right);

    /* Left: standing, scrolled on its own. */
    int in = ui_px(ui, 20);
    SDL_Rect lclip = {left.x + in, left.y + in, left.w - 2 * in + ui_px(ui, 8), left.h - 2 * in};
    int tw = lclip.w - ui_px(ui, 16);
    int h = standing(a, st, lclip.x, 0, tw, false, 0, 0);
    ui_scroll(ui, lclip, &st->standing_scroll, h);
    ren_clip(a->ren, lclip);
    standing(a, st, lclip.x, lclip.y - st->standing_scroll, tw, true, lclip.y, lclip.y + lclip.h);
    ren_unclip(a->ren);

    /* Right: every record. */
    int rx = right.x + in, ry = right.y + in - ui_px(ui, 4);
    ren_text(a->ren, FONT_HEADING, rx, ry, THEME_ACCENT_DARK, "Records");
    ren_text(a->ren, FONT_SMALL, rx + ren_text_width(a->ren, FONT_HEADING, "Records") + ui_px(ui, 12),
             ry + instr_text_h(a, FONT_HEADING) - instr_text_h(a, FONT_SMALL) - ui_px(ui, 2), THEME_MUTED,
             "in file order; open an attempt to see every answer");
    ry += instr_text_h(a, FONT_HEADING) + ui_px(ui, 8);
    SDL_Rect list = {right.x + ui_px(ui, 8), ry, right.w - ui_px(ui, 16), right.y + right.h - ui_px(ui, 8) - ry};
    if (!st->scores)
        return;
    int n = scorefile_count(st->scores), rh = ui_px(ui, 60);
    instr_scroll_keys(a, &st->records_scroll, list.h);
    ui_scroll(ui, list, &st->records_scroll, n * rh);
    ren_clip(a->ren, list);
    int yy = list.y - st->records_scroll;
    int sw = list.w - ui_px(ui, 12);
    for (int i = 0; i < n; i++, yy += rh) {
        if (yy + rh < list.y || yy > list.y + list.h)
            continue;
        const Record *r = scorefile_record(st->scores, i);
        RecordStatus status = scorefile_status(st->scores, i);
        /* Genuine, but not what the course gives (re-graded): shown as not
         * counting, like a damaged record. */
        bool attempt = r->kind == RECORD_ATTEMPT;
        bool regraded_out = status == RECORD_GOOD && attempt && st->judged && !st->judged[i].counts;
        SDL_Rect rr = {list.x, yy, sw, rh};
        if (attempt && ui_hover(ui, instr_clip_to(rr, list)))
            ren_fill_rect(a->ren, rr, THEME_ACCENT_LIGHT);
        else if (i % 2)
            ren_fill_rect(a->ren, rr, THEME_PANEL_ALT);
        int px = rr.x + ui_px(ui, 12);
        char num[32], title[300], when[64], meta[400];
        snprintf(num, sizeof num, "%d", r->seq > 0 ? r->seq : i + 1);
        int ty = yy + (rh - instr_text_h(a, FONT_BOLD) - instr_text_h(a, FONT_SMALL)) / 2;
        ren_text(a->ren, FONT_BOLD, px, ty, THEME_MUTED, num);
        px += ui_px(ui, 36);
        SDL_Rect chip = {rr.x + rr.w - ui_px(ui, 88), yy + (rh - ui_px(ui, 30)) / 2, ui_px(ui, 76), ui_px(ui, 30)};
        instr_record_title(a, st->scores, i, title, sizeof title);
        instr_utc_time(attempt ? r->finished : r->started, when, sizeof when);
        /* Integrity, in words and colour. */
        const char *sname = record_status_name(status);
        char tag[64];
        if (regraded_out)
            snprintf(tag, sizeof tag, "\xE2\x9C\x97 %s", judge_code_name(st->judged[i].code));
        else
            snprintf(tag, sizeof tag, status == RECORD_GOOD ? "\xE2\x9C\x93 good" : "\xE2\x9C\x97 %s", sname);
        int tgw = ren_text_width(a->ren, FONT_BOLD, tag);
        int tag_x = chip.x - ui_px(ui, 16) - tgw;
        ren_text(a->ren, FONT_BOLD, tag_x, yy + (rh - instr_text_h(a, FONT_BOLD)) / 2,
                 status == RECORD_GOOD && !regraded_out ? THEME_GOOD : THEME_BAD, tag);
        int text_w = tag_x - ui_px(ui, 16) - px;
        if (attempt) {
            /* A record that is not good only claims its result. */
            const char *result = status != RECORD_GOOD || regraded_out
                                     ? (r->passed ? "claims passed, not counted" : "not counted")
                                 : r->passed             ? "passed"
                                                         : "not passed";
            snprintf(meta, sizeof meta, "%s \xC2\xB7 %s%s \xC2\xB7 %d answers", when, result,
                     r->auto_submitted ? " (time ran out)" : "", r->n_answers);
            /* Narrow: the answer count goes first (the attempt shows them). */
            if (ren_text_width(a->ren, FONT_SMALL, meta) > text_w)
                snprintf(meta, sizeof meta, "%s \xC2\xB7 %s%s", when, result,
                         r->auto_submitted ? " (time ran out)" : "");
            /* Narrower still: the day without the time, then the result alone. */
            if (ren_text_width(a->ren, FONT_SMALL, meta) > text_w)
                snprintf(meta, sizeof meta, "%.10s \xC2\xB7 %s%s", when, result,
                         r->auto_submitted ? " (time ran out)" : "");
            if (ren_text_width(a->ren, FONT_SMALL, meta) > text_w)
                snprintf(meta, sizeof meta, "%s%s", result, r->auto_submitted ? " (time ran out)" : "");
        } else if (r->kind == RECORD_START) {
            char until[64];
            instr_utc_time(r->deadline, until, sizeof until);
            snprintf(meta, sizeof meta, "started %s \xC2\xB7 time up %s", when, until);
            /* Narrow: the time allowed instead of the deadline. */
            if (ren_text_width(a->ren, FONT_SMALL, meta) > text_w && r->deadline > r->started)
                snprintf(meta, sizeof meta, "started %.16s \xC2\xB7 %lld min", when,
                         (long long)((r->deadline - r->started + 59) / 60));
        } else {
            snprintf(meta, sizeof meta, "created %s", when);
        }
        ren_text_fit(a->ren, FONT_BOLD, px, ty, text_w, THEME_TEXT, title);
        ren_text_fit(a->ren, FONT_SMALL, px, ty + instr_text_h(a, FONT_BOLD), text_w, THEME_MUTED, meta);
        if (attempt) {
            if (status == RECORD_GOOD && !regraded_out)
                instr_score_chip(a, chip, r->score, r->passed);
            else
                instr_claimed_score_chip(a, chip, r->score);
            char label[64];
            snprintf(label, sizeof label, "Open record %d", r->seq > 0 ? r->seq : i + 1);
            if (ui_clickable(ui, instr_clip_to(rr, list), label)) {
                ren_unclip(a->ren);
                instr_open_attempt(a, st, i);
                return;
            }
        }
    }
    ren_unclip(a->ren);
}
