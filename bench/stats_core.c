/* stats_core: the statistics screen's work in core, timed in-process, for
 * bench/stats.sh (docs/PERFORMANCE.md, "Statistics").
 *
 * Loads the courses once, then RUNS times: reads and verifies the learner's
 * score file (done at sign-in, not when the screen opens), reads the
 * practice log and the review schedule, and computes the statistics (what
 * opening the screen does: the score file and the schedule are in memory by
 * then). Prints the median and the largest time of each step and the
 * counts the statistics found.
 *
 * Usage: stats_core COURSES ASSETS DATA LEARNER_ID NOW_S [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "course.h"
#include "diag.h"
#include "record.h"
#include "review.h"
#include "stats.h"
#include "studylog.h"

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

/* CPU time of this process: what the work costs when other processes
 * share the CPU (its wall time then includes waiting). */
static double cpu_ms(void)
{
    return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp);
    printf("%-40s median %8.3f ms  max %8.3f ms\n", what, t[n / 2], t[n - 1]);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: stats_core COURSES ASSETS DATA LEARNER_ID NOW_S [RUNS]\n");
        return 2;
    }
    const char *data = argv[3], *id = argv[4];
    int64_t now = strtoll(argv[5], NULL, 10);
    int runs = argc > 6 ? atoi(argv[6]) : 21;
    if (runs < 1 || runs > 1000)
        runs = 21;
    Diag *d = diag_create();
    Library *lib = library_load(argv[1], argv[2], d);
    unsigned char key[STATION_KEY_BYTES];
    if (station_key_load(data, key, d) != 0) {
        diag_print(d, stderr);
        return 1;
    }
    char scores[4096], practice[4096], review[4096];
    snprintf(scores, sizeof scores, "%s/learners/%s.scores", data, id);
    snprintf(practice, sizeof practice, "%s/learners/%s.practice", data, id);
    snprintf(review, sizeof review, "%s/learners/%s.review", data, id);
    double *t_scores = calloc((size_t)runs, sizeof(double)), *t_log = calloc((size_t)runs, sizeof(double));
    double *t_review = calloc((size_t)runs, sizeof(double)), *t_stats = calloc((size_t)runs, sizeof(double));
    double *t_open = calloc((size_t)runs, sizeof(double)), *c_open = calloc((size_t)runs, sizeof(double));
    Stats *last = NULL;
    ScoreFile *f = NULL;
    ReviewDeck *deck = NULL;
    for (int r = 0; r < runs; r++) {
        Diag *rd = diag_create();
        double t0 = now_ms();
        scorefile_free(f);
        f = scorefile_load(scores, key, rd);
        double t1 = now_ms();
        review_free(deck);
        deck = review_load(review, rd);
        double t2 = now_ms(), c2 = cpu_ms();
        StudyLogEntry *log = NULL;
        int n_log = studylog_load(practice, &log, rd);
        double t3 = now_ms();
        StatsInput in = {lib, f, log, n_log > 0 ? n_log : 0, deck, now, 0};
        stats_free(last);
        last = stats_compute(&in);
        double t4 = now_ms(), c4 = cpu_ms();
        free(log);
        c_open[r] = c4 - c2;
        t_scores[r] = t1 - t0;
        t_review[r] = t2 - t1;
        t_log[r] = t3 - t2;
        t_stats[r] = t4 - t3;
        t_open[r] = t4 - t2;
        if (r == 0 && diag_count(rd)) {
            diag_print(rd, stderr);
        }
        diag_free(rd);
    }
    if (!f || !last) {
        fprintf(stderr, "stats_core: the score file could not be read or the statistics not computed\n");
        return 1;
    }
    printf("learner %s: %d records, %d answers (%d from the practice log), %d quizzes, %d exams, %d review cards, "
           "%d periods of %d day(s), %d modules\n",
           id, scorefile_count(f), last->answers, last->practice_answers, last->quizzes, last->exams,
           last->scheduled, last->n_periods, last->period_days, last->n_modules);
    report("score file read and verified (sign-in)", t_scores, runs);
    report("review schedule read (sign-in)", t_review, runs);
    report("practice log read (screen opens)", t_log, runs);
    report("statistics computed (screen opens)", t_stats, runs);
    report("screen's core work: log read + compute", t_open, runs);
    report("the same, CPU time", c_open, runs);
    stats_free(last);
    scorefile_free(f);
    review_free(deck);
    library_free(lib);
    diag_free(d);
    free(t_scores), free(t_log), free(t_review), free(t_stats), free(t_open), free(c_open);
    return 0;
}
