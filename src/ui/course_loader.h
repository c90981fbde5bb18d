/* course_loader: the courses, protocols and disorders loaded on a thread of
 * their own while the sign-in screen is up (it needs none of them), so the
 * window is usable at once and the loading runs on the second core. The
 * first thing that needs the courses waits for them (app_wait_courses). */
#ifndef TPQUIZ_COURSE_LOADER_H
#define TPQUIZ_COURSE_LOADER_H

#include <SDL.h>
#include <stdbool.h>

#include "course.h"
#include "diag.h"
#include "disorder.h"
#include "protocol.h"

typedef struct CourseLoader CourseLoader;

/* What a load gives: each part's problems in its own Diag. */
typedef struct {
    Library *lib;
    ProtocolSet *protocols;
    DisorderSet *disorders;
    Diag *lib_diag, *protocol_diag, *disorder_diag;
} CourseLoad;

/* Starts loading from the two folders (SDL need not be started). NULL if
 * the thread cannot start (the caller loads on its own thread with
 * course_load_now). */
CourseLoader *course_loader_start(const char *courses_dir, const char *assets_dir);
/* Once SDL's events work: the event type (0: none) pushed when the load
 * ends. A load that ended before pushes nothing: check course_loader_done
 * before waiting for events. */
void course_loader_set_wake(CourseLoader *l, Uint32 wake);
/* True once the load has ended (course_loader_finish will not wait). */
bool course_loader_done(const CourseLoader *l);
/* Asks the load to stop at the next file (what it has loaded stays). */
void course_loader_request_stop(CourseLoader *l);
/* Waits for the load, hands over what it gave and frees the loader. */
void course_loader_finish(CourseLoader *l, CourseLoad *out);
/* Stops a load (at quit), waits for the thread and frees everything;
 * NULL is fine. */
void course_loader_cancel(CourseLoader *l);

/* The same load on the calling thread; go_on (may be NULL) is asked
 * between files whether to go on. */
void course_load_now(const char *courses_dir, const char *assets_dir, bool (*go_on)(void *), void *ctx,
                     CourseLoad *out);

#endif
