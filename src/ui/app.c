/* app: start-up, the event loop, and the scripted-input runner.
 *
 * The loop is event driven: it sleeps in SDL_WaitEvent until something
 * happens, then draws a frame (and another if the frame changed state), so
 * an idle program uses no CPU. Under --script the same frame function runs,
 * fed by events the script pushes into SDL's queue. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "datafile.h"
#include "diag.h"
#include "learner.h"
#include "screens.h"
#include "script.h"
#include "theme.h"

#define MIN_W 960
#define MIN_H 640
/* 2026-01-02 09:00 UTC: where the virtual clock starts. */
#define VIRTUAL_EPOCH_MS 1767344400000LL

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
    a->screen = s;
    a->redraw = true;
    a->ui.focus = -1;
    if (s == SCREEN_MODULES)
        a->list_scroll = a->list_scroll < 0 ? 0 : a->list_scroll;
    if (s == SCREEN_STUDY) {
        a->study_scroll = 0;
        a->study_view = 0;
    }
}

void app_learner_path(const App *a, const char *ext, char *buf, size_t size)
{
    snprintf(buf, size, "%s/learners/%s.%s", a->data_dir ? a->data_dir : ".", a->learner, ext);
}

static void print_diag(Diag *d)
{
    diag_sort(d);
    diag_print(d, stderr);
}

void app_reload_scores(App *a)
{
    scorefile_free(a->scores);
    a->scores = NULL;
    if (!a->learner[0])
        return;
    char path[4096];
    app_learner_path(a, "scores", path, sizeof path);
    Diag *d = diag_create();
    a->scores = scorefile_load(path, a->have_key ? a->key : NULL, d);
    print_diag(d);
    diag_free(d);
    if (a->scores && !scorefile_intact(a->scores) && !scorefile_misnamed(a->scores))
        snprintf(a->banner, sizeof a->banner,
                 "Your score file failed its integrity check: records that do not verify do not count.");
}

CertStatus app_cert_status(const App *a, const Course *c)
{
    return certify_status(c, a->scores, app_now_ms(a) / 1000);
}

static int cmp_known(const void *x, const void *y)
{
    const KnownLearner *p = x, *q = y;
    int k = strcasecmp(p->name, q->name);
    return k ? k : strcmp(p->id, q->id);
}

void app_scan_learners(App *a)
{
    free(a->known);
    a->known = NULL;
    a->n_known = 0;
    if (!a->data_dir)
        return;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/learners", a->data_dir);
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    struct dirent *de;
    int cap = 0;
    while ((de = readdir(dh))) {
        /* Many large score files take a while to verify: a window closed
         * meanwhile stops the scan (the quit stays queued for the loop). */
        SDL_PumpEvents();
        if (SDL_HasEvent(SDL_QUIT))
            break;
        size_t n = strlen(de->d_name);
        if (n < 8 || strcmp(de->d_name + n - 7, ".scores"))
            continue;
        char id[LEARNER_ID_MAX + 1];
        if (n - 7 > LEARNER_ID_MAX)
            continue;
        memcpy(id, de->d_name, n - 7);
        id[n - 7] = 0;
        if (!learner_id_valid(id, NULL))
            continue;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        Diag *d = diag_create();
        ScoreFile *f = scorefile_load(path, a->have_key ? a->key : NULL, d);
        diag_free(d);
        if (!f)
            continue;
        if (a->n_known == cap) {
            cap = cap ? cap * 2 : 16;
            KnownLearner *k = realloc(a->known, sizeof *k * (size_t)cap);
            if (!k) {
                scorefile_free(f);
                break;
            }
            a->known = k;
        }
        KnownLearner *k = &a->known[a->n_known++];
        memcpy(k->id, id, sizeof k->id);
        const char *name = scorefile_name(f);
        learner_name_shown(name ? name : id, k->name, sizeof k->name);
        k->intact = scorefile_intact(f);
        scorefile_free(f);
    }
    closedir(dh);
    if (a->n_known > 1)
        qsort(a->known, (size_t)a->n_known, sizeof *a->known, cmp_known);
}

