/* attempt: a finished graded session as a score-file record. */
#ifndef TPQUIZ_ATTEMPT_H
#define TPQUIZ_ATTEMPT_H

#include <stdbool.h>
#include <stdint.h>

#include "record.h"
#include "session.h"

/* Builds the record of a finished quiz or exam of course c: every item's
 * raw response (click in image units with its view, options chosen by
 * their text), credit, time and flag, the seed, the score and pass/fail
 * against pass_mark (percent), and the course's fingerprint. module is
 * NULL for an exam (whose start_seq the caller sets). Times are unix
 * seconds. Returns a record to free with attempt_free, or NULL if out of
 * memory. */
Record *attempt_build(const Session *s, AttemptMode mode, const Course *c, const char *module, int64_t started,
                      int64_t finished, int pass_mark, bool auto_submitted);
void attempt_free(Record *r);

#endif
