/* exam: the rules of a certification exam in progress, without a screen.
 *
 * An exam is opened by a signed start record in the learner's score file
 * (course, seed, fingerprint, start and deadline), written before the
 * first question is shown; the attempt counts from then. Everything a
 * resumed exam needs is taken from that record and from the course, never
 * from the journal's own header: the questions are drawn again from the
 * start's seed with the course's question count, and the time left is
 * whichever is less of the deadline by the wall clock and the time limit
 * less the time already spent (journaled now and then as ticks), so
 * setting the clock back does not add time. The screen only draws. */
#ifndef TPQUIZ_EXAM_H
#define TPQUIZ_EXAM_H

#include <stdint.h>

#include "course.h"
#include "journal.h"
#include "record.h"
#include "session.h"

/* How often, in exam time, the time spent is journaled. */
#define EXAM_TICK_MS 30000

/* The index in f of the exam still open: the latest good start record (of
 * course, or of any course if course is NULL) that no exam attempt of the
 * file names. -1 if none. */
int exam_open_start(const ScoreFile *f, const char *course);

/* The start record of a new exam of c, started at started_s (unix
 * seconds) with seed: deadline = start + the course's limit. The record's
 * strings point into c (do not free them). */
Record exam_start_record(const Course *c, uint64_t seed, int64_t started_s);

/* The exam's questions, drawn again from the start record's seed against
 * c (NULL if c is not the start's course or has no questions). */
Session *exam_rebuild(const Course *c, const Record *start);

/* Time left: the lesser of deadline_ms - now_ms and limit_ms - spent_ms,
 * never below 0 and never above limit_ms. */
int64_t exam_remaining_ms(int64_t deadline_ms, int64_t limit_ms, int64_t spent_ms, int64_t now_ms);

/* Replays journaled events onto the rebuilt exam (a later event for a
 * question replaces an earlier one; events for questions it does not
 * have are skipped). Returns the time spent as the journal last recorded
 * it (the largest tick; 0 if none). */
int64_t exam_replay(Session *s, const JournalEvent *ev, int n);

#endif
