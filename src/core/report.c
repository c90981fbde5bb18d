/* report: streaming aggregation of score files. The rules are in report.h
 * and docs/REPORT.md. The report is split by concern:
 *
 *   report.c        the Report, loading and summarising each file, the worker pool, the folder
 *   report_stats.c  per-question statistics: the fold of each good attempt and the results
 *   report_text.c   the text report
 *   report_csv.c    the CSV report
 *
 * Nothing here re-grades on the calling thread: each attempt is judged
 * once, by the worker that loaded its file (certify_file), and the text
 * and CSV use that result.
 *
 * Pipeline: workers load files (scorefile_load, certify_status: pure work
 * on one file, no shared state) into a ring of slots; the calling thread
 * takes the slots strictly in path order, hands each summary to the
 * caller, folds the file's good attempt records into the question table
 * and frees it. At most RING_PER_THREAD files per worker are in memory at
 * once, so memory is flat in the number of files; the fold order, and so
 * every sum and sample, is the same for any number of threads.
 *
 * Numbers in output are formatted by hand (fixed decimals from llround),
 * not with printf("%f"), so a locale with a decimal comma cannot change a
 * report or its CSV. */
#include "report.h"
#include "report_internal.h"

#include "datafile.h"
#include "judge.h"
#include "ledger.h"

#include "learner.h"
#include "walk.h"

#include <errno.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <threads.h>
#include <time.h>

#include "grading.h"
#include "rng.h"

#define RING_PER_THREAD 4

/* Each grading thread's cache of rasterised zones (grading.h): the zones of
 * every painted question of a course, on the station's grids, take a few
 * MB; a file that paints on odd grids cannot make it grow past this. */
#define ZONE_CACHE_BYTES ((size_t)64 << 20)
#define INTEGRITY_LISTED 8 /* records named in the integrity line, then "and N more" */

/* ---- small helpers -------------------------------------------------------- */

char *report_dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, s, n);
    return r;
}

bool report_same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* v with exactly `decimals` (0..4) digits after the point, "-" for
 * negatives, no locale. */
char *report_fixed(char *buf, size_t size, double v, int decimals)
{
    static const long long P[] = {1, 10, 100, 1000, 10000};
    if (!(v == v))
        v = 0;
    if (v > 1e15)
        v = 1e15;
    if (v < -1e15)
        v = -1e15;
    long long t = llround(v * (double)P[decimals]);
    bool neg = t < 0;
    unsigned long long a = (unsigned long long)(neg ? -t : t);
    if (decimals == 0)
        snprintf(buf, size, "%s%llu", neg ? "-" : "", a);
    else
        snprintf(buf, size, "%s%llu.%0*llu", neg ? "-" : "", a / (unsigned long long)P[decimals], decimals,
                 a % (unsigned long long)P[decimals]);
    return buf;
}

