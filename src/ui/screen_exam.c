/* The timed certification exam: intro with the rules, the exam itself
 * (countdown always visible, free navigation, flags, an overview, a
 * confirmed submit, no feedback), and the result.
 *
 * Safety: every answer and flag goes to the exam journal (append + fsync)
 * as it is given; if the disk refuses, the event waits in memory and is
 * retried every frame while a warning says so. The deadline is wall-clock
 * start + limit, kept in the journal, so closing the program does not stop
 * the clock: the next sign-in resumes the exam or, if its time ran out,
 * submits the journaled answers. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "attempt.h"
#include "datafile.h"
#include "exam.h"
#include "item_view.h"
#include "screen_answer_review.h"
#include "app_state.h"
#include "screen_exam.h"
#include "chrome.h"
#include "theme.h"
#include "xapi_thread.h"

/* The state of the exam's pages, kept while the program runs. */
static struct {
    bool overview;     /* the overview/review page is shown */
    bool confirm;      /* the submit confirmation is shown */
    bool auto_submitted; /* submitted by the clock */
    int warned;        /* minutes of the last time warning shown: 5, 1 */
    char journal_error[300];
    int result_scroll;
} exam_st;

/* The journal's state on screen: a warning while answers wait in memory
 * (the disk refused them; exam.c retries), and word when they are all on
 * disk again. */
static void show_journal_state(App *a)
{
    const char *err = a->exam ? exam_run_error(a->exam) : "";
    if (err[0]) {
        snprintf(exam_st.journal_error, sizeof exam_st.journal_error,
                 "Answers cannot be written to disk (%s). They are kept in memory and saving is retried.", err);
    } else if (exam_st.journal_error[0]) {
        /* The warning was copied into the banner: replace it, or it would
         * go on saying answers are not saved after they are. */
        exam_st.journal_error[0] = 0;
        snprintf(a->banner, sizeof a->banner, "Every answer is saved to disk again.");
    }
}

static void journal_event(App *a, JournalEvent e)
{
    if (!a->exam)
        return;
    exam_run_journal(a->exam, e, app_now_ms(a));
    show_journal_state(a);
}

static void sync_selection(App *a)
{
    const Answer *an = session_answer(a->run.session, session_current(a->run.session));
    for (int i = 0; i < SESSION_MAX_OPTIONS; i++)
        a->run.option_chosen[i] = an->answered && an->chosen[i];
}

static void go_to(App *a, int i)
{
    session_goto(a->run.session, i, app_now_ms(a));
    sync_selection(a);
    exam_st.overview = false;
    a->redraw = true;
}

