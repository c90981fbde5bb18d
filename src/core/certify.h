/* certify: exam eligibility and certification, from a learner's verified
 * records. Only records whose status is good can pass anything; every exam
 * record of the course, good or not, uses up an attempt (see certify.c for
 * why). Time is passed in (unix seconds). */
#ifndef TPQUIZ_CERTIFY_H
#define TPQUIZ_CERTIFY_H

#include <stdbool.h>
#include <stdint.h>

#include "course.h"
#include "record.h"

struct JudgeStations;

typedef struct {
    int modules_total;
    int modules_passed;     /* modules with a passing, good quiz record */
    bool *module_passed;    /* per course module, in course order (owned) */
    double *module_best;    /* best quiz score per module, -1 if none (owned) */
    int exam_attempts;      /* exam records for the course, good or not */
    int exam_attempts_left; /* -1 if unlimited */
    bool exam_passed;
    const Record *best_exam; /* the passing exam with the best score, or NULL */
    bool certified;          /* every module passed and an exam passed */
    int64_t next_exam_at;    /* unix seconds when the wait after the last attempt
                                ends (0: no wait now); says nothing about attempts left */
} CertStatus;

/* The learner's standing in a course. f may be NULL (no records yet).
 * Every attempt record of the course is re-graded against c (judge.h):
 * one that does not count is
 * treated as not good (it still uses up an exam attempt). c's fingerprint
 * must be set (library loading does it). */
CertStatus certify_status(const Course *c, const ScoreFile *f, int64_t now_s);
/* The same with the institute's issued station keys (judge_record_at). */
CertStatus certify_status_at(const Course *c, const ScoreFile *f, int64_t now_s,
                             const struct JudgeStations *stations);
void certify_status_free(CertStatus *s);

/* certify_status_at in two steps, for a caller that asks often about the
 * same score file (the screens ask every frame): judging re-grades every
 * attempt and is the costly part; the status from its result depends on
 * now only through waits. certify_judge_records gives each record's status
 * as certify counts it (not good when the file is not trusted or the
 * course does not grade the record as written): scorefile_count(f)
 * entries, malloc'd, NULL when out of memory. certify_status_judged with
 * st == NULL grants nothing (as out of memory). */
RecordStatus *certify_judge_records(const Course *c, const ScoreFile *f, const struct JudgeStations *stations);
CertStatus certify_status_judged(const Course *c, const ScoreFile *f, const RecordStatus *st, int64_t now_s);

typedef enum { EXAM_ALLOWED, EXAM_NO_ATTEMPTS_LEFT, EXAM_TOO_SOON, EXAM_ALREADY_PASSED } ExamGate;
/* Whether the learner may start the exam now; for EXAM_TOO_SOON, *wait_until
 * gets the unix time when they may (wait_until may be NULL). Checked in this
 * order: already passed, no attempts left, too soon. */
ExamGate certify_exam_gate(const Course *c, const ScoreFile *f, int64_t now_s, int64_t *wait_until);

/* The same two over plain arrays: recs[i] with its integrity status st[i],
 * in file order (what the ScoreFile versions pass; tests call these
 * directly). A NULL entry of recs is skipped. */
CertStatus certify_status_records(const Course *c, const Record *const *recs, const RecordStatus *st, int n,
                                  int64_t now_s);
/* The gate from a status already computed (at any earlier now). */
ExamGate certify_exam_gate_status(const CertStatus *s, int64_t now_s, int64_t *wait_until);

#endif