void report_date_utc(int64_t t, char *buf, size_t size, bool with_time)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm)) {
        snprintf(buf, size, "?");
        return;
    }
    if (with_time)
        snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min, tm.tm_sec);
    else
        snprintf(buf, size, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char *report_population_name(ReportPopulation p)
{
    return p == REPORT_EXAM ? "exam" : "quiz";
}

/* ---- the report --------------------------------------------------------------- */

Report *report_create(const Library *lib, const unsigned char key[STATION_KEY_BYTES],
                      const ReportOptions *opt)
{
    if (!lib || sodium_init() < 0)
        return NULL;
#ifdef __GLIBC__
    /* Re-grading an attempt allocates and frees its session, grids and
     * paintings (some 100 KB); with glibc's default 128 KB trim threshold
     * every free at the top of the heap handed the pages back to the
     * kernel and the next attempt faulted them in again: over half the
     * report's time. Pages up to this much stay with the process (memory
     * stays flat: it is reused, not accumulated). */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    Report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->lib = lib;
    memcpy(r->key, key, STATION_KEY_BYTES);
    if (opt)
        r->opt = *opt;
    int nk = 1 + (opt && opt->n_issued > 0 ? opt->n_issued : 0);
    r->keys = calloc((size_t)nk, sizeof *r->keys);
    r->key_ids = calloc((size_t)nk, sizeof *r->key_ids);
    if (!r->keys || !r->key_ids) {
        report_free(r);
        return NULL;
    }
    for (int k = 0; k < nk; k++) {
        memcpy(r->keys[k], k == 0 ? key : opt->issued_keys[k - 1], STATION_KEY_BYTES);
        station_key_id(r->keys[k], r->key_ids[k]);
    }
    r->n_keys = nk;
    /* Issued means given with --keys: the report's own key may well be the
     * one every home station shares. */
    r->stations = (JudgeStations){(const char(*)[STATION_KEY_ID_HEX + 1])(r->key_ids + 1), nk - 1};
    r->opt.issued_keys = NULL; /* the caller's array may go; these are the report's own */
    r->course_id = opt && opt->course ? report_dup(opt->course) : NULL;
    r->opt.course = r->course_id;
    int nc = library_course_count(lib);
    r->courses = calloc((size_t)(nc > 0 ? nc : 1), sizeof *r->courses);
    r->certified = calloc((size_t)(nc > 0 ? nc : 1), sizeof *r->certified);
    r->cap = 256;
    r->slots = calloc((size_t)r->cap, sizeof *r->slots);
    if (!r->courses || !r->certified || !r->slots || (opt && opt->course && !r->course_id)) {
        report_free(r);
        return NULL;
    }
    for (int i = 0; i < nc; i++) {
        const Course *c = library_course(lib, i);
        if (!r->course_id || report_same(c->id, r->course_id))
            r->courses[r->n_courses++] = c;
    }
    if (r->course_id && r->n_courses == 0) {
        report_free(r);
        return NULL;
    }
    r->sum.n_courses = r->n_courses;
    r->sum.courses = r->courses;
    r->sum.certified = r->certified;
    return r;
}

void report_free(Report *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->cap; i++)
        report_item_free(r->slots ? r->slots[i] : NULL);
    free(r->slots);
    free(r->items);
    free(r->courses);
    free(r->certified);
    free(r->course_id);
    for (int i = 0; i < r->n_skipped; i++) {
        free(r->skip_path[i]);
        free(r->skip_reason[i]);
    }
    free(r->skip_path);
    free(r->skip_reason);
    for (int i = 0; i < r->n_seen; i++) {
        free(r->seen_id[i]);
        free(r->seen_path[i]);
    }
    free(r->seen_id);
    free(r->seen_path);
    sodium_memzero(r->key, sizeof r->key);
    if (r->keys)
        sodium_memzero(r->keys, sizeof *r->keys * (size_t)r->n_keys);
    free(r->keys);
    free(r->key_ids);
    free(r);
}

/* ---- loading one file (worker side) ------------------------------------------- */

/* One file as a worker leaves it for the calling thread. Heap-allocated:
 * pub points into it (integrity, reason), so it must not be copied. */
typedef struct {
    ReportFile pub;
    ScoreFile *f;
    Diag *d;
    ReportCourse *courses;
    char integrity[512];
    char reason[400];
    char name[LEARNER_NAME_MAX + 1]; /* the name as shown (learner_name_shown) */
} Loaded;

static void loaded_free(Loaded *l)
{
    if (!l)
        return;
    scorefile_free(l->f);
    diag_free(l->d);
    for (int i = 0; i < l->pub.n_courses; i++) {
        certify_status_free(&l->courses[i].cert);
        free(l->courses[i].module_quizzes);
        free(l->courses[i].judged);
    }
    free(l->courses);
    free(l);
}

static bool in_scope(const Report *r, const Record *rec)
{
    return rec->kind == RECORD_ATTEMPT && rec->course && (!r->course_id || report_same(rec->course, r->course_id));
}

/* A reason from the load's first message, without its "path:line: " part. */
static void skip_reason(Loaded *l, const char *fallback)
{
    const char *why = fallback;
    for (int i = 0; i < diag_count(l->d) && !why; i++)
        why = diag_item(l->d, i)->message;
    snprintf(l->reason, sizeof l->reason, "%s", why ? why : "cannot be read");
    l->pub.skipped = true;
    l->pub.reason = l->reason;
}

