/* xapi_thread: see xapi_thread.h. */
#include "xapi_thread.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct XapiThread {
    XapiSync *sync;
    SDL_Thread *thread;
    SDL_sem *wake, *done;
    volatile int stop;   /* cancel now (read by libcurl's progress callback too) */
    SDL_atomic_t closing; /* the program is closing: one last pass, then end */
};

static int run(void *user)
{
    XapiThread *t = user;
    XapiSyncResult last = XAPI_SYNC_DONE;
    while (!t->stop) {
        bool final = SDL_AtomicGet(&t->closing) != 0; /* read before the pass: it sees every record */
        Diag *d = diag_create();
        XapiSyncResult r = xapi_sync_pass(t->sync, &t->stop, d);
        /* Say so when sending stops or starts again, not at every pass. */
        if (!t->stop && r != last) {
            if (r == XAPI_SYNC_DONE)
                fprintf(stderr, "tpquiz: xAPI: the LRS has every record again (%d statements sent so far)\n",
                        xapi_sync_sent(t->sync));
            else
                diag_print(d, stderr);
            if (r == XAPI_SYNC_WAITING)
                fprintf(stderr, "tpquiz: xAPI: records wait on this station and are sent when the LRS answers\n");
        }
        if (!t->stop)
            last = r;
        diag_free(d);
        if (final) {
            SDL_SemPost(t->done);
            break;
        }
        if (!t->stop && !SDL_AtomicGet(&t->closing))
            SDL_SemWaitTimeout(t->wake, XAPI_THREAD_PERIOD_MS);
    }
    return 0;
}

XapiThread *xapi_thread_start(XapiSync *s)
{
    if (!s)
        return NULL;
    XapiThread *t = calloc(1, sizeof *t);
    if (t) {
        t->sync = s;
        t->wake = SDL_CreateSemaphore(0);
        t->done = SDL_CreateSemaphore(0);
        t->thread = t->wake && t->done ? SDL_CreateThread(run, "tpquiz-xapi", t) : NULL;
    }
    if (!t || !t->thread) {
        fprintf(stderr, "tpquiz: xAPI: cannot start sending records: %s\n", SDL_GetError());
        if (t && t->wake)
            SDL_DestroySemaphore(t->wake);
        if (t && t->done)
            SDL_DestroySemaphore(t->done);
        free(t);
        xapi_sync_free(s);
        return NULL;
    }
    return t;
}

void xapi_thread_poke(XapiThread *t)
{
    if (t)
        SDL_SemPost(t->wake);
}

void xapi_thread_stop(XapiThread *t)
{
    if (!t)
        return;
    /* Records written just before closing go out on the way, if the LRS
     * answers within XAPI_THREAD_GOODBYE_MS; else they wait for the next
     * start. */
    SDL_AtomicSet(&t->closing, 1);
    SDL_SemPost(t->wake);
    SDL_SemWaitTimeout(t->done, XAPI_THREAD_GOODBYE_MS);
    t->stop = 1;
    SDL_SemPost(t->wake);
    SDL_WaitThread(t->thread, NULL);
    SDL_DestroySemaphore(t->wake);
    SDL_DestroySemaphore(t->done);
    xapi_sync_free(t->sync);
    free(t);
}