bool app_sign_in(App *a, const char *id, const char *name)
{
    a->signin_error[0] = 0;
    if (!a->data_dir || !a->have_key) {
        snprintf(a->signin_error, sizeof a->signin_error,
                 "Learner data cannot be kept on this station (see the message at the top).");
        return false;
    }
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/learners", a->data_dir);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/%s.scores", dir, id);
    if (name) {
        Diag *d = diag_create();
        int rc = scorefile_create(path, id, name, app_now_ms(a) / 1000, a->key, d);
        if (rc != 0) {
            const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
            snprintf(a->signin_error, sizeof a->signin_error, "Could not create your learner file: %s",
                     it ? it->message : "unknown error");
            print_diag(d);
            diag_free(d);
            return false;
        }
        diag_free(d);
    }
    /* One program at a time per learner: a second window signing in as
     * the same learner (and so resuming the same exam) is refused. */
    char lpath[4200];
    snprintf(lpath, sizeof lpath, "%s/%s.lock", dir, id);
    Diag *ld = diag_create();
    int lock = datafile_lock(lpath, false, ld);
    if (lock < 0) {
        if (errno == EWOULDBLOCK) {
            snprintf(a->signin_error, sizeof a->signin_error,
                     "%s is signed in in another tpquiz window on this computer: sign out there first.", id);
            printf("sign-in refused: learner=%s is signed in elsewhere\n", id);
            fflush(stdout);
        } else {
            const DiagItem *it = diag_count(ld) ? diag_item(ld, 0) : NULL;
            snprintf(a->signin_error, sizeof a->signin_error, "Your learner files cannot be locked: %s",
                     it ? it->message : "unknown error");
        }
        print_diag(ld);
        diag_free(ld);
        return false;
    }
    diag_free(ld);
    a->learner_lock = lock;
    snprintf(a->learner, sizeof a->learner, "%s", id);
    /* A crash in the middle of saving leaves a temporary file next to the
     * one being saved; nothing else writes this learner's files now. */
    const char *exts[] = {"scores", "journal", "progress", "review"};
    for (size_t e = 0; e < sizeof exts / sizeof *exts; e++) {
        char tpath[4200];
        app_learner_path(a, exts[e], tpath, sizeof tpath);
        int gone = datafile_remove_temporaries(tpath);
        if (gone)
            fprintf(stderr, "%s: removed %d temporary file%s left by an interrupted save\n", tpath, gone,
                    gone == 1 ? "" : "s");
    }
    app_reload_scores(a);
    if (!a->scores || scorefile_misnamed(a->scores)) {
        if (a->scores)
            snprintf(a->signin_error, sizeof a->signin_error,
                     "This learner file holds the records of '%s', not '%s' (a copied or renamed file). "
                     "Ask your instructor.", scorefile_learner(a->scores), id);
        else
            snprintf(a->signin_error, sizeof a->signin_error, "Your learner file could not be read.");
        printf("sign-in refused: learner=%s: %s\n", id, a->signin_error);
        fflush(stdout);
        scorefile_free(a->scores);
        a->scores = NULL;
        a->learner[0] = 0;
        close(a->learner_lock);
        a->learner_lock = -1;
        return false;
    }
    const char *n = scorefile_name(a->scores);
    learner_name_shown(n ? n : id, a->learner_name, sizeof a->learner_name);
    printf("signed in: learner=%s\n", a->learner);
    fflush(stdout);

    /* Practice progress is the learner's own. */
    progress_free(a->progress);
    free(a->progress_path);
    a->progress = NULL;
    size_t pn = strlen(dir) + strlen(id) + 16;
    a->progress_path = malloc(pn);
    if (a->progress_path) {
        snprintf(a->progress_path, pn, "%s/%s.progress", dir, id);
        Diag *d = diag_create();
        a->progress = progress_load(a->progress_path, d);
        print_diag(d);
        diag_free(d);
    }
    review_free(a->review);
    char rpath[4200];
    app_learner_path(a, "review", rpath, sizeof rpath);
    Diag *rd = diag_create();
    a->review = review_load(rpath, rd);
    print_diag(rd);
    diag_free(rd);
    app_go(a, SCREEN_HOME);
    exam_resume_pending(a);
    return true;
}

