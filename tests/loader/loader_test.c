/* The course loader (src/ui/course_loader.c): the courses loaded on their
 * own thread are the same as loaded on the caller's (the same courses,
 * fingerprints and messages), its wake event arrives once the load is done,
 * and a load stopped at once ends cleanly (LeakSanitizer in the sanitizer
 * build sees everything freed).
 *
 * Usage: loader_test COURSES_DIR ASSETS_DIR */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course_loader.h"

static int failures;

static void check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

static void load_free(CourseLoad *c)
{
    disorders_free(c->disorders);
    protocols_free(c->protocols);
    library_free(c->lib);
    diag_free(c->lib_diag);
    diag_free(c->protocol_diag);
    diag_free(c->disorder_diag);
}

/* The messages as printed, sorted. */
static char *printed(Diag *d)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return NULL;
    diag_sort(d);
    diag_print(d, f);
    fclose(f);
    return buf;
}

static bool same_diag(Diag *a, Diag *b)
{
    char *x = printed(a), *y = printed(b);
    bool same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s COURSES_DIR ASSETS_DIR\n", argv[0]);
        return 2;
    }
    const char *courses = argv[1], *assets = argv[2];
    if (SDL_Init(SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 2;
    }
    Uint32 wake = SDL_RegisterEvents(1);
    check(wake != (Uint32)-1, "an event type for the wake");

    /* On the caller's thread: what the loader must give. */
    CourseLoad want;
    course_load_now(courses, assets, NULL, NULL, &want);
    check(library_course_count(want.lib) > 0, "the courses load at all");

    /* On its own thread, the wake set before it ends. */
    CourseLoader *l = course_loader_start(courses, assets);
    check(l != NULL, "the loader starts");
    course_loader_set_wake(l, wake);
    SDL_Event e;
    bool woken = false;
    for (int i = 0; i < 200 && !woken; i++) /* up to 20 s: a sanitizer build is slow */
        woken = SDL_WaitEventTimeout(&e, 100) && e.type == wake;
    check(woken, "the wake event arrives");
    check(course_loader_done(l), "done once woken");
    CourseLoad got;
    course_loader_finish(l, &got);
    check(library_course_count(got.lib) == library_course_count(want.lib), "as many courses");
    for (int i = 0; i < library_course_count(want.lib) && i < library_course_count(got.lib); i++) {
        const Course *a = library_course(want.lib, i), *b = library_course(got.lib, i);
        check(strcmp(a->id, b->id) == 0, "the same courses in the same order");
        check(strcmp(a->fingerprint, b->fingerprint) == 0, "the same fingerprints");
    }
    check(library_module_count(got.lib) == library_module_count(want.lib), "as many modules");
    check(same_diag(want.lib_diag, got.lib_diag), "the same course messages");
    check(same_diag(want.protocol_diag, got.protocol_diag), "the same protocol messages");
    check(same_diag(want.disorder_diag, got.disorder_diag), "the same disorder messages");
    load_free(&got);

    /* No wake set: nothing pushed; done is what tells. */
    l = course_loader_start(courses, assets);
    check(l != NULL, "the loader starts again");
    while (!course_loader_done(l))
        SDL_Delay(1);
    SDL_PumpEvents();
    check(!SDL_HasEvent(wake), "no wake event when none was set");
    course_loader_finish(l, &got);
    check(library_course_count(got.lib) == library_course_count(want.lib), "the same load without a wake");
    load_free(&got);

    /* Stopped at once, and cancelled after it ended: both end cleanly. */
    course_loader_cancel(course_loader_start(courses, assets));
    l = course_loader_start(courses, assets);
    while (l && !course_loader_done(l))
        SDL_Delay(1);
    course_loader_cancel(l);
    course_loader_cancel(NULL);

    load_free(&want);
    SDL_Quit();
    if (failures)
        return 1;
    printf("course loader: the same load on its own thread, the wake, a stop: ok\n");
    return 0;
}
