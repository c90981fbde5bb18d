/* report: the instructor's review of a folder of learner score files.
 *
 * Files are streamed: each is loaded (scorefile_load with the station key),
 * summarised for its learner, folded into running per-question aggregates
 * and freed before the next is taken, so memory does not grow with the
 * number of learners. What the report keeps is bounded by the number of
 * distinct questions (item keys) times fixed caps: REPORT_EXACT_DISTANCES
 * distances per question and population (then a histogram of
 * REPORT_DISTANCE_BINS bins), and, only when clicks are kept for heatmaps,
 * a uniform sample of REPORT_MAX_CLICKS clicks per question. The list of
 * skipped files is kept too (one entry per bad file).
 *
 * Several threads may load files (ReportOptions.threads); summaries are
 * handed to the caller and folded strictly in the order of the paths, on
 * the calling thread, so every figure is the same whatever the number of
 * threads.
 *
 * What counts (the full rules are in docs/REPORT.md):
 *  - A file that cannot be read, is not a score file or has no learner
 *    profile record is skipped: reported by name with the reason, nothing
 *    else from it is used. Every other file gets a learner summary, whatever
 *    its integrity; each record that is not good is listed.
 *  - Certification per course is certify_status over the file: only good
 *    (verified) records pass anything; every exam record uses up an attempt.
 *  - Question statistics use good attempt records only (of the course asked
 *    for, if any). Two populations are kept apart: exam attempts, and module
 *    quiz attempts (a quiz covers one module, so a quiz item's population is
 *    that module's quiz attempts).
 *  - Facility: mean credit (unanswered = 0) in percent.
 *  - Discrimination index, as Moodle's quiz statistics report computes it:
 *    100 * cov(x, y) / sqrt(var(x) var(y)) over the attempts of the
 *    population that contain the item, where x is the item's credit and y
 *    the rest of the test: the sum of the other items' credits in the same
 *    attempt (every item weighs one mark). Undefined (has_discrimination
 *    false) with fewer than 2 attempts or when x or y does not vary.
 *  - Click distance (clicks on the item's own chart): locate and reverse
 *    items: from the item's trigger point; zone items: from the nearest
 *    edge of the trigger point's zones on that chart, 0 inside; locate-all
 *    items: each mark from the nearest of the points to find. Image units;
 *    times the chart's cm_per_unit for centimetres. Paint items have no
 *    clicks (their credit is the overlap).
 *  - Wrong side: only on charts that show both sides of the body (front,
 *    back, head_front) and only for targets wholly on one side of the
 *    chart's vertical midline (viewBox x + width/2): a locate target whose
 *    radius circle does not reach the midline, a zone target whose polygons
 *    on that chart all lie on one side. A click is on the wrong side when
 *    its x is strictly on the other side of the midline. The rule works on
 *    image x, so it holds for mirrored charts too: on a front chart the
 *    patient's right is the viewer's left, on a back chart the viewer's
 *    right, and a target on the patient's right is on the left half of the
 *    one and the right half of the other. A locate-all mark is judged
 *    against the nearest point to find.
 *
 * Nothing here prints: the summaries are handed over as structures and the
 * text and CSV writers write to a FILE * the caller gives. */
#ifndef TPQUIZ_REPORT_H
#define TPQUIZ_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "certify.h"
#include "course.h"
#include "diag.h"
#include "judge.h"
#include "record.h"

/* Distances kept exactly per question and population; beyond this the
 * median comes from a histogram (ReportItemStats.median_estimated). */
#define REPORT_EXACT_DISTANCES 2000
/* Bins of that histogram, spanning 0 .. the chart's diagonal: the median
 * is then within half a bin (about 0.2 units on a 600 x 1400 chart). */
#define REPORT_DISTANCE_BINS 4096
/* Clicks kept per question for heatmaps: a uniform random sample (reservoir
 * sampling from a fixed seed, so the same files give the same sample). */
#define REPORT_MAX_CLICKS 5000

typedef enum { REPORT_EXAM, REPORT_QUIZ, REPORT_POPULATIONS } ReportPopulation;

const char *report_population_name(ReportPopulation p); /* "exam", "quiz" */

typedef struct {
    const char *course; /* only this course id's attempts and certification; NULL: every course */
    bool keep_clicks;   /* keep clicks for heatmaps (ReportItem.clicks) */
    int threads;        /* threads loading files; 1 or less: the calling thread only */
    /* The station's ledger (ledger.h), when the folder is a station's data
     * folder: every file is checked against it, and a file that was rolled
     * back is not trusted (none of its records counts). NULL: none. */
    const struct Ledger *ledger;
    /* The station keys the institute issued (tpquiz report --keys): a file
     * whose records name one of them is checked with it (else with the
     * report's key), and a course with stations = issued counts only exams
     * sealed by one of them (not by the report's own key, which may be the
     * one every home station shares). */
    const unsigned char (*issued_keys)[STATION_KEY_BYTES];
    int n_issued;
} ReportOptions;