void app_review_session(App *a, const Session *s)
{
    if (!a->review || !s)
        return;
    int64_t now = app_now_ms(a) / 1000;
    for (int i = 0; i < session_item_count(s); i++) {
        const Answer *an = session_answer(s, i);
        if (an->answered)
            review_record(a->review, session_item(s, i)->key, an->credit, now);
    }
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

void app_sign_out(App *a)
{
    review_free(a->review);
    a->review = NULL;
    exam_run_free(a->exam); /* an exam left open resumes at the next sign-in */
    a->exam = NULL;
    session_free(a->session);
    a->session = NULL;
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

void app_note_chart(App *a, const char *view, const ChartLayout *l)
{
    if (a->n_drawn >= APP_MAX_CHARTS)
        return;
    snprintf(a->drawn[a->n_drawn].view, sizeof a->drawn[a->n_drawn].view, "%s", view);
    a->drawn[a->n_drawn].layout = *l;
    a->n_drawn++;
}

static uint64_t new_seed(const App *a)
{
    return a->seed_override ? a->seed_override : (uint64_t)app_now_ms(a) * 2654435761u;
}

/* Makes s (NULL if it could not be built) the current session, with
 * nothing of the one before it left over. */
static void begin_session(App *a, Session *s, const Module *m)
{
    session_free(a->session);
    a->session = s;
    a->session_started_ms = app_now_ms(a);
    a->record_saved = false;
    a->record_error[0] = 0;
    a->module = m;
    a->summary_scroll = 0;
    a->practice_recorded = false;
    memset(a->option_chosen, 0, sizeof a->option_chosen);
}

static void start_module_session(App *a, const Module *m, bool quiz)
{
    uint64_t seed = new_seed(a);
    begin_session(a, quiz ? session_create_quiz(m, seed) : session_create_practice(m, seed), m);
    if (!a->session) {
        snprintf(a->banner, sizeof a->banner, "%s has no practice items yet.", m->name);
        return;
    }
    session_show(a->session, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}

void app_start_practice(App *a, const Module *m) { start_module_session(a, m, false); }
void app_start_quiz(App *a, const Module *m) { start_module_session(a, m, true); }

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
    if (!a->session) {
        snprintf(a->banner, sizeof a->banner,
                 "The items due for review are no longer in the courses on this station.");
        a->redraw = true;
        return;
    }
    printf("review started: items=%d due=%d\n", session_item_count(a->session),
           review_due_count(a->review, app_now_ms(a) / 1000));
    fflush(stdout);
    session_show(a->session, app_now_ms(a));
    app_go(a, SCREEN_PRACTICE);
}

/* A view is a close-up already when it spans well under a body's height. */
static bool regional_view(const View *v)
{
    return v->cm_per_unit > 0 && v->viewbox.h * v->cm_per_unit < 120;
}

ChartLayout app_chart_layout(App *a, const Module *m, const View *v, SDL_Rect area)
{
    Ui *ui = &a->ui;
    if (regional_view(v)) {
        ChartLayout l = chart_layout(area, v->viewbox);
        app_note_chart(a, v->name, &l);
        a->zoom_button = (SDL_Rect){0, 0, 0, 0};
        return l;
    }
    int bw = ren_text_width(a->ren, FONT_BODY, "Whole body") + ui_px(ui, 28), bh = ui_px(ui, 34);
    SDL_Rect btn = {area.x + area.w - bw, area.y, bw, bh};
    ChartLayout l = a->whole_body
                        ? chart_layout(area, v->viewbox)
                        : chart_layout_focus(area, v->viewbox, chart_module_region(m, v->name, v->viewbox, 0.28));
    app_note_chart(a, v->name, &l);
    /* The button is drawn by the caller after the chart, so it stays on top. */
    a->zoom_button = btn;
    return l;
}

void app_zoom_button(App *a)
{
    if (a->zoom_button.w == 0)
        return; /* a regional view: nothing to zoom */
    if (ui_button(&a->ui, a->zoom_button, a->whole_body ? "Close-up" : "Whole body", BUTTON_SECONDARY)) {
        a->whole_body = !a->whole_body;
        a->redraw = true;
    }
}

int module_views(const Module *m, const char **out, int max)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        int count = pass == 0 ? m->n_tps : m->n_zones;
        for (int i = 0; i < count; i++) {
            const char *v = pass == 0 ? m->tps[i].view : m->zones[i].view;
            bool seen = false;
            for (int k = 0; k < n; k++)
                seen = seen || !strcmp(out[k], v);
            if (!seen && n < max)
                out[n++] = v;
        }
    }
    return n;
}

