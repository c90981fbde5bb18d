/* stats: a learner's statistics (stats.h; definitions in docs/GRADING.md,
 * "Statistics").
 *
 * Every answer of every source becomes one Sample (time, module, credit,
 * click distance); the samples are sorted by time once (ties keep their
 * source order: the score file's, then the log's), and each statistic is a
 * pass over them. A learner with 1,000 attempts of 20 answers is 20,000
 * samples: a sort and a few linear passes, well under a millisecond of
 * work per thousand (docs/PERFORMANCE.md). */
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest time one practice answer counts toward time studied: an item
 * left on screen while the learner was away is not study. */
#define STATS_MAX_ANSWER_MS (10 * 60 * 1000)

typedef struct {
    int64_t at_s;
    int order;    /* source order, for a stable sort */
    int module;   /* index into Stats.modules, -1 if not loaded */
    double credit;
    double cm;    /* < 0: no distance */
} Sample;

typedef struct {
    const char *id;
    int index;
} ModuleKey;

static int cmp_module_key(const void *a, const void *b)
{
    return strcmp(((const ModuleKey *)a)->id, ((const ModuleKey *)b)->id);
}

static int cmp_sample(const void *a, const void *b)
{
    const Sample *x = a, *y = b;
    if (x->at_s != y->at_s)
        return x->at_s < y->at_s ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* floor(a / b) for b > 0, also for a negative a. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

bool stats_key_module(const char *key, char *buf, size_t size)
{
    const char *slash = key ? strchr(key, '/') : NULL;
    if (!slash || slash == key || (size_t)(slash - key) >= size)
        return false;
    memcpy(buf, key, (size_t)(slash - key));
    buf[slash - key] = '\0';
    return true;
}

/* stats_locate_cm with the key's module already found (m may be NULL). */
static double locate_cm(const Library *lib, const Module *m, const char *key, const char *view, Vec2 click)
{
    const char *slash = key ? strchr(key, '/') : NULL;
    if (!lib || !m || !view || !slash)
        return -1;
    const char *rest = slash + 1;
    if (strncmp(rest, "tp.", 3) != 0)
        return -1;
    const char *tail = strrchr(rest, '/');
    if (!tail || strcmp(tail, "/locate") != 0)
        return -1;
    char tp_id[128];
    size_t n = (size_t)(tail - (rest + 3));
    if (n == 0 || n >= sizeof tp_id)
        return -1;
    memcpy(tp_id, rest + 3, n);
    tp_id[n] = '\0';
    int tp = module_find_tp(m, tp_id);
    if (tp < 0 || !m->tps[tp].view || strcmp(m->tps[tp].view, view) != 0)
        return -1;
    const View *v = library_find_view(lib, view);
    if (!v || !(v->cm_per_unit > 0))
        return -1;
    return geom_distance(click, m->tps[tp].at) * v->cm_per_unit;
}

double stats_locate_cm(const Library *lib, const char *key, const char *view, Vec2 click)
{
    char mod[128];
    if (!lib || !stats_key_module(key, mod, sizeof mod))
        return -1;
    return locate_cm(lib, library_find_module(lib, mod), key, view, click);
}

/* The index of module id in the sorted keys, -1 if none. */
static int find_module(const ModuleKey *keys, int n, const char *id)
{
    ModuleKey k = {id, -1};
    const ModuleKey *hit = n > 0 ? bsearch(&k, keys, (size_t)n, sizeof *keys, cmp_module_key) : NULL;
    return hit ? hit->index : -1;
}

static int key_module(const ModuleKey *keys, int n, const char *key)
{
    char mod[128];
    return stats_key_module(key, mod, sizeof mod) ? find_module(keys, n, mod) : -1;
}

/* The library's course modules, once each, in course order. */
static bool list_modules(Stats *s, const Library *lib)
{
    int cap = 0;
    for (int c = 0; lib && c < library_course_count(lib); c++)
        cap += library_course(lib, c)->n_modules;
    s->modules = cap ? calloc((size_t)cap, sizeof *s->modules) : NULL;
    if (cap && !s->modules)
        return false;
    for (int c = 0; lib && c < library_course_count(lib); c++) {
        const Course *course = library_course(lib, c);
        for (int i = 0; i < course->n_modules; i++) {
            const Module *m = course->modules[i];
            bool seen = !m;
            for (int k = 0; !seen && k < s->n_modules; k++)
                seen = s->modules[k].module == m;
            if (seen)
                continue;
            StatsModule *sm = &s->modules[s->n_modules++];
            sm->module = m;
            sm->region = m->group && named_id_name(MUSCLE_GROUPS, m->group) ? m->group : STATS_REGION_OTHER;
        }
    }
    return true;
}

static bool record_counts(const ScoreFile *f, int i)
{
    const Record *r = scorefile_record(f, i);
    return r && r->kind == RECORD_ATTEMPT && scorefile_status(f, i) == RECORD_GOOD && !r->void_reason;
}

/* Every answer as a Sample, and the time studied. NULL with *n = -1 if
 * memory runs out. */
static Sample *collect(const StatsInput *in, Stats *s, const ModuleKey *keys, int *n)
{
    size_t cap = (size_t)(in->n_log > 0 ? in->n_log : 0);
    bool trusted = in->scores && scorefile_trusted(in->scores);
    int n_rec = trusted ? scorefile_count(in->scores) : 0;
    for (int i = 0; i < n_rec; i++)
        if (record_counts(in->scores, i))
            cap += (size_t)scorefile_record(in->scores, i)->n_answers;
    Sample *out = cap ? malloc(cap * sizeof *out) : NULL;
    *n = 0;
    if (cap && !out) {
        *n = -1;
        return NULL;
    }
    for (int i = 0; i < n_rec; i++) {
        if (!record_counts(in->scores, i))
            continue;
        const Record *r = scorefile_record(in->scores, i);
        int64_t spent = r->finished - r->started;
        spent = spent < 0 ? 0 : spent > STATS_MAX_ATTEMPT_S ? STATS_MAX_ATTEMPT_S : spent;
        if (r->mode == ATTEMPT_EXAM) {
            s->exams++;
            s->exam_s += spent;
        } else {
            s->quizzes++;
            s->quiz_s += spent;
        }
        for (int k = 0; k < r->n_answers; k++) {
            const RecordAnswer *a = &r->answers[k];
            if (!a->answered || !a->key)
                continue;
            Sample *x = &out[(*n)++];
            x->at_s = r->finished;
            x->order = *n;
            x->module = key_module(keys, s->n_modules, a->key);
            x->credit = a->credit >= 0 ? a->credit <= 1 ? a->credit : 1 : 0;
            x->cm = a->has_click && x->module >= 0 && a->type && !strcmp(a->type, "locate")
                        ? locate_cm(in->lib, s->modules[x->module].module, a->key, a->view, a->click)
                        : -1;
        }
    }
    for (int i = 0; i < in->n_log; i++) {
        const StudyLogEntry *e = &in->log[i];
        Sample *x = &out[(*n)++];
        x->at_s = e->at_s;
        x->order = *n;
        x->module = key_module(keys, s->n_modules, e->key);
        x->credit = e->credit >= 0 ? e->credit <= 1 ? e->credit : 1 : 0;
        x->cm = e->distance_cm;
        s->practice_s += (e->time_ms < STATS_MAX_ANSWER_MS ? e->time_ms : STATS_MAX_ANSWER_MS);
        s->practice_answers++;
    }
    s->practice_s /= 1000;
    return out;
}

static void mastery(Stats *s, const Sample *x, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        if (x[i].module < 0)
            continue;
        StatsModule *m = &s->modules[x[i].module];
        if (m->answers == 0)
            m->last_s = x[i].at_s;
        m->answers++;
        if (m->window < STATS_WINDOW) {
            m->window++;
            m->mastery += x[i].credit; /* a sum until divided below */
        }
    }
    for (int i = 0; i < s->n_modules; i++)
        if (s->modules[i].window > 0)
            s->modules[i].mastery /= s->modules[i].window;
}

