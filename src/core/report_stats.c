/* report_stats: the report's per-question statistics (report.h): each
 * good attempt's answers folded into an accumulator per question and
 * population (facility, discrimination from running co-moments, click
 * distances exact up to a cap and then a histogram, wrong-side clicks, a
 * sample of clicks for the heatmaps, painting counts, option picks), and
 * the results computed from them once every file is folded. */
#include "report.h"
#include "report_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grading.h"
#include "rng.h"

/* ---- per-question accumulators --------------------------------------------- */

/* Charts that show both sides of the body, with the body's midline at the
 * middle of the viewBox: the only ones where "wrong side" means anything.
 * Side views and single-limb close-ups have no midline. */
static const char *const BILATERAL_VIEWS[] = {"front", "back", "head_front", NULL};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

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

/* A zone of the item: its tp and view. */
static bool item_zone(const Zone *zn, int tp, const char *view)
{
    return zn->tp == tp && zn->poly.n >= 1 && report_same(zn->view, view);
}

/* Squared distance from p to zn's nearest edge; *inside when p is within 1e-9 units of an
 * edge or inside (the winding number, as geometry.c counts it). */
static double zone_d2(const Zone *zn, Vec2 p, bool *inside)
{
    const Vec2 *v = zn->poly.pts;
    int n = zn->poly.n;
    int wn = 0;
    for (int i = 0; i < n && n >= 3; i++) { /* the winding number first: no division */
        Vec2 a = v[i], b = v[(i + 1) % n];
        double cr = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
        if (a.y <= p.y) {
            if (b.y > p.y && cr > 0)
                wn++;
        } else if (b.y <= p.y && cr < 0) {
            wn--;
        }
    }
    if (wn != 0) {
        *inside = true;
        return 0;
    }
    double d2 = INFINITY;
    for (int i = 0; i < n; i++) {
        double e = segment_d2(p, v[i], v[(i + 1) % n]);
        d2 = e < d2 ? e : d2;
    }
    *inside = d2 <= 1e-18;
    return d2;
}

/* The click's distance from the item's zones: 0 inside any (edges count as
 * inside, within 1e-9 units as in geometry.c), else to the nearest edge.
 * First the zones whose bounds hold the click (only they can hold it),
 * then the others, passing over those whose bounds are farther than the
 * nearest edge found: the same distance as measuring every zone. */
static double zone_distance(const Module *m, int tp, const char *view, Vec2 p)
{
    double best = INFINITY;
    bool inside = false;
    for (int pass = 0; pass < 2; pass++)
        for (int z = 0; z < m->n_zones; z++) {
            const Zone *zn = &m->zones[z];
            if (!item_zone(zn, tp, view))
                continue;
            double gap2 = geom_rect_known(zn->bounds) ? geom_rect_gap2(p, zn->bounds) : 0;
            bool near = gap2 <= 1e-12; /* within the bounds (or not known): measured first */
            if (near != (pass == 0) || (pass == 1 && gap2 > best))
                continue;
            double d2 = zone_d2(zn, p, &inside);
            if (inside)
                return 0;
            best = d2 < best ? d2 : best;
        }
    return isinf(best) ? 0 : sqrt(best);
}

static bool bilateral(const char *view)
{
    for (int i = 0; BILATERAL_VIEWS[i]; i++)
        if (report_same(view, BILATERAL_VIEWS[i]))
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
    const char *view_name = NULL;
    if (!strncmp(rest, "question.", 9)) {
        const Question *chart = NULL;
        for (int q = 0; q < m->n_questions; q++)
            if (report_same(m->questions[q].id, rest + 9)) {
                if (m->questions[q].type == QUESTION_CHART) {
                    chart = &m->questions[q];
                    continue;
                }
                p->module = m;
                p->question = q;
                p->kind = REPORT_ITEM_QUESTION;
            }
        /* A lesson's chart question is its muscle's item: measured on the
         * muscle's chart like that item. */
        if (!chart || !chart->muscle || chart->tp >= chart->muscle->n_tps ||
            (chart->tp < 0 && chart->ask != CHART_MARKS))
            return;
        static const ReportItemKind CHART_KINDS[] = {REPORT_ITEM_LOCATE, REPORT_ITEM_ZONE, REPORT_ITEM_PAINT,
                                                     REPORT_ITEM_REVERSE, REPORT_ITEM_LOCATE_ALL};
        m = chart->muscle;
        p->tp = chart->tp;
        p->kind = CHART_KINDS[chart->ask];
        view_name = chart->view;
    }
    static const struct {
        const char *suffix;
        ReportItemKind kind;
    } TP_KINDS[] = {{"/locate", REPORT_ITEM_LOCATE},
                    {"/zone", REPORT_ITEM_ZONE},
                    {"/paint", REPORT_ITEM_PAINT},
                    {"/reverse", REPORT_ITEM_REVERSE}};
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
        if (zn->tp != p->tp || !report_same(zn->view, v->name))
            continue;
        for (int k = 0; k < zn->poly.n; k++) {
            lo = fmin(lo, zn->poly.pts[k].x);
            hi = fmax(hi, zn->poly.pts[k].x);
        }
    }
    p->side = hi < it->midline ? -1 : lo > it->midline ? 1 : 0;
}

void report_item_free(ItemAcc *it)
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
    it->key = report_dup(key);
    it->type = report_dup(type ? type : "");
    it->module_id = slash ? strndup(key, (size_t)(slash - key)) : report_dup("");
    if (!it->key || !it->type || !it->module_id) {
        report_item_free(it);
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
            if (!report_same(m->tps[t].view, p->view->name))
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
            if (report_same(a->chosen[c], text)) {
                picks[o]++;
                break;
            }
        }
    }
}

/* Folds one good attempt record into the question table. */
void report_fold_attempt(Report *r, const Record *rec)
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
        if (!p->view || !report_same(a->view, p->view->name))
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

int report_item_count(const Report *r)
{
    return r && r->finished ? r->n_items : 0;
}

const ReportItem *report_item(const Report *r, int i)
{
    return r && r->finished && i >= 0 && i < r->n_items ? &r->items[i]->pub : NULL;
}

char *report_item_note(const ReportItemStats *s, char *buf, size_t size)
{
    buf[0] = '\0';
    if (s->answers == 0)
        return buf;
    /* A facility or a discrimination from a handful of answers is noise:
     * one lucky or unlucky learner would brand the item. */
    if (s->answers < REPORT_MIN_ANSWERS) {
        snprintf(buf, size, "too few answers");
        return buf;
    }
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