static void set_fullscreen(App *a, bool on)
{
    if (a->cfg->fullscreen_exams)
        SDL_SetWindowFullscreen(a->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

static void format_time(int64_t ms, char *buf, size_t size)
{
    if (ms < 0)
        ms = 0;
    int64_t s = (ms + 999) / 1000;
    if (s >= 3600)
        snprintf(buf, size, "%d:%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
    else
        snprintf(buf, size, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

static void format_date(int64_t unix_s, char *buf, size_t size)
{
    time_t t = (time_t)unix_s;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, size, "%d %b %Y, %H:%M", &tm);
}

/* The screen's state for an exam just started or resumed. */
static void enter_exam(App *a, const Course *c)
{
    a->exam_course = c;
    a->course = c;
    a->run.started_ms = exam_run_started_ms(a->exam);
    exam_st.overview = exam_st.confirm = exam_st.auto_submitted = false;
    a->run.record_saved = false;
    a->run.record_error[0] = exam_st.journal_error[0] = 0;
    exam_st.result_scroll = 0;
    show_journal_state(a);
}

static void banner_from(App *a, const char *what, const Diag *d)
{
    const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
    snprintf(a->banner, sizeof a->banner, "%s (%s).", what, it ? it->message : "unknown error");
    a->redraw = true; /* the banner was drawn before this: show it now */
}

/* The learner's exam files. */
typedef struct {
    char scores[4096], journal[4096];
    ExamFiles files;
} Paths;

static void exam_paths(App *a, Paths *p)
{
    app_learner_path(a, "scores", p->scores, sizeof p->scores);
    app_learner_path(a, "journal", p->journal, sizeof p->journal);
    p->files = (ExamFiles){p->scores, p->journal, a->key};
}

static void exam_submit(App *a, bool auto_submitted);

/* Starts a new attempt at course c's exam. */
static void exam_start(App *a, const Course *c)
{
    int64_t now = app_now_ms(a), wait_until = 0;
    if (!a->have_key || certify_exam_gate(c, a->scores, now / 1000, &wait_until) != EXAM_ALLOWED)
        return;
    uint64_t seed = a->seed_override ? a->seed_override : (uint64_t)now * 2654435761u;
    Paths p;
    exam_paths(a, &p);
    Diag *d = diag_create();
    Session *s = NULL;
    ExamRun *run = exam_run_start(&p.files, c, seed, now, &s, d);
    if (!run) {
        banner_from(a, "The exam cannot start", d);
        diag_free(d);
        return;
    }
    diag_free(d);
    exam_run_free(a->exam);
    session_free(a->run.session);
    a->exam = run;
    a->run.session = s;
    app_reload_scores(a); /* the start record: the attempt counts from now */
    enter_exam(a, c);
    go_to(a, 0);
    set_fullscreen(a, true);
    printf("exam started: course=%s questions=%d seed=%" PRIu64 " start=%d\n", c->id, session_item_count(s),
           seed, exam_run_start_seq(run));
    fflush(stdout);
    app_go(a, SCREEN_EXAM);
}

bool exam_resume_pending(App *a)
{
    if (!a->have_key)
        return false;
    Paths p;
    exam_paths(a, &p);
    Diag *d = diag_create();
    Session *s = NULL;
    ExamResume res;
    int64_t now = app_now_ms(a);
    ExamRun *run = exam_run_resume(&p.files, a->lib, a->scores, now, &s, &res, d);
    diag_sort(d);
    diag_print(d, stderr);
    switch (res.kind) {
    case EXAM_RESUME_NONE:
        break;
    case EXAM_RESUME_SET_ASIDE:
        snprintf(a->banner, sizeof a->banner,
                 "An exam journal with no recorded start was found and set aside; no exam was resumed.");
        break;
    case EXAM_RESUME_NO_COURSE:
        snprintf(a->banner, sizeof a->banner, "An unfinished exam for the course '%s' cannot be resumed: "
                 "the course is not installed on this station.", res.course_id);
        break;
    case EXAM_RESUME_VOIDED:
        printf("exam void: course=%s reason=%s\n", res.course->id, res.why);
        fflush(stdout);
        snprintf(a->banner, sizeof a->banner,
                 "Your unfinished exam was closed as void: its saved answers failed their check. It counts as "
                 "an attempt.");
        app_reload_scores(a);
        break;
    case EXAM_RESUME_FAILED:
        banner_from(a, "Your unfinished exam could not be resumed", d);
        break;
    case EXAM_RESUME_EXPIRED:
    case EXAM_RESUME_RUNNING:
        break;
    }
    diag_free(d);
    if (!run)
        return false;
    exam_run_free(a->exam);
    session_free(a->run.session);
    a->exam = run;
    a->run.session = s;
    enter_exam(a, res.course);
    if (res.kind == EXAM_RESUME_EXPIRED) {
        printf("exam expired while closed: course=%s answered=%d\n", res.course->id, session_answered_count(s));
        fflush(stdout);
        exam_submit(a, true);
        snprintf(a->banner, sizeof a->banner,
                 "Your exam's time ran out while the program was closed: the answers you gave were submitted.");
        return true;
    }
    int64_t left_ms = exam_run_remaining(run, now);
    exam_st.warned = left_ms <= 60000 ? 1 : left_ms <= 300000 ? 5 : 0;
    go_to(a, 0);
    set_fullscreen(a, true);
    char left[32];
    format_time(left_ms, left, sizeof left);
    printf("exam resumed: course=%s answered=%d remaining=%s\n", res.course->id, session_answered_count(s), left);
    fflush(stdout);
    snprintf(a->banner, sizeof a->banner, "Your unfinished exam was resumed with %s left.%s", left,
             res.had_journal ? " No answer was lost." : "");
    app_go(a, SCREEN_EXAM);
    return true;
}

static void save_record(App *a)
{
    if (!a->exam)
        return;
    const Course *c = a->exam_course;
    Diag *d = diag_create();
    if (exam_run_submit(a->exam, app_now_ms(a), exam_st.auto_submitted, d) == 0) {
        a->run.record_saved = true;
        xapi_thread_poke(a->xapi);
        a->run.record_error[0] = 0;
        printf("exam recorded: course=%s score=%.1f%% passed=%s auto=%s\n", c->id,
               exam_run_score(a->exam) * 100, exam_run_passed(a->exam) ? "yes" : "no",
               exam_st.auto_submitted ? "yes" : "no");
        fflush(stdout);
        exam_run_free(a->exam);
        a->exam = NULL;
        exam_st.journal_error[0] = 0;
        app_reload_scores(a);
    } else {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(a->run.record_error, sizeof a->run.record_error,
                 "Your result could not be saved yet (%s). Your answers are safe in the exam journal.",
                 it ? it->message : "unknown error");
    }
    diag_sort(d);
    diag_print(d, stderr);
    diag_free(d);
}

/* The time warnings: they belong to the running exam, never to its result. */
static const char ONE_MINUTE_LEFT[] = "One minute left. Your answers are submitted when the time is up.";
static const char FIVE_MINUTES_LEFT[] = "Five minutes left.";

/* Records the exam (auto_submitted at the deadline) and shows its result. */
static void exam_submit(App *a, bool auto_submitted)
{
    if (!a->run.session || !a->exam)
        return;
    exam_st.auto_submitted = auto_submitted;
    exam_st.confirm = false;
    set_fullscreen(a, false);
    /* Answers are final from here (exam_run_submit submits the session at
     * once, even if the record has to wait for the disk). */
    if (!strcmp(a->banner, ONE_MINUTE_LEFT) || !strcmp(a->banner, FIVE_MINUTES_LEFT))
        a->banner[0] = 0; /* a problem saving the record below may set its own */
    save_record(a);
    if (!session_finished(a->run.session))
        session_submit(a->run.session, app_now_ms(a));
    app_review_session(a, a->run.session);
    app_go(a, SCREEN_EXAM_RESULT);
}

/* ---- intro ------------------------------------------------------------ */

void screen_exam_intro(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Course *c = a->exam_course;
    SDL_Rect area;
    if (chrome_top_bar(a, "Certification exam", c->title, true, &area)) {
        app_go(a, SCREEN_MODULES);
        return;
    }
    int pad = ui_px(ui, 32);
    SDL_Rect panel = {all.w / 2 - ui_px(ui, 380), area.y + pad, ui_px(ui, 760), area.h - 2 * pad};
    if (panel.x < pad) {
        panel.x = pad;
        panel.w = all.w - 2 * pad;
    }
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    int x = panel.x + ui_px(ui, 32), y = panel.y + ui_px(ui, 28), w = panel.w - ui_px(ui, 64);
    char line[400];
    snprintf(line, sizeof line, "%s certification exam", c->title);
    ren_text(a->ren, FONT_TITLE, x, y, THEME_ACCENT_DARK, line);
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 16);

    int64_t now = app_now_ms(a), wait_until = 0;
    ExamGate gate = certify_exam_gate(c, a->scores, now / 1000, &wait_until);
    CertStatus cs = app_cert_status(a, c);
    char attempts[80];
    if (c->exam.attempts == 0)
        snprintf(attempts, sizeof attempts, "unlimited");
    else
        snprintf(attempts, sizeof attempts, "%d of %d left", cs.exam_attempts_left < 0 ? 0 : cs.exam_attempts_left,
                 c->exam.attempts);
    const char *labels[] = {"Time limit", "Questions", "Pass mark", "Attempts", "Wait between attempts"};
    char values[5][80];
    snprintf(values[0], sizeof values[0], "%d minutes", c->exam.time_limit_min);
    snprintf(values[1], sizeof values[1], "%d, drawn from every module", c->exam.questions);
    snprintf(values[2], sizeof values[2], "%d%%", c->exam.pass_mark);
    snprintf(values[3], sizeof values[3], "%s", attempts);
    snprintf(values[4], sizeof values[4], "%d hour%s", c->exam.wait_hours, c->exam.wait_hours == 1 ? "" : "s");
    for (int i = 0; i < 5; i++) {
        ren_text(a->ren, FONT_BODY, x, y, THEME_MUTED, labels[i]);
        ren_text(a->ren, FONT_BOLD, x + ui_px(ui, 240), y, THEME_TEXT, values[i]);
        y += ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 8);
    }
    y += ui_px(ui, 12);
    y += ren_text_wrapped(a->ren, FONT_BODY, x, y, w, THEME_TEXT,
                          "- The countdown starts when you press Start and keeps running even if the program is "
                          "closed: it resumes where you left off.\n"
                          "- There is no feedback during the exam. Move freely between questions, change answers "
                          "and flag any to come back to.\n"
                          "- When the time is up, your answers are submitted automatically.",
                          true, 0, all.h);
    y += ui_px(ui, 20);
    if (cs.modules_passed < cs.modules_total) {
        snprintf(line, sizeof line,
                 "You have passed %d of %d module quizzes. You may take the exam now; certification also needs "
                 "every module quiz passed.",
                 cs.modules_passed, cs.modules_total);
        y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, line, true, 0, all.h) + ui_px(ui, 12);
    }
    certify_status_free(&cs);
    const char *refusal = NULL;
    char when[64], msg[300];
    switch (gate) {
    case EXAM_NO_ATTEMPTS_LEFT:
        refusal = "You have used every attempt this course allows. Ask your instructor.";
        break;
    case EXAM_TOO_SOON:
        format_date(wait_until, when, sizeof when);
        snprintf(msg, sizeof msg, "The next attempt is allowed from %s (%d hour%s after the last one).", when,
                 c->exam.wait_hours, c->exam.wait_hours == 1 ? "" : "s");
        refusal = msg;
        break;
    case EXAM_ALREADY_PASSED:
        refusal = "You have already passed this exam.";
        break;
    default:
        break;
    }
    SDL_Rect start = {panel.x + panel.w - ui_px(ui, 32) - ui_px(ui, 200), panel.y + panel.h - ui_px(ui, 28) - ui_px(ui, 48),
                      ui_px(ui, 200), ui_px(ui, 48)};
    if (refusal) {
        ren_text_wrapped(a->ren, FONT_BOLD, x, y, w, THEME_BAD, refusal, true, 0, all.h);
        ui_button(ui, start, "Start exam", BUTTON_DISABLED);
    } else if (ui_button(ui, start, "Start exam", BUTTON_PRIMARY)) {
        exam_start(a, c);
    }
}

/* ---- the exam ---------------------------------------------------------- */

static void overview(App *a, SDL_Rect area)
{
    Ui *ui = &a->ui;
    Session *s = a->run.session;
    int n = session_item_count(s);
    int x = area.x + ui_px(ui, 24), y = area.y + ui_px(ui, 20);
    ren_text(a->ren, FONT_HEADING, x, y, THEME_TEXT, "Overview");
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 4);
    int answered = session_answered_count(s), flagged = 0;
    for (int i = 0; i < n; i++)
        flagged += session_flagged(s, i);
    char line[200];
    snprintf(line, sizeof line, "%d answered \xC2\xB7 %d unanswered \xC2\xB7 %d flagged. Select a question to go to it.",
             answered, n - answered, flagged);
    ren_text(a->ren, FONT_BODY, x, y, THEME_MUTED, line);
    y += ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 16);
    int cell = ui_px(ui, 64), gap = ui_px(ui, 10);
    int cols = (area.w - 2 * ui_px(ui, 24) + gap) / (cell + gap);
    if (cols < 1)
        cols = 1;
    for (int i = 0; i < n; i++) {
        SDL_Rect r = {x + (i % cols) * (cell + gap), y + (i / cols) * (cell + gap), cell, cell};
        const Answer *an = session_answer(s, i);
        bool fl = session_flagged(s, i);
        SDL_Color bg = an->answered ? THEME_ACCENT : THEME_PANEL;
        SDL_Color fg = an->answered ? THEME_ON_ACCENT : THEME_ACCENT_DARK;
        ren_fill_round_rect(a->ren, r, ui_px(ui, 8), fl ? THEME_FOCUS : THEME_ACCENT);
        int b = ui_px(ui, fl ? 3 : 1);
        SDL_Rect in = {r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b};
        ren_fill_round_rect(a->ren, in, ui_px(ui, 8), bg);
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        int tw = ren_text_width(a->ren, FONT_BOLD, num), th = ren_text_height(a->ren, FONT_BOLD);
        ren_text(a->ren, FONT_BOLD, r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2 - ui_px(ui, 6), fg, num);
        const char *mark = fl ? "\xE2\x9A\x91 flag" : an->answered ? "done" : "open";
        int mw = ren_text_width(a->ren, FONT_SMALL, mark);
        ren_text(a->ren, FONT_SMALL, r.x + (r.w - mw) / 2, r.y + r.h / 2 + ui_px(ui, 4), fg, mark);
        char label[40];
        snprintf(label, sizeof label, "Question %d", i + 1);
        if (ui_clickable(ui, r, label))
            go_to(a, i);
    }
}

