/* geometry: points and polygons in image units.
 *
 * Coordinates are authored by hand in SVG user units (typically a few
 * hundred, often integers), so the predicates below use exact orientation
 * signs where that is possible: a point exactly on an edge, or two edges that
 * exactly touch, are recognised as such. The one tolerance (ON_EDGE_EPS) is
 * for the point-on-edge test, where a click computed through a scaled layout
 * should not fall "outside" because of the last bit of a double. */
#include "geometry.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Distance (image units) within which a point counts as lying on an edge. */
#define ON_EDGE_EPS 1e-9

double geom_distance(Vec2 a, Vec2 b)
{
    return hypot(a.x - b.x, a.y - b.y);
}

/* Twice the signed area of the triangle a, b, c: > 0 if c is left of a->b
 * (counter-clockwise in a y-up frame), < 0 if right, 0 if collinear. */
static double cross(Vec2 a, Vec2 b, Vec2 c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

static int sign(double v)
{
    return (v > 0) - (v < 0);
}

/* The point of segment a-b nearest to p. */
static inline Vec2 segment_nearest(Vec2 p, Vec2 a, Vec2 b)
{
    double dx = b.x - a.x, dy = b.y - a.y;
    double len2 = dx * dx + dy * dy;
    if (len2 == 0)
        return a;
    double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    if (t < 0)
        t = 0;
    else if (t > 1)
        t = 1;
    return (Vec2){a.x + t * dx, a.y + t * dy};
}

/* Squared distance from p to segment a-b: the polygon loops compare these
 * and leave the square root (libm's hypot is slow) to the one result; the
 * on-body checks of a course load run them over every chart outline for
 * every point of every module. */
static double segment_distance2(Vec2 p, Vec2 a, Vec2 b)
{
    Vec2 q = segment_nearest(p, a, b);
    double ex = p.x - q.x, ey = p.y - q.y;
    return ex * ex + ey * ey;
}

/* Squared distance from p to the bounding box of segment a-b: never more
 * than segment_distance2, and cheap (no division), so most edges are ruled
 * out by it alone. */
static inline double box_distance2(Vec2 p, Vec2 a, Vec2 b)
{
    double lx = a.x < b.x ? a.x : b.x, hx = a.x < b.x ? b.x : a.x;
    double ly = a.y < b.y ? a.y : b.y, hy = a.y < b.y ? b.y : a.y;
    double dx = p.x < lx ? lx - p.x : p.x > hx ? p.x - hx : 0;
    double dy = p.y < ly ? ly - p.y : p.y > hy ? p.y - hy : 0;
    return dx * dx + dy * dy;
}

static Vec2 point_at(const Vec2 *pts, int n, int i)
{
    return pts[i == n ? 0 : i];
}

/* Edge a-b's part of p's winding number (Sunday): +1 for an upward
 * crossing of the ray to the right of p with p left of the edge, -1 for a
 * downward one with p right of it, else 0. */
static inline int winding_step(Vec2 a, Vec2 b, Vec2 p)
{
    if (a.y <= p.y)
        return b.y > p.y && cross(a, b, p) > 0 ? 1 : 0;
    return b.y <= p.y && cross(a, b, p) < 0 ? -1 : 0;
}

bool geom_point_in_polygon(Vec2 p, const Vec2 *pts, int n)
{
    if (!pts || n < 1)
        return false;
    const double eps2 = ON_EDGE_EPS * ON_EDGE_EPS;
    /* On an edge is inside; else the winding number (Sunday): count upward
     * crossings of the ray to the right of p where p is left of the edge,
     * downward ones where it is right. Non-zero means inside. One pass. */
    int wn = 0;
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        if (box_distance2(p, a, b) <= eps2 && segment_distance2(p, a, b) <= eps2)
            return true;
        wn += winding_step(a, b, p);
    }
    return n >= 3 && wn != 0;
}

