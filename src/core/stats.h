/* stats: a learner's statistics from their own files: mastery per module
 * and per body region, accuracy and median click distance over time, the
 * spaced-review forecast and the time studied. The definitions are in
 * docs/GRADING.md ("Statistics").
 *
 * Sources: the score file's good attempt records (module quizzes and exams;
 * an edited, reordered or void record counts for nothing), the practice
 * log (studylog.h: every practice and review answer) and the review deck.
 * Nothing here reads a file or a clock: the caller passes what it loaded
 * and the time. */
#ifndef TPQUIZ_STATS_H
#define TPQUIZ_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "course.h"
#include "record.h"
#include "review.h"
#include "studylog.h"

/* Mastery of a module: the mean credit of its latest STATS_WINDOW answers. */
#define STATS_WINDOW 20
#define STATS_FORECAST_DAYS 30
/* Periods of the history are days while it spans at most this many days,
 * weeks (Monday to Sunday) beyond. */
#define STATS_DAILY_SPAN 60
/* The most a quiz or exam attempt counts toward time studied (a record
 * finished long after it started was left open, not studied). */
#define STATS_MAX_ATTEMPT_S (4 * 3600)
/* The region of modules without a muscle group (lessons). */
#define STATS_REGION_OTHER "other"

typedef struct {
    const Module *module;
    const char *region; /* its MUSCLE_GROUPS id, or STATS_REGION_OTHER */
    int answers;        /* every answer counted, all sources */
    int window;         /* answers in the mastery window, at most STATS_WINDOW */
    double mastery;     /* 0..1: mean credit of the window; 0 if no answers */
    int64_t last_s;     /* time of the latest answer, 0 if none */
} StatsModule;

typedef struct {
    const char *id;   /* MUSCLE_GROUPS id or STATS_REGION_OTHER */
    const char *name; /* "Low back", ... ("Lessons" for STATS_REGION_OTHER) */
    int modules;      /* modules in the region */
    int practised;    /* of which have at least one answer */
    double mastery;   /* 0..1: mean mastery of its modules, an unanswered one counting 0 */
} StatsRegion;

typedef struct {
    int64_t start_s; /* the period's first second (local midnight, as the offset says) */
    int answers;
    double accuracy; /* 0..1: mean credit */
    int located;     /* locate answers with a known distance */
    double median_cm; /* their median click distance, cm; -1 if located is 0 */
} StatsPeriod;

typedef struct {
    /* Every module of the library that is in a course, course order, once. */
    StatsModule *modules;
    int n_modules;
    /* Regions in MUSCLE_GROUPS order that have modules, then "other". */
    StatsRegion *regions;
    int n_regions;
    /* Periods with answers, oldest first; period_days is 1 or 7. */
    StatsPeriod *periods;
    int n_periods;
    int period_days;
    /* Review cards of loaded modules due on each local day from today on;
     * forecast[0] includes the overdue ones (also counted in overdue). */
    int forecast[STATS_FORECAST_DAYS];
    int overdue;
    int scheduled; /* cards of loaded modules */
    /* Time studied, seconds: quizzes and exams (finish - start, each at
     * most STATS_MAX_ATTEMPT_S), practice and review (time per answer). */
    int64_t quiz_s, exam_s, practice_s;
    int answers;  /* all answers counted */
    int quizzes, exams; /* good attempt records */
    int practice_answers;
} Stats;

typedef struct {
    const Library *lib;
    const ScoreFile *scores;    /* NULL: none */
    const StudyLogEntry *log;   /* the practice log */
    int n_log;
    const ReviewDeck *review;   /* NULL: none */
    int64_t now_s;
    int64_t utc_offset_s;       /* local time minus UTC, for day boundaries */
} StatsInput;

/* NULL only if memory runs out. */
Stats *stats_compute(const StatsInput *in);
void stats_free(Stats *s);

/* The module of an item key ("<module>/..."), written into buf; false if
 * the key has no '/' or the id does not fit. */
bool stats_key_module(const char *key, char *buf, size_t size);

/* A locate answer's click distance in cm: the click against the trigger
 * point of key ("<module>/tp.<id>/locate") on view, scaled by the view's
 * cm per unit; -1 if the key is not a locate item of a loaded module, the
 * view is not the point's or has no scale. */
double stats_locate_cm(const Library *lib, const char *key, const char *view, Vec2 click);

#endif
