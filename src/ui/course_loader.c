/* course_loader: see course_loader.h. The thread does only core work (no
 * SDL but the thread-safe SDL_PushEvent at its end); the Library it builds
 * is not touched by the drawing thread until course_loader_finish has
 * joined it. */
#include "course_loader.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct CourseLoader {
    char *courses_dir, *assets_dir;
    _Atomic Uint32 wake;
    thrd_t thread;
    atomic_bool done, stop;
    CourseLoad load;
};

void course_load_now(const char *courses_dir, const char *assets_dir, bool (*go_on)(void *), void *ctx,
                     CourseLoad *out)
{
    out->lib_diag = diag_create();
    out->protocol_diag = diag_create();
    out->disorder_diag = diag_create();
    out->lib = library_create(courses_dir, assets_dir);
    library_set_progress(out->lib, go_on, ctx);
    library_load_all(out->lib, out->lib_diag);
    library_set_progress(out->lib, NULL, NULL);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/protocols", courses_dir ? courses_dir : ".");
    out->protocols = protocols_load(dir, out->lib, out->protocol_diag);
    snprintf(dir, sizeof dir, "%s/disorders", courses_dir ? courses_dir : ".");
    out->disorders = disorders_load(dir, out->lib, out->protocols, out->disorder_diag);
}

static bool not_stopped(void *ctx)
{
    CourseLoader *l = ctx;
    return !atomic_load(&l->stop);
}

static int run(void *arg)
{
    CourseLoader *l = arg;
    course_load_now(l->courses_dir, l->assets_dir, not_stopped, l, &l->load);
    atomic_store(&l->done, true);
    Uint32 wake = atomic_load(&l->wake);
    if (wake) {
        SDL_Event e;
        SDL_zero(e);
        e.type = wake;
        SDL_PushEvent(&e);
    }
    return 0;
}

CourseLoader *course_loader_start(const char *courses_dir, const char *assets_dir)
{
    CourseLoader *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->courses_dir = courses_dir ? strdup(courses_dir) : NULL;
    l->assets_dir = assets_dir ? strdup(assets_dir) : NULL;
    atomic_init(&l->wake, 0);
    atomic_init(&l->done, false);
    atomic_init(&l->stop, false);
    if ((courses_dir && !l->courses_dir) || (assets_dir && !l->assets_dir) ||
        thrd_create(&l->thread, run, l) != thrd_success) {
        free(l->courses_dir);
        free(l->assets_dir);
        free(l);
        return NULL;
    }
    return l;
}

void course_loader_set_wake(CourseLoader *l, Uint32 wake)
{
    if (l)
        atomic_store(&l->wake, wake);
}

bool course_loader_done(const CourseLoader *l)
{
    return !l || atomic_load(&((CourseLoader *)l)->done);
}

void course_loader_finish(CourseLoader *l, CourseLoad *out)
{
    thrd_join(l->thread, NULL);
    *out = l->load;
    free(l->courses_dir);
    free(l->assets_dir);
    free(l);
}

void course_loader_request_stop(CourseLoader *l)
{
    if (l)
        atomic_store(&l->stop, true);
}

void course_loader_cancel(CourseLoader *l)
{
    if (!l)
        return;
    course_loader_request_stop(l);
    CourseLoad load;
    course_loader_finish(l, &load);
    disorders_free(load.disorders);
    protocols_free(load.protocols);
    library_free(load.lib);
    diag_free(load.lib_diag);
    diag_free(load.protocol_diag);
    diag_free(load.disorder_diag);
}
