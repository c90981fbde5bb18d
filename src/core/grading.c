/* grading: credit for one response. The rules and their reasons are in
 * docs/GRADING.md; keep the two in step. */
#include "grading.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

double grade_locate_tp(Vec2 click, Vec2 target, double radius, double *distance)
{
    double d = geom_distance(click, target);
    if (distance)
        *distance = d;
    if (!(radius > 0))
        return d == 0 ? 1.0 : 0.0;
    if (d <= radius)
        return 1.0;
    if (d >= 2 * radius)
        return 0.0;
    return (2 * radius - d) / radius;
}

/* Beyond the on-edge tolerance of geometry.c (1e-9) with room to spare. */
#define GAP_EPS2 1e-12

ZoneClickResult grade_zone_click(Vec2 click, const Module *m, int tp, const char *view)
{
    ZoneClickResult r = {0.0, -1, ZONE_ESSENTIAL, -1.0};
    if (!m || !view)
        return r;
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        if (z->tp != tp || !z->view || strcmp(z->view, view) != 0)
            continue;
        /* A zone whose box is farther than a zone already measured can
         * neither hold the click (it is beyond the on-edge tolerance) nor be
         * nearer: the result is the same without measuring it. */
        if (r.distance >= 0 && geom_rect_known(z->bounds)) {
            double gap2 = geom_rect_gap2(click, z->bounds);
            if (gap2 > GAP_EPS2 && gap2 > r.distance * r.distance)
                continue;
        }
        double d = geom_point_in_polygon(click, z->poly.pts, z->poly.n)
                       ? 0.0
                       : geom_polygon_edge_distance(click, z->poly.pts, z->poly.n);
        if (r.distance < 0 || d < r.distance)
            r.distance = d;
        if (d > 0)
            continue;
        /* Inside: the first essential zone hit wins; a spillover zone only
         * counts until an essential one is found. */
        if (r.zone < 0 || (r.kind == ZONE_SPILLOVER && z->kind == ZONE_ESSENTIAL)) {
            r.zone = i;
            r.kind = z->kind;
        }
    }
    if (r.zone >= 0)
        r.credit = r.kind == ZONE_ESSENTIAL ? 1.0 : GRADE_SPILLOVER_CREDIT;
    return r;
}

double grade_options(bool multi, const bool *correct, const bool *chosen, int n)
{
    if (!correct || !chosen || n <= 0)
        return 0.0;
    int n_correct = 0, hits = 0, misses = 0;
    for (int i = 0; i < n; i++) {
        if (correct[i])
            n_correct++;
        if (chosen[i]) {
            if (correct[i])
                hits++;
            else
                misses++;
        }
    }
    if (!multi)
        return (hits == 1 && misses == 0) ? 1.0 : 0.0;
    if (n_correct == 0)
        return 0.0;
    double c = (double)(hits - misses) / n_correct;
    return c > 0 ? c : 0.0;
}

/* --- zone-paint ---------------------------------------------------------- */

Grid grade_paint_grid(RectD viewbox, double cell)
{
    Grid g = {{viewbox.x, viewbox.y}, cell > 0 ? cell : GRADE_PAINT_CELL, 0, 0};
    if (!(viewbox.w > 0) || !(viewbox.h > 0))
        return g;
    double cols = ceil(viewbox.w / g.cell), rows = ceil(viewbox.h / g.cell);
    if (cols * rows > 1e8) /* a nonsense box; refuse rather than allocate gigabytes later */
        return g;
    g.cols = (int)cols;
    g.rows = (int)rows;
    return g;
}

/* Rasterisation marks in the scratch grid. Values must not be 1, which is
 * what geom_rasterise_polygon writes. */
enum { MARK_SPILLOVER = 2, MARK_ESSENTIAL = 3 };

/* Rasterises one polygon and turns the cells it marked (1) into mark; if it
 * marked none, the cell holding its centroid gets mark instead. Only the
 * cells meeting the polygon's bounds can have been marked, so only they are
 * scanned. */
