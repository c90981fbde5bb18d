/* progress: a learner's practice history per module, kept in a small text
 * file in the data folder (format in docs/FORMATS.md). Saving writes a
 * temporary file, fsyncs it and renames it over the old one, so a crash
 * leaves either the old or the new file, never a mix. */
#ifndef TPQUIZ_PROGRESS_H
#define TPQUIZ_PROGRESS_H

#include <stdint.h>

#include "diag.h"

typedef struct {
    char *module_id;
    int sessions;       /* finished practice sessions */
    double best;        /* best score, 0..1 */
    double last;        /* latest score, 0..1 */
    int64_t last_time;  /* seconds since the epoch */
} ProgressEntry;

typedef struct Progress Progress;

/* Reads path; a missing file is an empty Progress. Bad lines are reported
 * (path:line) and skipped. Never returns NULL. */
Progress *progress_load(const char *path, Diag *d);
void progress_free(Progress *p);

const ProgressEntry *progress_find(const Progress *p, const char *module_id);
int progress_count(const Progress *p);
const ProgressEntry *progress_entry(const Progress *p, int i);

/* Adds one finished session. */
void progress_record(Progress *p, const char *module_id, double score, int64_t now_s);

/* Writes atomically (temp file, fsync, rename, fsync of the folder).
 * Returns 0, or -1 with the reason in d. */
int progress_save(const Progress *p, const char *path, Diag *d);

#endif