static bool regions(Stats *s)
{
    int n_groups = 0;
    while (MUSCLE_GROUPS[n_groups].id)
        n_groups++;
    s->regions = calloc((size_t)n_groups + 1, sizeof *s->regions);
    if (!s->regions)
        return false;
    for (int g = 0; g <= n_groups; g++) {
        StatsRegion r = {g < n_groups ? MUSCLE_GROUPS[g].id : STATS_REGION_OTHER,
                         g < n_groups ? MUSCLE_GROUPS[g].name : "Lessons", 0, 0, 0};
        for (int i = 0; i < s->n_modules; i++) {
            const StatsModule *m = &s->modules[i];
            if (strcmp(m->region, r.id) != 0)
                continue;
            r.modules++;
            r.practised += m->answers > 0;
            r.mastery += m->mastery;
        }
        if (r.modules == 0)
            continue;
        r.mastery /= r.modules;
        s->regions[s->n_regions++] = r;
    }
    return true;
}

static bool periods(Stats *s, const Sample *x, int n, int64_t off)
{
    if (n == 0) {
        s->period_days = 1;
        return true;
    }
    int64_t first = floor_div(x[0].at_s + off, REVIEW_SECONDS_PER_DAY);
    int64_t last = floor_div(x[n - 1].at_s + off, REVIEW_SECONDS_PER_DAY);
    s->period_days = last - first + 1 <= STATS_DAILY_SPAN ? 1 : 7;
    /* Room for every period from the first to the last (those without
     * answers are left out), not for every sample: a long history has
     * tens of thousands of answers in a few hundred periods. */
    int64_t span = (last - first) / s->period_days + 2;
    size_t room = span < n ? (size_t)span : (size_t)n;
    s->periods = calloc(room, sizeof *s->periods);
    double *cm = malloc((size_t)n * sizeof *cm);
    if (!s->periods || !cm) {
        free(cm);
        return false;
    }
    int64_t current = INT64_MIN;
    int n_cm = 0;
    StatsPeriod *p = NULL;
    for (int i = 0; i <= n; i++) {
        int64_t key = 0;
        if (i < n) {
            int64_t day = floor_div(x[i].at_s + off, REVIEW_SECONDS_PER_DAY);
            /* 1970-01-01 was a Thursday: day + 3 counts from a Monday. */
            key = s->period_days == 1 ? day : floor_div(day + 3, 7) * 7 - 3;
        }
        if (p && (i == n || key != current)) {
            p->accuracy /= p->answers;
            p->located = n_cm;
            p->median_cm = -1;
            if (n_cm > 0) {
                qsort(cm, (size_t)n_cm, sizeof *cm, cmp_double);
                p->median_cm = n_cm % 2 ? cm[n_cm / 2] : (cm[n_cm / 2 - 1] + cm[n_cm / 2]) / 2;
            }
            p = NULL;
        }
        if (i == n)
            break;
        if (!p) {
            p = &s->periods[s->n_periods++];
            p->start_s = key * REVIEW_SECONDS_PER_DAY - off;
            current = key;
            n_cm = 0;
        }
        p->answers++;
        p->accuracy += x[i].credit;
        if (x[i].cm >= 0)
            cm[n_cm++] = x[i].cm;
    }
    free(cm);
    return true;
}

