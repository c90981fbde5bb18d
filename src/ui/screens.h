/* screens: the program state the screens share, and one function per
 * screen. A screen reads this state, lays out and draws its widgets, and
 * turns clicks into actions (changing screen, answering an item); it does
 * not parse files, grade answers or write records: core does that. */
#ifndef TPQUIZ_SCREENS_H
#define TPQUIZ_SCREENS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "chart.h"
#include "config.h"
#include "course.h"
#include "progress.h"
#include "render.h"
#include "session.h"
#include "ui.h"

typedef enum { SCREEN_HOME, SCREEN_MODULES, SCREEN_STUDY, SCREEN_PRACTICE } ScreenId;

#define APP_MAX_CHARTS 4

typedef struct {
    const Config *cfg;
    Library *lib;
    int lib_errors; /* course files with errors: shown as a banner */
    Progress *progress;
    char *data_dir;
    char *progress_path;

    SDL_Window *win;
    SDL_Renderer *sdl;
    Ren *ren;
    Ui ui;
    ChartCache *charts;

    ScreenId screen;
    bool redraw;  /* state changed during the frame: draw another */
    bool quit;
    char banner[512]; /* an error the learner must see, "" if none */

    const Course *course;
    const Module *module;

    bool whole_body; /* charts show the whole view, not the module's close-up */
    SDL_Rect zoom_button;

    /* Module list */
    int list_scroll;
    /* Study */
    int study_view; /* index into the module's views */
    int study_scroll;
    /* Practice */
    Session *session;
    bool option_chosen[SESSION_MAX_OPTIONS];
    int summary_scroll;
    bool practice_recorded;

    /* Time: real, or virtual (advanced only by the script). */
    bool virtual_clock;
    int64_t virtual_ms;
    uint64_t seed_override; /* 0: seed from the clock */

    /* Charts drawn in the current frame, for `click-image`. */
    struct {
        char view[64];
        ChartLayout layout;
    } drawn[APP_MAX_CHARTS];
    int n_drawn;
} App;

/* Milliseconds since the epoch (virtual under --virtual-clock). */
int64_t app_now_ms(const App *a);
void app_go(App *a, ScreenId s);
void app_note_chart(App *a, const char *view, const ChartLayout *l);
/* Starts a practice session on a module and shows it. */
void app_start_practice(App *a, const Module *m);

/* The bar across the top: title, breadcrumb, a Back button (true when it
 * or Escape was used). *content gets the area below the bar. */
bool app_top_bar(App *a, const char *title, const char *crumb, bool back, SDL_Rect *content);

/* Lays out a module's chart of a view in area: the close-up of the
 * module's region unless the learner chose the whole body. A toggle button
 * for that choice is drawn in the area's top-right corner. */
ChartLayout app_chart_layout(App *a, const Module *m, const View *v, SDL_Rect area);
/* Draws that toggle (call after drawing the chart). */
void app_zoom_button(App *a);

/* The distinct views a module uses, trigger point views first. Returns the
 * count (at most max). */
int module_views(const Module *m, const char **out, int max);

void screen_home(App *a, SDL_Rect area);
void screen_modules(App *a, SDL_Rect area);
void screen_study(App *a, SDL_Rect area);
void screen_practice(App *a, SDL_Rect area);

#endif