static void mark_polygon(const Grid *g, const Polygon *poly, unsigned char mark, unsigned char *buf)
{
    if (!poly->pts || poly->n < 3)
        return;
    geom_rasterise_polygon(g, poly->pts, poly->n, buf);
    RectD b = geom_polygon_bounds(poly->pts, poly->n);
    double c0 = floor((b.x - g->origin.x) / g->cell), c1 = floor((b.x + b.w - g->origin.x) / g->cell);
    double r0 = floor((b.y - g->origin.y) / g->cell), r1 = floor((b.y + b.h - g->origin.y) / g->cell);
    int marked = 0;
    if (c1 >= 0 && r1 >= 0 && c0 < g->cols && r0 < g->rows) {
        int cmin = c0 < 0 ? 0 : (int)c0, cmax = c1 >= g->cols ? g->cols - 1 : (int)c1;
        int rmin = r0 < 0 ? 0 : (int)r0, rmax = r1 >= g->rows ? g->rows - 1 : (int)r1;
        for (int r = rmin; r <= rmax; r++) {
            unsigned char *row = buf + (size_t)r * (size_t)g->cols;
            for (int c = cmin; c <= cmax; c++)
                if (row[c] == 1) {
                    row[c] = mark;
                    marked++;
                }
        }
    }
    if (marked)
        return;
    Vec2 ct = geom_polygon_centroid(poly->pts, poly->n);
    double c = floor((ct.x - g->origin.x) / g->cell), r = floor((ct.y - g->origin.y) / g->cell);
    if (c >= 0 && r >= 0 && c < g->cols && r < g->rows) {
        unsigned char *cellp = buf + (size_t)r * (size_t)g->cols + (size_t)c;
        if (*cellp != MARK_ESSENTIAL)
            *cellp = mark;
    }
}

/* Marks (0, MARK_SPILLOVER, MARK_ESSENTIAL) of tp's zones on view, one
 * byte a cell of g, into marks. */
static void mark_zones(const Grid *g, const Module *m, int tp, const char *view, unsigned char *marks)
{
    memset(marks, 0, (size_t)g->cols * (size_t)g->rows);
    /* Spillover first, essential second: an essential polygon overwrites a
     * spillover mark, never the other way round. */
    for (int pass = 0; pass < 2; pass++) {
        ZoneKind kind = pass == 0 ? ZONE_SPILLOVER : ZONE_ESSENTIAL;
        unsigned char mark = pass == 0 ? MARK_SPILLOVER : MARK_ESSENTIAL;
        for (int i = 0; i < m->n_zones; i++) {
            const Zone *z = &m->zones[i];
            if (z->tp == tp && z->kind == kind && z->view && strcmp(z->view, view) == 0)
                mark_polygon(g, &z->poly, mark, marks);
        }
    }
}

/* ---- the zone cache ------------------------------------------------------ */

/* The marks of one grid as runs along its rows: row r's spans are
 * span[row[r]] .. span[row[r + 1] - 1], in column order, none touching
 * another of the same mark. Built from the marks, so a painting counted
 * against them gets exactly the cell-by-cell numbers, whatever the zones'
 * shapes. */
typedef struct {
    int c0, c1; /* columns c0 .. c1 - 1 */
    unsigned char mark;
} Span;

typedef struct {
    int *row;   /* rows + 1 entries */
    Span *span;
    int essential, spillover; /* cells of each mark */
} ZoneSpans;

typedef struct {
    const Module *m;
    int tp;
    const char *view; /* the module's string, compared by content */
    Grid g;
    unsigned char *marks;
    ZoneSpans *spans; /* built on first use for grading runs; NULL before */
} CachedMarks;

struct ZoneCache {
    CachedMarks *e;
    int n, cap;
    size_t bytes, max_bytes;
};

static _Thread_local ZoneCache *tls_zone_cache;

static void spans_free(ZoneSpans *zs)
{
    if (!zs)
        return;
    free(zs->row);
    free(zs->span);
    free(zs);
}

/* The spans of marks (g->cols * g->rows bytes of 0, MARK_SPILLOVER,
 * MARK_ESSENTIAL); *bytes gets what they hold. NULL if memory runs out. */
static ZoneSpans *spans_of_marks(const Grid *g, const unsigned char *marks, size_t *bytes)
{
    size_t cols = (size_t)g->cols, rows = (size_t)g->rows;
    ZoneSpans *zs = calloc(1, sizeof *zs);
    if (!zs || !(zs->row = malloc(sizeof *zs->row * (rows + 1)))) {
        spans_free(zs);
        return NULL;
    }
    int n = 0, cap = 0;
    for (size_t r = 0; r < rows; r++) {
        zs->row[r] = n;
        const unsigned char *row = marks + r * cols;
        for (size_t c = 0; c < cols;) {
            unsigned char k = row[c];
            if (!k) {
                c++;
                continue;
            }
            size_t c0 = c;
            while (c < cols && row[c] == k)
                c++;
            if (n == cap) {
                cap = cap ? 2 * cap : 64;
                Span *sp = realloc(zs->span, sizeof *sp * (size_t)cap);
                if (!sp) {
                    spans_free(zs);
                    return NULL;
                }
                zs->span = sp;
            }
            zs->span[n++] = (Span){(int)c0, (int)c, k};
            if (k == MARK_ESSENTIAL)
                zs->essential += (int)(c - c0);
            else
                zs->spillover += (int)(c - c0);
        }
    }
    zs->row[rows] = n;
    *bytes = sizeof *zs + sizeof *zs->row * (rows + 1) + sizeof *zs->span * (size_t)cap;
    return zs;
}