static void describe_integrity(Loaded *l)
{
    ReportFile *p = &l->pub;
    char *b = l->integrity;
    size_t size = sizeof l->integrity, n = 0;
#define ADD(...)                                                                                             \
    do {                                                                                                     \
        if (n < size) {                                                                                      \
            int k_ = snprintf(b + n, size - n, __VA_ARGS__);                                                 \
            n += k_ > 0 ? (size_t)k_ : 0;                                                                    \
        }                                                                                                    \
    } while (0)
    if (p->records > 0 && p->count[RECORD_GOOD] == p->records)
        ADD("all %d record%s good", p->records, p->records == 1 ? "" : "s");
    else
        ADD("%d of %d records good", p->count[RECORD_GOOD], p->records);
    int listed = 0, more = 0;
    for (int i = 0; i < p->records; i++) {
        RecordStatus s = scorefile_status(l->f, i);
        if (s == RECORD_GOOD)
            continue;
        if (listed == INTEGRITY_LISTED) {
            more++;
            continue;
        }
        const Record *rec = scorefile_record(l->f, i);
        if (rec->seq > 0)
            ADD("%srecord %d %s", listed ? ", " : ": ", rec->seq, record_status_name(s));
        else
            ADD("%sthe record at line %d %s", listed ? ", " : ": ", rec->line, record_status_name(s));
        listed++;
    }
    if (more)
        ADD(" and %d more", more);
    if (p->outside)
        ADD("; %d stretch%s of text outside the records", p->outside, p->outside == 1 ? "" : "es");
    if (p->wrong_key)
        ADD(" (no record matches the key: is it this station's key?)");
    if (p->rolled_back)
        ADD("; rolled back: the station's ledger lists records it lacks, so none of it counts");
#undef ADD
    p->integrity = l->integrity;
}

/* Loads and summarises one file; NULL only if out of memory. */
/* The key to check a file with: the issued key its records name (the
 * first key_id line within its first 4 KiB), else the report's key. */
const unsigned char *report_key_for(const Report *r, const char *path)
{
    if (r->n_keys < 2)
        return r->key;
    return station_key_for_file(path, r->key, (const unsigned char(*)[STATION_KEY_BYTES])r->keys + 1, r->n_keys - 1);
}

/* Re-grades every good attempt record of course c once (into rc->judged)
 * and computes the certification from them, as certify_status_at does:
 * a record of a file not trusted, or one the course does not grade as it
 * claims, does not count. False if memory runs out. */
static bool certify_file(const ScoreFile *f, const Course *c, const JudgeStations *stations, ReportCourse *rc)
{
    int n = scorefile_count(f);
    const Record **recs = malloc(sizeof *recs * (size_t)(n > 0 ? n : 1));
    RecordStatus *st = malloc(sizeof *st * (size_t)(n > 0 ? n : 1));
    if (!recs || !st) {
        free(recs);
        free(st);
        return false;
    }
    bool trusted = scorefile_trusted(f);
    for (int i = 0; i < n; i++) {
        recs[i] = scorefile_record(f, i);
        st[i] = scorefile_status(f, i);
        if (st[i] != RECORD_GOOD || recs[i]->kind != RECORD_ATTEMPT || !report_same(recs[i]->course, c->id))
            continue;
        rc->judged[i] = judge_record_at(c, f, i, stations);
        if (!trusted || !rc->judged[i].counts)
            st[i] = RECORD_EDITED; /* misnamed or rolled back, or not what the course grades it */
    }
    if (!trusted)
        for (int i = 0; i < n; i++)
            if (st[i] == RECORD_GOOD)
                st[i] = RECORD_EDITED; /* nothing in it counts */
    rc->cert = certify_status_records(c, recs, st, n, 0);
    rc->exam_attempts = rc->cert.exam_attempts; /* every start and finished exam, as certify counts them */
    free(recs);
    free(st);
    return true;
}