bool geom_point_near_polygon(Vec2 p, const Vec2 *pts, int n, double tol)
{
    if (!pts || n < 1)
        return false;
    /* On an edge counts as inside: within ON_EDGE_EPS always matches. */
    double t = tol > ON_EDGE_EPS ? tol : ON_EDGE_EPS;
    double t2 = t * t;
    int wn = 0;
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        /* An edge wholly above or below the band [p.y - t, p.y + t] is
         * farther than t and does not cross p's height. */
        if ((a.y < p.y - t && b.y < p.y - t) || (a.y > p.y + t && b.y > p.y + t))
            continue;
        if (box_distance2(p, a, b) <= t2 && segment_distance2(p, a, b) <= t2)
            return true;
        if (n < 3)
            continue;
        wn += winding_step(a, b, p); /* as geom_point_in_polygon counts it */
    }
    return wn != 0;
}

/* Edges a band holds on average: a handful to test per point. */
#define EDGES_PER_BAND 4

static int band_of(const PolygonBands *b, double y)
{
    if (!(b->band > 0))
        return 0;
    double k = floor((y - b->y0) / b->band);
    return k < 0 ? 0 : k >= b->n_bands ? b->n_bands - 1 : (int)k;
}

bool geom_bands_build(PolygonBands *b, const Vec2 *pts, int n)
{
    memset(b, 0, sizeof *b);
    if (!pts || n < 1)
        return false;
    RectD r = geom_polygon_bounds(pts, n);
    b->pts = pts;
    b->n = n;
    b->y0 = r.y;
    b->y1 = r.y + r.h;
    b->n_bands = r.h > 0 ? (n + EDGES_PER_BAND - 1) / EDGES_PER_BAND : 1;
    b->band = r.h > 0 ? r.h / b->n_bands : 0;
    b->first = calloc((size_t)b->n_bands + 1, sizeof *b->first);
    int *lo = malloc(sizeof *lo * (size_t)n), *hi = malloc(sizeof *hi * (size_t)n);
    size_t total = 0;
    for (int i = 0; b->first && lo && hi && i < n; i++) {
        Vec2 a = pts[i], c = point_at(pts, n, i + 1);
        lo[i] = band_of(b, a.y < c.y ? a.y : c.y);
        hi[i] = band_of(b, a.y < c.y ? c.y : a.y);
        for (int k = lo[i]; k <= hi[i]; k++)
            b->first[k + 1]++;
        total += (size_t)(hi[i] - lo[i] + 1);
    }
    b->edge = b->first && lo && hi ? malloc(sizeof *b->edge * (total > 0 ? total : 1)) : NULL;
    if (!b->edge) {
        free(lo);
        free(hi);
        geom_bands_free(b);
        return false;
    }
    for (int k = 0; k < b->n_bands; k++)
        b->first[k + 1] += b->first[k];
    int *at = malloc(sizeof *at * (size_t)b->n_bands); /* where band k's next edge goes */
    if (!at) {
        free(lo);
        free(hi);
        geom_bands_free(b);
        return false;
    }
    memcpy(at, b->first, sizeof *at * (size_t)b->n_bands);
    for (int i = 0; i < n; i++)
        for (int k = lo[i]; k <= hi[i]; k++)
            b->edge[at[k]++] = i;
    free(at);
    free(lo);
    free(hi);
    return true;
}

void geom_bands_free(PolygonBands *b)
{
    if (!b)
        return;
    free(b->first);
    free(b->edge);
    memset(b, 0, sizeof *b);
}

