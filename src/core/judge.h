/* judge: a record re-graded against the instructor's copy of the course.
 *
 * A record's own `score`, `passed` and `pass_mark` are what the program
 * that wrote it believed; a learner who ran tpquiz on a private copy of a
 * course (a pass mark of 1, an exam of one question) gets a record that is
 * genuine in every byte and still wrong. So nothing that certifies is taken
 * from the record's verdict: every attempt is rebuilt from its seed against
 * the course given here, its raw responses (clicks, paintings, marks,
 * options) are graded again, and the record counts only when the course's
 * fingerprint, the questions its seed draws, the recomputed score and
 * verdict, the pass mark and the time taken all agree with what it claims.
 * Integrity (MACs, the chain) is record.c's; this is the other half. */
#ifndef TPQUIZ_JUDGE_H
#define TPQUIZ_JUDGE_H

#include <stdbool.h>

#include "course.h"
#include "record.h"

/* How far past its time limit (or its start record's deadline) an exam
 * may finish and still count: the clock is read in whole seconds and a
 * submission at the deadline takes a moment to write. */
#define JUDGE_GRACE_S 120

typedef enum {
    JUDGE_COUNTS,        /* re-graded, everything agrees */
    JUDGE_NOT_ATTEMPT,   /* a profile or exam start: nothing to grade */
    JUDGE_NO_COURSE,     /* the course, or the quiz's module, is not in the given copy */
    JUDGE_OTHER_VERSION, /* graded against another version of the course */
    JUDGE_RULES,         /* pass mark or number of questions differs from the course's */
    JUDGE_ITEMS,         /* its questions are not the ones its seed draws */
    JUDGE_SCORE,         /* the recomputed score or verdict differs */
    JUDGE_TIME,          /* finished before it started, or ran past its time */
    JUDGE_NO_START,      /* an exam without the start record it names */
    JUDGE_VOID,          /* a void exam attempt (its journal failed its check) */
    JUDGE_UNPROCTORED    /* an exam of a stations = issued course sealed by a key not issued */
} JudgeCode;

/* The station keys the institute issued, by id (the report's --keys). */
typedef struct JudgeStations {
    const char (*ids)[STATION_KEY_ID_HEX + 1];
    int n;
} JudgeStations;

typedef struct {
    JudgeCode code;
    bool counts;     /* code == JUDGE_COUNTS */
    bool old_format; /* written before fingerprints (score-file version 1): re-graded only */
    double score;    /* recomputed, 0..1; -1 when it could not be */
    bool passed;     /* recomputed against the course's pass mark */
    char why[240];   /* what is wrong, for a message; "" when it counts */
} JudgeResult;

const char *judge_code_name(JudgeCode c); /* "counts", "other version", ... */

/* Re-grades record i of f (any integrity status: the caller decides what
 * an edited record means) against c, the course the record names (NULL,
 * or another course: JUDGE_NO_COURSE). */
JudgeResult judge_record(const Course *c, const ScoreFile *f, int i);
/* The same, with the issued station keys: for a course whose exam must come
 * from an issued station, an exam sealed by any other key is
 * JUDGE_UNPROCTORED. NULL stations: that rule is not applied (a station
 * cannot know whether its own key was issued). */
JudgeResult judge_record_at(const Course *c, const ScoreFile *f, int i, const JudgeStations *stations);

#endif
