/* frame: one frame of the program: the current screen laid out, drawn
 * and fed the frame's input (see docs/ARCHITECTURE.md, "A frame"). */
#include "frame.h"

#include <SDL_image.h>
#include <stdio.h>

#include "app_state.h"
#include "screen_answer_review.h"
#include "theme.h"

static void update_scale(App *a)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->sdl, &ow, &oh);
    float pixels = ww > 0 ? (float)ow / (float)ww : 1.0f;
    if (pixels < 1.0f)
        pixels = 1.0f;
    /* Fonts and spacing follow the chosen text size; the mouse does not. */
    float scale = pixels * (float)a->settings.text_size / 100.0f;
    a->ui.pointer_scale = pixels;
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

void frame_draw(App *a, const char *shot)
{
    int w, h;
    update_scale(a);
    SDL_GetRendererOutputSize(a->sdl, &w, &h);
    a->n_drawn = 0;
    a->views.cur = NULL;
    a->redraw = false;
    bool idle = !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    chart_cache_frame(a->charts, idle);
    ren_begin(a->ren, THEME_BG);
    ui_begin(&a->ui, w, h);
    SDL_Rect all = {0, 0, w, h};
    a->screens[a->screen].draw(a, all);
    ui_end(&a->ui);
    /* Zoomed charts are refined (pan tiles) in a frame of their own, once
     * input has been handled. */
    if (chart_cache_wants_frame(a->charts) && idle)
        a->redraw = true;
    if (shot && !save_screenshot(a, shot))
        fprintf(stderr, "tpquiz: cannot write screenshot %s: %s\n", shot, SDL_GetError());
    ren_end(a->ren);
}

void frame_settle(App *a)
{
    frame_draw(a, NULL);
    for (int i = 0; i < 4 && a->redraw; i++)
        frame_draw(a, NULL);
}

void frame_handle_event(App *a, const SDL_Event *e)
{
    if (e->type == SDL_QUIT)
        a->quit = true;
    if (a->loaded_event && e->type == a->loaded_event)
        app_wait_courses(a); /* the courses are ready: taken (a banner may say something about them) */
    ui_event(&a->ui, e);
}

void frame_pump(App *a)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        frame_handle_event(a, &e);
}

const ScreenEntry SCREENS[SCREEN_COUNT] = {
    [SCREEN_SIGNIN] = {NULL, NULL, screen_signin, "sign-in"},
    [SCREEN_HOME] = {NULL, NULL, screen_home, "home"},
    [SCREEN_MODULES] = {screen_modules_enter, NULL, screen_modules, "modules"},
    [SCREEN_STUDY] = {screen_study_enter, NULL, screen_study, "study"},
    [SCREEN_PRACTICE] = {NULL, NULL, screen_practice, "practice"},
    [SCREEN_EXAM_INTRO] = {NULL, NULL, screen_exam_intro, "exam intro"},
    [SCREEN_EXAM] = {NULL, NULL, screen_exam, "exam"},
    [SCREEN_EXAM_RESULT] = {NULL, NULL, screen_exam_result, "exam result"},
    [SCREEN_CERTIFICATE] = {NULL, NULL, screen_certificate, "certificate"},
    [SCREEN_PROTOCOLS] = {NULL, NULL, screen_protocols, "protocols"},
    [SCREEN_LOCATOR] = {NULL, NULL, screen_locator, "locator"},
    [SCREEN_DIRECTORY] = {NULL, NULL, screen_directory, "directory"},
    [SCREEN_INSTRUCTOR] = {instructor_screen_enter, instructor_screen_leave, screen_instructor, "instructor"},
    [SCREEN_DISORDERS] = {NULL, NULL, screen_disorders, "disorders"},
    [SCREEN_ANSWER_REVIEW] = {NULL, screen_answer_review_leave, screen_answer_review, "answer review"},
    [SCREEN_HISTORY] = {screen_history_enter, NULL, screen_history, "past results"},
    [SCREEN_STATS] = {screen_stats_enter, screen_stats_leave, screen_stats, "statistics"},
    [SCREEN_SETTINGS] = {NULL, NULL, screen_settings, "settings"},
};