bool geom_point_near_bands(Vec2 p, const PolygonBands *b, double tol)
{
    if (!b || !b->first || !(p.y == p.y))
        return b && b->pts ? geom_point_near_polygon(p, b->pts, b->n, tol) : false;
    const Vec2 *pts = b->pts;
    int n = b->n;
    /* Inside first (most points tested are): only an edge whose heights
     * span p's crosses its ray, and all of them are in p's band, once each. */
    if (n >= 3 && p.y >= b->y0 && p.y <= b->y1) {
        int wn = 0, k = band_of(b, p.y);
        for (int x = b->first[k]; x < b->first[k + 1]; x++) {
            int i = b->edge[x];
            wn += winding_step(pts[i], point_at(pts, n, i + 1), p);
        }
        if (wn != 0)
            return true;
    }
    double t = tol > ON_EDGE_EPS ? tol : ON_EDGE_EPS;
    double t2 = t * t;
    /* Else near an edge: an edge within t of p reaches a height within t of
     * p's, so it is in one of the bands that range meets (an edge is in
     * every band its heights meet); a band may repeat an edge of the one
     * before, which only tests it twice. */
    if (p.y + t >= b->y0 && p.y - t <= b->y1) {
        int k1 = band_of(b, p.y + t);
        for (int k = band_of(b, p.y - t); k <= k1; k++)
            for (int x = b->first[k]; x < b->first[k + 1]; x++) {
                int i = b->edge[x];
                Vec2 a = pts[i], c = point_at(pts, n, i + 1);
                if ((a.y < p.y - t && c.y < p.y - t) || (a.y > p.y + t && c.y > p.y + t))
                    continue;
                if (box_distance2(p, a, c) <= t2 && segment_distance2(p, a, c) <= t2)
                    return true;
            }
    }
    return false;
}

static double signed_area2(const Vec2 *pts, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        s += a.x * b.y - b.x * a.y;
    }
    return s;
}

double geom_polygon_area(const Vec2 *pts, int n)
{
    if (!pts || n < 3)
        return 0;
    return fabs(signed_area2(pts, n)) / 2;
}

double geom_polygon_edge_distance(Vec2 p, const Vec2 *pts, int n)
{
    if (!pts || n < 1)
        return INFINITY;
    double best = INFINITY;
    int edge = 0;
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        if (!(box_distance2(p, a, b) < best))
            continue; /* this edge cannot be nearer */
        double d = segment_distance2(p, a, b);
        if (d < best) {
            best = d;
            edge = i;
        }
    }
    if (!(best < INFINITY))
        return best;
    return geom_distance(p, segment_nearest(p, pts[edge], point_at(pts, n, edge + 1)));
}

double geom_rect_gap2(Vec2 p, RectD r)
{
    double dx = p.x < r.x ? r.x - p.x : p.x > r.x + r.w ? p.x - (r.x + r.w) : 0;
    double dy = p.y < r.y ? r.y - p.y : p.y > r.y + r.h ? p.y - (r.y + r.h) : 0;
    return dx * dx + dy * dy;
}

bool geom_rect_known(RectD r)
{
    return r.x != 0 || r.y != 0 || r.w != 0 || r.h != 0;
}

Vec2 geom_polygon_centroid(const Vec2 *pts, int n)
{
    Vec2 c = {0, 0};
    if (!pts || n < 1)
        return c;
    double a2 = n >= 3 ? signed_area2(pts, n) : 0;
    if (a2 == 0) {
        for (int i = 0; i < n; i++) {
            c.x += pts[i].x;
            c.y += pts[i].y;
        }
        c.x /= n;
        c.y /= n;
        return c;
    }
    /* Shift to the first vertex to keep the products small and accurate. */
    Vec2 o = pts[0];
    for (int i = 0; i < n; i++) {
        Vec2 a = {pts[i].x - o.x, pts[i].y - o.y};
        Vec2 b0 = point_at(pts, n, i + 1);
        Vec2 b = {b0.x - o.x, b0.y - o.y};
        double f = a.x * b.y - b.x * a.y;
        c.x += (a.x + b.x) * f;
        c.y += (a.y + b.y) * f;
    }
    c.x = c.x / (3 * a2) + o.x;
    c.y = c.y / (3 * a2) + o.y;
    return c;
}

RectD geom_polygon_bounds(const Vec2 *pts, int n)
{
    RectD r = {0, 0, 0, 0};
    if (!pts || n < 1)
        return r;
    double x0 = pts[0].x, x1 = pts[0].x, y0 = pts[0].y, y1 = pts[0].y;
    for (int i = 1; i < n; i++) {
        x0 = fmin(x0, pts[i].x);
        x1 = fmax(x1, pts[i].x);
        y0 = fmin(y0, pts[i].y);
        y1 = fmax(y1, pts[i].y);
    }
    r.x = x0;
    r.y = y0;
    r.w = x1 - x0;
    r.h = y1 - y0;
    return r;
}

