/* app: start-up and the event loop (frames: frame.c; scripts: script_run.c).
 *
 * The loop is event driven: it sleeps in SDL_WaitEvent until something
 * happens, then draws a frame (and another if the frame changed state), so
 * an idle program uses no CPU. Under --script the same frame function runs,
 * fed by events the script pushes into SDL's queue. */
#include "app.h"
#include "course_loader.h"
#include "xapi_thread.h"

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
#include "app_state.h"
#include "frame.h"
#include "screen_answer_review.h"
#include "screens.h"
#include "script.h"
#include "script_run.h"
#include "theme.h"

static void print_diag(Diag *d)
{
    diag_sort(d);
    diag_print(d, stderr);
}

#define MIN_W 960
#define MIN_H 640
/* 2026-01-02 09:00 UTC: where the virtual clock starts. */
#define VIRTUAL_EPOCH_MS 1767344400000LL

/* ---- frames ---------------------------------------------------------- */

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

/* A frame that says the courses are loading. */
static void draw_loading(App *a)
{
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(a->sdl, &w, &h);
    SDL_SetRenderDrawColor(a->sdl, THEME_BG.r, THEME_BG.g, THEME_BG.b, 255);
    SDL_RenderClear(a->sdl);
    const char *msg = "Loading the courses…";
    ren_text(a->ren, FONT_BODY, w / 2 - ren_text_width(a->ren, FONT_BODY, msg) / 2, h / 2, THEME_MUTED, msg);
    SDL_RenderPresent(a->sdl);
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
        draw_loading(a);
    }
    return true;
}

/* The courses, protocols and disorders loaded: into the App, their
 * problems printed (the courses', then the protocols', then the
 * disorders') and kept for the banner (app_show_course_problems). */
static void take_content(App *a, CourseLoad *c)
{
    a->lib = c->lib;
    a->protocols = c->protocols;
    a->disorders = c->disorders;
    a->lib_errors = diag_error_count(c->lib_diag) + diag_error_count(c->protocol_diag) +
                    diag_error_count(c->disorder_diag);
    print_diag(c->lib_diag);
    print_diag(c->protocol_diag);
    print_diag(c->disorder_diag);
    diag_free(c->lib_diag);
    diag_free(c->protocol_diag);
    diag_free(c->disorder_diag);
    if (library_course_count(a->lib) == 0)
        snprintf(a->course_problems, sizeof a->course_problems,
                 "No courses found in %s. Check [paths] courses in the config.", a->cfg->courses_dir);
    else if (a->lib_errors)
        snprintf(a->course_problems, sizeof a->course_problems,
                 "Some course files have %d problem%s; the rest is usable. Run `tpquiz check` for details.",
                 a->lib_errors, a->lib_errors == 1 ? "" : "s");
}

void app_show_course_problems(App *a)
{
    if (a->course_problems[0] && !a->banner[0]) /* a data folder, settings or key problem matters more */
        snprintf(a->banner, sizeof a->banner, "%s", a->course_problems);
    a->course_problems[0] = '\0';
}

/* [xapi] endpoint: records go to the LRS as they are written; once both
 * the courses and the station key are there. */
static void maybe_start_xapi(App *a)
{
    if (a->xapi || a->xapi_tried || !a->lib || !a->have_key)
        return;
    a->xapi_tried = true;
    Diag *d = diag_create();
    a->xapi = xapi_thread_start(xapi_sync_create(a->cfg, a->lib, a->data_dir, a->key, d));
    print_diag(d);
    diag_free(d);
}

