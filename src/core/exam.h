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

/* ---- the exam run ---------------------------------------------------------
 * An exam in progress with its files: the start record, the sealed journal
 * (events the disk refuses wait in memory, in order, and are retried), the
 * time spent, the submission. Time is passed in (milliseconds, any clock
 * the caller keeps); nothing here reads a clock. The run does not own its
 * Session: the caller gets it and frees it after the run. */

typedef struct {
    const char *scores;       /* the learner's score file */
    const char *journal;      /* the learner's exam journal */
    const unsigned char *key; /* the station key (STATION_KEY_BYTES) */
} ExamFiles;

typedef struct ExamRun ExamRun;

/* Starts an exam of c drawn from seed at now_ms: the signed start record is
 * appended first (the attempt counts from then), then the journal begun.
 * *session gets the exam's questions. NULL (nothing started) if the start
 * cannot be recorded or c has no questions (reason in d); a journal that
 * cannot be begun does not stop it (exam_run_error says so; retried). */
ExamRun *exam_run_start(const ExamFiles *files, const Course *c, uint64_t seed, int64_t now_ms,
                        Session **session, Diag *d);

typedef enum {
    EXAM_RESUME_NONE,      /* no exam open */
    EXAM_RESUME_RUNNING,   /* resumed with time left */
    EXAM_RESUME_EXPIRED,   /* its time ran out while closed: submit it now (auto) */
    EXAM_RESUME_VOIDED,    /* recorded as void (why says why): its journal failed its check */
    EXAM_RESUME_SET_ASIDE, /* a journal no start record names was removed; nothing resumed */
    EXAM_RESUME_NO_COURSE, /* its course is not on this station */
    EXAM_RESUME_FAILED     /* something could not be read or written (reason in d) */
} ExamResumeKind;

typedef struct {
    ExamResumeKind kind;
    bool had_journal;     /* the answers came back from a journal */
    const Course *course; /* RUNNING, EXPIRED, VOIDED */
    char course_id[80];   /* NO_COURSE */
    char why[300];        /* VOIDED */
} ExamResume;

/* Picks up the exam f's learner left open (exam_open_start), from the
 * start record and the courses of lib, replaying the journal when its seals
 * hold; a journal that fails its check voids the attempt (recorded here); a
 * journal path that is not a regular file is named in d and left alone.
 * Returns the run for RUNNING and EXPIRED (*session set), else NULL. */
ExamRun *exam_run_resume(const ExamFiles *files, const Library *lib, const ScoreFile *f, int64_t now_ms,
                         Session **session, ExamResume *res, Diag *d);

/* Brings the time spent up to now_ms (a clock that went back adds
 * nothing), journals it every EXAM_TICK_MS of exam time, and returns the
 * time left (exam_remaining_ms). */
int64_t exam_run_tick(ExamRun *r, int64_t now_ms);
int64_t exam_run_remaining(const ExamRun *r, int64_t now_ms);

/* Journals an answer, flag or clear (e.at_ms is set to now_ms). Paintings
 * and marks are copied. Written at once if the disk takes it, else kept in
 * memory and retried by every later call and exam_run_flush. */
void exam_run_journal(ExamRun *r, JournalEvent e, int64_t now_ms);
/* Retries what waits; returns how many events still wait. */
int exam_run_flush(ExamRun *r);
/* Why answers are not on disk ("" when they all are). */
const char *exam_run_error(const ExamRun *r);

/* Submits at now_ms (answers final, the time taken up to the deadline),
 * builds the exam record (with its start record's seq) and appends it,
 * then removes the journal. Returns 0, or -1 with the reason in d: the
 * journal is kept and calling again retries the record. */
int exam_run_submit(ExamRun *r, int64_t now_ms, bool auto_submitted, Diag *d);
bool exam_run_recorded(const ExamRun *r);
/* The score and verdict recorded (after a successful submit). */
double exam_run_score(const ExamRun *r);
bool exam_run_passed(const ExamRun *r);

const Course *exam_run_course(const ExamRun *r);
int exam_run_start_seq(const ExamRun *r);
int64_t exam_run_started_ms(const ExamRun *r);
int64_t exam_run_deadline_ms(const ExamRun *r);
uint64_t exam_run_seed(const ExamRun *r);

/* Closes the journal (it stays on disk unless the exam was recorded). */
void exam_run_free(ExamRun *r);

#endif