/* A learner's standing in one course. */
typedef struct {
    const Course *course;
    CertStatus cert;     /* certify_status over the whole file */
    int quiz_attempts;   /* quiz records of the course, any integrity */
    int *module_quizzes; /* quiz records per course module (course order), any integrity */
    int exam_attempts;   /* exam records of the course, any integrity (= cert.exam_attempts) */
    /* judged[i]: record i re-graded against the course (judge_record_at),
     * for every good attempt record of the course; the others are left
     * zero (not counting). Computed once, by the thread that loaded the
     * file, for the certification, the text and the CSV alike. */
    JudgeResult *judged;
} ReportCourse;

/* One file's summary, valid during the callback only. */
typedef struct {
    const char *path;
    bool skipped; /* true: reason says why, nothing below is set */
    const char *reason;
    const ScoreFile *scores; /* the loaded file (records, statuses) */
    const char *learner;     /* from the profile record */
    const char *name;
    int records;
    int count[RECORD_TRUNCATED + 1]; /* records per RecordStatus */
    int outside;                     /* problems outside the records (scorefile_problems) */
    bool intact;
    bool wrong_key;        /* every record well-formed, none matches the key */
    bool rolled_back;      /* the station's ledger lists records the file lacks or has others for */
    const struct JudgeStations *stations; /* the issued station keys, for judge_record_at */
    const char *integrity; /* "all 6 records good", "5 of 6 records good: record 4 edited" */
    const Diag *problems;  /* every message about the file, "path:line: error: ..." */
    int attempts;          /* attempt records in scope (the course asked for, or all) */
    int quiz_attempts, exam_attempts;
    int n_courses; /* courses shown: the one asked for, else those with attempts */
    const ReportCourse *courses;
} ReportFile;

/* Return 0 to go on, nonzero to stop reading further files. */
typedef int (*ReportFileFn)(void *user, const ReportFile *f);

typedef struct {
    int answers; /* answers recorded, answered or not */
    int answered;
    double facility; /* mean credit in percent, 0..100 */
    bool has_discrimination;
    double discrimination; /* -100..100 */
    int clicks;            /* clicks on the item's chart, with a target to measure from */
    double mean_distance;  /* image units; meaningful when clicks > 0 */
    double median_distance;
    bool median_estimated; /* from the histogram (more than REPORT_EXACT_DISTANCES clicks) */
    int sided;             /* clicks judged for side (the target has a side) */
    int wrong_side;        /* of those, on the other side of the midline */
} ReportItemStats;

typedef struct {
    float x, y;   /* image units */
    float credit; /* 0..1; a locate-all mark: 1 matched to a point, 0 extra */
} ReportClick;

/* What an item key names ("<module>/tp.<id>/locate", ".../zone",
 * ".../paint", ".../reverse", "<module>/view.<view>/locate_all",
 * "<module>/question.<id>"); REPORT_ITEM_OTHER if it names nothing this
 * station's courses have. */
typedef enum {
    REPORT_ITEM_OTHER,
    REPORT_ITEM_LOCATE,
    REPORT_ITEM_ZONE,
    REPORT_ITEM_PAINT,
    REPORT_ITEM_REVERSE,
    REPORT_ITEM_LOCATE_ALL,
    REPORT_ITEM_QUESTION
} ReportItemKind;

/* Paintings of a paint item added up (with keep_clicks): for each cell of
 * a grid over the item's chart (grade_paint_grid's default cells), how
 * many painted cells of the paintings have their centre in it: with the
 * default cells, how many paintings cover it. */
typedef struct {
    Grid grid;              /* grade_paint_grid over the chart */
    const unsigned *counts; /* grid.cols * grid.rows, row-major */
    int paintings;          /* paintings added */
} ReportPaint;

typedef struct {
    const char *key;       /* the item key as recorded ("<module>/tp.<id>/locate") */
    const char *type;      /* "locate", "zone", "choice", "multi" (as first recorded) */
    const char *module_id; /* the part of the key before the first '/' */
    ReportItemKind kind;
    const Module *module; /* NULL if this station's courses have no such item */
    int tp;               /* locate, zone, paint, reverse: trigger point index in module, else -1 */
    int question;         /* choice / multi: question index in module, else -1 */
    const View *view;     /* chart items: the chart it is answered on, else NULL */
    int side;             /* the target's side of the midline: -1 left, +1 right, 0 none
                             (locate-all: 0, each mark is judged on its own) */
    ReportItemStats stats[REPORT_POPULATIONS];
    /* With keep_clicks: clicks (locate-all: marks) on the item's chart from
     * both populations, and for paint items the paintings added up. */
    const ReportClick *clicks;
    int n_clicks;
    int clicks_seen; /* clicks offered to the sample (n_clicks <= clicks_seen) */
    ReportPaint paint;
    /* choice / multi items of a known question: how often each option was
     * chosen, per population; option i is the question's correct[i] for
     * i < n_correct, else wrong[i - n_correct]. NULL when not counted. */
    int n_options;
    const int *picks[REPORT_POPULATIONS];
} ReportItem;

