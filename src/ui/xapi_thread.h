/* xapi_thread: the station's xAPI passes (xapi_sync.h) on a thread of
 * their own, so that a slow or absent LRS never holds up a screen. */
#ifndef TPQUIZ_XAPI_THREAD_H
#define TPQUIZ_XAPI_THREAD_H

#include "xapi_sync.h"

typedef struct XapiThread XapiThread;

/* Starts passes over s (taken): one at once, then one whenever poked and
 * every XAPI_THREAD_PERIOD_MS. NULL (s freed) if no thread can be made. */
XapiThread *xapi_thread_start(XapiSync *s);
/* A record was written: run a pass soon. NULL is fine. */
void xapi_thread_poke(XapiThread *t);
/* Runs a last pass (for at most XAPI_THREAD_GOODBYE_MS), then cancels
 * whatever is under way, waits for the thread and frees everything. NULL is
 * fine. */
void xapi_thread_stop(XapiThread *t);

#define XAPI_THREAD_PERIOD_MS 60000
#define XAPI_THREAD_GOODBYE_MS 3000

#endif
