/* script_run: the headless harness. A script's commands become events
 * pushed into SDL's queue (clicks, keys, typed text, wheel, window size),
 * so the program under test runs exactly as with a person at the window;
 * `wait` advances the virtual clock, `screenshot` saves the frame, and
 * `expect` checks what the renderer drew. */
#include "script_run.h"

#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "layout_check.h"

static void push_mouse_button(App *a, int type, int x, int y, Uint8 button)
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
        e.button.button = button;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
}

static void push_mouse(App *a, int type, int x, int y) { push_mouse_button(a, type, x, y, SDL_BUTTON_LEFT); }

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
static int to_points(const App *a, double px) { return (int)(px / a->ui.pointer_scale); }

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
        frame_draw(a, path);
        fprintf(stderr, "screenshot: %s\n", path);
    }
    return 1;
}

/* check-layout: reports every problem of the frame's layout (with a
 * screenshot) and returns their number; the run goes on. */
static int check_layout(App *a, const Script *s, const ScriptCmd *c, const char *shots)
{
    const char *name = a->screens[a->screen].name;
    char screen[64];
    snprintf(screen, sizeof screen, "%s", name ? name : "?");
    int n = layout_check(ren_text_log(a->ren), a->ui.width, a->ui.height, NULL, NULL, 0);
    if (n == 0)
        return 0;
    fprintf(stderr, "%s:%d: error: layout check: %d problem%s on the %s screen at %dx%d:\n", s->path, c->line, n,
            n == 1 ? "" : "s", screen, a->ui.width, a->ui.height);
    layout_check(ren_text_log(a->ren), a->ui.width, a->ui.height, stderr, "  ", 40);
    if (n > 40)
        fprintf(stderr, "  ... and %d more\n", n - 40);
    if (shots) {
        char path[4200];
        snprintf(path, sizeof path, "%s/layout-line-%d.png", shots, c->line);
        frame_draw(a, path);
        fprintf(stderr, "screenshot: %s\n", path);
    }
    return n;
}

int script_run(App *a, const Script *s, const char *shots)
{
    /* expect-chart-still: where each view's chart was at its first check. */
    struct {
        char view[64];
        ChartLayout layout;
    } still[8];
    int n_still = 0;
    int layout_failures = 0;
    frame_settle(a);
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
            /* A zoomed chart shows part of its view: a point off screen
             * cannot be clicked. */
            if (!chart_hit(&a->drawn[k].layout, (int)p.x, (int)p.y) ||
                !SDL_PointInRect(&(SDL_Point){(int)p.x, (int)p.y}, &a->drawn[k].layout.area))
                return script_fail(a, s, c, shots, "the image point is not on screen in the chart for the view",
                                   c->text);
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
        case SCRIPT_DRAG:
        case SCRIPT_DRAG_RIGHT: {
            Uint8 b = c->op == SCRIPT_DRAG ? SDL_BUTTON_LEFT : SDL_BUTTON_RIGHT;
            int x1 = (int)c->num[0], y1 = (int)c->num[1], x2 = (int)c->num[2], y2 = (int)c->num[3];
            push_mouse(a, SDL_MOUSEMOTION, x1, y1);
            push_mouse_button(a, SDL_MOUSEBUTTONDOWN, x1, y1, b);
            for (int t = 1; t <= 8; t++)
                push_mouse(a, SDL_MOUSEMOTION, x1 + (x2 - x1) * t / 8, y1 + (y2 - y1) * t / 8);
            push_mouse_button(a, SDL_MOUSEBUTTONUP, x2, y2, b);
            break;
        }
        case SCRIPT_MOVE:
            push_mouse(a, SDL_MOUSEMOTION, (int)c->num[0], (int)c->num[1]);
            break;
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
            frame_pump(a);
            /* Pan tiles still being made are waited for: the same script
             * gives the same screenshot on a fast or a busy machine. */
            if (chart_caches_settle()) {
                frame_pump(a);
                frame_settle(a);
            }
            frame_draw(a, path);
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
        case SCRIPT_EXPECT_CHART_STILL: {
            int k = 0;
            while (k < a->n_drawn && strcmp(a->drawn[k].view, c->text))
                k++;
            if (k == a->n_drawn)
                return script_fail(a, s, c, shots, "no chart on screen for the view", c->text);
            /* The chart's place and what it shows, at the view's first check. */
            const ChartLayout *l = &a->drawn[k].layout;
            int n = 0;
            while (n < n_still && strcmp(still[n].view, c->text))
                n++;
            if (n == n_still) {
                if (n_still == (int)(sizeof still / sizeof *still))
                    return script_fail(a, s, c, shots, "too many views for expect-chart-still:", c->text);
                snprintf(still[n_still].view, sizeof still[n_still].view, "%s", c->text);
                still[n_still++].layout = *l;
            } else if (!SDL_RectEquals(&still[n].layout.image, &l->image) ||
                       still[n].layout.viewbox.x != l->viewbox.x || still[n].layout.viewbox.y != l->viewbox.y ||
                       still[n].layout.viewbox.w != l->viewbox.w || still[n].layout.viewbox.h != l->viewbox.h) {
                const SDL_Rect *was = &still[n].layout.image, *now = &l->image;
                fprintf(stderr, "chart was %d,%d %dx%d, now %d,%d %dx%d\n", was->x, was->y, was->w, was->h, now->x,
                        now->y, now->w, now->h);
                return script_fail(a, s, c, shots, "the chart moved or changed size for the view", c->text);
            }
            continue;
        }
        case SCRIPT_CHECK_LAYOUT:
            if (check_layout(a, s, c, shots))
                layout_failures++;
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
        frame_pump(a);
        frame_settle(a);
    }
    if (layout_failures)
        fprintf(stderr, "%s: error: the layout check failed on %d screen%s\n", s->path, layout_failures,
                layout_failures == 1 ? "" : "s");
    return layout_failures ? 1 : 0;
}