static void forecast(Stats *s, const StatsInput *in, const ModuleKey *keys)
{
    int64_t today = floor_div(in->now_s + in->utc_offset_s, REVIEW_SECONDS_PER_DAY);
    for (int i = 0; in->review && i < review_count(in->review); i++) {
        const ReviewCard *c = review_card(in->review, i);
        if (key_module(keys, s->n_modules, c->key) < 0)
            continue;
        s->scheduled++;
        if (c->due_s <= in->now_s) {
            s->overdue++;
            s->forecast[0]++;
            continue;
        }
        int64_t d = floor_div(c->due_s + in->utc_offset_s, REVIEW_SECONDS_PER_DAY) - today;
        if (d >= 0 && d < STATS_FORECAST_DAYS)
            s->forecast[d]++;
    }
}

Stats *stats_compute(const StatsInput *in)
{
    Stats *s = calloc(1, sizeof *s);
    if (!s || !list_modules(s, in->lib)) {
        stats_free(s);
        return NULL;
    }
    ModuleKey *keys = s->n_modules ? malloc((size_t)s->n_modules * sizeof *keys) : NULL;
    if (s->n_modules && !keys) {
        stats_free(s);
        return NULL;
    }
    for (int i = 0; i < s->n_modules; i++)
        keys[i] = (ModuleKey){s->modules[i].module->id, i};
    if (s->n_modules)
        qsort(keys, (size_t)s->n_modules, sizeof *keys, cmp_module_key);
    int n = 0;
    Sample *x = collect(in, s, keys, &n);
    bool ok = n >= 0;
    if (ok) {
        if (n > 1)
            qsort(x, (size_t)n, sizeof *x, cmp_sample);
        s->answers = n;
        mastery(s, x, n);
        ok = regions(s) && periods(s, x, n, in->utc_offset_s);
        forecast(s, in, keys);
    }
    free(x);
    free(keys);
    if (!ok) {
        stats_free(s);
        return NULL;
    }
    return s;
}

void stats_free(Stats *s)
{
    if (!s)
        return;
    free(s->modules);
    free(s->regions);
    free(s->periods);
    free(s);
}
