/* xapi_sync: a station that sends its learners' records to an LRS as they
 * are written.
 *
 * When the station's config names an endpoint ([xapi] endpoint, user,
 * password_file, homepage), the program runs a pass now and then (from a
 * thread of its own): every learner file changed since the pass before is
 * read, its statements are made (xapi.h) and whatever the LRS has not
 * acknowledged is pushed (lrs.h), with the station's state file
 * <data>/.xapi-sent-<hash>. Offline, nothing is lost: what is not
 * acknowledged is simply sent by a later pass, which is the queue. A pass
 * never blocks the program's screens; closing the program cancels a pass
 * under way (the statements it did not finish are sent next time). */
#ifndef TPQUIZ_XAPI_SYNC_H
#define TPQUIZ_XAPI_SYNC_H

#include <stdbool.h>

#include "config.h"
#include "course.h"
#include "diag.h"
#include "record.h"

typedef struct XapiSync XapiSync;

/* NULL when the config names no endpoint (nothing to do, no message), or
 * when its [xapi] settings cannot be used (the reason in d). The library
 * must outlive it and not change while a pass runs. */
XapiSync *xapi_sync_create(const Config *cfg, const Library *lib, const char *data_dir,
                           const unsigned char key[STATION_KEY_BYTES], Diag *d);
void xapi_sync_free(XapiSync *s);

typedef enum {
    XAPI_SYNC_DONE,    /* everything written so far is acknowledged */
    XAPI_SYNC_WAITING, /* the LRS could not be reached: a later pass sends it */
    XAPI_SYNC_REFUSED  /* the LRS refused a statement (reason in d): a later pass tries again */
} XapiSyncResult;

/* One pass (see above). *cancel, read between requests and during one,
 * stops it early (WAITING). */
XapiSyncResult xapi_sync_pass(XapiSync *s, const volatile int *cancel, Diag *d);

/* Statements acknowledged by the passes of this run, and made. */
int xapi_sync_sent(const XapiSync *s);

#endif
