/* probe: a preloaded library (LD_PRELOAD) that watches an SDL program's
 * frames from the outside, for the GUI benchmarks (bench/gui.sh,
 * docs/PERFORMANCE.md). The program itself is not changed.
 *
 * It wraps the SDL, SDL_ttf and SDL_image calls a frame is made of:
 *   SDL_RenderClear                the frame starts (the first clear after a
 *                                  present; tpquiz clears once, in ren_begin)
 *   SDL_RenderPresent              the frame ends
 *   IMG_LoadSizedSVG_RW            a chart rasterised (by the drawing
 *                                  thread: tiles made ahead on a worker
 *                                  thread are no part of a frame's cost)
 *   TTF_RenderUTF8_Blended         a string rasterised
 *   SDL_CreateTexture[FromSurface] a texture created (an upload)
 *   TTF_SizeUTF8                   a string measured (layout, no pixels)
 * and, after every present, appends one line to the file named by
 * TPQUIZ_PROBE_LOG:
 *   frame N START_NS END_NS SVG TEXT TEXTURES MEASURES WxH CPU_NS
 * with CLOCK_MONOTONIC times (the same clock in every process, so a
 * launcher can subtract the moment it started the program), the calls
 * counted since the previous present, and the CPU time the drawing thread
 * spent between the clear and the present (CLOCK_THREAD_CPUTIME_ID: what
 * the frame costs when other processes share the CPU; its wall time then
 * includes waiting for it). A line is written after END_NS is
 * taken, so writing it is not part of the frame.
 *
 * TPQUIZ_PROBE_EXIT_AFTER=N ends the process (_exit(0)) right after its Nth
 * present: the start-up benchmark stops both programs at their first frame. */
#define _GNU_SOURCE
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
    int fd; /* -1: not opened yet, -2: no log */
    long frames, exit_after;
    long long start_ns, start_cpu_ns;
    int svg, text, textures, measures;
} P = {-1, 0, -1, 0, 0, 0, 0, 0, 0};

/* Set in the thread that clears, the one that draws the frames. */
static __thread int drawing_thread;

static long long clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long now_ns(void) { return clock_ns(CLOCK_MONOTONIC); }

/* The wrapped library's own function. */
static void *next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "probe: %s not found: %s\n", name, dlerror());
        _exit(127);
    }
    return f;
}

/* Declares real_fn, the wrapped function, looked up on first use. */
#define REAL(fn)                                                                                           \
    static __typeof__(&fn) real_fn;                                                                       \
    if (!real_fn) {                                                                                       \
        void *found = next(#fn);                                                                         \
        memcpy(&real_fn, &found, sizeof found);                                                           \
    }

static void log_frame(long long end_ns, long long cpu_ns, int w, int h)
{
    if (P.fd == -1) {
        const char *path = getenv("TPQUIZ_PROBE_LOG");
        P.fd = path && *path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -2;
        if (P.fd == -1)
            P.fd = -2;
        const char *n = getenv("TPQUIZ_PROBE_EXIT_AFTER");
        P.exit_after = n ? strtol(n, NULL, 10) : -1;
    }
    if (P.fd >= 0) {
        char line[160];
        int len = snprintf(line, sizeof line, "frame %ld %lld %lld %d %d %d %d %dx%d %lld\n", P.frames,
                           P.start_ns, end_ns, P.svg, P.text, P.textures, P.measures, w, h, cpu_ns);
        if (len > 0 && write(P.fd, line, (size_t)len) != len)
            P.fd = -2;
    }
    P.svg = P.text = P.textures = P.measures = 0;
    P.start_ns = 0;
    if (P.exit_after > 0 && P.frames >= P.exit_after)
        _exit(0);
}

int SDL_RenderClear(SDL_Renderer *r)
{
    REAL(SDL_RenderClear);
    drawing_thread = 1;
    if (!P.start_ns) {
        P.start_ns = now_ns();
        P.start_cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    }
    return real_fn(r);
}

void SDL_RenderPresent(SDL_Renderer *r)
{
    REAL(SDL_RenderPresent);
    real_fn(r);
    long long end = now_ns(), cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - P.start_cpu_ns;
    P.frames++;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    log_frame(end, P.start_ns ? cpu : 0, w, h);
}

SDL_Surface *IMG_LoadSizedSVG_RW(SDL_RWops *src, int width, int height)
{
    REAL(IMG_LoadSizedSVG_RW);
    if (drawing_thread)
        P.svg++;
    return real_fn(src, width, height);
}

SDL_Surface *TTF_RenderUTF8_Blended(TTF_Font *font, const char *text, SDL_Color fg)
{
    REAL(TTF_RenderUTF8_Blended);
    P.text++;
    return real_fn(font, text, fg);
}

int TTF_SizeUTF8(TTF_Font *font, const char *text, int *w, int *h)
{
    REAL(TTF_SizeUTF8);
    P.measures++;
    return real_fn(font, text, w, h);
}

SDL_Texture *SDL_CreateTextureFromSurface(SDL_Renderer *r, SDL_Surface *s)
{
    REAL(SDL_CreateTextureFromSurface);
    P.textures++;
    return real_fn(r, s);
}

SDL_Texture *SDL_CreateTexture(SDL_Renderer *r, Uint32 format, int access, int w, int h)
{
    REAL(SDL_CreateTexture);
    P.textures++;
    return real_fn(r, format, access, w, h);
}