/* q is collinear with a-b: does it lie within the segment's box? */
static bool within(Vec2 a, Vec2 b, Vec2 q)
{
    return fmin(a.x, b.x) <= q.x && q.x <= fmax(a.x, b.x) && fmin(a.y, b.y) <= q.y && q.y <= fmax(a.y, b.y);
}

/* Closed segments a-b and c-d share at least one point (crossing, touching
 * at an end, or overlapping collinearly). */
static bool segments_meet(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    int d1 = sign(cross(c, d, a)), d2 = sign(cross(c, d, b));
    int d3 = sign(cross(a, b, c)), d4 = sign(cross(a, b, d));
    if (d1 * d2 < 0 && d3 * d4 < 0)
        return true;
    return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) || (d3 == 0 && within(a, b, c)) ||
           (d4 == 0 && within(a, b, d));
}

/* Adjacent edges a->b and b->c fold back on each other: c lies on a->b's
 * line on the same side of b as a (a spike of zero width). */
static bool folds_back(Vec2 a, Vec2 b, Vec2 c)
{
    if (cross(a, b, c) != 0)
        return false;
    double dot = (a.x - b.x) * (c.x - b.x) + (a.y - b.y) * (c.y - b.y);
    return dot > 0;
}

/* An edge's bounding box, for the sweep below. */
typedef struct {
    double x0, x1, y0, y1;
    int i; /* edge i runs from point i to point i+1 (wrapping) */
} EdgeBox;

static int cmp_edge_x0(const void *pa, const void *pb)
{
    const EdgeBox *a = pa, *b = pb;
    if (a->x0 != b->x0)
        return a->x0 < b->x0 ? -1 : 1;
    return a->i - b->i;
}

/* Edges i < j are neighbours: they share a point by construction. */
static bool adjacent(int i, int j, int n)
{
    return j == i + 1 || (i == 0 && j == n - 1);
}

/* The answer is the one a plain double loop over i < j would give first:
 * the smallest i with a fold-back or a meeting, and for that i the fold
 * (checked first) or else the smallest j. Two edges can only meet if their
 * boxes overlap, so a sweep over the edges sorted by left end compares only
 * the pairs whose x ranges overlap (and then checks y), which keeps a
 * polygon at the point cap (COURSE_MAX_POLY_POINTS) far from the n^2/2
 * pairs for any outline a hand or a tool would draw. */
bool geom_polygon_self_intersects(const Vec2 *pts, int n, int *edge_a, int *edge_b)
{
    if (!pts || n < 3)
        return false;
    int best_i = n, best_j = n;
    bool best_fold = false;
    for (int i = 0; i < n && i < best_i; i++) {
        if (folds_back(pts[i], pts[(i + 1) % n], pts[(i + 2) % n])) {
            best_i = i;
            best_fold = true;
        }
    }
    EdgeBox *e = malloc((size_t)n * sizeof *e);
    if (!e)
        abort(); /* at most COURSE_MAX_POLY_POINTS edges; nothing sensible can follow */
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        e[i] = (EdgeBox){fmin(a.x, b.x), fmax(a.x, b.x), fmin(a.y, b.y), fmax(a.y, b.y), i};
    }
    qsort(e, (size_t)n, sizeof *e, cmp_edge_x0);
    for (int k = 0; k < n; k++) {
        for (int m = k + 1; m < n && e[m].x0 <= e[k].x1; m++) {
            if (e[m].y0 > e[k].y1 || e[k].y0 > e[m].y1)
                continue;
            int i = e[k].i < e[m].i ? e[k].i : e[m].i, j = e[k].i < e[m].i ? e[m].i : e[k].i;
            if (i > best_i || (i == best_i && (best_fold || j >= best_j)) || adjacent(i, j, n))
                continue;
            if (segments_meet(pts[i], point_at(pts, n, i + 1), pts[j], point_at(pts, n, j + 1))) {
                best_i = i;
                best_j = j;
                best_fold = false;
            }
        }
    }
    free(e);
    if (best_i == n)
        return false;
    int lo = best_i, hi = best_j;
    if (best_fold) { /* edge best_i folds back over its neighbour */
        int next = (best_i + 1) % n;
        lo = best_i < next ? best_i : next;
        hi = best_i < next ? next : best_i;
    }
    if (edge_a)
        *edge_a = lo;
    if (edge_b)
        *edge_b = hi;
    return true;
}