ZoneCache *zone_cache_create(size_t max_bytes)
{
    ZoneCache *zc = calloc(1, sizeof *zc);
    if (zc)
        zc->max_bytes = max_bytes;
    return zc;
}

void zone_cache_free(ZoneCache *zc)
{
    if (!zc)
        return;
    if (tls_zone_cache == zc)
        tls_zone_cache = NULL;
    for (int i = 0; i < zc->n; i++) {
        free(zc->e[i].marks);
        spans_free(zc->e[i].spans);
    }
    free(zc->e);
    free(zc);
}

ZoneCache *zone_cache_use(ZoneCache *zc)
{
    ZoneCache *old = tls_zone_cache;
    tls_zone_cache = zc;
    return old;
}

static bool same_grid(const Grid *a, const Grid *b)
{
    return a->cols == b->cols && a->rows == b->rows && a->cell == b->cell && a->origin.x == b->origin.x &&
           a->origin.y == b->origin.y;
}

/* The cache's entry for (m, tp, view, g), its marks computed and kept if
 * there is room; NULL if they are not kept (full, out of memory, or no
 * zone of tp on view). */
static CachedMarks *cache_entry(ZoneCache *zc, const Grid *g, const Module *m, int tp, const char *view)
{
    for (int i = 0; i < zc->n; i++) {
        CachedMarks *c = &zc->e[i];
        if (c->m == m && c->tp == tp && same_grid(&c->g, g) && (c->view == view || strcmp(c->view, view) == 0))
            return c;
    }
    size_t n = (size_t)g->cols * (size_t)g->rows;
    if (zc->bytes > zc->max_bytes || n > zc->max_bytes - zc->bytes)
        return NULL;
    if (zc->n == zc->cap) {
        int cap = zc->cap ? zc->cap * 2 : 16;
        CachedMarks *e = realloc(zc->e, sizeof *e * (size_t)cap);
        if (!e)
            return NULL;
        zc->e = e;
        zc->cap = cap;
    }
    /* The view string may be the caller's (a record's or an item's): keep
     * the module's own copy, which lives as long as the module. */
    const char *mview = NULL;
    for (int i = 0; i < m->n_zones && !mview; i++)
        if (m->zones[i].tp == tp && m->zones[i].view && strcmp(m->zones[i].view, view) == 0)
            mview = m->zones[i].view;
    if (!mview) /* no zone of tp on view: nothing of the module to point at */
        return NULL;
    unsigned char *marks = malloc(n);
    if (!marks)
        return NULL;
    mark_zones(g, m, tp, view, marks);
    zc->e[zc->n] = (CachedMarks){m, tp, mview, *g, marks, NULL};
    zc->bytes += n;
    return &zc->e[zc->n++];
}

static const unsigned char *cached_marks(ZoneCache *zc, const Grid *g, const Module *m, int tp, const char *view)
{
    const CachedMarks *c = cache_entry(zc, g, m, tp, view);
    return c ? c->marks : NULL;
}

/* The spans of (m, tp, view, g): the cache's if it keeps them, else made
 * for this call and returned in *own as well (the caller frees them).
 * NULL if memory runs out. */
static const ZoneSpans *spans_for(const Grid *g, const Module *m, int tp, const char *view, ZoneSpans **own)
{
    *own = NULL;
    ZoneCache *zc = tls_zone_cache;
    CachedMarks *c = zc ? cache_entry(zc, g, m, tp, view) : NULL;
    size_t bytes = 0;
    if (c && c->spans)
        return c->spans;
    if (c) {
        ZoneSpans *zs = spans_of_marks(g, c->marks, &bytes);
        if (zs && zc->bytes <= zc->max_bytes && bytes <= zc->max_bytes - zc->bytes) {
            c->spans = zs;
            zc->bytes += bytes;
            return zs;
        }
        return *own = zs;
    }
    unsigned char *marks = malloc((size_t)g->cols * (size_t)g->rows);
    if (!marks)
        return NULL;
    mark_zones(g, m, tp, view, marks);
    *own = spans_of_marks(g, marks, &bytes);
    free(marks);
    return *own;
}