static Loaded *load_one(const Report *r, const char *path)
{
    Loaded *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    ReportFile *p = &l->pub;
    p->path = path;
    l->d = diag_create();
    l->f = scorefile_load(path, report_key_for(r, path), l->d);
    l->pub.stations = &r->stations;
    if (!l->f) {
        skip_reason(l, NULL);
        return l;
    }
    p->scores = l->f;
    p->problems = l->d;
    p->learner = scorefile_learner(l->f);
    if (scorefile_name(l->f)) {
        learner_name_shown(scorefile_name(l->f), l->name, sizeof l->name);
        p->name = l->name;
    }
    if (!p->learner) {
        skip_reason(l, scorefile_count(l->f) == 0
                           ? "no records: even the learner's profile record is gone"
                           : "no learner profile record (its first record is cut off or unreadable)");
        return l;
    }
    p->records = scorefile_count(l->f);
    p->outside = scorefile_problems(l->f);
    p->intact = scorefile_intact(l->f);
    if (r->opt.ledger && ledger_check_file(r->opt.ledger, l->f, path, l->d) > 0) {
        scorefile_distrust(l->f);
        p->rolled_back = true;
        p->intact = false;
    }
    for (int i = 0; i < p->records; i++) {
        p->count[scorefile_status(l->f, i)]++;
        const Record *rec = scorefile_record(l->f, i);
        if (!in_scope(r, rec))
            continue;
        p->attempts++;
        if (rec->mode == ATTEMPT_EXAM)
            p->exam_attempts++;
        else
            p->quiz_attempts++;
    }
    /* A wrong key: every record reads well without the key, and none is good
     * with it (as verify_file judges). */
    if (p->records > 0 && p->count[RECORD_EDITED] == p->records) {
        Diag *quiet = diag_create();
        ScoreFile *plain = scorefile_load(path, NULL, quiet);
        p->wrong_key = plain && scorefile_count(plain) == p->records;
        for (int i = 0; p->wrong_key && i < p->records; i++)
            p->wrong_key = scorefile_status(plain, i) == RECORD_GOOD;
        scorefile_free(plain);
        diag_free(quiet);
    }
    describe_integrity(l);
    l->courses = calloc((size_t)(r->n_courses > 0 ? r->n_courses : 1), sizeof *l->courses);
    if (!l->courses) {
        skip_reason(l, "out of memory");
        return l;
    }
    for (int k = 0; k < r->n_courses; k++) {
        const Course *c = r->courses[k];
        int quizzes = 0, exams = 0;
        for (int i = 0; i < p->records; i++) {
            const Record *rec = scorefile_record(l->f, i);
            if (rec->kind == RECORD_START && report_same(rec->course, c->id))
                exams++; /* an exam started: in the course, whether or not it finished */
            else if (rec->kind == RECORD_ATTEMPT && report_same(rec->course, c->id) && rec->mode == ATTEMPT_QUIZ)
                quizzes++;
            else if (rec->kind == RECORD_ATTEMPT && report_same(rec->course, c->id) && rec->start_seq == 0)
                exams++; /* an exam from before start records */
        }
        if (!r->course_id && quizzes + exams == 0)
            continue;
        ReportCourse *rc = &l->courses[p->n_courses];
        rc->course = c;
        rc->quiz_attempts = quizzes;
        rc->exam_attempts = exams;
        rc->module_quizzes =
            calloc((size_t)(c->n_modules > 0 ? c->n_modules : 1), sizeof *rc->module_quizzes);
        rc->judged = calloc((size_t)(p->records > 0 ? p->records : 1), sizeof *rc->judged);
        p->n_courses++;
        if (!rc->module_quizzes || !rc->judged || !certify_file(l->f, c, &r->stations, rc)) {
            skip_reason(l, "out of memory");
            return l;
        }
        for (int i = 0; i < p->records; i++) {
            const Record *rec = scorefile_record(l->f, i);
            if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_QUIZ || !report_same(rec->course, c->id))
                continue;
            for (int m = 0; m < c->n_modules; m++)
                if (report_same(rec->module, c->module_ids[m]))
                    rc->module_quizzes[m]++;
        }
    }
    p->courses = l->courses;
    return l;
}

static void remember_skip(Report *r, const char *path, const char *reason)
{
    if (r->n_skipped == r->cap_skipped) {
        int cap = r->cap_skipped ? 2 * r->cap_skipped : 16;
        char **a = realloc(r->skip_path, sizeof *a * (size_t)cap);
        if (!a)
            return;
        r->skip_path = a;
        char **b = realloc(r->skip_reason, sizeof *b * (size_t)cap);
        if (!b)
            return;
        r->skip_reason = b;
        r->cap_skipped = cap;
    }
    r->skip_path[r->n_skipped] = report_dup(path);
    r->skip_reason[r->n_skipped] = report_dup(reason);
    if (r->skip_path[r->n_skipped] && r->skip_reason[r->n_skipped]) {
        r->n_skipped++;
    } else {
        free(r->skip_path[r->n_skipped]);
        free(r->skip_reason[r->n_skipped]);
    }
}

/* The calling thread's part: summary to the caller, then the fold; l is
 * freed. A NULL l (out of memory) is a skipped file. */