typedef struct {
    int files; /* paths given */
    int read;  /* files summarised */
    int skipped;
    int intact;   /* files with every record good and nothing else */
    int attempts; /* attempt records in scope, any integrity */
    int counted;  /* of those, good ones (used for question statistics) */
    int n_courses;
    const Course *const *courses; /* the courses in scope (library order) */
    const int *certified;         /* learners certified, per course above */
} ReportSummary;

typedef struct Report Report;

/* A report over lib's courses with the station key (copied). NULL if out of
 * memory or opt->course names no course of lib (say so with
 * library_find_course first). lib must outlive the report. */
Report *report_create(const Library *lib, const unsigned char key[STATION_KEY_BYTES],
                      const ReportOptions *opt);
void report_free(Report *r);

/* Reads the files in order: each is loaded, summarised, handed to fn (may
 * be NULL) and folded in. Skipped files are remembered (report_skipped).
 * Returns the number of files handed over, or -1 if a thread could not be
 * started (nothing is read then). May be called more than once. */
int report_add_files(Report *r, const char *const *paths, int n, ReportFileFn fn, void *user);

/* Computes the question statistics (sorted by key). Call once, after the
 * last report_add_files; the item accessors below need it. */
void report_finish(Report *r);

const ReportSummary *report_summary(const Report *r);
int report_item_count(const Report *r);
const ReportItem *report_item(const Report *r, int i);
/* Fewer answers than this in a population give no verdict on an item. */
#define REPORT_MIN_ANSWERS 5

/* A short verdict on the item's statistics in one population, "" if none
 * (no answers): "too few answers" under REPORT_MIN_ANSWERS answers, else
 * "very hard", "very easy", "negative discrimination", "weak
 * discrimination" (joined by "; "). Thresholds from Moodle's guidance in
 * docs/REPORT.md. Returns buf. */
char *report_item_note(const ReportItemStats *s, char *buf, size_t size);
int report_skipped_count(const Report *r);
void report_skipped(const Report *r, int i, const char **path, const char **reason);

/* The files under dir, recursively, in byte order of their paths, walked
 * with walk_files (no link out of dir followed, nothing read twice, each
 * entry left out named as a warning in d); names starting with '.' and the
 * learner files that are not score files (.review, .progress, .journal,
 * temporary files, station.key, progress.tsv) are left out quietly.
 * Returns the count and sets *paths (free with report_paths_free), or -1
 * with the reason in d if dir cannot be read. */
int report_list_dir(const char *dir, char ***paths, Diag *d);

/* Reads every *.key file under dir (the station keys the institute issued,
 * each a valid key file: station_key_read) into a new array *keys (free
 * it). Returns how many (at least one), or -1 with the reasons in d. */
int report_read_keys(const char *dir, unsigned char (**keys)[STATION_KEY_BYTES], Diag *d);
/* The key to check a file with (the issued key its records name, else the
 * report's), and the issued stations for judge_record_at / certify. */
const unsigned char *report_key_for(const Report *r, const char *path);
const struct JudgeStations *report_stations(const Report *r);
void report_paths_free(char **paths, int n);

/* --- text: the readable report -------------------------------------- */

/* The heading: what was read, from where, with which filter. */
void report_text_begin(FILE *out, const char *dir, const ReportOptions *opt, int n_files);
/* One learner block (or "skipped: path: reason"). */
void report_text_file(FILE *out, const ReportFile *f);
/* After report_finish: the question table, skipped files and totals. */
void report_text_end(FILE *out, const Report *r);

/* --- CSV: the same tables for a spreadsheet --------------------------- */
/* One UTF-8 file of several tables (RFC 4180 quoting, CRLF line ends),
 * each a title row (one field), a header row and its rows, tables
 * separated by an empty line: Files, Certification, Module quizzes, Exam
 * attempts, Questions, Problems. The per-learner tables are streamed into
 * temporary files while the report reads, so memory stays flat. */
typedef struct ReportCsv ReportCsv;

ReportCsv *report_csv_create(void); /* NULL if temporary files cannot be made */
/* Adds one file's rows; -1 on a write error. */
int report_csv_file(ReportCsv *c, const ReportFile *f);
/* After report_finish: writes every table to out; -1 on a write error. */
int report_csv_write(ReportCsv *c, const Report *r, FILE *out);
void report_csv_free(ReportCsv *c);

/* RFC 4180 field: quoted (doubling quotes) if it holds a comma, quote, CR
 * or LF, or starts or ends with white space. */
void report_csv_field(FILE *out, const char *s);

#endif
