/* app_state: the program state the screens share and the services they
 * call: the clock (real or virtual), switching screens, the learner signed
 * in (through core's station.c), starting practice, quiz and review
 * sessions, and scheduling answered items for spaced review. */
#include "app_state.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "station.h"
#include "studylog.h"

int64_t app_now_ms(const App *a)
{
    if (a->virtual_clock)
        return a->virtual_ms;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_go(App *a, ScreenId s)
{
    if (s != SCREEN_SIGNIN && s != SCREEN_SETTINGS) {
        app_wait_courses(a);
        /* Said once sign-in is left: the sign-in screen does not move
         * under the learner's hand when the courses arrive. */
        app_show_course_problems(a);
    }
    if (s != a->screen && a->screens[a->screen].leave)
        a->screens[a->screen].leave(a);
    a->screen = s;
    a->redraw = true;
    a->ui.focus = -1;
    if (a->screens[s].enter)
        a->screens[s].enter(a);
}

void app_learner_path(const App *a, const char *ext, char *buf, size_t size)
{
    station_learner_path(a->data_dir, a->learner, ext, buf, size);
}

static void print_diag(Diag *d)
{
    diag_sort(d);
    diag_print(d, stderr);
}

/* The score file changed (or went): the judged statuses are stale. */
void app_forget_cert(App *a)
{
    for (int i = 0; i < a->n_cert_cache; i++)
        free(a->cert_cache[i].st);
    a->n_cert_cache = 0;
}

void app_reload_scores(App *a)
{
    app_forget_cert(a);
    scorefile_free(a->scores);
    a->scores = NULL;
    if (!a->learner[0])
        return;
    Diag *d = diag_create();
    a->scores = station_load_scores(a->data_dir, a->learner, a->have_key ? a->key : NULL, d);
    print_diag(d);
    diag_free(d);
    if (a->scores && !scorefile_intact(a->scores) && !scorefile_misnamed(a->scores))
        snprintf(a->banner, sizeof a->banner,
                 "Your score file failed its integrity check: records that do not verify do not count.");
}

CertStatus app_cert_status(App *a, const Course *c)
{
    int64_t now = app_now_ms(a) / 1000;
    for (int i = 0; i < a->n_cert_cache; i++)
        if (a->cert_cache[i].course == c)
            return certify_status_judged(c, a->scores, a->cert_cache[i].st, now);
    RecordStatus *st = certify_judge_records(c, a->scores, NULL);
    CertStatus cs = certify_status_judged(c, a->scores, st, now);
    int cap = (int)(sizeof a->cert_cache / sizeof a->cert_cache[0]);
    if (st && a->n_cert_cache < cap) {
        a->cert_cache[a->n_cert_cache].course = c;
        a->cert_cache[a->n_cert_cache++].st = st;
    } else
        free(st);
    return cs;
}

/* Many large score files take a while to verify: a window closed
 * meanwhile stops the scan (the quit stays queued for the loop). */
static bool scan_go_on(void *ctx)
{
    (void)ctx;
    SDL_PumpEvents();
    return !SDL_HasEvent(SDL_QUIT);
}

void app_scan_learners(App *a)
{
    free(a->signin.known);
    a->signin.n_known = station_scan_learners(a->data_dir, a->have_key ? a->key : NULL, scan_go_on, NULL, &a->signin.known);
}

bool app_sign_in(App *a, const char *id, const char *name)
{
    app_wait_courses(a); /* what sign-in opens (an exam to resume, the home screen) needs them */
    a->signin.error[0] = 0;
    if (!a->data_dir || !a->have_key) {
        snprintf(a->signin.error, sizeof a->signin.error,
                 "Learner data cannot be kept on this station (see the message at the top).");
        return false;
    }
    StationSignIn in;
    Diag *d = diag_create();
    StationStatus st = station_sign_in(a->data_dir, id, name, app_now_ms(a) / 1000, a->key, &in, a->signin.error,
                                       sizeof a->signin.error, d);
    for (int e = 0; e < STATION_EXTS; e++) {
        int gone = in.removed[e];
        if (gone) {
            char tpath[4200];
            station_learner_path(a->data_dir, id, STATION_EXT_NAMES[e], tpath, sizeof tpath);
            fprintf(stderr, "%s: removed %d temporary file%s left by an interrupted save\n", tpath, gone,
                    gone == 1 ? "" : "s");
        }
    }
    print_diag(d);
    diag_free(d);
    if (st == STATION_IN_USE) {
        printf("sign-in refused: learner=%s is signed in elsewhere\n", id);
        fflush(stdout);
    } else if (st == STATION_UNREADABLE || st == STATION_MISNAMED) {
        printf("sign-in refused: learner=%s: %s\n", id, a->signin.error);
        fflush(stdout);
    }
    if (st != STATION_SIGNED_IN)
        return false;
    a->learner_lock = in.lock;
    a->practice_length = APP_PRACTICE_ITEMS; /* each learner chooses their own */
    snprintf(a->learner, sizeof a->learner, "%s", id);
    app_forget_cert(a);
    scorefile_free(a->scores);
    a->scores = in.scores;
    if (!scorefile_intact(a->scores))
        snprintf(a->banner, sizeof a->banner,
                 "Your score file failed its integrity check: records that do not verify do not count.");
    const char *n = scorefile_name(a->scores);
    learner_name_shown(n ? n : id, a->learner_name, sizeof a->learner_name);
    printf("signed in: learner=%s\n", a->learner);
    fflush(stdout);

    /* Practice progress is the learner's own. */
    progress_free(a->progress);
    free(a->progress_path);
    a->progress = NULL;
    char ppath[4200];
    app_learner_path(a, "progress", ppath, sizeof ppath);
    a->progress_path = strdup(ppath);
    if (a->progress_path) {
        Diag *pd = diag_create();
        a->progress = progress_load(a->progress_path, pd);
        print_diag(pd);
        diag_free(pd);
    }
    review_free(a->review);
    char rpath[4200];
    app_learner_path(a, "review", rpath, sizeof rpath);
    Diag *rd = diag_create();
    a->review = review_load(rpath, rd);
    print_diag(rd);
    diag_free(rd);
    app_go(a, SCREEN_HOME);
    return true;
}

static void save_review(App *a);
/* Practice and review answers go into the practice log (core studylog)
 * for the statistics; quizzes and exams are in the score file already. */
static void log_practice(App *a, const Session *s, int64_t now)
{
    SessionMode mode = session_mode(s);
    if (mode != SESSION_PRACTICE && mode != SESSION_REVIEW)
        return;
    int n_items = session_item_count(s), n = 0;
    StudyLogEntry *e = n_items > 0 ? calloc((size_t)n_items, sizeof *e) : NULL;
    for (int i = 0; e && i < n_items; i++) {
        const Answer *an = session_answer(s, i);
        const Item *it = session_item(s, i);
        if (!an->answered)
            continue;
        StudyLogEntry *x = &e[n++];
        x->at_s = now;
        x->key = it->key;
        x->credit = an->credit;
        x->time_ms = an->time_ms;
        x->distance_cm = -1;
        const View *v = it->type == ITEM_LOCATE_TP ? library_find_view(a->lib, it->view) : NULL;
        if (v && v->cm_per_unit > 0)
            x->distance_cm = an->distance * v->cm_per_unit;
    }
    char path[4096];
    app_learner_path(a, "practice", path, sizeof path);
    Diag *d = diag_create();
    if (studylog_append(path, e, n, d) != 0)
        print_diag(d); /* the statistics miss this session; practice goes on */
    diag_free(d);
    free(e);
}

void app_review_session(App *a, const Session *s)
{
    if (!a->review || !s)
        return;
    int64_t now = app_now_ms(a) / 1000;
    log_practice(a, s, now);
    for (int i = 0; i < session_item_count(s); i++) {
        const Answer *an = session_answer(s, i);
        if (an->answered)
            review_record(a->review, session_item(s, i)->key, an->credit, now);
    }
    save_review(a);
}

/* Saves the learner's review deck; a failure is shown in the banner. */
static void save_review(App *a)
{
    char path[4096];
    app_learner_path(a, "review", path, sizeof path);
    Diag *d = diag_create();
    if (review_save(a->review, path, d) != 0) {
        const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
        snprintf(a->banner, sizeof a->banner, "Your review schedule could not be saved: %s",
                 it ? it->message : "unknown error");
        print_diag(d);
    }
    diag_free(d);
}

void app_leave_session(App *a)
{
    Session *s = a->run.session;
    if (!s || session_finished(s) || a->run.practice_recorded)
        return;
    session_submit(s, app_now_ms(a));
    a->run.practice_recorded = true; /* its summary, if ever drawn, schedules nothing again */
    app_review_session(a, s);
    SessionMode mode = session_mode(s);
    char what[200] = "";
    if (mode == SESSION_PRACTICE && a->run.protocol)
        snprintf(what, sizeof what, "protocol=%s ", a->run.protocol->id);
    else if (mode != SESSION_REVIEW && a->module)
        snprintf(what, sizeof what, "module=%s ", a->module->id);
    printf("%s left: %sitems=%d answered=%d\n",
           mode == SESSION_QUIZ ? "quiz" : mode == SESSION_REVIEW ? "review" : "practice", what,
           session_item_count(s), session_answered_count(s));
    fflush(stdout);
}

void app_sign_out(App *a)
{
    review_free(a->review);
    a->review = NULL;
    exam_run_free(a->exam); /* an exam left open resumes at the next sign-in */
    a->exam = NULL;
    session_free(a->run.session);
    a->run.session = NULL;
    app_forget_cert(a);
    scorefile_free(a->scores);
    a->scores = NULL;
    progress_free(a->progress);
    a->progress = NULL;
    a->learner[0] = a->learner_name[0] = 0;
    if (a->learner_lock >= 0)
        close(a->learner_lock);
    a->learner_lock = -1;
    a->course = NULL;
    a->module = NULL;
    app_scan_learners(a);
    app_go(a, SCREEN_SIGNIN);
    ui_focus_next_field(&a->ui);
}

static uint64_t new_seed(const App *a)
{
    return a->seed_override ? a->seed_override : (uint64_t)app_now_ms(a) * 2654435761u;
}

/* Makes s (NULL if it could not be built) the current session, with
 * nothing of the one before it left over. */
static void begin_session(App *a, Session *s, const Module *m)
{
    session_free(a->run.session);
    a->run.session = s;
    a->run.started_ms = app_now_ms(a);
    a->run.record_saved = false;
    a->run.record_error[0] = 0;
    a->module = m;
    a->run.protocol = NULL;
    a->run.misses = false;
    a->run.summary_scroll = 0;
    a->run.practice_recorded = false;
    memset(a->run.option_chosen, 0, sizeof a->run.option_chosen);
}

static void start_module_session(App *a, const Module *m, bool quiz)
{
    uint64_t seed = new_seed(a);
    begin_session(a, quiz ? session_create_quiz(m, seed) : session_create_practice_limit(m, seed, a->practice_length),
                  m);
    if (!a->run.session) {
        snprintf(a->banner, sizeof a->banner, "%s has no practice items yet.", m->name);
        return;
    }
    session_show(a->run.session, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}

void app_start_practice(App *a, const Module *m) { start_module_session(a, m, false); }

void app_start_protocol_practice(App *a, const Protocol *p)
{
    const Module *mods[64];
    int n = 0;
    for (int i = 0; i < p->n_steps && n < 64; i++)
        if (p->steps[i].module)
            mods[n++] = p->steps[i].module;
    begin_session(a, session_create_practice_set(mods, n, new_seed(a), APP_PROTOCOL_ITEMS), NULL);
    if (!a->run.session) {
        snprintf(a->banner, sizeof a->banner, "The muscles of %s have no practice items yet.", p->title);
        a->redraw = true;
        return;
    }
    a->run.protocol = p;
    printf("protocol practice started: protocol=%s items=%d muscles=%d\n", p->id, session_item_count(a->run.session), n);
    fflush(stdout);
    session_show(a->run.session, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}
void app_start_quiz(App *a, const Module *m) { start_module_session(a, m, true); }

void app_start_misses(App *a, const char *const *keys, const double *credits, int n)
{
    if (n <= 0)
        return;
    int64_t now = app_now_ms(a) / 1000;
    if (a->review) {
        for (int i = 0; i < n; i++)
            if (!review_find(a->review, keys[i]))
                review_record(a->review, keys[i], credits[i], now);
        review_mark_due(a->review, keys, n, now);
        save_review(a);
    }
    int skipped = 0;
    Session *s = session_create_practice_keys(a->lib, keys, n, new_seed(a), &skipped);
    if (!s) {
        snprintf(a->banner, sizeof a->banner, "The items you missed are no longer in the courses on this station.");
        a->redraw = true;
        return;
    }
    begin_session(a, s, NULL);
    a->run.misses = true;
    printf("misses practice started: items=%d skipped=%d due=%d\n", session_item_count(s), skipped,
           app_review_due(a, NULL));
    fflush(stdout);
    session_show(s, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}

/* "in 3 days", "tomorrow", "in 5 hours": when a time to come is. */
void app_when_text(int64_t seconds, char *buf, size_t size)
{
    int64_t hours = (seconds + 3599) / 3600, days = (seconds + 43200) / 86400;
    if (hours <= 1)
        snprintf(buf, size, "within the hour");
    else if (hours < 20)
        snprintf(buf, size, "in %lld hours", (long long)hours);
    else if (days <= 1)
        snprintf(buf, size, "tomorrow");
    else
        snprintf(buf, size, "in %lld days", (long long)days);
}

/* Whether the module a review key names ("<module>/...") is loaded. */
static bool review_key_loaded(const App *a, const char *key)
{
    const char *slash = strchr(key, '/');
    char id[128];
    if (!slash || (size_t)(slash - key) >= sizeof id)
        return false;
    memcpy(id, key, (size_t)(slash - key));
    id[slash - key] = 0;
    return library_find_module(a->lib, id) != NULL;
}

int app_review_due(const App *a, int64_t *next_due_s)
{
    int64_t now = app_now_ms(a) / 1000, next = 0;
    int due = 0;
    for (int i = 0; a->review && i < review_count(a->review); i++) {
        const ReviewCard *c = review_card(a->review, i);
        if (!review_key_loaded(a, c->key))
            continue;
        if (c->due_s <= now)
            due++;
        else if (next == 0 || c->due_s < next)
            next = c->due_s;
    }
    if (next_due_s)
        *next_due_s = next;
    return due;
}

void app_start_review(App *a)
{
    /* The most overdue keys of loaded modules. */
    const char *keys[APP_REVIEW_ITEMS];
    int n = 0, total = a->review ? review_count(a->review) : 0;
    const char **all = total > 0 ? malloc(sizeof *all * (size_t)total) : NULL;
    int n_all = all ? review_due_keys(a->review, app_now_ms(a) / 1000, all, total) : 0;
    for (int i = 0; i < n_all && n < APP_REVIEW_ITEMS; i++)
        if (review_key_loaded(a, all[i]))
            keys[n++] = all[i];
    free(all);
    if (n == 0) {
        snprintf(a->banner, sizeof a->banner, "Nothing is due for review yet.");
        a->redraw = true;
        return;
    }
    int skipped = 0;
    /* The keys point into the deck, which the session does not change. */
    begin_session(a, session_create_review(a->lib, keys, n, new_seed(a), &skipped), NULL);
    if (skipped)
        fprintf(stderr, "review: %d due item%s no longer in the courses, skipped\n", skipped, skipped == 1 ? "" : "s");
    if (!a->run.session) {
        snprintf(a->banner, sizeof a->banner,
                 "The items due for review are no longer in the courses on this station.");
        a->redraw = true;
        return;
    }
    printf("review started: items=%d due=%d\n", session_item_count(a->run.session),
           review_due_count(a->review, app_now_ms(a) / 1000));
    fflush(stdout);
    session_show(a->run.session, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}