bool app_top_bar(App *a, const char *title, const char *crumb, bool back, SDL_Rect *content)
{
    Ui *ui = &a->ui;
    int h = ui_px(ui, 56);
    SDL_Rect bar = {0, 0, ui->width, h};
    ren_fill_rect(a->ren, bar, THEME_ACCENT_DARK);
    int x = ui_px(ui, 20);
    bool pressed = false;
    if (back) {
        SDL_Rect b = {x, ui_px(ui, 10), ui_px(ui, 96), h - ui_px(ui, 20)};
        pressed = ui_button(ui, b, "\xE2\x80\xB9 Back", BUTTON_SECONDARY) || ui_key(ui, SDLK_ESCAPE);
        x += b.w + ui_px(ui, 16);
    }
    int th = ren_text_height(a->ren, FONT_HEADING);
    int tw = ren_text(a->ren, FONT_HEADING, x, (h - th) / 2, THEME_ON_ACCENT, title);
    if (crumb && *crumb) {
        int ch = ren_text_height(a->ren, FONT_BODY);
        ren_text_fit(a->ren, FONT_BODY, x + tw + ui_px(ui, 16), (h - ch) / 2,
                     ui->width - x - tw - ui_px(ui, 36), COL(0xCF, 0xE3, 0xE6), crumb);
    }
    int top = h;
    if (a->banner[0]) {
        int bh = ui_px(ui, 36);
        SDL_Rect br = {0, h, ui->width, bh};
        ren_fill_rect(a->ren, br, THEME_BAD_LIGHT);
        int ch = ren_text_height(a->ren, FONT_BODY);
        ren_text_fit(a->ren, FONT_BODY, ui_px(ui, 20), h + (bh - ch) / 2, ui->width - ui_px(ui, 140),
                     THEME_BAD, a->banner);
        SDL_Rect dismiss = {ui->width - ui_px(ui, 110), h + ui_px(ui, 4), ui_px(ui, 96), bh - ui_px(ui, 8)};
        if (ui_button(ui, dismiss, "Dismiss", BUTTON_QUIET)) {
            a->banner[0] = 0;
            a->redraw = true;
        }
        top += bh;
    }
    *content = (SDL_Rect){0, top, ui->width, ui->height - top};
    if (pressed)
        a->redraw = true;
    return pressed;
}

/* ---- frames ---------------------------------------------------------- */

static void update_scale(App *a)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->sdl, &ow, &oh);
    float scale = ww > 0 ? (float)ow / (float)ww : 1.0f;
    if (scale < 1.0f)
        scale = 1.0f;
    if (ren_set_scale(a->ren, scale))
        a->ui.scale = scale;
}

static bool save_screenshot(App *a, const char *path)
{
    int w, h;
    SDL_GetRendererOutputSize(a->sdl, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);
    if (!s)
        return false;
    bool ok = SDL_RenderReadPixels(a->sdl, NULL, SDL_PIXELFORMAT_ABGR8888, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    return ok;
}

/* Draws one frame; if shot is non-NULL the frame is also saved there. */
static void frame(App *a, const char *shot)
{
    int w, h;
    update_scale(a);
    SDL_GetRendererOutputSize(a->sdl, &w, &h);
    a->n_drawn = 0;
    a->redraw = false;
    ren_begin(a->ren, THEME_BG);
    ui_begin(&a->ui, w, h);
    SDL_Rect all = {0, 0, w, h};
    switch (a->screen) {
    case SCREEN_SIGNIN:
        screen_signin(a, all);
        break;
    case SCREEN_EXAM_INTRO:
        screen_exam_intro(a, all);
        break;
    case SCREEN_EXAM:
        screen_exam(a, all);
        break;
    case SCREEN_EXAM_RESULT:
        screen_exam_result(a, all);
        break;
    case SCREEN_CERTIFICATE:
        screen_certificate(a, all);
        break;
    case SCREEN_PROTOCOLS:
        screen_protocols(a, all);
        break;
    case SCREEN_LOCATOR:
        screen_locator(a, all);
        break;
    case SCREEN_DIRECTORY:
        screen_directory(a, all);
        break;
    case SCREEN_HOME:
        screen_home(a, all);
        break;
    case SCREEN_MODULES:
        screen_modules(a, all);
        break;
    case SCREEN_STUDY:
        screen_study(a, all);
        break;
    case SCREEN_PRACTICE:
        screen_practice(a, all);
        break;
    case SCREEN_INSTRUCTOR:
        screen_instructor(a, all);
        break;
    }
    ui_end(&a->ui);
    if (shot && !save_screenshot(a, shot))
        fprintf(stderr, "tpquiz: cannot write screenshot %s: %s\n", shot, SDL_GetError());
    ren_end(a->ren);
}

/* Frames until the state settles (a click that changes screen needs one
 * frame to act and one to show the result). */
static void settle(App *a)
{
    frame(a, NULL);
    for (int i = 0; i < 4 && a->redraw; i++)
        frame(a, NULL);
}

static void handle_event(App *a, const SDL_Event *e)
{
    if (e->type == SDL_QUIT)
        a->quit = true;
    ui_event(&a->ui, e);
}

static void pump(App *a)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        handle_event(a, &e);
}

