/* report: streaming aggregation of score files, and the text and CSV
 * writers. The rules are in report.h and docs/REPORT.md.
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
#define INTEGRITY_LISTED 8 /* records named in the integrity line, then "and N more" */

/* Charts that show both sides of the body, with the body's midline at the
 * middle of the viewBox: the only ones where "wrong side" means anything.
 * Side views and single-limb close-ups have no midline. */
static const char *const BILATERAL_VIEWS[] = {"front", "back", "head_front", NULL};

/* ---- small helpers -------------------------------------------------------- */

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, s, n);
    return r;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* v with exactly `decimals` (0..4) digits after the point, "-" for
 * negatives, no locale. */
static char *fixed(char *buf, size_t size, double v, int decimals)
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

static void date_utc(int64_t t, char *buf, size_t size, bool with_time)
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

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

const char *report_population_name(ReportPopulation p)
{
    return p == REPORT_EXAM ? "exam" : "quiz";
}

/* ---- per-question accumulators --------------------------------------------- */

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

static void dist_add(DistStore *s, double d)
{
    s->n++;
    s->sum += d;
    if (!s->hist) {
        if (s->n <= REPORT_EXACT_DISTANCES) {
            if (s->n > s->cap) {
                int cap = s->cap ? 2 * s->cap : 16;
                if (cap > REPORT_EXACT_DISTANCES)
                    cap = REPORT_EXACT_DISTANCES;
                double *e = realloc(s->exact, sizeof *e * (size_t)cap);
                if (!e) {
                    s->n--;
                    s->sum -= d;
                    return;
                }
                s->exact = e;
                s->cap = cap;
            }
            s->exact[s->n - 1] = d;
            return;
        }
        /* Switch to the histogram: bin what was kept, then go on. */
        s->hist = calloc(REPORT_DISTANCE_BINS, sizeof *s->hist);
        if (!s->hist) {
            s->n--;
            s->sum -= d;
            return;
        }
        for (int i = 0; i < s->n - 1; i++) {
            int b = (int)(s->exact[i] / s->max * REPORT_DISTANCE_BINS);
            s->hist[b < 0 ? 0 : b >= REPORT_DISTANCE_BINS ? REPORT_DISTANCE_BINS - 1 : b]++;
        }
        free(s->exact);
        s->exact = NULL;
        s->cap = 0;
    }
    int b = (int)(d / s->max * REPORT_DISTANCE_BINS);
    s->hist[b < 0 ? 0 : b >= REPORT_DISTANCE_BINS ? REPORT_DISTANCE_BINS - 1 : b]++;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median of the store: exact (mean of the two middle values for an even
 * count), or from the histogram, interpolated within the bin that holds
 * the middle rank. */
static double dist_median(DistStore *s, bool *estimated)
{
    *estimated = s->hist != NULL;
    if (s->n == 0)
        return 0;
    if (!s->hist) {
        qsort(s->exact, (size_t)s->n, sizeof *s->exact, cmp_double);
        return s->n % 2 ? s->exact[s->n / 2] : (s->exact[s->n / 2 - 1] + s->exact[s->n / 2]) / 2;
    }
    double half = s->n / 2.0, cum = 0, width = s->max / REPORT_DISTANCE_BINS;
    for (int b = 0; b < REPORT_DISTANCE_BINS; b++) {
        if (cum + s->hist[b] >= half && s->hist[b] > 0)
            return (b + (half - cum) / s->hist[b]) * width;
        cum += s->hist[b];
    }
    return s->max;
}

static void moments_add(Moments *m, double x, double y)
{
    m->n++;
    double dx = x - m->mean_x, dy = y - m->mean_y;
    m->mean_x += dx / m->n;
    m->mean_y += dy / m->n;
    m->m2x += dx * (x - m->mean_x);
    m->m2y += dy * (y - m->mean_y);
    m->cxy += dx * (y - m->mean_y);
}

/* Distances are measured once per click over every file, so they avoid
 * libm's hypot (exact but slow) and take one square root per click; the
 * rules are grading's (docs/GRADING.md): a point on a zone's edge is inside,
 * and outside the distance is to the nearest edge. */
static double plain_distance(Vec2 a, Vec2 b)
{
    double dx = a.x - b.x, dy = a.y - b.y;
    return sqrt(dx * dx + dy * dy);
}

/* Squared distance from p to segment a-b. */
static double segment_d2(Vec2 p, Vec2 a, Vec2 b)
{
    double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

/* The click's distance from the item's zones: 0 inside any (edges count as
 * inside, within 1e-9 units as in geometry.c), else to the nearest edge. */
static double zone_distance(const Module *m, int tp, const char *view, Vec2 p)
{
    double best = INFINITY;
    for (int z = 0; z < m->n_zones; z++) {
        const Zone *zn = &m->zones[z];
        const Vec2 *v = zn->poly.pts;
        int n = zn->poly.n;
        if (zn->tp != tp || n < 1 || !same(zn->view, view))
            continue;
        double d2 = INFINITY;
        int wn = 0;
        for (int i = 0; i < n; i++) {
            Vec2 a = v[i], b = v[(i + 1) % n];
            double e = segment_d2(p, a, b);
            d2 = e < d2 ? e : d2;
            double cr = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
            if (a.y <= p.y) {
                if (b.y > p.y && cr > 0)
                    wn++;
            } else if (b.y <= p.y && cr < 0) {
                wn--;
            }
        }
        if (d2 <= 1e-18 || (n >= 3 && wn != 0))
            return 0;
        best = d2 < best ? d2 : best;
    }
    return isinf(best) ? 0 : sqrt(best);
}

static bool bilateral(const char *view)
{
    for (int i = 0; BILATERAL_VIEWS[i]; i++)
        if (same(view, BILATERAL_VIEWS[i]))
            return true;
    return false;
}

static int first_essential_zone(const Module *m, int tp)
{
    for (int i = 0; i < m->n_zones; i++)
        if (m->zones[i].tp == tp && m->zones[i].kind == ZONE_ESSENTIAL)
            return i;
    return -1;
}

/* The side of the midline a trigger point's full-credit circle lies on:
 * -1 left, +1 right, 0 if it reaches the midline. */
static int tp_side(const TriggerPoint *tp, double midline)
{
    double off = tp->at.x - midline;
    return fabs(off) > tp->radius ? (off < 0 ? -1 : 1) : 0;
}

/* The key's trigger point: "tp.<id>/<suffix>" after the module's slash. */
static int key_tp(const Module *m, const char *rest, const char *suffix)
{
    size_t n = strlen(rest), ns = strlen(suffix);
    if (strncmp(rest, "tp.", 3) != 0 || n <= 3 + ns || strcmp(rest + n - ns, suffix) != 0)
        return -1;
    char id[128];
    size_t idn = n - 3 - ns;
    if (idn >= sizeof id)
        return -1;
    memcpy(id, rest + 3, idn);
    id[idn] = '\0';
    return module_find_tp(m, id);
}

/* Finds the item the key names in the library (ReportItemKind) and what
 * its clicks are measured against. */
static void resolve(const Library *lib, ItemAcc *it)
{
    ReportItem *p = &it->pub;
    p->tp = p->question = -1;
    const char *slash = strchr(it->key, '/');
    const Module *m = slash ? library_find_module(lib, it->module_id) : NULL;
    if (!m)
        return;
    const char *rest = slash + 1;
    if (!strncmp(rest, "question.", 9)) {
        for (int q = 0; q < m->n_questions; q++)
            if (same(m->questions[q].id, rest + 9)) {
                p->module = m;
                p->question = q;
                p->kind = REPORT_ITEM_QUESTION;
            }
        return;
    }
    static const struct {
        const char *suffix;
        ReportItemKind kind;
    } TP_KINDS[] = {{"/locate", REPORT_ITEM_LOCATE},
                    {"/zone", REPORT_ITEM_ZONE},
                    {"/paint", REPORT_ITEM_PAINT},
                    {"/reverse", REPORT_ITEM_REVERSE}};
    const char *view_name = NULL;
    char name[128];
    for (size_t k = 0; k < sizeof TP_KINDS / sizeof *TP_KINDS && !view_name; k++) {
        int tp = key_tp(m, rest, TP_KINDS[k].suffix);
        if (tp < 0)
            continue;
        bool zoned = TP_KINDS[k].kind == REPORT_ITEM_ZONE || TP_KINDS[k].kind == REPORT_ITEM_PAINT;
        int z = zoned ? first_essential_zone(m, tp) : -1;
        if (zoned && z < 0)
            return;
        p->tp = tp;
        p->kind = TP_KINDS[k].kind;
        view_name = zoned ? m->zones[z].view : m->tps[tp].view;
    }
    size_t n = strlen(rest);
    if (!view_name && !strncmp(rest, "view.", 5) && n > 5 + 11 && !strcmp(rest + n - 11, "/locate_all")) {
        size_t vn = n - 5 - 11;
        if (vn >= sizeof name)
            return;
        memcpy(name, rest + 5, vn);
        name[vn] = '\0';
        view_name = name;
        p->kind = REPORT_ITEM_LOCATE_ALL;
    }
    if (!view_name)
        return;
    p->module = m;
    const View *v = library_find_view(lib, view_name);
    if (!v || !v->ok || !(v->viewbox.w > 0) || !(v->viewbox.h > 0))
        return;
    p->view = v;
    it->midline = v->viewbox.x + v->viewbox.w / 2;
    it->bilateral = bilateral(v->name);
    double diag = sqrt(v->viewbox.w * v->viewbox.w + v->viewbox.h * v->viewbox.h);
    for (int k = 0; k < REPORT_POPULATIONS; k++)
        it->dist[k].max = diag;
    if (p->tp >= 0)
        it->target = m->tps[p->tp].at;
    if (!it->bilateral || p->kind == REPORT_ITEM_LOCATE_ALL)
        return;
    if (p->kind == REPORT_ITEM_LOCATE || p->kind == REPORT_ITEM_REVERSE) {
        p->side = tp_side(&m->tps[p->tp], it->midline);
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *zn = &m->zones[i];
        if (zn->tp != p->tp || !same(zn->view, v->name))
            continue;
        for (int k = 0; k < zn->poly.n; k++) {
            lo = fmin(lo, zn->poly.pts[k].x);
            hi = fmax(hi, zn->poly.pts[k].x);
        }
    }
    p->side = hi < it->midline ? -1 : lo > it->midline ? 1 : 0;
}

static void item_free(ItemAcc *it)
{
    if (!it)
        return;
    free(it->key);
    free(it->type);
    free(it->module_id);
    for (int k = 0; k < REPORT_POPULATIONS; k++) {
        free(it->dist[k].exact);
        free(it->dist[k].hist);
    }
    free(it->sample);
    free(it->paint);
    free(it->picks);
    free(it);
}

/* ---- the report --------------------------------------------------------------- */

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
    r->course_id = opt && opt->course ? dup_str(opt->course) : NULL;
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
        if (!r->course_id || same(c->id, r->course_id))
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
        item_free(r->slots ? r->slots[i] : NULL);
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

/* The item with this key, created (and resolved) on first sight; NULL if
 * out of memory. */
static ItemAcc *item_get(Report *r, const char *key, const char *type)
{
    if (r->n_items + 1 > r->cap * 7 / 10) {
        int cap = r->cap * 2;
        ItemAcc **s = calloc((size_t)cap, sizeof *s);
        if (!s)
            return NULL;
        for (int i = 0; i < r->cap; i++) {
            if (!r->slots[i])
                continue;
            size_t h = (size_t)hash_str(r->slots[i]->key) & (size_t)(cap - 1);
            while (s[h])
                h = (h + 1) & (size_t)(cap - 1);
            s[h] = r->slots[i];
        }
        free(r->slots);
        r->slots = s;
        r->cap = cap;
    }
    uint64_t hv = hash_str(key);
    size_t h = (size_t)hv & (size_t)(r->cap - 1);
    while (r->slots[h]) {
        if (!strcmp(r->slots[h]->key, key))
            return r->slots[h];
        h = (h + 1) & (size_t)(r->cap - 1);
    }
    ItemAcc *it = calloc(1, sizeof *it);
    if (!it)
        return NULL;
    const char *slash = strchr(key, '/');
    it->key = dup_str(key);
    it->type = dup_str(type ? type : "");
    it->module_id = slash ? strndup(key, (size_t)(slash - key)) : dup_str("");
    if (!it->key || !it->type || !it->module_id) {
        item_free(it);
        return NULL;
    }
    it->pub.key = it->key;
    it->pub.type = it->type;
    it->pub.module_id = it->module_id;
    rng_seed(&it->rng, hv);
    resolve(r->lib, it);
    if (it->pub.kind == REPORT_ITEM_QUESTION && it->pub.module && it->pub.question >= 0) {
        const Question *q = &it->pub.module->questions[it->pub.question];
        int n = q->n_correct + q->n_wrong;
        if (n > 0 && (it->picks = calloc((size_t)n * REPORT_POPULATIONS, sizeof *it->picks))) {
            it->pub.n_options = n;
            for (int k = 0; k < REPORT_POPULATIONS; k++)
                it->pub.picks[k] = it->picks + (size_t)k * (size_t)n;
        }
    }
    r->slots[h] = it;
    r->n_items++;
    return it;
}

/* One click (or locate-all mark) on the item's chart: its distance, its
 * side, and a place in the heatmap sample. */
static void add_click(Report *r, ItemAcc *it, ReportPopulation pop, Vec2 c, double credit)
{
    const ReportItem *p = &it->pub;
    const Module *m = p->module;
    double d = 0;
    int side = p->side;
    if (p->kind == REPORT_ITEM_ZONE) {
        d = zone_distance(m, p->tp, p->view->name, c);
    } else if (p->kind == REPORT_ITEM_LOCATE_ALL) {
        /* From the nearest point to find, whose side it is judged by. */
        int best = -1;
        for (int t = 0; t < m->n_tps; t++) {
            if (!same(m->tps[t].view, p->view->name))
                continue;
            double e = plain_distance(c, m->tps[t].at);
            if (best < 0 || e < d) {
                d = e;
                best = t;
            }
        }
        if (best < 0)
            return;
        side = it->bilateral ? tp_side(&m->tps[best], it->midline) : 0;
    } else {
        d = plain_distance(c, it->target);
    }
    it->clicks[pop]++;
    dist_add(&it->dist[pop], d);
    if (side != 0) {
        it->sided[pop]++;
        if ((c.x - it->midline) * side < 0)
            it->wrong[pop]++;
    }
    if (!r->opt.keep_clicks)
        return;
    /* Reservoir sampling (Algorithm R): every click seen so far has the same
     * chance of being in the sample. */
    ReportClick rc = {(float)c.x, (float)c.y, (float)credit};
    if (it->n_sample < REPORT_MAX_CLICKS) {
        if (!it->sample && !(it->sample = malloc(sizeof *it->sample * REPORT_MAX_CLICKS)))
            return;
        it->seen++;
        it->sample[it->n_sample++] = rc;
        return;
    }
    it->seen++;
    uint32_t j = rng_below(&it->rng, (uint32_t)(it->seen > 0x7fffffff ? 0x7fffffff : it->seen));
    if (j < REPORT_MAX_CLICKS)
        it->sample[j] = rc;
}

/* Adds a painting to the item's counts: each painted cell's centre, in
 * image units, lands in a cell of the item's grid (the recorded grid may
 * have other cells than the default). */
static void add_paint(ItemAcc *it, const RecordAnswer *a)
{
    ReportPaint *pp = &it->pub.paint;
    if (!it->paint) {
        pp->grid = grade_paint_grid(it->pub.view->viewbox, 0);
        size_t cells = (size_t)pp->grid.cols * (size_t)pp->grid.rows;
        if (cells == 0 || !(it->paint = calloc(cells, sizeof *it->paint)))
            return;
        pp->counts = it->paint;
    }
    const Grid *src = &a->grid, *dst = &pp->grid;
    long total = (long)src->cols * src->rows, pos = 0;
    for (int k = 0; k < a->n_runs && pos < total; k++) {
        long len = a->runs[k];
        if (k % 2 == 1) {
            for (long c = pos; c < pos + len && c < total; c++) {
                double x = src->origin.x + ((double)(c % src->cols) + 0.5) * src->cell;
                double y = src->origin.y + ((double)(c / src->cols) + 0.5) * src->cell;
                int gx = (int)floor((x - dst->origin.x) / dst->cell),
                    gy = (int)floor((y - dst->origin.y) / dst->cell);
                if (gx >= 0 && gy >= 0 && gx < dst->cols && gy < dst->rows)
                    it->paint[(size_t)gy * (size_t)dst->cols + (size_t)gx]++;
            }
        }
        pos += len;
    }
    pp->paintings++;
}

/* A choice or multi answer: each option text chosen, counted against the
 * question's options (a text the question no longer has is not counted). */
static void count_picks(ItemAcc *it, ReportPopulation pop, const RecordAnswer *a)
{
    const Question *q = &it->pub.module->questions[it->pub.question];
    int *picks = it->picks + (size_t)pop * (size_t)it->pub.n_options;
    for (int c = 0; c < a->n_chosen; c++) {
        for (int o = 0; o < it->pub.n_options; o++) {
            const char *text = o < q->n_correct ? q->correct[o] : q->wrong[o - q->n_correct];
            if (same(a->chosen[c], text)) {
                picks[o]++;
                break;
            }
        }
    }
}

/* Folds one good attempt record into the question table. */
static void fold_attempt(Report *r, const Record *rec)
{
    ReportPopulation pop = rec->mode == ATTEMPT_EXAM ? REPORT_EXAM : REPORT_QUIZ;
    double total = 0;
    for (int i = 0; i < rec->n_answers; i++)
        total += rec->answers[i].credit;
    for (int i = 0; i < rec->n_answers; i++) {
        const RecordAnswer *a = &rec->answers[i];
        if (!a->key)
            continue;
        ItemAcc *it = item_get(r, a->key, a->type);
        if (!it)
            continue;
        Moments *m = &it->mom[pop];
        moments_add(m, a->credit, total - a->credit);
        m->credit_sum += a->credit;
        m->answered += a->answered;
        const ReportItem *p = &it->pub;
        if (it->picks)
            count_picks(it, pop, a);
        if (!p->view || !same(a->view, p->view->name))
            continue;
        if (p->kind == REPORT_ITEM_LOCATE_ALL) {
            for (int k = 0; k < a->n_marks; k++)
                add_click(r, it, pop, a->marks[k], a->mark_tp && a->mark_tp[k] ? 1.0 : 0.0);
        } else if (p->kind == REPORT_ITEM_PAINT) {
            if (r->opt.keep_clicks && a->has_paint)
                add_paint(it, a);
        } else if (a->has_click && p->kind != REPORT_ITEM_OTHER) {
            add_click(r, it, pop, a->click, a->credit);
        }
    }
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
    return rec->kind == RECORD_ATTEMPT && rec->course && (!r->course_id || same(rec->course, r->course_id));
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
    char head[4097];
    int fd = datafile_open_regular(path, DATAFILE_SCORES, NULL, NULL);
    ssize_t n = fd >= 0 ? read(fd, head, sizeof head - 1) : -1;
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return r->key;
    head[n] = '\0';
    const char *at = strstr(head, "\nkey_id ");
    if (!at)
        return r->key;
    at += strlen("\nkey_id ");
    for (int k = 1; k < r->n_keys; k++)
        if (!strncmp(at, r->key_ids[k], STATION_KEY_ID_HEX) && at[STATION_KEY_ID_HEX] == '\n')
            return r->keys[k];
    return r->key;
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
        if (st[i] != RECORD_GOOD || recs[i]->kind != RECORD_ATTEMPT || !same(recs[i]->course, c->id))
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
            if (rec->kind == RECORD_START && same(rec->course, c->id))
                exams++; /* an exam started: in the course, whether or not it finished */
            else if (rec->kind == RECORD_ATTEMPT && same(rec->course, c->id) && rec->mode == ATTEMPT_QUIZ)
                quizzes++;
            else if (rec->kind == RECORD_ATTEMPT && same(rec->course, c->id) && rec->start_seq == 0)
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
            if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_QUIZ || !same(rec->course, c->id))
                continue;
            for (int m = 0; m < c->n_modules; m++)
                if (same(rec->module, c->module_ids[m]))
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
    r->skip_path[r->n_skipped] = dup_str(path);
    r->skip_reason[r->n_skipped] = dup_str(reason);
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
            r->seen_id[r->n_seen] = dup_str(p->learner);
            r->seen_path[r->n_seen] = dup_str(p->path);
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
            fold_attempt(r, rec);
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
    for (;;) {
        mtx_lock(&pl->mu);
        while (!pl->stop && pl->next < pl->n && pl->next >= pl->consumed + pl->ring)
            cnd_wait(&pl->freed, &pl->mu);
        if (pl->stop || pl->next >= pl->n) {
            mtx_unlock(&pl->mu);
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
        int done = 0;
        for (int i = 0; i < n; i++) {
            done++;
            if (consume(r, paths[i], load_one(r, paths[i]), fn, user))
                break;
        }
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

/* ---- results ---------------------------------------------------------------------- */

static int cmp_items(const void *a, const void *b)
{
    return strcmp((*(ItemAcc *const *)a)->key, (*(ItemAcc *const *)b)->key);
}

void report_finish(Report *r)
{
    if (!r || r->finished)
        return;
    r->finished = true;
    r->items = calloc((size_t)(r->n_items > 0 ? r->n_items : 1), sizeof *r->items);
    if (!r->items) {
        r->n_items = 0;
        return;
    }
    int n = 0;
    for (int i = 0; i < r->cap; i++)
        if (r->slots[i])
            r->items[n++] = r->slots[i];
    qsort(r->items, (size_t)n, sizeof *r->items, cmp_items);
    for (int i = 0; i < n; i++) {
        ItemAcc *it = r->items[i];
        for (int k = 0; k < REPORT_POPULATIONS; k++) {
            ReportItemStats *s = &it->pub.stats[k];
            const Moments *m = &it->mom[k];
            s->answers = m->n;
            s->answered = m->answered;
            s->facility = m->n ? 100.0 * m->credit_sum / m->n : 0;
            /* r = cov / sqrt(var var): the (n - 1) factors cancel. Moments
             * that are zero up to rounding mean "does not vary". */
            double scale = 1e-12 * (m->n > 0 ? m->n : 1);
            if (m->n >= 2 && m->m2x > scale && m->m2y > scale) {
                s->has_discrimination = true;
                s->discrimination = 100.0 * m->cxy / sqrt(m->m2x * m->m2y);
            }
            s->clicks = it->clicks[k];
            s->mean_distance = it->dist[k].n ? it->dist[k].sum / it->dist[k].n : 0;
            s->median_distance = dist_median(&it->dist[k], &s->median_estimated);
            s->sided = it->sided[k];
            s->wrong_side = it->wrong[k];
        }
        it->pub.clicks = it->sample;
        it->pub.n_clicks = it->n_sample;
        it->pub.clicks_seen = it->seen;
    }
}

const ReportSummary *report_summary(const Report *r)
{
    return &r->sum;
}

int report_item_count(const Report *r)
{
    return r && r->finished ? r->n_items : 0;
}

const ReportItem *report_item(const Report *r, int i)
{
    return r && r->finished && i >= 0 && i < r->n_items ? &r->items[i]->pub : NULL;
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

char *report_item_note(const ReportItemStats *s, char *buf, size_t size)
{
    buf[0] = '\0';
    if (s->answers == 0)
        return buf;
    const char *notes[2];
    int n = 0;
    if (s->facility < 20)
        notes[n++] = "very hard";
    else if (s->facility > 90)
        notes[n++] = "very easy";
    if (s->has_discrimination && s->discrimination < 0)
        notes[n++] = "negative discrimination";
    else if (s->has_discrimination && s->discrimination < 20)
        notes[n++] = "weak discrimination";
    snprintf(buf, size, "%s%s%s", n > 0 ? notes[0] : "", n > 1 ? "; " : "", n > 1 ? notes[1] : "");
    return buf;
}

/* ---- listing a folder ----------------------------------------------------------- */

/* The learner files that sit next to score files in a station's learners
 * folder and are not score files: left out of a report quietly. */
static bool maybe_scores(const char *name)
{
    static const char *const others[] = {".review", ".progress", ".journal", ".lock"};
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

/* ---- text ------------------------------------------------------------------------- */

static const char *pct(char *buf, size_t size, double fraction)
{
    char num[32];
    snprintf(buf, size, "%s%%", fixed(num, sizeof num, fraction * 100, 1));
    return buf;
}

void report_text_begin(FILE *out, const char *dir, const ReportOptions *opt, int n_files)
{
    fprintf(out, "tpquiz report: %d file%s in %s", n_files, n_files == 1 ? "" : "s", dir);
    if (opt && opt->course)
        fprintf(out, ", course %s", opt->course);
    fputs("\n\n", out);
}

/* The exam records of course c in file order, as the learner block lists
 * them: attempt number, date, score, verdict, integrity. */
static void text_exams(FILE *out, const ReportFile *f, const ReportCourse *rc)
{
    const Course *c = rc->course;
    int k = 0;
    for (int i = 0; i < f->records; i++) {
        const Record *rec = scorefile_record(f->scores, i);
        if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_EXAM || !same(rec->course, c->id))
            continue;
        k++;
        RecordStatus s = scorefile_status(f->scores, i);
        char date[32], sc[40], label[32];
        date_utc(rec->finished, date, sizeof date, false);
        snprintf(label, sizeof label, "exam %d", k);
        fprintf(out, "    %-22s %s  %7s  %s", label, date, pct(sc, sizeof sc, rec->score),
                rec->passed ? "passed" : "failed");
        if (rec->auto_submitted)
            fputs(", submitted at the deadline", out);
        const JudgeResult *j = &rc->judged[i];
        if (s != RECORD_GOOD)
            fprintf(out, "  [record %s: does not count]", record_status_name(s));
        else if (!j->counts)
            fprintf(out, "  [%s%s: does not count]", j->code == JUDGE_VOID ? "" : "re-graded: ", j->why);
        else if (rec->passed && c->exam.attempts > 0 && k > c->exam.attempts)
            fputs("  [beyond the attempt limit: does not count]", out);
        fputc('\n', out);
    }
}

void report_text_file(FILE *out, const ReportFile *f)
{
    if (f->skipped) {
        fprintf(out, "skipped: %s: %s\n\n", f->path, f->reason);
        return;
    }
    fprintf(out, "%s  %s  (%s)\n", f->learner, f->name ? f->name : "?", f->path);
    fprintf(out, "  %-24s %s\n", f->intact ? "file" : "file: PROBLEMS", f->integrity);
    for (int i = 0; i < diag_count(f->problems); i++) {
        const DiagItem *it = diag_item(f->problems, i);
        if (it->line > 0)
            fprintf(out, "  %-24s line %d: %s\n", "", it->line, it->message);
        else
            fprintf(out, "  %-24s %s\n", "", it->message);
    }
    if (f->n_courses == 0)
        fprintf(out, "  %-24s no attempts%s\n", "attempts", f->attempts ? " in the courses here" : " yet");
    for (int k = 0; k < f->n_courses; k++) {
        const ReportCourse *rc = &f->courses[k];
        const CertStatus *cs = &rc->cert;
        char best[64] = "", sc[40];
        if (cs->best_exam)
            snprintf(best, sizeof best, ", best %s", pct(sc, sizeof sc, cs->best_exam->score));
        fprintf(out, "  %-24s %s: modules %d of %d passed, exam %s (%d attempt%s%s", rc->course->id,
                cs->certified ? "CERTIFIED" : "not certified", cs->modules_passed, cs->modules_total,
                cs->exam_passed ? "passed" : "not passed", rc->exam_attempts,
                rc->exam_attempts == 1 ? "" : "s", best);
        if (cs->exam_attempts_left >= 0 && !cs->exam_passed)
            fprintf(out, ", %d left", cs->exam_attempts_left);
        fputs(")\n", out);
        const Course *c = rc->course;
        for (int m = 0; m < c->n_modules; m++) {
            if (rc->module_quizzes[m] == 0) {
                fprintf(out, "    %-22s no quiz\n", c->module_ids[m]);
                continue;
            }
            fprintf(out, "    %-22s best %7s  %s (%d quiz%s)\n", c->module_ids[m],
                    cs->module_best[m] >= 0 ? pct(sc, sizeof sc, cs->module_best[m]) : "-",
                    cs->module_passed[m] ? "passed" : "not passed", rc->module_quizzes[m],
                    rc->module_quizzes[m] == 1 ? "" : "zes");
        }
        text_exams(out, f, rc);
    }
    fputc('\n', out);
}

static void distance_text(char *buf, size_t size, double d, const View *v)
{
    char a[32], b[32];
    if (v && v->cm_per_unit > 0)
        snprintf(buf, size, "%s (%s cm)", fixed(a, sizeof a, d, 1),
                 fixed(b, sizeof b, d * v->cm_per_unit, 1));
    else
        snprintf(buf, size, "%s", fixed(a, sizeof a, d, 1));
}

void report_text_end(FILE *out, const Report *r)
{
    const ReportSummary *s = &r->sum;
    int n = report_item_count(r);
    int keyw = 24;
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(report_item(r, i)->key);
        if (len > keyw)
            keyw = len > 60 ? 60 : len;
    }
    fprintf(out,
            "Questions: %d (good attempts only; discrimination index as in Moodle's statistics report;\n"
            "distances in chart units, centimetres in brackets; wrong side: see docs/REPORT.md)\n",
            n);
    fprintf(out, "%-*s %-4s %7s %8s %8s %6s %15s %15s %11s  %s\n", keyw, "question", "pop", "answers",
            "facility", "discrim", "clicks", "mean distance", "median dist.", "wrong side", "note");
    for (int i = 0; i < n; i++) {
        const ReportItem *it = report_item(r, i);
        for (int k = 0; k < REPORT_POPULATIONS; k++) {
            const ReportItemStats *st = &it->stats[k];
            if (st->answers == 0)
                continue;
            char fac[40], dis[40] = "-", mean[80] = "-", med[80] = "-", side[40] = "-", note[96], num[32];
            snprintf(fac, sizeof fac, "%s%%", fixed(num, sizeof num, st->facility, 1));
            if (st->has_discrimination)
                snprintf(dis, sizeof dis, "%s%s", st->discrimination >= 0 ? "+" : "",
                         fixed(num, sizeof num, st->discrimination, 1));
            if (st->clicks > 0) {
                distance_text(mean, sizeof mean, st->mean_distance, it->view);
                distance_text(med, sizeof med, st->median_distance, it->view);
                if (st->median_estimated)
                    strncat(med, "~", sizeof med - strlen(med) - 1);
            }
            if (st->sided > 0)
                snprintf(side, sizeof side, "%s%%",
                         fixed(num, sizeof num, 100.0 * st->wrong_side / st->sided, 1));
            report_item_note(st, note, sizeof note);
            if (!it->module)
                snprintf(note + strlen(note), sizeof note - strlen(note), "%snot in these courses",
                         note[0] ? "; " : "");
            fprintf(out, "%-*s %-4s %7d %8s %8s %6d %15s %15s %11s  %s\n", keyw, it->key,
                    report_population_name((ReportPopulation)k), st->answers, fac, dis, st->clicks, mean, med,
                    side, note);
        }
    }
    if (n == 0)
        fputs("  (no good attempts)\n", out);
    fputc('\n', out);
    if (r->n_skipped > 0) {
        fprintf(out, "Skipped files: %d\n", r->n_skipped);
        for (int i = 0; i < r->n_skipped; i++)
            fprintf(out, "  %s: %s\n", r->skip_path[i], r->skip_reason[i]);
        fputc('\n', out);
    }
    /* One learner in several files: two stations, or a copy. Each file is
     * judged on its own (and against its own station's ledger); the
     * instructor should know they are one person. */
    int dups = 0;
    for (int i = 0; i < r->n_seen; i++) {
        bool first = true, more = false;
        for (int j = 0; j < i && first; j++)
            first = strcmp(r->seen_id[j], r->seen_id[i]) != 0;
        for (int j = i + 1; j < r->n_seen && first && !more; j++)
            more = !strcmp(r->seen_id[j], r->seen_id[i]);
        if (!first || !more)
            continue;
        if (!dups++)
            fputs("Learners with more than one score file (each file counts on its own):\n", out);
        fprintf(out, "  %s:", r->seen_id[i]);
        for (int j = i; j < r->n_seen; j++)
            if (!strcmp(r->seen_id[j], r->seen_id[i]))
                fprintf(out, " %s", r->seen_path[j]);
        fputc('\n', out);
    }
    if (dups)
        fputc('\n', out);
    fprintf(out,
            "Files: %d read (%d intact, %d with problems), %d skipped. Attempts: %d (%d good, used for the "
            "questions).\n",
            s->read, s->intact, s->read - s->intact, s->skipped, s->attempts, s->counted);
    for (int k = 0; k < s->n_courses; k++)
        fprintf(out, "Certified in %s: %d of %d learner%s.\n", s->courses[k]->id, s->certified[k], s->read,
                s->read == 1 ? "" : "s");
}

/* ---- CSV ------------------------------------------------------------------------------ */

enum { T_FILES, T_CERT, T_MODULES, T_EXAMS, T_PROBLEMS, T_STREAMED };

struct ReportCsv {
    FILE *t[T_STREAMED];
    bool failed;
};

static const char *const CSV_HEAD[T_STREAMED] = {
    "file,status,reason,learner,name,records,good,edited,missing,reordered,truncated,outside,integrity",
    "file,learner,course,certified,modules_passed,modules_total,quiz_attempts,exam_attempts,"
    "exam_attempts_left,exam_passed,best_exam_percent",
    "file,learner,course,module,quiz_attempts,best_percent,passed",
    "file,learner,course,attempt,record,line,finished_utc,percent,pass_mark,passed,auto_submitted,"
    "integrity,certifies",
    "file,line,message",
};
static const char *const CSV_TITLE[T_STREAMED] = {"Files", "Certification", "Module quizzes", "Exam attempts",
                                                  "Problems"};
#define CSV_ITEMS_TITLE "Questions"
#define CSV_ITEMS_HEAD                                                                                       \
    "question,type,module,population,answers,answered,facility_percent,discrimination,clicks,"               \
    "mean_distance,median_distance,median_estimated,mean_distance_cm,median_distance_cm,sided_clicks,"       \
    "wrong_side_clicks,wrong_side_percent,note"

void report_csv_field(FILE *out, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    bool quote = strpbrk(s, ",\"\r\n") != NULL || (n > 0 && (s[0] == ' ' || s[0] == '\t')) ||
                 (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'));
    if (!quote) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* A text field a person typed or a file named (names, paths, messages): a
 * leading = + - @ would make a spreadsheet run it as a formula, so such a
 * field gets a leading apostrophe (the usual defence; the apostrophe is not
 * shown by spreadsheets). Numbers go through report_csv_field. */
static void csv_text(FILE *out, const char *s)
{
    if (s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
        size_t n = strlen(s);
        char *g = malloc(n + 2);
        if (g) {
            g[0] = '\'';
            memcpy(g + 1, s, n + 1);
            report_csv_field(out, g);
            free(g);
            return;
        }
    }
    report_csv_field(out, s);
}

static void csv_sep(FILE *out)
{
    fputc(',', out);
}

static void csv_end(FILE *out)
{
    fputs("\r\n", out);
}

static void csv_int(FILE *out, long long v)
{
    fprintf(out, "%lld", v);
}

static void csv_num(FILE *out, double v, int decimals)
{
    char b[48];
    fputs(fixed(b, sizeof b, v, decimals), out);
}

ReportCsv *report_csv_create(void)
{
    ReportCsv *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    for (int i = 0; i < T_STREAMED; i++) {
        c->t[i] = tmpfile();
        if (!c->t[i]) {
            report_csv_free(c);
            return NULL;
        }
    }
    return c;
}

void report_csv_free(ReportCsv *c)
{
    if (!c)
        return;
    for (int i = 0; i < T_STREAMED; i++)
        if (c->t[i])
            fclose(c->t[i]);
    free(c);
}

static void csv_lead(FILE *o, const ReportFile *f)
{
    csv_text(o, f->path);
    csv_sep(o);
    csv_text(o, f->learner);
    csv_sep(o);
}

int report_csv_file(ReportCsv *c, const ReportFile *f)
{
    FILE *o = c->t[T_FILES];
    csv_text(o, f->path);
    csv_sep(o);
    fputs(f->skipped ? "skipped" : f->intact ? "intact" : "problems", o);
    csv_sep(o);
    csv_text(o, f->skipped ? f->reason : "");
    csv_sep(o);
    if (f->skipped) {
        fputs(",,,,,,,,,", o);
    } else {
        csv_text(o, f->learner);
        csv_sep(o);
        csv_text(o, f->name);
        csv_sep(o);
        csv_int(o, f->records);
        for (int s = RECORD_GOOD; s <= RECORD_TRUNCATED; s++) {
            csv_sep(o);
            csv_int(o, f->count[s]);
        }
        csv_sep(o);
        csv_int(o, f->outside);
        csv_sep(o);
        csv_text(o, f->integrity);
    }
    csv_end(o);

    o = c->t[T_PROBLEMS];
    if (f->skipped) {
        csv_text(o, f->path);
        fputs(",,", o);
        csv_text(o, f->reason);
        csv_end(o);
    } else {
        for (int i = 0; i < diag_count(f->problems); i++) {
            const DiagItem *it = diag_item(f->problems, i);
            csv_text(o, f->path);
            csv_sep(o);
            if (it->line > 0)
                csv_int(o, it->line);
            csv_sep(o);
            csv_text(o, it->message);
            csv_end(o);
        }
    }

    for (int k = 0; k < f->n_courses && !f->skipped; k++) {
        const ReportCourse *rc = &f->courses[k];
        const CertStatus *cs = &rc->cert;
        const Course *co = rc->course;
        o = c->t[T_CERT];
        csv_lead(o, f);
        csv_text(o, co->id);
        fprintf(o, ",%s,%d,%d,%d,%d,", cs->certified ? "yes" : "no", cs->modules_passed, cs->modules_total,
                rc->quiz_attempts, rc->exam_attempts);
        if (cs->exam_attempts_left >= 0)
            csv_int(o, cs->exam_attempts_left);
        fprintf(o, ",%s,", cs->exam_passed ? "yes" : "no");
        if (cs->best_exam)
            csv_num(o, cs->best_exam->score * 100, 2);
        csv_end(o);

        o = c->t[T_MODULES];
        for (int m = 0; m < co->n_modules; m++) {
            csv_lead(o, f);
            csv_text(o, co->id);
            csv_sep(o);
            csv_text(o, co->module_ids[m]);
            fprintf(o, ",%d,", rc->module_quizzes[m]);
            if (cs->module_best[m] >= 0)
                csv_num(o, cs->module_best[m] * 100, 2);
            fprintf(o, ",%s", cs->module_passed[m] ? "yes" : "no");
            csv_end(o);
        }

        o = c->t[T_EXAMS];
        int attempt = 0;
        for (int i = 0; i < f->records; i++) {
            const Record *rec = scorefile_record(f->scores, i);
            if (rec->kind != RECORD_ATTEMPT || rec->mode != ATTEMPT_EXAM || !same(rec->course, co->id))
                continue;
            attempt++;
            RecordStatus s = scorefile_status(f->scores, i);
            bool within = co->exam.attempts <= 0 || attempt <= co->exam.attempts;
            bool counts = s == RECORD_GOOD && rc->judged[i].counts;
            char date[40];
            date_utc(rec->finished, date, sizeof date, true);
            csv_lead(o, f);
            csv_text(o, co->id);
            fprintf(o, ",%d,", attempt);
            if (rec->seq > 0)
                csv_int(o, rec->seq);
            fprintf(o, ",%d,%s,", rec->line, date);
            csv_num(o, rec->score * 100, 2);
            fprintf(o, ",%d,%s,%s,%s,%s", rec->pass_mark, rec->passed ? "yes" : "no",
                    rec->auto_submitted ? "yes" : "no", record_status_name(s),
                    counts && rec->passed && within ? "yes" : "no");
            csv_end(o);
        }
    }
    for (int i = 0; i < T_STREAMED; i++)
        c->failed |= ferror(c->t[i]) != 0;
    return c->failed ? -1 : 0;
}

static int copy_table(FILE *from, FILE *out)
{
    char buf[65536];
    size_t got;
    if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
        return -1;
    while ((got = fread(buf, 1, sizeof buf, from)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            return -1;
    return ferror(from) ? -1 : 0;
}

static void csv_items(FILE *o, const Report *r)
{
    int n = report_item_count(r);
    for (int i = 0; i < n; i++) {
        const ReportItem *it = report_item(r, i);
        for (int k = 0; k < REPORT_POPULATIONS; k++) {
            const ReportItemStats *s = &it->stats[k];
            if (s->answers == 0)
                continue;
            csv_text(o, it->key);
            csv_sep(o);
            csv_text(o, it->type);
            csv_sep(o);
            csv_text(o, it->module_id);
            fprintf(o, ",%s,%d,%d,", report_population_name((ReportPopulation)k), s->answers, s->answered);
            csv_num(o, s->facility, 2);
            csv_sep(o);
            if (s->has_discrimination)
                csv_num(o, s->discrimination, 2);
            fprintf(o, ",%d,", s->clicks);
            double cm = it->view ? it->view->cm_per_unit : 0;
            if (s->clicks > 0) {
                csv_num(o, s->mean_distance, 2);
                csv_sep(o);
                csv_num(o, s->median_distance, 2);
                fprintf(o, ",%s,", s->median_estimated ? "yes" : "no");
                if (cm > 0) {
                    csv_num(o, s->mean_distance * cm, 2);
                    csv_sep(o);
                    csv_num(o, s->median_distance * cm, 2);
                } else {
                    csv_sep(o);
                }
            } else {
                fputs(",,,,", o);
            }
            csv_sep(o);
            if (s->sided > 0) {
                fprintf(o, "%d,%d,", s->sided, s->wrong_side);
                csv_num(o, 100.0 * s->wrong_side / s->sided, 2);
            } else {
                fputs(",,", o);
            }
            char note[96];
            report_item_note(s, note, sizeof note);
            if (!it->module)
                snprintf(note + strlen(note), sizeof note - strlen(note), "%snot in these courses",
                         note[0] ? "; " : "");
            csv_sep(o);
            csv_text(o, note);
            csv_end(o);
        }
    }
}

int report_csv_write(ReportCsv *c, const Report *r, FILE *out)
{
    static const int ORDER[] = {T_FILES, T_CERT, T_MODULES, T_EXAMS, -1, T_PROBLEMS};
    int rc = c->failed ? -1 : 0;
    for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER && rc == 0; i++) {
        if (i > 0)
            csv_end(out);
        int t = ORDER[i];
        csv_text(out, t < 0 ? CSV_ITEMS_TITLE : CSV_TITLE[t]);
        csv_end(out);
        fputs(t < 0 ? CSV_ITEMS_HEAD : CSV_HEAD[t], out);
        csv_end(out);
        if (t < 0)
            csv_items(out, r);
        else
            rc = copy_table(c->t[t], out);
    }
    if (ferror(out))
        rc = -1;
    return rc;
}