/* An edge's vertical extent, widened by far more than ON_EDGE_EPS: an edge
 * outside it can neither be within ON_EDGE_EPS of a point at that height
 * nor cross the point's horizontal ray, so leaving it out changes no
 * answer of geom_point_in_polygon. */
typedef struct {
    double lo, hi;
    int i;
} EdgeSpan;

#define SPAN_MARGIN 1e-6

static int cmp_span_lo(const void *pa, const void *pb)
{
    const EdgeSpan *a = pa, *b = pb;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

/* geom_point_in_polygon over the given edges only (the others are known
 * to play no part at p's height): the same tests in the same terms. */
static bool in_polygon_edges(Vec2 p, const Vec2 *pts, int n, const EdgeSpan *e, const int *act, int na)
{
    const double eps2 = ON_EDGE_EPS * ON_EDGE_EPS;
    for (int k = 0; k < na; k++) {
        int i = e[act[k]].i;
        Vec2 a = pts[i], b = point_at(pts, n, i + 1);
        if (box_distance2(p, a, b) <= eps2 && segment_distance2(p, a, b) <= eps2)
            return true;
    }
    int wn = 0;
    for (int k = 0; k < na; k++) {
        int i = e[act[k]].i;
        wn += winding_step(pts[i], point_at(pts, n, i + 1), p);
    }
    return wn != 0;
}

/* Row by row, testing each cell centre against only the edges that reach
 * its row (kept in an active list as the rows go down): the answers are
 * geom_point_in_polygon's, cell for cell (unit.test_geometry compares
 * them), at a fraction of the cost for every painting the report and the
 * instructor screen grade again. */
void geom_rasterise_polygon(const Grid *g, const Vec2 *pts, int n, unsigned char *out)
{
    if (!g || !out || !pts || n < 3 || g->cols <= 0 || g->rows <= 0 || !(g->cell > 0))
        return;
    /* Only cells whose centre can be inside the bounds need testing. */
    RectD b = geom_polygon_bounds(pts, n);
    double c0 = floor((b.x - g->origin.x) / g->cell - 0.5);
    double c1 = ceil((b.x + b.w - g->origin.x) / g->cell - 0.5);
    double r0 = floor((b.y - g->origin.y) / g->cell - 0.5);
    double r1 = ceil((b.y + b.h - g->origin.y) / g->cell - 0.5);
    int cmin = c0 < 0 ? 0 : (c0 > g->cols ? g->cols : (int)c0);
    int cmax = c1 > g->cols - 1 ? g->cols - 1 : (c1 < -1 ? -1 : (int)c1);
    int rmin = r0 < 0 ? 0 : (r0 > g->rows ? g->rows : (int)r0);
    int rmax = r1 > g->rows - 1 ? g->rows - 1 : (r1 < -1 ? -1 : (int)r1);
    if (rmin > rmax || cmin > cmax)
        return;
    EdgeSpan *e = malloc(sizeof *e * (size_t)n);
    int *act = malloc(sizeof *act * (size_t)n);
    if (!e || !act)
        abort(); /* at most COURSE_MAX_POLY_POINTS edges; nothing sensible can follow */
    for (int i = 0; i < n; i++) {
        Vec2 a = pts[i], c = point_at(pts, n, i + 1);
        e[i] = (EdgeSpan){fmin(a.y, c.y) - SPAN_MARGIN, fmax(a.y, c.y) + SPAN_MARGIN, i};
    }
    qsort(e, (size_t)n, sizeof *e, cmp_span_lo);
    int next = 0, na = 0;
    for (int r = rmin; r <= rmax; r++) {
        double y = g->origin.y + (r + 0.5) * g->cell;
        int kept = 0;
        for (int k = 0; k < na; k++)
            if (e[act[k]].hi >= y)
                act[kept++] = act[k];
        na = kept;
        while (next < n && e[next].lo <= y) {
            if (e[next].hi >= y)
                act[na++] = next;
            next++;
        }
        if (na == 0)
            continue;
        unsigned char *row = out + (size_t)r * (size_t)g->cols;
        for (int c = cmin; c <= cmax; c++) {
            Vec2 centre = {g->origin.x + (c + 0.5) * g->cell, y};
            if (in_polygon_edges(centre, pts, n, e, act, na))
                row[c] = 1;
        }
    }
    free(e);
    free(act);
}

/* The centripetal parameter step between two points: sqrt of their distance
 * (alpha = 1/2). The caller has merged duplicates, so it is never 0. */
static double knot_step(Vec2 a, Vec2 b)
{
    return sqrt(geom_distance(a, b));
}

static Vec2 lerp_knots(Vec2 a, Vec2 b, double ta, double tb, double t)
{
    double u = (t - ta) / (tb - ta);
    return (Vec2){a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u};
}

/* The point at parameter t of the Catmull-Rom segment p1-p2 (knots t0..t3),
 * by the Barry-Goldman pyramid. */
static Vec2 catmull_rom(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, double t1, double t2, double t3, double t)
{
    const double t0 = 0;
    Vec2 a1 = lerp_knots(p0, p1, t0, t1, t);
    Vec2 a2 = lerp_knots(p1, p2, t1, t2, t);
    Vec2 a3 = lerp_knots(p2, p3, t2, t3, t);
    Vec2 b1 = lerp_knots(a1, a2, t0, t2, t);
    Vec2 b2 = lerp_knots(a2, a3, t1, t3, t);
    return lerp_knots(b1, b2, t1, t2, t);
}

Vec2 *geom_smooth_closed(const Vec2 *pts, int n, int per_segment, int *n_out, int **seg_of)
{
    *n_out = 0;
    if (seg_of)
        *seg_of = NULL;
    if (!pts || n < 1 || per_segment < 1)
        return NULL;
    /* The distinct points, each with the index of its first copy. */
    Vec2 *d = malloc(sizeof *d * (size_t)n);
    int *src = malloc(sizeof *src * (size_t)n);
    if (!d || !src) {
        free(d);
        free(src);
        return NULL;
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (m > 0 && pts[i].x == d[m - 1].x && pts[i].y == d[m - 1].y)
            continue;
        d[m] = pts[i];
        src[m++] = i;
    }
    while (m > 1 && d[m - 1].x == d[0].x && d[m - 1].y == d[0].y)
        m--;
    int per = m < 3 ? 1 : per_segment;
    size_t total = (size_t)m * (size_t)per;
    Vec2 *out = malloc(sizeof *out * total);
    int *seg = seg_of ? malloc(sizeof *seg * total) : NULL;
    if (!out || (seg_of && !seg)) {
        free(out);
        free(seg);
        free(d);
        free(src);
        return NULL;
    }
    int k = 0;
    for (int i = 0; i < m; i++) {
        Vec2 p0 = d[(i + m - 1) % m], p1 = d[i], p2 = d[(i + 1) % m], p3 = d[(i + 2) % m];
        double t1 = knot_step(p0, p1);
        double t2 = t1 + knot_step(p1, p2);
        double t3 = t2 + knot_step(p2, p3);
        for (int s = 0; s < per; s++) {
            /* s = 0 is the authored point itself, exactly. */
            out[k] = s == 0 ? p1 : catmull_rom(p0, p1, p2, p3, t1, t2, t3, t1 + (t2 - t1) * s / per);
            if (seg)
                seg[k] = src[i];
            k++;
        }
    }
    free(d);
    free(src);
    *n_out = k;
    if (seg_of)
        *seg_of = seg;
    return out;
}