/* ---- scripted input -------------------------------------------------- */

static void push_mouse(App *a, int type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = (Uint32)type;
    Uint32 wid = SDL_GetWindowID(a->win);
    if (type == SDL_MOUSEMOTION) {
        e.motion.windowID = wid;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.windowID = wid;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
}

static void push_click(App *a, int x, int y)
{
    push_mouse(a, SDL_MOUSEMOTION, x, y);
    push_mouse(a, SDL_MOUSEBUTTONDOWN, x, y);
    push_mouse(a, SDL_MOUSEBUTTONUP, x, y);
}

static void push_key(App *a, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.windowID = SDL_GetWindowID(a->win);
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    e.key.keysym.mod = (Uint16)SDL_GetModState();
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

/* Output pixels to window points (what SDL mouse events carry). */
static int to_points(const App *a, double px) { return (int)(px / a->ui.scale); }

/* Reports a failed command (what, then the quoted argument) with the text on
 * screen and a screenshot; returns the exit status. */
static int script_fail(App *a, const Script *s, const ScriptCmd *c, const char *shots, const char *what,
                       const char *arg)
{
    fprintf(stderr, "%s:%d: error: %s '%s'\n", s->path, c->line, what, arg);
    fprintf(stderr, "text on screen:\n");
    ren_dump_text(a->ren, stderr);
    if (shots) {
        char path[4200];
        snprintf(path, sizeof path, "%s/failure-line-%d.png", shots, c->line);
        frame(a, path);
        fprintf(stderr, "screenshot: %s\n", path);
    }
    return 1;
}

static int run_script(App *a, const Script *s, const char *shots)
{
    settle(a);
    for (int i = 0; i < s->n && !a->quit; i++) {
        const ScriptCmd *c = &s->cmds[i];
        switch (c->op) {
        case SCRIPT_CLICK:
            push_click(a, (int)c->num[0], (int)c->num[1]);
            break;
        case SCRIPT_CLICK_IMAGE: {
            int k = 0;
            while (k < a->n_drawn && strcmp(a->drawn[k].view, c->text))
                k++;
            if (k == a->n_drawn)
                return script_fail(a, s, c, shots, "no chart on screen for the view", c->text);
            SDL_FPoint p = chart_to_screen(&a->drawn[k].layout, (Vec2){c->num[0], c->num[1]});
            push_click(a, to_points(a, p.x), to_points(a, p.y));
            break;
        }
        case SCRIPT_CLICK_TEXT: {
            SDL_Rect r;
            if (!ui_find_target(&a->ui, c->text, &r))
                return script_fail(a, s, c, shots, "nothing clickable on screen is labelled", c->text);
            push_click(a, to_points(a, r.x + r.w / 2.0), to_points(a, r.y + r.h / 2.0));
            break;
        }
        case SCRIPT_DRAG: {
            int x1 = (int)c->num[0], y1 = (int)c->num[1], x2 = (int)c->num[2], y2 = (int)c->num[3];
            push_mouse(a, SDL_MOUSEMOTION, x1, y1);
            push_mouse(a, SDL_MOUSEBUTTONDOWN, x1, y1);
            for (int t = 1; t <= 8; t++)
                push_mouse(a, SDL_MOUSEMOTION, x1 + (x2 - x1) * t / 8, y1 + (y2 - y1) * t / 8);
            push_mouse(a, SDL_MOUSEBUTTONUP, x2, y2);
            break;
        }
        case SCRIPT_KEY: {
            SDL_Keycode k = SDL_GetKeyFromName(c->text);
            if (k == SDLK_UNKNOWN)
                return script_fail(a, s, c, shots, "unknown key name", c->text);
            push_key(a, k);
            break;
        }
        case SCRIPT_TYPE: {
            /* In pieces that fit an event, never splitting a UTF-8 character. */
            const char *p = c->text;
            while (*p) {
                SDL_Event e;
                memset(&e, 0, sizeof e);
                e.type = SDL_TEXTINPUT;
                e.text.windowID = SDL_GetWindowID(a->win);
                size_t n = strlen(p), max = sizeof e.text.text - 1;
                if (n > max) {
                    n = max;
                    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
                        n--;
                }
                memcpy(e.text.text, p, n);
                p += n;
                SDL_PushEvent(&e);
            }
            break;
        }
        case SCRIPT_WAIT:
            if (a->virtual_clock)
                a->virtual_ms += (int64_t)c->num[0];
            else
                SDL_Delay((Uint32)c->num[0]);
            break;
        case SCRIPT_SCROLL: {
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = SDL_MOUSEWHEEL;
            e.wheel.windowID = SDL_GetWindowID(a->win);
            e.wheel.y = (Sint32)c->num[0];
            SDL_PushEvent(&e);
            break;
        }
        case SCRIPT_RESIZE:
            SDL_SetWindowSize(a->win, (int)c->num[0], (int)c->num[1]);
            break;
        case SCRIPT_SCREENSHOT: {
            char path[4200];
            snprintf(path, sizeof path, "%s/%s.png", shots ? shots : ".", c->text);
            pump(a);
            frame(a, path);
            continue;
        }
        case SCRIPT_EXPECT:
            if (!ren_text_seen(a->ren, c->text))
                return script_fail(a, s, c, shots, "this text is not on screen:", c->text);
            continue;
        case SCRIPT_EXPECT_NOT:
            if (ren_text_seen(a->ren, c->text))
                return script_fail(a, s, c, shots, "this text should not be on screen:", c->text);
            continue;
        case SCRIPT_PRINT:
            printf("%s\n", c->text);
            fflush(stdout);
            continue;
        case SCRIPT_HANG:
            /* A crash test kills the program here; nothing is flushed or closed. */
            for (;;)
                SDL_Delay(1000);
        case SCRIPT_QUIT:
            a->quit = true;
            continue;
        }
        pump(a);
        settle(a);
    }
    return 0;
}

/* SDL_WaitEventTimeout, or SDL_WaitEvent if timeout_ms < 0. SDL 2's
 * headless video drivers (dummy, offscreen) cannot block for events: there
 * SDL polls every millisecond, about 4% of a core for an idle program
 * (docs/PERFORMANCE.md, "Idle"). Only a signal (SDL_QUIT) or an event pushed
 * by another thread can reach such a program, so it polls every 50 ms. */
static int wait_event(SDL_Event *e, int timeout_ms)
{
    static int headless = -1;
    if (headless < 0) {
        const char *d = SDL_GetCurrentVideoDriver();
        headless = d && (!strcmp(d, "dummy") || !strcmp(d, "offscreen"));
    }
    if (!headless)
        return timeout_ms < 0 ? SDL_WaitEvent(e) : SDL_WaitEventTimeout(e, timeout_ms);
    Uint32 start = SDL_GetTicks();
    for (;;) {
        SDL_PumpEvents();
        int n = SDL_PeepEvents(e, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT);
        if (n != 0)
            return n > 0;
        Uint32 waited = SDL_GetTicks() - start;
        if (timeout_ms >= 0 && waited >= (Uint32)timeout_ms)
            return 0;
        Uint32 left = timeout_ms < 0 ? 50 : (Uint32)timeout_ms - waited;
        SDL_Delay(left < 50 ? left : 50);
    }
}

/* ---- start-up -------------------------------------------------------- */

static int make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0700) != 0 && errno != EEXIST)
        return -1;
    /* EEXIST is also a file, a FIFO or a device of that name. */
    struct stat st;
    if (stat(buf, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

static char *choose_data_dir(const AppOptions *opt)
{
    if (opt->data_dir && *opt->data_dir)
        return strdup(opt->data_dir);
    if (opt->config->data_dir && *opt->config->data_dir)
        return strdup(opt->config->data_dir);
    char *pref = SDL_GetPrefPath("tpquiz", "tpquiz");
    if (!pref)
        return strdup(".");
    size_t n = strlen(pref);
    if (n > 1 && pref[n - 1] == '/')
        pref[n - 1] = 0;
    char *dup = strdup(pref);
    SDL_free(pref);
    return dup;
}

/* Between the files of the courses: a window closed while they load ends
 * the program (nothing is being written yet), and the window shows what is
 * happening instead of a blank frame. */
static bool loading_go_on(void *ctx)
{
    App *a = ctx;
    SDL_PumpEvents();
    if (SDL_HasEvent(SDL_QUIT)) {
        a->quit = true;
        return false;
    }
    Uint64 now = SDL_GetTicks64();
    if (now - a->loading_drawn_ms >= 100) {
        a->loading_drawn_ms = now;
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(a->sdl, &w, &h);
        SDL_SetRenderDrawColor(a->sdl, THEME_BG.r, THEME_BG.g, THEME_BG.b, 255);
        SDL_RenderClear(a->sdl);
        const char *msg = "Loading the courses…";
        ren_text(a->ren, FONT_BODY, w / 2 - ren_text_width(a->ren, FONT_BODY, msg) / 2, h / 2, THEME_MUTED, msg);
        SDL_RenderPresent(a->sdl);
    }
    return true;
}

static void load_content(App *a)
{
    Diag *d = diag_create();
    a->lib = library_create(a->cfg->courses_dir, a->cfg->assets_dir);
    library_set_progress(a->lib, loading_go_on, a);
    library_load_all(a->lib, d);
    library_set_progress(a->lib, NULL, NULL);
    a->lib_errors = diag_error_count(d);
    diag_sort(d);
    diag_print(d, stderr);
    if (a->lib_errors)
        snprintf(a->banner, sizeof a->banner,
                 "Some course files have %d problem%s; the rest is usable. Run `tpquiz check` for details.",
                 a->lib_errors, a->lib_errors == 1 ? "" : "s");
    char pdir[4200];
    snprintf(pdir, sizeof pdir, "%s/protocols", a->cfg->courses_dir);
    Diag *pd = diag_create();
    a->protocols = protocols_load(pdir, a->lib, pd);
    a->lib_errors += diag_error_count(pd);
    diag_sort(pd);
    diag_print(pd, stderr);
    diag_free(pd);
    if (library_course_count(a->lib) == 0)
        snprintf(a->banner, sizeof a->banner, "No courses found in %s. Check [paths] courses in the config.",
                 a->cfg->courses_dir);
    diag_free(d);
}

/* While the content and the learners are loading no event is read, so
 * SDL's SIGTERM and SIGINT handlers would only queue a quit that nobody
 * sees until loading ends. Nothing is being written then: the default
 * action (end the program at once) is right. Restored afterwards. */
static const int LOADING_SIGNALS[] = {SIGTERM, SIGINT};
#define N_LOADING_SIGNALS (sizeof LOADING_SIGNALS / sizeof *LOADING_SIGNALS)

static void loading_begin(struct sigaction saved[N_LOADING_SIGNALS])
{
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (size_t i = 0; i < N_LOADING_SIGNALS; i++)
        sigaction(LOADING_SIGNALS[i], &dfl, &saved[i]);
}

static void loading_end(const struct sigaction saved[N_LOADING_SIGNALS])
{
    for (size_t i = 0; i < N_LOADING_SIGNALS; i++)
        sigaction(LOADING_SIGNALS[i], &saved[i], NULL);
}

int app_run(const AppOptions *opt)
{
    static App app;
    App *a = &app;
    memset(a, 0, sizeof *a);
    a->cfg = opt->config;
    a->virtual_clock = opt->virtual_clock;
    a->virtual_ms = opt->clock_start_ms ? opt->clock_start_ms : VIRTUAL_EPOCH_MS;
    a->seed_override = opt->seed;
    a->learner_lock = -1;

    Script *script = NULL;
    if (opt->script_path) {
        Diag *d = diag_create();
        script = script_load(opt->script_path, d);
        diag_print(d, stderr);
        int bad = diag_error_count(d);
        diag_free(d);
        if (!script || bad) {
            script_free(script);
            return 1;
        }
    }

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "tpquiz: cannot start SDL: %s\n", SDL_GetError());
        script_free(script);
        return 2;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "tpquiz: cannot start SDL_ttf: %s\n", TTF_GetError());
        SDL_Quit();
        script_free(script);
        return 2;
    }
    int status = 2;
    int w = a->cfg->window_width < MIN_W ? MIN_W : a->cfg->window_width;
    int h = a->cfg->window_height < MIN_H ? MIN_H : a->cfg->window_height;
    a->win = SDL_CreateWindow("tpquiz", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!a->win) {
        fprintf(stderr, "tpquiz: cannot open a window: %s\n", SDL_GetError());
        goto out;
    }
    SDL_SetWindowMinimumSize(a->win, MIN_W, MIN_H);
    a->sdl = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!a->sdl)
        a->sdl = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->sdl) {
        fprintf(stderr, "tpquiz: cannot draw in the window: %s\n", SDL_GetError());
        goto out;
    }
    a->ren = ren_create(a->sdl, a->cfg->font_file, a->cfg->font_size, 1.0f);
    if (!a->ren) {
        Diag *fd = diag_create();
        if (ren_font_probe(a->cfg->font_file, fd) || diag_count(fd) == 0)
            fprintf(stderr, "%s: error: cannot open the font: %s\n", a->cfg->font_file, TTF_GetError());
        print_diag(fd);
        diag_free(fd);
        goto out;
    }
    ui_init(&a->ui, a->ren);
    a->charts = chart_cache_create(a->sdl);

    struct sigaction saved[N_LOADING_SIGNALS];
    loading_begin(saved);
    load_content(a);
    if (a->quit) { /* the window was closed while the courses loaded */
        loading_end(saved);
        status = 0;
        goto out;
    }
    a->data_dir = choose_data_dir(opt);
    if (!a->data_dir || make_dirs(a->data_dir) != 0) {
        int err = errno;
        snprintf(a->banner, sizeof a->banner, "Cannot create the data folder %s: %s. Progress will not be saved.",
                 a->data_dir ? a->data_dir : "?", strerror(err));
        fprintf(stderr, "%s: error: cannot create the data folder: %s\n", a->data_dir ? a->data_dir : "?",
                strerror(err));
        /* No key, no learners: sign-in says why (the banner). */
        free(a->data_dir);
        a->data_dir = NULL;
    }
    if (a->data_dir) {
        Diag *d = diag_create();
        a->have_key = station_key_load(a->data_dir, a->key, d) == 0;
        if (!a->have_key) {
            const DiagItem *it = diag_count(d) ? diag_item(d, 0) : NULL;
            snprintf(a->banner, sizeof a->banner, "The station key cannot be used: %s. Results cannot be recorded.",
                     it ? it->message : "unknown error");
        }
        print_diag(d);
        diag_free(d);
    }
    app_scan_learners(a);
    loading_end(saved);
    a->screen = SCREEN_SIGNIN;
    ui_focus_next_field(&a->ui);
    SDL_StartTextInput();

    if (script) {
        status = run_script(a, script, opt->screenshot_dir);
    } else {
        settle(a);
        while (!a->quit) {
            SDL_Event e;
            /* A running exam redraws its countdown once a second; otherwise
             * the program sleeps until something happens. */
            if (a->screen == SCREEN_EXAM) {
                int64_t ms = 1000 - app_now_ms(a) % 1000;
                if (wait_event(&e, (int)ms + 5)) {
                    handle_event(a, &e);
                    pump(a);
                }
            } else {
                if (!wait_event(&e, -1))
                    break;
                handle_event(a, &e);
                pump(a);
            }
            settle(a);
        }
        status = 0;
    }

out:
    exam_run_free(a->exam); /* its journal stays on disk for the next sign-in */
    scorefile_free(a->scores);
    review_free(a->review);
    free(a->known);
    session_free(a->session);
    progress_free(a->progress);
    protocols_free(a->protocols);
    for (int i = 0; i < a->loc_n_views; i++)
        paint_free(&a->loc_canvas[i]);
    if (a->work_canvas_ok)
        paint_free(&a->work_canvas);
    instructor_screen_leave(a); /* its report points into the library */
    library_free(a->lib);
    chart_cache_free(a->charts);
    ren_free(a->ren);
    if (a->sdl)
        SDL_DestroyRenderer(a->sdl);
    if (a->win)
        SDL_DestroyWindow(a->win);
    free(a->data_dir);
    free(a->progress_path);
    script_free(script);
    TTF_Quit();
    SDL_Quit();
    return status;
}