/* One cell: painted p, zone mark k, into its class and the counts. */
static inline void classify_cell(bool p, unsigned char k, unsigned char *cls, ZonePaintResult *res)
{
    if (k == MARK_ESSENTIAL) {
        *cls = p ? PAINT_CELL_HIT_ESSENTIAL : PAINT_CELL_MISSED_ESSENTIAL;
        *(p ? &res->hit_essential : &res->missed_essential) += 1;
    } else if (k == MARK_SPILLOVER) {
        *cls = p ? PAINT_CELL_HIT_SPILLOVER : PAINT_CELL_MISSED_SPILLOVER;
        *(p ? &res->hit_spillover : &res->missed_spillover) += 1;
    } else {
        *cls = p ? PAINT_CELL_EXCESS : PAINT_CELL_NONE;
        res->excess += p;
    }
}

/* Eight cells at once (painted word pw, marks word kw) into *cw and the
 * counts, where they share a mark and are painted 0/1: each class byte is
 * then a linear function of its painted byte, computed for all eight
 * without carries or borrows (the missed classes are above the hit ones).
 * False, nothing counted, where the cells must go one by one. */
static inline bool classify_word(uint64_t pw, uint64_t kw, uint64_t *cw, ZonePaintResult *res)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    if (pw & ~ones)
        return false;
    int hits = (int)((pw * ones) >> 56); /* the sum of eight 0/1 bytes */
    if (kw == 0) {
        *cw = pw * PAINT_CELL_EXCESS;
        res->excess += hits;
    } else if (kw == ones * MARK_ESSENTIAL) {
        *cw = ones * PAINT_CELL_MISSED_ESSENTIAL - pw * (PAINT_CELL_MISSED_ESSENTIAL - PAINT_CELL_HIT_ESSENTIAL);
        res->hit_essential += hits;
        res->missed_essential += 8 - hits;
    } else if (kw == ones * MARK_SPILLOVER) {
        *cw = ones * PAINT_CELL_MISSED_SPILLOVER - pw * (PAINT_CELL_MISSED_SPILLOVER - PAINT_CELL_HIT_SPILLOVER);
        res->hit_spillover += hits;
        res->missed_spillover += 8 - hits;
    } else {
        return false;
    }
    return true;
}

/* Fills in ok, painted, zone_cells, the spillover weight and the credit
 * from the five counts. */
static void finish_result(ZonePaintResult *r)
{
    r->ok = true;
    r->painted = r->hit_essential + r->hit_spillover + r->excess;
    r->zone_cells = r->hit_essential + r->missed_essential + r->hit_spillover + r->missed_spillover;
    /* The spillover zone as a whole never weighs more than the essential
     * zone: otherwise, where the spillover is over twice the essential
     * zone's size, painting only the spillover would beat painting only the
     * essential zone (GRADING.md). */
    int e_cells = r->hit_essential + r->missed_essential;
    int s_cells = r->hit_spillover + r->missed_spillover;
    double s = GRADE_SPILLOVER_CREDIT;
    if (e_cells > 0 && s * s_cells > e_cells)
        s = (double)e_cells / s_cells;
    r->spillover_weight = s;
    double overlap = r->hit_essential + s * r->hit_spillover;
    double zone_w = e_cells + s * s_cells;
    double painted_w = overlap + r->excess;
    if (r->zone_cells > 0 && painted_w > 0)
        r->credit = 2 * overlap / (zone_w + painted_w);
}

