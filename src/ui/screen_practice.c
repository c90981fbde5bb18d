/* Practice: one item at a time with immediate feedback on the chart (the
 * learner's click, the right spot or zone, the distance and the credit),
 * then a summary. Grading is core's (session_answer_*); this screen shows. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "attempt.h"
#include "item_view.h"
#include "screen_answer_review.h"
#include "app_state.h"
#include "chrome.h"
#include "theme.h"
#include "xapi_thread.h"

/* Leaving a session before its end: the confirmation asked for, and the
 * session it is about (drawn over the page, which takes no input then). */
static struct {
    const Session *session;
    bool confirm;
} leave_st;

static void distance_text(const App *a, const char *view, double units, char *buf, size_t size)
{
    const View *v = library_find_view(a->lib, view);
    if (v && v->cm_per_unit > 0)
        snprintf(buf, size, "%.1f cm", units * v->cm_per_unit);
    else
        snprintf(buf, size, "%.0f chart units", units);
}

/* Writes the quiz record; on failure the reason is kept and shown, and the
 * summary offers to try again (the result stays in memory meanwhile). */
static void record_quiz(App *a)
{
    const Course *c = a->course;
    Record *r = attempt_build(a->run.session, ATTEMPT_QUIZ, c, a->module->id, a->run.started_ms / 1000,
                              app_now_ms(a) / 1000, c ? c->module_pass_mark : 80, false);
    Diag *d = diag_create();
    char path[4096];
    app_learner_path(a, "scores", path, sizeof path);
    int rc = r && a->have_key ? scorefile_append(path, r, a->key, d) : -1;
    if (rc == 0) {
        a->run.record_saved = true;
        xapi_thread_poke(a->xapi);
        a->run.record_error[0] = 0;
        printf("quiz recorded: module=%s score=%.1f%% passed=%s\n", a->module->id, r->score * 100,
               r->passed ? "yes" : "no");
        fflush(stdout);
        app_reload_scores(a);
    } else {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(a->run.record_error, sizeof a->run.record_error, "Your result could not be saved yet: %s",
                 it ? it->message : !a->have_key ? "no station key" : "out of memory");
        diag_sort(d);
        diag_print(d, stderr);
    }
    diag_free(d);
    attempt_free(r);
}

static void finish(App *a)
{
    if (a->run.practice_recorded)
        return;
    a->run.practice_recorded = true;
    app_review_session(a, a->run.session);
    if (session_mode(a->run.session) == SESSION_QUIZ) {
        record_quiz(a);
        return;
    }
    double score = session_score(a->run.session);
    if (session_mode(a->run.session) == SESSION_REVIEW) {
        /* Its answers went into the review schedule; practice progress
         * belongs to modules. */
        printf("review finished: items=%d answered=%d score=%.1f%% due=%d\n", session_item_count(a->run.session),
               session_answered_count(a->run.session), score * 100, app_review_due(a, NULL));
        fflush(stdout);
        return;
    }
    if (a->run.misses) {
        printf("misses practice finished: items=%d answered=%d score=%.1f%%\n", session_item_count(a->run.session),
               session_answered_count(a->run.session), score * 100);
        fflush(stdout);
        return;
    }
    if (a->run.protocol) {
        /* Its answers went into the review schedule; practice progress
         * belongs to one module at a time. */
        printf("protocol practice finished: protocol=%s items=%d answered=%d score=%.1f%%\n",
               a->run.protocol->id, session_item_count(a->run.session), session_answered_count(a->run.session),
               score * 100);
        fflush(stdout);
        return;
    }
    printf("practice finished: module=%s items=%d answered=%d score=%.1f%%\n", a->module->id,
           session_item_count(a->run.session), session_answered_count(a->run.session), score * 100);
    fflush(stdout);
    if (!a->progress || !a->progress_path)
        return;
    progress_record(a->progress, a->module->id, score, app_now_ms(a) / 1000);
    Diag *d = diag_create();
    if (progress_save(a->progress, a->progress_path, d) != 0) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(a->banner, sizeof a->banner, "Your progress could not be saved: %s",
                 it ? it->message : "unknown error");
        diag_print(d, stderr);
    }
    diag_free(d);
}

