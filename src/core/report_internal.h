/* report_internal: what the files of the report share (report.c,
 * report_stats.c, report_text.c, report_csv.c): the Report itself, the
 * per-question accumulators and a few formatting helpers. Not for other
 * modules: they use report.h. */
#ifndef TPQUIZ_REPORT_INTERNAL_H
#define TPQUIZ_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"
#include "rng.h"

/* Distances of one question and population: exact up to
 * REPORT_EXACT_DISTANCES, then a histogram over 0..max. */
typedef struct {
    int n;
    double sum;
    double *exact;
    int cap;
    uint32_t *hist;
    double max; /* the histogram's range (the chart's diagonal) */
} DistStore;

/* Running co-moments of (item credit, rest of test), Welford's update. */
typedef struct {
    int n;
    double mean_x, mean_y, m2x, m2y, cxy;
    double credit_sum;
    int answered;
} Moments;

typedef struct {
    ReportItem pub;
    char *key, *type, *module_id;
    Moments mom[REPORT_POPULATIONS];
    DistStore dist[REPORT_POPULATIONS];
    int clicks[REPORT_POPULATIONS], sided[REPORT_POPULATIONS], wrong[REPORT_POPULATIONS];
    ReportClick *sample;
    int n_sample, seen;
    Rng rng;
    unsigned *paint; /* paint items: ReportPaint.counts */
    int *picks;      /* choice / multi: n_options per population */
    Vec2 target;     /* locate, reverse: the trigger point */
    double midline;  /* x of the chart's midline */
    bool bilateral;  /* the chart has a midline */
} ItemAcc;

struct Report {
    const Library *lib;
    unsigned char key[STATION_KEY_BYTES];
    /* The report's own key and the issued ones: keys[0] is key. */
    unsigned char (*keys)[STATION_KEY_BYTES];
    char (*key_ids)[STATION_KEY_ID_HEX + 1];
    int n_keys;
    JudgeStations stations;
    ReportOptions opt;
    char *course_id;
    const Course **courses; /* in scope */
    int n_courses;
    int *certified;
    ReportSummary sum;
    /* question table: open addressing on the key */
    ItemAcc **slots;
    int cap, n_items;
    ItemAcc **items; /* sorted, after report_finish */
    bool finished;
    char **skip_path, **skip_reason;
    int n_skipped, cap_skipped;
    /* Every learner id read, with the file it came from (in reading order),
     * to name learners with more than one file. */
    char **seen_id, **seen_path;
    int n_seen, cap_seen;
};

/* ---- report.c --------------------------------------------------------------- */

/* A copy of s (NULL for NULL, or out of memory). */
char *report_dup(const char *s);
/* Both NULL, or equal strings. */
bool report_same(const char *a, const char *b);
/* v with `decimals` decimals, formatted by hand (no locale); returns buf. */
char *report_fixed(char *buf, size_t size, double v, int decimals);
/* A unix time (UTC) as "YYYY-MM-DD", or with with_time "YYYY-MM-DDTHH:MM:SSZ"; "?" if not set. */
void report_date_utc(int64_t t, char *buf, size_t size, bool with_time);

/* ---- report_stats.c ----------------------------------------------------------- */

/* Folds a good attempt record into the question table (the calling thread's part). */
void report_fold_attempt(Report *r, const Record *rec);
void report_item_free(ItemAcc *it);

#endif