ZonePaintResult grade_zone_paint_classify(const unsigned char *painted, const Grid *g, const Module *m,
                                          int tp, const char *view, unsigned char *classes)
{
    ZonePaintResult res = {0};
    if (!painted || !g || !m || !view || !classes || g->cols <= 0 || g->rows <= 0 || !(g->cell > 0))
        return res;
    size_t n = (size_t)g->cols * (size_t)g->rows;
    const unsigned char *marks = tls_zone_cache ? cached_marks(tls_zone_cache, g, m, tp, view) : NULL;
    if (!marks) {
        mark_zones(g, m, tp, view, classes);
        marks = classes; /* classified in place: cell i is read before it is written */
    }
    /* Eight cells at a time where that is simple (most of a grid is in no
     * zone, most of a zone inside it), else one by one. */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t pw, kw;
        memcpy(&pw, painted + i, 8);
        memcpy(&kw, marks + i, 8);
        uint64_t cw;
        if (classify_word(pw, kw, &cw, &res)) {
            memcpy(classes + i, &cw, 8);
            continue;
        }
        for (size_t j = i; j < i + 8; j++)
            classify_cell(painted[j] != 0, marks[j], classes + j, &res);
    }
    for (; i < n; i++)
        classify_cell(painted[i] != 0, marks[i], classes + i, &res);
    finish_result(&res);
    return res;
}

ZonePaintResult grade_zone_paint(const unsigned char *painted, const Grid *g, const Module *m, int tp,
                                 const char *view)
{
    ZonePaintResult res = {0};
    if (!g || g->cols <= 0 || g->rows <= 0)
        return res;
    unsigned char *classes = malloc((size_t)g->cols * (size_t)g->rows);
    if (!classes)
        return res;
    res = grade_zone_paint_classify(painted, g, m, tp, view, classes);
    free(classes);
    return res;
}

ZonePaintResult grade_zone_paint_runs(const int *runs, int n_runs, const Grid *g, const Module *m, int tp,
                                      const char *view)
{
    ZonePaintResult res = {0};
    if (!g || !m || !view || g->cols <= 0 || g->rows <= 0 || !(g->cell > 0) || n_runs < 0 || n_runs % 2 != 0 ||
        (n_runs > 0 && !runs))
        return res;
    int64_t n = (int64_t)g->cols * g->rows, sum = 0;
    if (n > INT_MAX)
        return res;
    for (int i = 0; i < n_runs; i++) {
        if (runs[i] < 0 || (sum += runs[i]) > n)
            return res;
    }
    ZoneSpans *own;
    const ZoneSpans *zs = spans_for(g, m, tp, view, &own);
    if (!zs)
        return res;
    /* Each painted run, cut at row ends, against the spans of its row. Runs
     * go forward, so a span wholly left of a run is left of every later run
     * of the row: k only moves forward within a row, and the whole count is
     * linear in runs and spans. */
    const int cols = g->cols;
    int64_t at = 0;
    int painted = 0, hit_e = 0, hit_s = 0, row = -1, k = 0;
    for (int i = 0; i < n_runs; i += 2) {
        at += runs[i];
        int64_t end = at + runs[i + 1];
        painted += runs[i + 1];
        while (at < end) {
            int r = (int)(at / cols), c0 = (int)(at % cols);
            int64_t left = end - (int64_t)r * cols;
            int c1 = left < cols ? (int)left : cols;
            if (r != row) {
                row = r;
                k = zs->row[r];
            }
            int k_end = zs->row[r + 1];
            while (k < k_end && zs->span[k].c1 <= c0)
                k++;
            for (int j = k; j < k_end && zs->span[j].c0 < c1; j++) {
                const Span *sp = &zs->span[j];
                int lo = sp->c0 > c0 ? sp->c0 : c0, hi = sp->c1 < c1 ? sp->c1 : c1;
                *(sp->mark == MARK_ESSENTIAL ? &hit_e : &hit_s) += hi - lo;
            }
            at = (int64_t)r * cols + c1;
        }
    }
    res.hit_essential = hit_e;
    res.hit_spillover = hit_s;
    res.missed_essential = zs->essential - hit_e;
    res.missed_spillover = zs->spillover - hit_s;
    res.excess = painted - hit_e - hit_s;
    spans_free(own);
    finish_result(&res);
    return res;
}

/* --- locate-all ---------------------------------------------------------- */

/* Breaks ties between matchings of equal credit toward the smaller total
 * distance: each pair's cost gets at most this much added, far below any
 * credit difference that matters (one click 1e-9 radius further off). */
#define TIE_BREAK 1e-9

/* Minimum-cost assignment of n rows to distinct columns of an n x m cost
 * matrix (n <= m, a[i*m + j]); row_col[i] gets row i's column. The
 * Hungarian method with potentials (Kuhn, Munkres; O(n^2 m)). Returns
 * false if memory runs out. */