/* The feedback sentence for an answered item (screens.h). */
void practice_feedback(const App *a, const Item *it, const Answer *an, char *head, size_t hs, char *body,
                       size_t bs)
{
    int pct = (int)lround(an->credit * 100);
    const Module *m = it->module;
    char dist[64];
    switch (it->type) {
    case ITEM_LOCATE_TP:
        distance_text(a, it->view, an->distance, dist, sizeof dist);
        if (an->credit >= 0.999)
            snprintf(head, hs, "\xE2\x9C\x93 On target: full credit");
        else if (an->credit > 0)
            snprintf(head, hs, "\xE2\x97\x90 Close: %d%% credit", pct);
        else
            snprintf(head, hs, "\xE2\x9C\x97 Missed: no credit");
        snprintf(body, bs, "Your click was %s from the trigger point. It lies here: %s.", dist,
                 m->tps[it->tp].location);
        break;
    case ITEM_ZONE_CLICK:
        if (an->zone >= 0 && an->zone_kind == ZONE_ESSENTIAL)
            snprintf(head, hs, "\xE2\x9C\x93 In the essential zone: full credit");
        else if (an->zone >= 0)
            snprintf(head, hs, "\xE2\x97\x90 In the spillover zone: %d%% credit", pct);
        else
            snprintf(head, hs, "\xE2\x9C\x97 Outside the referral zone: no credit");
        if (an->zone >= 0)
            snprintf(body, bs,
                     "The essential zone (solid) is where nearly every patient with this trigger point "
                     "feels pain; the spillover zone (dotted) is where some do.");
        else {
            distance_text(a, it->view, an->distance, dist, sizeof dist);
            snprintf(body, bs, "Your click was %s from the nearest part of the pattern, shown in red.", dist);
        }
        break;
    case ITEM_REVERSE:
        distance_text(a, it->view, an->distance, dist, sizeof dist);
        if (an->credit >= 0.999)
            snprintf(head, hs, "\xE2\x9C\x93 Right trigger point: full credit");
        else if (an->credit > 0)
            snprintf(head, hs, "\xE2\x97\x90 Close: %d%% credit", pct);
        else
            snprintf(head, hs, "\xE2\x9C\x97 Not the responsible trigger point");
        if (an->reverse.module && !an->reverse.responsible && an->credit > 0)
            snprintf(body, bs, "%s's %s trigger point has the same pattern, so it counts. The one asked for: %s.",
                     an->reverse.module->name, an->reverse.module->tps[an->reverse.tp].label,
                     m->tps[it->tp].location);
        else
            snprintf(body, bs, "This pattern comes from the %s trigger point of %s: %s.", m->tps[it->tp].label,
                     m->name, m->tps[it->tp].location);
        break;
    case ITEM_ZONE_PAINT:
        if (an->credit >= 0.8)
            snprintf(head, hs, "\xE2\x9C\x93 A close match: %d%% credit", pct);
        else if (an->credit > 0)
            snprintf(head, hs, "\xE2\x97\x90 Partly right: %d%% credit", pct);
        else
            snprintf(head, hs, "\xE2\x9C\x97 No overlap with the pattern");
        snprintf(body, bs,
                 "Solid green: painted and in the pattern. Red hatching: part of the pattern you did not paint. "
                 "Pale blue: painted outside it. The essential zone counts more than the spillover.");
        break;
    case ITEM_LOCATE_ALL: {
        int found = 0;
        for (int t = 0; t < it->n_targets; t++)
            found += an->match && an->match[t] >= 0;
        snprintf(head, hs, "%s %d of %d trigger points found: %d%% credit",
                 an->credit >= 0.999 ? "\xE2\x9C\x93" : an->credit > 0 ? "\xE2\x97\x90" : "\xE2\x9C\x97", found,
                 it->n_targets, pct);
        snprintf(body, bs,
                 "Green X: found, with a line to your mark. Red X: missed. Each point counts once; marks that "
                 "match no point lower the score.");
        break;
    }
    default: {
        const Question *q = &m->questions[it->question];
        if (an->credit >= 0.999)
            snprintf(head, hs, "\xE2\x9C\x93 Correct");
        else if (an->credit > 0)
            snprintf(head, hs, "\xE2\x97\x90 Partly correct: %d%% credit", pct);
        else
            snprintf(head, hs, "\xE2\x9C\x97 Not correct");
        snprintf(body, bs, "%s", q->explain ? q->explain : "");
        break;
    }
    }
    /* A lesson's chart question: the lesson's own explanation after the
     * chart's feedback. */
    size_t used = strlen(body);
    if (it->asked && it->asked->explain && it->asked->explain[0] && used + 2 < bs)
        snprintf(body + used, bs - used, " %s", it->asked->explain);
}