static void confirm_dialog(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    ren_fill_rect(a->ren, all, COLA(0x10, 0x20, 0x24, 0x90));
    SDL_Rect box = {all.w / 2 - ui_px(ui, 280), all.h / 2 - ui_px(ui, 120), ui_px(ui, 560), ui_px(ui, 240)};
    ren_fill_round_rect(a->ren, box, ui_px(ui, 12), THEME_PANEL);
    int x = box.x + ui_px(ui, 28), y = box.y + ui_px(ui, 24);
    ren_text(a->ren, FONT_HEADING, x, y, THEME_TEXT, "Submit the exam now?");
    y += ren_text_height(a->ren, FONT_HEADING) + ui_px(ui, 10);
    Session *s = a->run.session;
    int n = session_item_count(s), answered = session_answered_count(s), flagged = 0;
    for (int i = 0; i < n; i++)
        flagged += session_flagged(s, i);
    char line[300];
    snprintf(line, sizeof line,
             "%d of %d questions answered, %d flagged. After submitting you cannot change any answer.", answered, n,
             flagged);
    ren_text_wrapped(a->ren, FONT_BODY, x, y, box.w - ui_px(ui, 56), THEME_TEXT, line, true, 0, all.h);
    int bw = ui_px(ui, 170), bh = ui_px(ui, 44);
    SDL_Rect yes = {box.x + box.w - ui_px(ui, 28) - bw, box.y + box.h - ui_px(ui, 24) - bh, bw, bh};
    SDL_Rect no = {yes.x - bw - ui_px(ui, 12), yes.y, bw, bh};
    if (ui_button(ui, no, "Keep working", BUTTON_SECONDARY) || ui_key(ui, SDLK_ESCAPE)) {
        exam_st.confirm = false;
        a->redraw = true;
    }
    if (ui_button(ui, yes, "Submit exam", BUTTON_PRIMARY))
        exam_submit(a, false);
}