static int consume(Report *r, const char *path, Loaded *l, ReportFileFn fn, void *user)
{
    ReportFile oom = {.path = path, .skipped = true, .reason = "out of memory"};
    ReportFile *p = l ? &l->pub : &oom;
    r->sum.files++;
    if (p->skipped) {
        r->sum.skipped++;
        remember_skip(r, p->path, p->reason);
    } else {
        r->sum.read++;
        r->sum.intact += p->intact;
        if (p->learner && r->n_seen == r->cap_seen) {
            int cap = r->cap_seen ? 2 * r->cap_seen : 64;
            char **a = realloc(r->seen_id, sizeof *a * (size_t)cap);
            if (a)
                r->seen_id = a;
            char **b = realloc(r->seen_path, sizeof *b * (size_t)cap);
            if (b)
                r->seen_path = b;
            if (a && b)
                r->cap_seen = cap;
        }
        if (p->learner && r->n_seen < r->cap_seen) {
            r->seen_id[r->n_seen] = report_dup(p->learner);
            r->seen_path[r->n_seen] = report_dup(p->path);
            if (r->seen_id[r->n_seen] && r->seen_path[r->n_seen])
                r->n_seen++;
            else {
                free(r->seen_id[r->n_seen]);
                free(r->seen_path[r->n_seen]);
            }
        }
        r->sum.attempts += p->attempts;
        for (int k = 0; k < p->n_courses; k++)
            for (int c = 0; c < r->n_courses; c++)
                if (p->courses[k].course == r->courses[c] && p->courses[k].cert.certified)
                    r->certified[c]++;
    }
    int stop = fn ? fn(user, p) : 0;
    if (!p->skipped && l) {
        for (int i = 0; i < p->records; i++) {
            const Record *rec = scorefile_record(l->f, i);
            if (scorefile_status(l->f, i) != RECORD_GOOD || !in_scope(r, rec))
                continue;
            r->sum.counted++;
            report_fold_attempt(r, rec);
        }
    }
    loaded_free(l);
    return stop;
}

/* ---- the worker pool ------------------------------------------------------------ */

typedef struct {
    Report *r;
    const char *const *paths;
    int n;
    int ring;
    Loaded **slot; /* ring entries */
    bool *ready;
    int next;     /* next path to claim */
    int consumed; /* paths handed over so far */
    bool stop;
    mtx_t mu;
    cnd_t filled, freed;
} Pool;

static int worker(void *arg)
{
    Pool *pl = arg;
    ZoneCache *zones = zone_cache_create(ZONE_CACHE_BYTES);
    zone_cache_use(zones);
    for (;;) {
        mtx_lock(&pl->mu);
        while (!pl->stop && pl->next < pl->n && pl->next >= pl->consumed + pl->ring)
            cnd_wait(&pl->freed, &pl->mu);
        if (pl->stop || pl->next >= pl->n) {
            mtx_unlock(&pl->mu);
            zone_cache_free(zones);
            return 0;
        }
        int i = pl->next++;
        mtx_unlock(&pl->mu);
        Loaded *l = load_one(pl->r, pl->paths[i]);
        mtx_lock(&pl->mu);
        pl->slot[i % pl->ring] = l;
        pl->ready[i % pl->ring] = true;
        cnd_broadcast(&pl->filled);
        mtx_unlock(&pl->mu);
    }
}