/* What the session is, for titles: "Module quiz · Trapezius". */
static void run_title(const App *a, char *buf, size_t size)
{
    const Session *s = a->run.session;
    if (session_mode(s) == SESSION_REVIEW)
        snprintf(buf, size, "Spaced review");
    else if (a->run.misses)
        snprintf(buf, size, "Practice \xC2\xB7 Your misses");
    else if (a->run.protocol)
        snprintf(buf, size, "Practice \xC2\xB7 %s", a->run.protocol->title);
    else
        snprintf(buf, size, "%s \xC2\xB7 %s", session_mode(s) == SESSION_QUIZ ? "Module quiz" : "Practice",
                 a->module ? a->module->name : "");
}

/* In a review's summary, when item it comes back ("back in 3 days") into
 * buf; returns the width it takes at the row's right end (0 if none). */
static int review_note(const App *a, const Item *it, bool review, char *buf, size_t size)
{
    buf[0] = 0;
    const ReviewCard *card = review && a->review ? review_find(a->review, it->key) : NULL;
    if (!card)
        return 0;
    char when[64];
    app_when_text(card->due_s - app_now_ms(a) / 1000, when, sizeof when);
    snprintf(buf, size, "back %s", when);
    return ren_text_width(a->ren, FONT_SMALL, buf) + ui_px(&a->ui, 24);
}

/* The height of summary row i: its question wrapped to text_w (less the
 * review note), at least one row. */
static int summary_row_height(App *a, int i, bool review, int text_w, int row)
{
    const Item *it = session_item(a->run.session, i);
    char back[80];
    text_w -= review_note(a, it, review, back, sizeof back);
    int h = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, text_w, THEME_TEXT, it->prompt, false, 0, 0) + ui_px(&a->ui, 10);
    return h > row ? h : row;
}