static bool assign_min_cost(const double *a, int n, int m, int *row_col)
{
    size_t nm = (size_t)m + 1;
    double *u = calloc((size_t)n + 1, sizeof *u);
    double *v = calloc(nm, sizeof *v);
    double *minv = malloc(nm * sizeof *minv);
    int *p = calloc(nm, sizeof *p); /* p[j]: row (1-based) holding column j; 0 none */
    int *way = calloc(nm, sizeof *way);
    bool *used = malloc(nm * sizeof *used);
    bool ok = u && v && minv && p && way && used;
    for (int i = 1; ok && i <= n; i++) {
        p[0] = i;
        int j0 = 0;
        for (int j = 0; j <= m; j++) {
            minv[j] = INFINITY;
            used[j] = false;
        }
        do {
            used[j0] = true;
            int i0 = p[j0], j1 = 0;
            double delta = INFINITY;
            for (int j = 1; j <= m; j++) {
                if (used[j])
                    continue;
                double cur = a[(size_t)(i0 - 1) * (size_t)m + (size_t)(j - 1)] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (int j = 0; j <= m; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            int j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }
    if (ok)
        for (int j = 1; j <= m; j++)
            if (p[j])
                row_col[p[j] - 1] = j - 1;
    free(u);
    free(v);
    free(minv);
    free(p);
    free(way);
    free(used);
    return ok;
}

double grade_locate_all(const Vec2 *clicks, int n_clicks, const TriggerPoint *const *targets,
                        int n_targets, int *match)
{
    if (n_clicks < 0 || (n_clicks > 0 && !clicks))
        n_clicks = 0;
    if (n_targets < 0 || (n_targets > 0 && !targets))
        n_targets = 0;
    for (int t = 0; match && t < n_targets; t++)
        match[t] = -1;
    int denom = n_targets > n_clicks ? n_targets : n_clicks;
    if (n_targets == 0 || n_clicks == 0)
        return 0.0;

    /* Only targets and clicks that can earn something take part: a click
     * worth 0 to every target only adds to the denominator. */
    size_t nt = (size_t)n_targets, nc = (size_t)n_clicks;
    double *credit = malloc(nt * nc * sizeof *credit);
    double *dist = malloc(nt * nc * sizeof *dist);
    int *ti = malloc(nt * sizeof *ti), *ci = malloc(nc * sizeof *ci);
    bool *click_useful = calloc(nc, sizeof *click_useful);
    double *cost = NULL;
    int *row_col = NULL;
    double total = 0.0;
    if (!credit || !dist || !ti || !ci || !click_useful)
        goto out;
    int rt = 0, rc = 0;
    for (size_t t = 0; t < nt; t++) {
        const TriggerPoint *tp = targets[t];
        bool useful = false;
        for (size_t c = 0; c < nc; c++) {
            double d = INFINITY, cr = 0.0;
            if (tp)
                cr = grade_locate_tp(clicks[c], tp->at, tp->radius, &d);
            credit[t * nc + c] = cr;
            dist[t * nc + c] = d;
            if (cr > 0) {
                useful = true;
                click_useful[c] = true;
            }
        }
        if (useful)
            ti[rt++] = (int)t;
    }
    for (size_t c = 0; c < nc; c++)
        if (click_useful[c])
            ci[rc++] = (int)c;
    if (rt == 0)
        goto out;

    /* Rows = the smaller side. Cost = 1 - credit, plus the distance tie-break. */
    bool rows_are_targets = rt <= rc;
    int n = rows_are_targets ? rt : rc, m = rows_are_targets ? rc : rt;
    cost = malloc((size_t)n * (size_t)m * sizeof *cost);
    row_col = malloc((size_t)n * sizeof *row_col);
    if (!cost || !row_col)
        goto out;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
            int t = rows_are_targets ? ti[i] : ti[j], c = rows_are_targets ? ci[j] : ci[i];
            size_t k = (size_t)t * nc + (size_t)c;
            cost[(size_t)i * (size_t)m + (size_t)j] = 1.0 - credit[k] + TIE_BREAK * dist[k] / (1.0 + dist[k]);
        }
    }
    if (!assign_min_cost(cost, n, m, row_col))
        goto out;
    for (int i = 0; i < n; i++) {
        int t = rows_are_targets ? ti[i] : ti[row_col[i]];
        int c = rows_are_targets ? ci[row_col[i]] : ci[i];
        double cr = credit[(size_t)t * nc + (size_t)c];
        if (cr > 0) {
            total += cr;
            if (match)
                match[t] = c;
        }
    }
out:
    free(credit);
    free(dist);
    free(ti);
    free(ci);
    free(click_useful);
    free(cost);
    free(row_col);
    return total / denom;
}