int report_add_files(Report *r, const char *const *paths, int n, ReportFileFn fn, void *user)
{
    if (!r || n <= 0)
        return 0;
    int threads = r->opt.threads;
    if (threads <= 1 || n == 1) {
        ZoneCache *zones = zone_cache_create(ZONE_CACHE_BYTES);
        ZoneCache *before = zone_cache_use(zones);
        int done = 0;
        for (int i = 0; i < n; i++) {
            done++;
            if (consume(r, paths[i], load_one(r, paths[i]), fn, user))
                break;
        }
        zone_cache_use(before);
        zone_cache_free(zones);
        return done;
    }
    if (threads > n)
        threads = n;
    Pool pl = {.r = r, .paths = paths, .n = n, .ring = RING_PER_THREAD * threads};
    pl.slot = calloc((size_t)pl.ring, sizeof *pl.slot);
    pl.ready = calloc((size_t)pl.ring, sizeof *pl.ready);
    thrd_t *tid = calloc((size_t)threads, sizeof *tid);
    bool sync_ok = mtx_init(&pl.mu, mtx_plain) == thrd_success;
    sync_ok = cnd_init(&pl.filled) == thrd_success && sync_ok;
    sync_ok = cnd_init(&pl.freed) == thrd_success && sync_ok;
    int started = 0;
    if (pl.slot && pl.ready && tid && sync_ok)
        while (started < threads && thrd_create(&tid[started], worker, &pl) == thrd_success)
            started++;
    int done = -1;
    if (started > 0) {
        done = 0;
        for (int i = 0; i < n; i++) {
            mtx_lock(&pl.mu);
            while (!pl.ready[i % pl.ring])
                cnd_wait(&pl.filled, &pl.mu);
            Loaded *l = pl.slot[i % pl.ring];
            pl.ready[i % pl.ring] = false;
            pl.consumed = i + 1;
            cnd_broadcast(&pl.freed);
            mtx_unlock(&pl.mu);
            done++;
            if (consume(r, paths[i], l, fn, user)) {
                mtx_lock(&pl.mu);
                pl.stop = true;
                cnd_broadcast(&pl.freed);
                mtx_unlock(&pl.mu);
                break;
            }
        }
        for (int t = 0; t < started; t++)
            thrd_join(tid[t], NULL);
        /* Files loaded ahead of a stop are dropped unread. */
        for (int k = 0; k < pl.ring; k++)
            if (pl.ready[k])
                loaded_free(pl.slot[k]);
    }
    if (sync_ok) {
        mtx_destroy(&pl.mu);
        cnd_destroy(&pl.filled);
        cnd_destroy(&pl.freed);
    }
    free(pl.slot);
    free(pl.ready);
    free(tid);
    return done;
}

const ReportSummary *report_summary(const Report *r)
{
    return &r->sum;
}

int report_skipped_count(const Report *r)
{
    return r ? r->n_skipped : 0;
}

void report_skipped(const Report *r, int i, const char **path, const char **reason)
{
    *path = i >= 0 && i < r->n_skipped ? r->skip_path[i] : "";
    *reason = i >= 0 && i < r->n_skipped ? r->skip_reason[i] : "";
}

/* ---- listing a folder ----------------------------------------------------------- */

/* The learner files that sit next to score files in a station's learners
 * folder and are not score files: left out of a report quietly. */
static bool maybe_scores(const char *name)
{
    static const char *const others[] = {".review", ".progress", ".practice", ".journal", ".lock"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        size_t k = strlen(others[i]);
        if (n > k && !strcmp(name + n - k, others[i]))
            return false;
    }
    /* What an interrupted save leaves: <file>.tmp-XXXXXX */
    const char *t = strstr(name, ".tmp-");
    if (t && strlen(t) == sizeof ".tmp-XXXXXX" - 1)
        return false;
    return strcmp(name, "station.key") != 0 && strcmp(name, "progress.tsv") != 0 && strcmp(name, "ledger") != 0;
}

int report_list_dir(const char *dir, char ***paths, Diag *d)
{
    return walk_files(dir, maybe_scores, paths, d);
}

const struct JudgeStations *report_stations(const Report *r)
{
    return &r->stations;
}

int report_read_keys(const char *dir, unsigned char (**keys)[STATION_KEY_BYTES], Diag *d)
{
    char **paths = NULL;
    int n = report_list_dir(dir, &paths, d);
    int count = 0, bad = 0;
    *keys = calloc((size_t)(n > 0 ? n : 1), sizeof **keys);
    for (int i = 0; n > 0 && *keys && i < n; i++) {
        size_t len = strlen(paths[i]);
        if (len < 5 || strcmp(paths[i] + len - 4, ".key") != 0)
            continue;
        if (station_key_read(paths[i], (*keys)[count], d) == 0)
            count++;
        else
            bad++;
    }
    if (n >= 0)
        report_paths_free(paths, n);
    if (n >= 0 && *keys && !bad && count == 0)
        diag_error(d, dir, 0, "no station key files (*.key) here");
    if (n < 0 || !*keys || bad || count == 0) {
        if (!*keys)
            diag_error(d, dir, 0, "out of memory");
        free(*keys);
        *keys = NULL;
        return -1;
    }
    return count;
}

void report_paths_free(char **paths, int n)
{
    for (int i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