static void summary(App *a, SDL_Rect area)
{
    Ui *ui = &a->ui;
    finish(a);
    int pad = ui_px(ui, 32);
    SDL_Rect panel = {pad, area.y + pad, area.w - 2 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    int x = panel.x + ui_px(ui, 28), y = panel.y + ui_px(ui, 24);
    double score = session_score(a->run.session);
    char line[300];
    snprintf(line, sizeof line, "%d%%", (int)lround(score * 100));
    int pass = a->course ? a->course->module_pass_mark : 80;
    SDL_Color sc = score * 100 + 1e-9 >= pass ? THEME_GOOD : THEME_PARTIAL;
    int w = ren_text(a->ren, FONT_TITLE, x, y, sc, line);
    int n = session_item_count(a->run.session), full = 0;
    for (int i = 0; i < n; i++)
        full += session_answer(a->run.session, i)->credit >= 0.999;
    bool quiz = session_mode(a->run.session) == SESSION_QUIZ;
    bool review = session_mode(a->run.session) == SESSION_REVIEW;
    const Protocol *prot = quiz || review ? NULL : a->run.protocol;
    bool passed = score * 100 + 1e-9 >= pass;
    snprintf(line, sizeof line, "%s \xC2\xB7 %d of %d items with full credit",
             quiz ? "Quiz score" : review ? "Review score" : "Practice score", full, n);
    ren_text(a->ren, FONT_BODY, x + w + ui_px(ui, 16),
             y + ren_text_height(a->ren, FONT_TITLE) - ren_text_height(a->ren, FONT_BODY) - ui_px(ui, 2),
             THEME_TEXT, line);
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 4);
    if (review)
        snprintf(line, sizeof line,
                 "Each item comes back when it is due: a miss the next day, an item you know after growing "
                 "intervals.");
    else if (quiz)
        snprintf(line, sizeof line,
                 passed ? "\xE2\x9C\x93 Passed: the module pass mark is %d%%. This counts toward certification."
                        : "\xE2\x9C\x97 Not passed: the module pass mark is %d%%. Study, practise and take the quiz again.",
                 pass);
    else if (a->run.misses)
        snprintf(line, sizeof line,
                 "The items you missed, practised again; each also comes back in spaced review. Practice is not "
                 "recorded for certification.");
    else if (prot)
        snprintf(line, sizeof line, "Items drawn evenly from the muscles of the %s protocol. Practice is not recorded for certification.",
                 prot->title);
    else
        snprintf(line, sizeof line,
                 passed ? "At or above the module pass mark of %d%%. Practice is not recorded for certification."
                        : "Below the module pass mark of %d%%. Study the chart again and practise once more.",
                 pass);
    ren_text(a->ren, quiz ? FONT_BOLD : FONT_SMALL, x, y, quiz ? (passed ? THEME_GOOD : THEME_BAD) : THEME_MUTED, line);
    y += ren_text_height(a->ren, quiz ? FONT_BOLD : FONT_SMALL) + ui_px(ui, 16);
    if (quiz && a->run.record_error[0]) {
        SDL_Rect retry = {panel.x + panel.w - ui_px(ui, 28) - ui_px(ui, 140), y - ui_px(ui, 6), ui_px(ui, 140),
                          ui_px(ui, 34)};
        ren_text_fit(a->ren, FONT_SMALL, x, y, retry.x - x - ui_px(ui, 10), THEME_BAD, a->run.record_error);
        if (ui_button(ui, retry, "Try again", BUTTON_SECONDARY)) {
            record_quiz(a);
            a->redraw = true;
        }
        y += ui_px(ui, 36);
    }

    SDL_Rect list = {x, y, panel.w - ui_px(ui, 56), panel.y + panel.h - y - ui_px(ui, 80)};
    /* A row a question; a long question wraps (its row grows) rather than
     * being cut. The rows' heights are measured first, for the scrollbar. */
    int row = ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 10);
    int chip_w = ui_px(ui, 64);
    int content_h = 0;
    for (int i = 0; i < n; i++)
        content_h += summary_row_height(a, i, review, list.w - chip_w - ui_px(ui, 30), row);
    ui_scroll(ui, list, &a->run.summary_scroll, content_h);
    ren_clip(a->ren, list);
    int open = -1;
    int ry = list.y - a->run.summary_scroll;
    for (int i = 0; i < n; i++) {
        const Item *it = session_item(a->run.session, i);
        const Answer *an = session_answer(a->run.session, i);
        int rh = summary_row_height(a, i, review, list.w - chip_w - ui_px(ui, 30), row);
        int top = ry;
        ry += rh;
        if (top + rh < list.y || top > list.y + list.h)
            continue;
        /* A row opens its item in the answer review. */
        SDL_Rect rr = {list.x - ui_px(ui, 6), top, list.w + ui_px(ui, 6), rh - ui_px(ui, 2)}, hit;
        char label[48];
        snprintf(label, sizeof label, "Review item %d", i + 1);
        if (SDL_IntersectRect(&rr, &list, &hit)) {
            if (ui_hover(ui, hit))
                ren_fill_round_rect(a->ren, rr, ui_px(ui, 6), THEME_PANEL_ALT);
            if (ui_clickable(ui, hit, label))
                open = i;
        }
        SDL_Rect chip = {list.x, top + ui_px(ui, 2), chip_w, row - ui_px(ui, 6)};
        ren_fill_round_rect(a->ren, chip, ui_px(ui, 4), theme_credit_light(an->credit));
        snprintf(line, sizeof line, "%d%%", (int)lround(an->credit * 100));
        int cw = ren_text_width(a->ren, FONT_BOLD, line);
        ren_text(a->ren, FONT_BOLD, chip.x + (chip.w - cw) / 2, top + ui_px(ui, 4), theme_credit_colour(an->credit), line);
        char back[80];
        int text_w = list.w - chip.w - ui_px(ui, 30) - review_note(a, it, review, back, sizeof back);
        if (back[0])
            ren_text(a->ren, FONT_SMALL, list.x + list.w - ren_text_width(a->ren, FONT_SMALL, back) - ui_px(ui, 8),
                     top + ui_px(ui, 6), THEME_MUTED, back);
        ren_text_wrapped(a->ren, FONT_BODY, list.x + chip.w + ui_px(ui, 14), top + ui_px(ui, 4), text_w, THEME_TEXT,
                         it->prompt, true, list.y, list.y + list.h);
    }
    ren_unclip(a->ren);
    int bw = ui_px(ui, 200), bh = ui_px(ui, 44);
    SDL_Rect again = {panel.x + panel.w - ui_px(ui, 28) - bw, panel.y + panel.h - ui_px(ui, 24) - bh, bw, bh};
    SDL_Rect back = {again.x - bw - ui_px(ui, 12), again.y, bw, bh};
    SDL_Rect study = {back.x - bw - ui_px(ui, 12), again.y, bw, bh};
    /* Every item with the right answer on its chart: the answer review. */
    SDL_Rect answers = {x, again.y, ui_px(ui, 190), bh};
    if (answers.x + answers.w > study.x - ui_px(ui, 8))
        answers.w = study.x - ui_px(ui, 8) - answers.x;
    if (ui_button(ui, answers, "Review answers", BUTTON_SECONDARY) && open < 0)
        open = 0;
    if (open >= 0) {
        char title[300];
        run_title(a, title, sizeof title);
        answer_review_open_session(a, a->run.session, open, SCREEN_PRACTICE, title);
        return;
    }
    if (a->run.misses) {
        if (ui_button(ui, again, "Back to courses", BUTTON_SECONDARY))
            app_go(a, SCREEN_HOME);
        return;
    }
    if (review) {
        if (ui_button(ui, back, "Back to courses", BUTTON_SECONDARY))
            app_go(a, SCREEN_HOME);
        int due = app_review_due(a, NULL);
        char more[64];
        snprintf(more, sizeof more, due > 0 ? "Review due (%d)" : "Nothing more due", due);
        if (ui_button(ui, again, more, due > 0 ? BUTTON_PRIMARY : BUTTON_DISABLED) && due > 0)
            app_start_review(a);
        return;
    }
    if (prot) {
        if (ui_button(ui, back, "Back to the protocol", BUTTON_SECONDARY)) {
            screen_protocols_show(a, prot);
            app_go(a, SCREEN_PROTOCOLS);
        } else if (ui_button(ui, again, "Practise again", BUTTON_PRIMARY)) {
            app_start_protocol_practice(a, prot);
        }
        return;
    }
    bool lesson = a->module && a->module->kind == MODULE_LESSON;
    if (ui_button(ui, study, lesson ? "Read the lesson" : "Study the module", BUTTON_SECONDARY)) {
        a->study_return = SCREEN_MODULES;
        app_go(a, SCREEN_STUDY);
    }
    if (ui_button(ui, back, "Back to modules", BUTTON_SECONDARY))
        app_go(a, SCREEN_MODULES);
    if (ui_button(ui, again, quiz ? "Quiz again" : "Practise again", BUTTON_PRIMARY)) {
        if (quiz)
            app_start_quiz(a, a->module);
        else
            app_start_practice(a, a->module);
    }
}