void screen_exam(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    Session *s = a->run.session;
    const Course *c = a->exam_course;
    int64_t now = app_now_ms(a);
    if (!a->exam) { /* no exam running (recorded already) */
        app_go(a, SCREEN_HOME);
        return;
    }
    int64_t left = exam_run_tick(a->exam, now);
    if (left <= 0) {
        exam_submit(a, true);
        return;
    }
    if (exam_run_error(a->exam)[0]) {
        exam_run_flush(a->exam);
        show_journal_state(a);
    }
    if (left <= 60000 && exam_st.warned != 1) {
        exam_st.warned = 1;
        snprintf(a->banner, sizeof a->banner, "%s", ONE_MINUTE_LEFT);
    } else if (left <= 300000 && left > 60000 && exam_st.warned != 5 && exam_st.warned != 1) {
        exam_st.warned = 5;
        snprintf(a->banner, sizeof a->banner, "%s", FIVE_MINUTES_LEFT);
    }
    if (exam_st.journal_error[0])
        snprintf(a->banner, sizeof a->banner, "%s", exam_st.journal_error);
    SDL_Rect area;
    char title[200];
    snprintf(title, sizeof title, "Certification exam \xC2\xB7 %s", c->title);
    chrome_top_bar(a, title, "", false, &area);
    /* The countdown, always visible at the bar's right. */
    char clock[32], text[64];
    /* Reduce motion: no second ticking by until the last two minutes. */
    if (a->settings.reduce_motion && left > 120000)
        snprintf(clock, sizeof clock, "%d min", (int)((left + 59999) / 60000));
    else
        format_time(left, clock, sizeof clock);
    snprintf(text, sizeof text, "Time left %s", clock);
    int tw = ren_text_width(a->ren, FONT_HEADING, text);
    int bar_h = ui_px(ui, 56);
    SDL_Rect pill = {all.w - ui_px(ui, 20) - tw - ui_px(ui, 28), ui_px(ui, 8), tw + ui_px(ui, 28), bar_h - ui_px(ui, 16)};
    ren_fill_round_rect(a->ren, pill, pill.h / 2, left <= 300000 ? THEME_BAD : THEME_ACCENT);
    ren_text(a->ren, FONT_HEADING, pill.x + ui_px(ui, 14), pill.y + (pill.h - ren_text_height(a->ren, FONT_HEADING)) / 2,
             THEME_ON_ACCENT, text);

    int pad = ui_px(ui, 20);
    int cur = session_current(s), n = session_item_count(s);
    /* The confirmation is modal: what lies under it takes no input. */
    bool modal = exam_st.confirm;
    UiHeld held = {0};
    if (modal)
        held = ui_modal_begin(ui);
    if (exam_st.overview) {
        SDL_Rect panel = {pad, area.y + pad, all.w - 2 * pad, area.h - 2 * pad - ui_px(ui, 64)};
        ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
        overview(a, panel);
        int bw = ui_px(ui, 200), bh = ui_px(ui, 46);
        SDL_Rect submit = {all.w - pad - bw, all.h - pad - bh, bw, bh};
        SDL_Rect back = {submit.x - bw - ui_px(ui, 12), submit.y, bw, bh};
        if (ui_button(ui, back, "Back to question", BUTTON_SECONDARY) || ui_key(ui, SDLK_ESCAPE))
            go_to(a, cur);
        if (ui_button(ui, submit, "Submit exam\xE2\x80\xA6", BUTTON_PRIMARY)) {
            exam_st.confirm = true;
            a->redraw = true;
        }
    } else {
        const Item *it = session_item(s, cur);
        const Answer *an = session_answer(s, cur);
        bool click_item = item_is_click(it), work_item = item_is_workspace(it);
        int left_w = all.w * (click_item || work_item ? 55 : 58) / 100;
        SDL_Rect pane = {pad, area.y + pad, left_w - pad, area.h - 2 * pad};
        SDL_Rect side = {left_w + pad, area.y + pad, all.w - left_w - 2 * pad, area.h - 2 * pad};
        ren_fill_round_rect(a->ren, pane, ui_px(ui, 10), THEME_PANEL);
        ren_fill_round_rect(a->ren, side, ui_px(ui, 10), THEME_PANEL);
        int x = side.x + ui_px(ui, 22), y = side.y + ui_px(ui, 20), w = side.w - ui_px(ui, 44);
        char head[120];
        snprintf(head, sizeof head, "QUESTION %d OF %d%s", cur + 1, n, session_flagged(s, cur) ? "  \xE2\x9A\x91 FLAGGED" : "");
        ren_text(a->ren, FONT_SMALL, x, y, session_flagged(s, cur) ? THEME_PARTIAL : THEME_ACCENT, head);
        y += ren_text_height(a->ren, FONT_SMALL) + ui_px(ui, 8);
        y += ren_text_wrapped(a->ren, FONT_HEADING, x, y, w, THEME_TEXT, it->prompt, true, 0, all.h) + ui_px(ui, 10);
        const char *hint = click_item ? (an->answered ? "Answered. Click elsewhere on the chart to change your answer."
                                                      : "Click on the chart to answer. You can change it until you submit.")
                           : it->type == ITEM_ZONE_PAINT ? "Paint where the pain goes (press and drag). Each stroke is saved as you go."
                           : it->type == ITEM_LOCATE_ALL ? "Click to place a mark on each trigger point; click a mark to remove it. Saved as you go."
                           : it->type == ITEM_MULTI ? "Select every correct option (or press their numbers). Your selection is saved as you go."
                                                    : "Select one option (or press its number). Your selection is saved as you go.";
        y += ren_text_wrapped(a->ren, FONT_SMALL, x, y, w, THEME_MUTED, hint, true, 0, all.h);

        SDL_Rect inner = {pane.x + ui_px(ui, 12), pane.y + ui_px(ui, 12), pane.w - ui_px(ui, 24), pane.h - ui_px(ui, 24)};
        if (!exam_st.confirm) {
            if (click_item) {
                Vec2 p;
                if (item_view_chart(a, it, an, inner, false, true, &p)) {
                    session_set_click(s, cur, p, app_now_ms(a));
                    journal_event(a, (JournalEvent){.op = JOURNAL_CLICK, .item = cur, .click = p});
                    a->redraw = true;
                }
            } else if (work_item) {
                if (item_view_workspace(a, it, an, inner, false, true)) {
                    bool any = item_view_work_ready(a);
                    if (!any) {
                        session_clear(s, cur);
                        journal_event(a, (JournalEvent){.op = JOURNAL_CLEAR, .item = cur});
                    } else if (it->type == ITEM_ZONE_PAINT) {
                        session_set_paint(s, cur, a->work.canvas.cells, &a->work.canvas.grid, app_now_ms(a));
                        journal_event(a, (JournalEvent){.op = JOURNAL_PAINT, .item = cur, .grid = a->work.canvas.grid,
                                                        .cells = a->work.canvas.cells});
                    } else {
                        session_set_clicks(s, cur, a->work.marks, a->work.n_marks, app_now_ms(a));
                        journal_event(a, (JournalEvent){.op = JOURNAL_CLICKS, .item = cur, .n_clicks = a->work.n_marks,
                                                        .clicks = a->work.marks});
                    }
                    a->redraw = true;
                }
            } else if (item_view_options(a, it, an, a->run.option_chosen, inner, false, true)) {
                unsigned bits = 0;
                for (int k = 0; k < it->n_options; k++)
                    if (a->run.option_chosen[k])
                        bits |= 1u << k;
                if (bits) {
                    session_set_options(s, cur, a->run.option_chosen, app_now_ms(a));
                    journal_event(a, (JournalEvent){.op = JOURNAL_OPTIONS, .item = cur, .options = bits});
                } else {
                    session_clear(s, cur);
                    journal_event(a, (JournalEvent){.op = JOURNAL_CLEAR, .item = cur});
                }
                a->redraw = true;
            }
        } else if (click_item) {
            item_view_chart(a, it, an, inner, false, false, NULL);
        } else if (work_item) {
            item_view_workspace(a, it, an, inner, false, false);
        } else {
            item_view_options(a, it, an, a->run.option_chosen, inner, false, false);
        }

        /* Navigation and flag at the bottom of the side panel. */
        /* Each button as wide as its label needs, the rest shared. */
        int gap = ui_px(ui, 10), bh = ui_px(ui, 44), need[3];
        const char *widest[3] = {"\xE2\x80\xB9 Previous", "Unflag", "Next \xE2\x80\xBA"};
        int spare = w - 2 * gap;
        for (int k = 0; k < 3; k++)
            spare -= need[k] = ren_text_width(a->ren, FONT_BODY, widest[k]) + ui_px(ui, 24);
        for (int k = 0; k < 3; k++)
            need[k] += spare / 3;
        int by = side.y + side.h - ui_px(ui, 20) - bh;
        SDL_Rect submit = {x, by, w, bh};
        by -= bh + gap;
        SDL_Rect prev = {x, by, need[0], bh};
        SDL_Rect flag = {x + need[0] + gap, by, need[1], bh};
        SDL_Rect next = {flag.x + need[1] + gap, by, x + w - (flag.x + need[1] + gap), bh};
        by -= bh + ui_px(ui, 10);
        SDL_Rect over = {x, by, w, bh};
        if (!exam_st.confirm) {
            if (ui_button(ui, prev, "\xE2\x80\xB9 Previous", cur > 0 ? BUTTON_SECONDARY : BUTTON_DISABLED) ||
                (cur > 0 && ui_key(ui, SDLK_PAGEUP)))
                go_to(a, cur - 1);
            bool fl = session_flagged(s, cur);
            if (ui_button(ui, flag, fl ? "Unflag" : "Flag", fl ? BUTTON_SELECTED : BUTTON_SECONDARY) ||
                ui_key(ui, SDLK_f)) {
                session_set_flag(s, cur, !fl);
                journal_event(a, (JournalEvent){.op = JOURNAL_FLAG, .item = cur, .flag = !fl});
                a->redraw = true;
            }
            if (ui_button(ui, next, "Next \xE2\x80\xBA", cur + 1 < n ? BUTTON_SECONDARY : BUTTON_DISABLED) ||
                (cur + 1 < n && ui_key(ui, SDLK_PAGEDOWN)))
                go_to(a, cur + 1);
            if (ui_button(ui, over, "Overview of all questions", BUTTON_SECONDARY)) {
                session_hide(s, app_now_ms(a));
                exam_st.overview = true;
                a->redraw = true;
            }
            if (ui_button(ui, submit, "Review and submit\xE2\x80\xA6", BUTTON_PRIMARY)) {
                session_hide(s, app_now_ms(a));
                exam_st.overview = true;
                exam_st.confirm = true;
                a->redraw = true;
            }
        }
    }
    if (modal) {
        ui_modal_end(ui, held);
        confirm_dialog(a, all);
    }
}

