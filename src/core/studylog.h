/* studylog: every answer a learner gives in practice and spaced review, one
 * line each, kept for the statistics (score files hold only quizzes and
 * exams).
 *
 * <data>/learners/<id>.practice, a versioned tab-separated text file
 * (docs/FORMATS.md):
 *
 *   tpquiz-practice 1
 *   <finished, unix seconds>\t<item key>\t<credit percent>\t<time ms>\t<distance cm or ->
 *
 * A finished (or left) session's answers are appended with one write and
 * an fsync. The log is a study aid, not a record: it is not signed, and a
 * damaged line only drops out of the statistics. */
#ifndef TPQUIZ_STUDYLOG_H
#define TPQUIZ_STUDYLOG_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

/* Longest item key kept (as review.h's REVIEW_MAX_KEY). */
#define STUDYLOG_MAX_KEY 200

typedef struct {
    int64_t at_s;                   /* when the session ended */
    const char *key;                /* Item.key: "<module>/tp.<id>/locate", ... */
    double credit;                  /* 0..1 */
    int64_t time_ms;                /* from the item shown to the answer */
    double distance_cm;             /* locate items: the click's distance from the point; < 0 if none */
} StudyLogEntry;

/* Appends entries[0..n) to path (created mode 0600 with its header if
 * missing or empty) in one write, then fsyncs. An entry whose key is not
 * storable (empty, too long, a space, tab or control character) is
 * skipped; a credit is clamped to 0..1, a time to 0..a day. Returns 0, or
 * -1 with "path: error: ..." in d. n <= 0 writes nothing. */
int studylog_append(const char *path, const StudyLogEntry *entries, int n, Diag *d);

/* Reads path into a new array *out and returns the entry count. The keys
 * live in the same allocation as the array: one free(*out) releases all
 * (NULL when empty). A missing file is an empty log (no
 * message); a file that cannot be read (a folder, a FIFO, over 16 MB) is
 * reported and is empty; a bad line is reported as path:line and skipped.
 * -1 only if memory runs out. */
int studylog_load(const char *path, StudyLogEntry **out, Diag *d);

#endif