/* Where Back leads from a session. */
static ScreenId back_screen(const App *a)
{
    if (session_mode(a->run.session) == SESSION_REVIEW || a->run.misses)
        return SCREEN_HOME;
    return session_mode(a->run.session) == SESSION_PRACTICE && a->run.protocol ? SCREEN_PROTOCOLS : SCREEN_MODULES;
}

/* Back before the end: with answers given, ask first (leave_dialog). */
static void leave(App *a)
{
    Session *s = a->run.session;
    if (!session_finished(s) && session_answered_count(s) > 0) {
        leave_st.session = s;
        leave_st.confirm = true;
        a->redraw = true;
        return;
    }
    app_go(a, back_screen(a));
}

static void leave_dialog(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    Session *s = a->run.session;
    SessionMode mode = session_mode(s);
    int n = session_answered_count(s);
    ren_fill_rect(a->ren, all, COLA(0x10, 0x20, 0x24, 0x90));
    SDL_Rect box = {all.w / 2 - ui_px(ui, 280), all.h / 2 - ui_px(ui, 105), ui_px(ui, 560), ui_px(ui, 210)};
    ren_fill_round_rect(a->ren, box, ui_px(ui, 12), THEME_PANEL);
    int x = box.x + ui_px(ui, 28), y = box.y + ui_px(ui, 24), w = box.w - ui_px(ui, 56);
    const char *what = mode == SESSION_QUIZ ? "quiz" : mode == SESSION_REVIEW ? "review" : "practice";
    char line[300];
    snprintf(line, sizeof line, "Leave this %s?", what);
    ren_text(a->ren, FONT_HEADING, x, y, THEME_TEXT, line);
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 10);
    bool one = n == 1;
    int open = session_item_count(s) - n;
    if (mode == SESSION_QUIZ)
        snprintf(line, sizeof line,
                 "Your %d %s so far %s not recorded as a quiz attempt: only a finished quiz counts toward "
                 "certification. %s kept for spaced review.",
                 n, one ? "answer" : "answers", one ? "is" : "are", one ? "It is" : "They are");
    else if (mode == SESSION_REVIEW) /* the items not answered stay where they were: due */
        snprintf(line, sizeof line, "Your %d %s so far %s kept for spaced review. The %d unanswered item%s %s due.", n,
                 one ? "answer" : "answers", one ? "is" : "are", open, open == 1 ? "" : "s",
                 open == 1 ? "stays" : "stay");
    else
        snprintf(line, sizeof line, "Your %d %s so far %s kept for spaced review. The %d unanswered item%s %s not.", n,
                 one ? "answer" : "answers", one ? "is" : "are", open, open == 1 ? "" : "s", open == 1 ? "is" : "are");
    ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_TEXT, line, true, 0, all.h);
    int bw = ui_px(ui, 170), bh = ui_px(ui, 44);
    SDL_Rect yes = {box.x + box.w - ui_px(ui, 28) - bw, box.y + box.h - ui_px(ui, 24) - bh, bw, bh};
    SDL_Rect no = {yes.x - bw - ui_px(ui, 12), yes.y, bw, bh};
    const char *stay = mode == SESSION_QUIZ ? "Keep answering" : mode == SESSION_REVIEW ? "Keep reviewing" : "Keep practising";
    if (ui_button(ui, no, stay, BUTTON_PRIMARY) || ui_key(ui, SDLK_ESCAPE)) {
        leave_st.confirm = false;
        a->redraw = true;
    } else if (ui_button(ui, yes, "Leave", BUTTON_SECONDARY)) {
        leave_st.confirm = false;
        app_leave_session(a);
        app_go(a, back_screen(a));
    }
}