/* ---- result ------------------------------------------------------------ */

/* A question of the result's list: the prompt, and the right answer where
 * one line says it. */
static void result_question(const Item *it, const Answer *an, char *q, size_t size)
{
    const char *skipped = an->answered ? "" : "Not answered \xC2\xB7 ";
    const char *right = NULL;
    for (int k = 0; k < it->n_options && !right; k++)
        if (it->option_correct[k])
            right = it->options[k];
    if (right && it->type == ITEM_CHOICE)
        snprintf(q, size, "%s%s \xE2\x80\x94 answer: %s", skipped, it->prompt, right);
    else if (it->type == ITEM_LOCATE_TP)
        snprintf(q, size, "%s%s \xE2\x80\x94 %s", skipped, it->prompt, it->module->tps[it->tp].location);
    else
        snprintf(q, size, "%s%s", skipped, it->prompt);
}

void screen_exam_result(App *a, SDL_Rect all)
{
    Ui *ui = &a->ui;
    const Course *c = a->exam_course;
    Session *s = a->run.session;
    SDL_Rect area;
    char title[200];
    snprintf(title, sizeof title, "Exam result \xC2\xB7 %s", c->title);
    if (chrome_top_bar(a, title, "", true, &area)) {
        if (a->run.record_saved) {
            a->course = c;
            app_go(a, SCREEN_MODULES);
        }
        return;
    }
    int pad = ui_px(ui, 32);
    SDL_Rect panel = {pad, area.y + pad, all.w - 2 * pad, area.h - 2 * pad};
    ren_fill_round_rect(a->ren, panel, ui_px(ui, 10), THEME_PANEL);
    int x = panel.x + ui_px(ui, 28), y = panel.y + ui_px(ui, 24), w = panel.w - ui_px(ui, 56);
    double score = session_score(s);
    bool passed = score * 100 + 1e-9 >= c->exam.pass_mark;
    char line[400];
    snprintf(line, sizeof line, "%d%%", (int)(score * 100 + 0.5));
    int sw = ren_text(a->ren, FONT_TITLE, x, y, passed ? THEME_GOOD : THEME_BAD, line);
    snprintf(line, sizeof line, passed ? "\xE2\x9C\x93 Passed (pass mark %d%%)" : "\xE2\x9C\x97 Not passed (pass mark %d%%)",
             c->exam.pass_mark);
    ren_text(a->ren, FONT_HEADING, x + sw + ui_px(ui, 16),
             y + (ren_text_height(a->ren, FONT_TITLE) - ren_text_height(a->ren, FONT_HEADING)) / 2,
             passed ? THEME_GOOD : THEME_BAD, line);
    y += ren_text_height(a->ren, FONT_TITLE) + ui_px(ui, 4);
    snprintf(line, sizeof line, "%d of %d questions answered%s.", session_answered_count(s), session_item_count(s),
             exam_st.auto_submitted ? " \xC2\xB7 submitted automatically when the time ran out" : "");
    ren_text(a->ren, FONT_BODY, x, y, THEME_MUTED, line);
    y += ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 10);
    if (a->run.record_error[0]) {
        SDL_Rect retry = {panel.x + panel.w - ui_px(ui, 28) - ui_px(ui, 140), y - ui_px(ui, 4), ui_px(ui, 140),
                          ui_px(ui, 34)};
        ren_text_fit(a->ren, FONT_SMALL, x, y, retry.x - x - ui_px(ui, 10), THEME_BAD, a->run.record_error);
        if (ui_button(ui, retry, "Try again", BUTTON_SECONDARY)) {
            save_record(a);
            a->redraw = true;
        }
        y += ui_px(ui, 40);
    }

    /* Per-module breakdown. */
    ren_text(a->ren, FONT_BOLD, x, y, THEME_ACCENT_DARK, "By module");
    y += ren_text_height(a->ren, FONT_BOLD) + ui_px(ui, 6);
    SDL_Rect list = {x, y, w, panel.y + panel.h - y - ui_px(ui, 84)};
    int row = ren_text_height(a->ren, FONT_BODY) + ui_px(ui, 8);
    int rows = 0;
    for (int i = 0; i < c->n_modules; i++) {
        int k = 0;
        if (c->modules[i])
            session_module_score(s, c->modules[i]->id, &k);
        rows += k > 0;
    }
    /* Every question wraps (its row grows) rather than being cut. */
    int answers_h = c->exam.show_answers ? 2 * row : 0;
    for (int i = 0; c->exam.show_answers && i < session_item_count(s); i++) {
        char q[760];
        result_question(session_item(s, i), session_answer(s, i), q, sizeof q);
        answers_h += row - ren_text_height(a->ren, FONT_BODY) +
                     ren_text_wrapped(a->ren, FONT_BODY, 0, 0, list.w - ui_px(ui, 90), THEME_TEXT, q, false, 0, 0);
    }
    ui_scroll(ui, list, &exam_st.result_scroll, rows * row + answers_h);
    ren_clip(a->ren, list);
    int ry = list.y - exam_st.result_scroll;
    for (int i = 0; i < c->n_modules; i++) {
        const Module *m = c->modules[i];
        int k = 0;
        double ms = m ? session_module_score(s, m->id, &k) : 0;
        if (!k)
            continue;
        SDL_Rect chip = {list.x, ry + ui_px(ui, 2), ui_px(ui, 64), row - ui_px(ui, 6)};
        ren_fill_round_rect(a->ren, chip, ui_px(ui, 4), theme_credit_light(ms));
        snprintf(line, sizeof line, "%d%%", (int)(ms * 100 + 0.5));
        int cw = ren_text_width(a->ren, FONT_BOLD, line);
        ren_text(a->ren, FONT_BOLD, chip.x + (chip.w - cw) / 2, ry + ui_px(ui, 3), THEME_TEXT, line);
        snprintf(line, sizeof line, "%s (%d question%s)", m->name, k, k == 1 ? "" : "s");
        ren_text(a->ren, FONT_BODY, list.x + chip.w + ui_px(ui, 14), ry + ui_px(ui, 3), THEME_TEXT, line);
        ry += row;
    }
    int open = -1;
    if (c->exam.show_answers) {
        ry += row / 2;
        ren_text(a->ren, FONT_BOLD, list.x, ry, THEME_ACCENT_DARK, "Every question (open one to see it on its chart)");
        ry += row;
        for (int i = 0; i < session_item_count(s); i++) {
            const Item *it = session_item(s, i);
            const Answer *an = session_answer(s, i);
            SDL_Rect rr = {list.x, ry, list.w, row - ui_px(ui, 2)}, hit;
            char label[48];
            snprintf(label, sizeof label, "Review question %d", i + 1);
            if (SDL_IntersectRect(&rr, &list, &hit)) {
                if (ui_hover(ui, hit))
                    ren_fill_round_rect(a->ren, rr, ui_px(ui, 6), THEME_PANEL_ALT);
                if (ui_clickable(ui, hit, label))
                    open = i;
            }
            /* An unanswered question is not a wrong answer: it says so. */
            if (an->answered)
                snprintf(line, sizeof line, "%d%%", (int)(an->credit * 100 + 0.5));
            else
                snprintf(line, sizeof line, "\xE2\x80\x94");
            ren_text(a->ren, FONT_BOLD, list.x, ry + ui_px(ui, 3),
                     an->answered ? theme_credit_colour(an->credit) : THEME_MUTED, line);
            char q[760];
            result_question(it, an, q, sizeof q);
            ry += row - ren_text_height(a->ren, FONT_BODY) +
                  ren_text_wrapped(a->ren, FONT_BODY, list.x + ui_px(ui, 64) + ui_px(ui, 14), ry + ui_px(ui, 3),
                                   list.w - ui_px(ui, 90), an->answered ? THEME_TEXT : THEME_MUTED, q, true, list.y,
                                   list.y + list.h);
        }
    }
    ren_unclip(a->ren);

    int bw = ui_px(ui, 200), bh = ui_px(ui, 46);
    SDL_Rect done = {panel.x + panel.w - ui_px(ui, 28) - bw, panel.y + panel.h - ui_px(ui, 24) - bh, bw, bh};
    /* The answers item by item on their charts, if the course shows them. */
    if (c->exam.show_answers) {
        SDL_Rect answers = {x, done.y, ui_px(ui, 190), bh};
        if (ui_button(ui, answers, "Review answers", BUTTON_SECONDARY) && open < 0)
            open = 0;
        if (open >= 0) {
            snprintf(title, sizeof title, "Exam \xC2\xB7 %s", c->title);
            answer_review_open_session(a, s, open, SCREEN_EXAM_RESULT, title);
            return;
        }
    } else {
        int room = done.x - bw - ui_px(ui, 24) - x;
        ren_text_wrapped(a->ren, FONT_BODY, x, done.y + ui_px(ui, 2), room, THEME_MUTED,
                         "This exam does not show answers: its score and the score per module are all it reports.",
                         true, 0, all.h);
    }
    if (a->run.record_saved) {
        CertStatus cs = app_cert_status(a, c);
        bool certified = cs.certified;
        certify_status_free(&cs);
        if (certified) {
            SDL_Rect cert = {done.x - bw - ui_px(ui, 12), done.y, bw, bh};
            if (ui_button(ui, cert, "View certificate", BUTTON_PRIMARY)) {
                a->course = c;
                app_go(a, SCREEN_CERTIFICATE);
                return;
            }
        }
        if (ui_button(ui, done, "Back to the course", BUTTON_SECONDARY)) {
            a->course = c;
            app_go(a, SCREEN_MODULES);
        }
    }
}