void app_wait_courses(App *a)
{
    if (!a->loader)
        return;
    /* Still loading (a slow disk): say so, every tenth of a second, and let
     * the window be closed (the load then stops at its next file, and the
     * program ends with what it has). Other input stays queued. */
    while (!course_loader_done(a->loader) && a->sdl && a->ren && !a->scripted) {
        Uint64 now = SDL_GetTicks64();
        if (now - a->loading_drawn_ms >= 100) {
            a->loading_drawn_ms = now;
            draw_loading(a);
        }
        SDL_PumpEvents();
        if (SDL_HasEvent(SDL_QUIT)) {
            a->quit = true;
            course_loader_request_stop(a->loader);
            break;
        }
        SDL_Delay(5);
    }
    CourseLoad c;
    course_loader_finish(a->loader, &c);
    a->loader = NULL;
    take_content(a, &c);
    maybe_start_xapi(a);
    a->redraw = true;
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

/* With no X11 or Wayland session SDL falls back to a video driver that
 * draws nowhere (offscreen, dummy): the window would exist, invisible, and
 * the program would sit there. Unless such a driver was asked for on
 * purpose (SDL_VIDEODRIVER, as the headless tests do), say what is wrong
 * instead. */
static bool display_usable(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    bool invisible = driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy"));
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (!invisible || (asked && *asked))
        return true;
    fprintf(stderr,
            "tpquiz: error: there is no display to open the window on (no X11 or Wayland session: DISPLAY and "
            "WAYLAND_DISPLAY are not set), so the window would be invisible (SDL's '%s' driver). Start tpquiz "
            "from a desktop session; to run it without a display on purpose (tests, kiosks driven by "
            "scripts), set SDL_VIDEODRIVER=offscreen or dummy.\n",
            driver);
    return false;
}

int app_run(const AppOptions *opt)
{
    static App app;
    App *a = &app;
    memset(a, 0, sizeof *a);
    a->settings = settings_defaults();
    a->cfg = opt->config;
    a->virtual_clock = opt->virtual_clock;
    a->virtual_ms = opt->clock_start_ms ? opt->clock_start_ms : VIRTUAL_EPOCH_MS;
    a->seed_override = opt->seed;
    a->learner_lock = -1;
    a->practice_length = APP_PRACTICE_ITEMS;
    a->screens = SCREENS;

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

    /* The courses load on a thread of their own from here on, while SDL
     * starts, the window opens and the sign-in screen is up. */
    a->loader = course_loader_start(a->cfg->courses_dir, a->cfg->assets_dir);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "tpquiz: cannot start SDL: %s\n", SDL_GetError());
        course_loader_cancel(a->loader);
        script_free(script);
        return 2;
    }
    if (!display_usable()) {
        course_loader_cancel(a->loader);
        SDL_Quit();
        script_free(script);
        return 1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "tpquiz: cannot start SDL_ttf: %s\n", TTF_GetError());
        course_loader_cancel(a->loader);
        SDL_Quit();
        script_free(script);
        return 2;
    }
    Uint32 wake = SDL_RegisterEvents(1);
    a->loaded_event = wake == (Uint32)-1 ? 0 : wake;
    course_loader_set_wake(a->loader, a->loaded_event);
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
    if (!a->loader) { /* no thread for it: loaded here, the window saying so */
        CourseLoad c;
        course_load_now(a->cfg->courses_dir, a->cfg->assets_dir, loading_go_on, a, &c);
        take_content(a, &c);
        app_show_course_problems(a); /* before the sign-in screen, as nothing waits for it */
    }
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
        /* The display settings: a bad file is named, its good lines kept. */
        Diag *sd = diag_create();
        size_t n = strlen(a->data_dir) + sizeof "/" SETTINGS_FILE;
        a->settings_path = malloc(n);
        if (a->settings_path) {
            snprintf(a->settings_path, n, "%s/%s", a->data_dir, SETTINGS_FILE);
            if (settings_load(a->settings_path, &a->settings, sd) > 0 && diag_count(sd) > 0) {
                char msg[400];
                snprintf(a->banner, sizeof a->banner, "The settings file has errors (%s); the rest of it applies.",
                         diag_format(diag_item(sd, 0), msg, sizeof msg));
            }
        }
        print_diag(sd);
        diag_free(sd);
        screen_settings_apply(a);
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
    maybe_start_xapi(a);
    loading_end(saved);
    a->screen = SCREEN_SIGNIN;
    ui_focus_next_field(&a->ui);
    SDL_StartTextInput();

    if (script) {
        a->scripted = true;
        status = script_run(a, script, opt->screenshot_dir);
    } else {
        frame_settle(a);
        while (!a->quit) {
            SDL_Event e;
            /* A running exam redraws its countdown once a second; otherwise
             * the program sleeps until something happens. */
            if (a->screen == SCREEN_EXAM) {
                int64_t ms = 1000 - app_now_ms(a) % 1000;
                if (wait_event(&e, (int)ms + 5)) {
                    frame_handle_event(a, &e);
                    frame_pump(a);
                }
            } else {
                if (a->loader && course_loader_done(a->loader)) {
                    app_wait_courses(a); /* loaded: take them before sleeping */
                    frame_settle(a);
                }
                if (!wait_event(&e, -1))
                    break;
                frame_handle_event(a, &e);
                frame_pump(a);
            }
            frame_settle(a);
        }
        status = 0;
    }

out:
    if (a->loader && !script && !course_loader_done(a->loader)) {
        course_loader_cancel(a->loader); /* the window closed while they loaded: stop at the next file */
        a->loader = NULL;
    }
    app_wait_courses(a); /* else taken, so that their problems are printed */
    xapi_thread_stop(a->xapi); /* before the library it reads */
    exam_run_free(a->exam); /* its journal stays on disk for the next sign-in */
    app_forget_cert(a);
    scorefile_free(a->scores);
    review_free(a->review);
    free(a->signin.known);
    session_free(a->run.session);
    progress_free(a->progress);
    disorders_free(a->disorders);
    protocols_free(a->protocols);
    screen_locator_free();
    if (a->work.canvas_ok)
        paint_free(&a->work.canvas);
    instructor_screen_leave(a); /* its report points into the library */
    screen_answer_review_free(a);
    library_free(a->lib);
    chart_cache_free(a->charts);
    ren_free(a->ren);
    if (a->sdl)
        SDL_DestroyRenderer(a->sdl);
    if (a->win)
        SDL_DestroyWindow(a->win);
    free(a->data_dir);
    free(a->progress_path);
    free(a->settings_path);
    script_free(script);
    TTF_Quit();
    SDL_Quit();
    return status;
}