static void practice_page(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    Session *s = a->run.session;
    SDL_Rect area;
    char title[300], crumb[200];
    bool review = session_mode(s) == SESSION_REVIEW;
    const Protocol *prot = session_mode(s) == SESSION_PRACTICE ? a->run.protocol : NULL;
    run_title(a, title, sizeof title);
    bool done = session_finished(s);
    if (done)
        snprintf(crumb, sizeof crumb, "Summary");
    else
        snprintf(crumb, sizeof crumb, "Question %d of %d", session_current(s) + 1, session_item_count(s));
    if (chrome_top_bar(a, title, crumb, true, &area)) {
        leave(a);
        return;
    }
    /* Progress strip under the bar. */
    SDL_Rect strip = {0, area.y, all.w, ui_px(ui, 5)};
    ren_fill_rect(a->ren, strip, THEME_BORDER);
    int answered = session_answered_count(s);
    strip.w = all.w * answered / session_item_count(s);
    ren_fill_rect(a->ren, strip, THEME_ACCENT);
    area.y += ui_px(ui, 5);
    area.h -= ui_px(ui, 5);
    if (done) {
        summary(a, area);
        return;
    }
    const Item *it = session_item(s, session_current(s));
    const Answer *an = session_answer(s, session_current(s));
    bool click_item = item_is_click(it), work_item = item_is_workspace(it);
    bool chart_item = click_item || work_item;
    int pad = ui_px(ui, 20);

    /* Right panel: the prompt, the instructions, then the feedback. */
    int left_w = chart_item ? all.w * 55 / 100 : all.w * 58 / 100;
    SDL_Rect side = {left_w + pad, area.y + pad, all.w - left_w - 2 * pad, area.h - 2 * pad};
    SDL_Rect pane = {pad, area.y + pad, left_w - pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, pane, ui_px(ui, 10), THEME_PANEL);
    ren_fill_round_rect(a->ren, side, ui_px(ui, 10), THEME_PANEL);
    int x = side.x + ui_px(ui, 22), y = side.y + ui_px(ui, 20), w = side.w - ui_px(ui, 44);
    const char *kind = item_view_kind_label(it);
    char kind_line[200];
    /* A review or a protocol's practice mixes muscles: say whose item this is. */
    bool mixed = review || prot || a->run.misses;
    snprintf(kind_line, sizeof kind_line, "%s%s%s", kind, mixed ? " \xC2\xB7 " : "", mixed ? it->module->name : "");
    ren_text_fit(a->ren, FONT_SMALL, x, y, w, THEME_ACCENT, kind_line);
    y += ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 8);
    y += ren_text_wrapped(a->ren, FONT_HEADING, x, y, w, THEME_TEXT, it->prompt, true, 0, all.h);
    y += ui_px(ui, 10);
    bool quiz = session_mode(s) == SESSION_QUIZ;
    if (an->answered && quiz) {
        const char *msg = "Answer recorded. At the end of the quiz you can review every answer beside the right one.";
        int bh = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, w - ui_px(ui, 24), THEME_TEXT, msg, false, 0, 0);
        SDL_Rect box = {x - ui_px(ui, 4), y, w + ui_px(ui, 8), bh + ui_px(ui, 20)};
        ren_fill_round_rect(a->ren, box, ui_px(ui, 8), THEME_ACCENT_LIGHT);
        ren_text_wrapped(a->ren, FONT_BODY, x + ui_px(ui, 8), y + ui_px(ui, 10), w - ui_px(ui, 24), THEME_TEXT, msg,
                         true, 0, all.h);
    } else if (!an->answered) {
        const char *hint = click_item ? "Click on the chart (or move a crosshair with the arrow keys and press Enter). Your first answer counts."
                           : it->type == ITEM_ZONE_PAINT
                               ? "Press and drag on the chart to paint where the pain goes. Erase, Undo and Clear fix mistakes. Then check."
                           : it->type == ITEM_LOCATE_ALL
                               ? "Click to place a mark on each trigger point; click a mark to remove it. Then check."
                           : it->type == ITEM_MULTI
                               ? "Select every correct option (or press their numbers), then check."
                               : "Select one option (or press its number), then check.";
        y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, hint, true, 0, all.h);
    } else {
        char head[300], body[2048];
        practice_feedback(a, it, an, head, sizeof head, body, sizeof body);
        /* What the miss landed on, under the credit line. */
        char miss[400];
        const Module *other = NULL;
        item_view_miss(a, it, an, miss, sizeof miss, &other);
        /* The credit line wraps in a narrow panel ("2 of 3 trigger points
         * found: 67% credit" ran past the box at 960x640). */
        int hh = ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, w - ui_px(ui, 24), THEME_TEXT, head, false, 0, 0) +
                 ui_px(ui, 12);
        int mh = miss[0] ? ren_text_wrapped(a->ren, FONT_BOLD, 0, 0, w - ui_px(ui, 24), THEME_TEXT, miss, false, 0, 0) +
                               ui_px(ui, 6)
                         : 0;
        int bh = ren_text_wrapped(a->ren, FONT_BODY, 0, 0, w - ui_px(ui, 24), THEME_TEXT, body, false, 0, 0);
        SDL_Rect box = {x - ui_px(ui, 4), y, w + ui_px(ui, 8), hh + mh + bh + ui_px(ui, 16)};
        ren_fill_round_rect(a->ren, box, ui_px(ui, 8), theme_credit_light(an->credit));
        ren_text_wrapped(a->ren, FONT_BOLD, x + ui_px(ui, 8), y + ui_px(ui, 8), w - ui_px(ui, 24),
                         theme_credit_colour(an->credit), head, true, 0, all.h);
        if (miss[0])
            ren_text_wrapped(a->ren, FONT_BOLD, x + ui_px(ui, 8), y + hh, w - ui_px(ui, 24), THEME_TEXT, miss, true, 0,
                             all.h);
        ren_text_wrapped(a->ren, FONT_BODY, x + ui_px(ui, 8), y + hh + mh, w - ui_px(ui, 24), THEME_TEXT, body, true,
                         0, all.h);
        y += box.h + ui_px(ui, 10);
        if (other) {
            /* The muscle clicked instead: its study page, and back here. */
            char label[300];
            snprintf(label, sizeof label, "Study %s", other->name);
            int lw = ren_text_width(a->ren, FONT_BODY, label) + ui_px(ui, 32);
            SDL_Rect go = {x, y, lw < w ? lw : w, ui_px(ui, 34)};
            if (ui_button(ui, go, label, BUTTON_SECONDARY)) {
                a->study_back_module = a->module;
                a->module = other;
                a->study_return = SCREEN_PRACTICE;
                app_go(a, SCREEN_STUDY);
                return;
            }
            y += go.h + ui_px(ui, 10);
        }
        if (click_item)
            ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED,
                             it->type != ITEM_ZONE_CLICK
                                 ? "Blue ring: your click. Green X: the trigger point, with its full-credit circle."
                                 : "Blue ring: your click. Red: the referral pattern (solid essential, dotted spillover).",
                             true, 0, all.h);
    }

    /* The answer area (it takes nothing while leaving is being confirmed). */
    bool accept = !an->answered && !leave_st.confirm;
    SDL_Rect inner = {pane.x + ui_px(ui, 12), pane.y + ui_px(ui, 12), pane.w - ui_px(ui, 24), pane.h - ui_px(ui, 24)};
    if (click_item) {
        Vec2 click;
        if (item_view_chart(a, it, an, inner, !quiz, accept, &click)) {
            session_answer_click(s, click, app_now_ms(a));
            a->redraw = true;
        }
    } else if (work_item) {
        if (item_view_workspace(a, it, an, inner, !quiz, accept))
            a->redraw = true;
    } else if (item_view_options(a, it, an, a->run.option_chosen, inner, !quiz && an->answered, accept)) {
        a->redraw = true;
    }

    int bw = ui_px(ui, 200), bh = ui_px(ui, 46);
    SDL_Rect btn = {side.x + side.w - ui_px(ui, 22) - bw, side.y + side.h - ui_px(ui, 20) - bh, bw, bh};
    if (an->answered) {
        bool last = session_current(s) + 1 >= session_item_count(s);
        if (ui_button(ui, btn, last ? "See results" : "Next question", BUTTON_PRIMARY) ||
            ui_key(ui, SDLK_RETURN) || ui_key(ui, SDLK_KP_ENTER)) {
            memset(a->run.option_chosen, 0, sizeof a->run.option_chosen);
            if (session_next(s))
                session_show(s, app_now_ms(a));
            a->redraw = true;
        }
    } else if (work_item) {
        bool any = item_view_work_ready(a);
        if (ui_button(ui, btn, "Check answer", any ? BUTTON_PRIMARY : BUTTON_DISABLED) ||
            (any && (ui_key(ui, SDLK_RETURN) || ui_key(ui, SDLK_KP_ENTER)))) {
            if (it->type == ITEM_ZONE_PAINT)
                session_answer_paint(s, a->work.canvas.cells, &a->work.canvas.grid, app_now_ms(a));
            else
                session_answer_clicks(s, a->work.marks, a->work.n_marks, app_now_ms(a));
            a->redraw = true;
        }
    } else if (!click_item) {
        bool any = false;
        for (int i = 0; i < it->n_options; i++)
            any = any || a->run.option_chosen[i];
        if (ui_button(ui, btn, "Check answer", any ? BUTTON_PRIMARY : BUTTON_DISABLED) ||
            (any && (ui_key(ui, SDLK_RETURN) || ui_key(ui, SDLK_KP_ENTER)))) {
            session_answer_options(s, a->run.option_chosen, app_now_ms(a));
            a->redraw = true;
        }
    }
}

void screen_practice(App *a, SDL_Rect all)
{
    /* The confirmation to leave is modal: the page under it takes no input. */
    bool modal = leave_st.confirm && leave_st.session == a->run.session && !session_finished(a->run.session);
    leave_st.confirm = modal;
    UiHeld held = {0};
    if (modal)
        held = ui_modal_begin(&a->ui);
    practice_page(a, all);
    if (modal) {
        ui_modal_end(&a->ui, held);
        leave_dialog(a, all);
    }
}
