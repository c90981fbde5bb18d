/* lrs: sending xAPI statements to a Learning Record Store.
 *
 * Statements go in batches (POST <endpoint>/statements, header
 * X-Experience-API-Version: 1.0.3, HTTP basic authentication) through
 * libcurl. What the LRS acknowledged is remembered in a state file, one
 * statement id a line, appended and flushed to disk after every batch, so
 * a push that is killed or loses the network resumes where it stopped, and
 * nothing is marked sent that the LRS did not accept. Statement ids come
 * from the records (xapi.h), so a statement sent twice (a state file lost)
 * is still stored once: the LRS answers 409 Conflict or accepts it as the
 * same statement, and either way it is counted as already there.
 *
 * Server errors (5xx), 429, timeouts and refused or dropped connections
 * are retried with a growing pause; after the last retry the push stops
 * with the reason, resumable. Any other 4xx stops at once with the LRS's
 * own message: a statement it rejects is a bug to report, not to retry. */
#ifndef TPQUIZ_LRS_H
#define TPQUIZ_LRS_H

#include <jansson.h>
#include <stdbool.h>

#include "diag.h"

typedef struct {
    const char *endpoint;   /* the LRS's xAPI base, e.g. https://lrs.example/xAPI */
    const char *user;
    const char *password;
    const char *state_path; /* the state file */
    int batch;              /* statements a request, 1..500 (0: 100) */
    int retries;            /* after a failure that may pass (0: 5) */
    int backoff_ms;         /* the first pause, doubled each retry (0: 500) */
    int timeout_s;          /* for one request (0: 60) */
    bool quiet;             /* no progress lines on stderr */
    const volatile int *cancel; /* if not NULL: once non-zero, the push stops (-1) as soon as it can */
} LrsPush;

typedef struct {
    int total;     /* statements given */
    int already;   /* of those, acknowledged by an earlier push (the state file) */
    int sent;      /* sent and acknowledged now */
    int conflicts; /* the LRS already had them (409): counted as sent */
    int requests;  /* HTTP requests made */
    int retried;   /* of those, retries */
} LrsResult;

/* Starts libcurl; call once from the main thread before any push (lrs_push
 * calls it too, for programs with one thread). 0, or -1 (reason in d). */
int lrs_global_init(Diag *d);

/* Sends every statement of the array not yet acknowledged. Returns 0 when
 * all are acknowledged, -1 when it stopped (the reason in d; what was
 * acknowledged before is in the state file). */
int lrs_push(const LrsPush *p, json_t *statements, LrsResult *r, Diag *d);

/* The default state file for an endpoint in folder dir:
 * <dir>/.xapi-sent-<16 hex digits of a hash of the endpoint> (a dot file:
 * report and verify leave it alone). Returns a malloc'd path. */
char *lrs_state_path(const char *dir, const char *endpoint);

/* Reads the password from the first line of a file (a trailing newline is
 * dropped). A file others may read is an error, as for keys. Returns a
 * malloc'd string or NULL with the reason in d. */
char *lrs_read_password(const char *path, Diag *d);

#endif
