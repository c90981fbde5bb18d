/* Unit tests for src/core/geometry.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geometry.h"
#include "support.h"

static Vec2 v(double x, double y)
{
    Vec2 p = {x, y};
    return p;
}

/* A 10 x 10 square, one way round ... */
static const Vec2 SQUARE[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
/* ... and the other way round. */
static const Vec2 SQUARE_CW[] = {{0, 0}, {0, 10}, {10, 10}, {10, 0}};
/* A "U": the notch x in (4,6), y in [0,6) is outside. */
static const Vec2 U_SHAPE[] = {{0, 0}, {4, 0}, {4, 6}, {6, 6}, {6, 0}, {10, 0}, {10, 10}, {0, 10}};

static void test_distance(void **state)
{
    (void)state;
    assert_near(geom_distance(v(0, 0), v(3, 4)), 5.0, 1e-12);
    assert_near(geom_distance(v(-1, -1), v(-1, -1)), 0.0, 0);
    assert_near(geom_distance(v(1, 2), v(-2, -2)), 5.0, 1e-12);
}

static void test_point_in_square(void **state)
{
    (void)state;
    assert_true(geom_point_in_polygon(v(5, 5), SQUARE, 4));
    assert_true(geom_point_in_polygon(v(5, 5), SQUARE_CW, 4));
    assert_false(geom_point_in_polygon(v(-0.001, 5), SQUARE, 4));
    assert_false(geom_point_in_polygon(v(10.001, 5), SQUARE, 4));
    assert_false(geom_point_in_polygon(v(5, 10.5), SQUARE, 4));
    assert_false(geom_point_in_polygon(v(50, 50), SQUARE, 4));
}

static void test_point_on_edges_and_vertices_is_inside(void **state)
{
    (void)state;
    const Vec2 *polys[] = {SQUARE, SQUARE_CW};
    for (int k = 0; k < 2; k++) {
        const Vec2 *p = polys[k];
        /* every vertex */
        for (int i = 0; i < 4; i++)
            assert_true(geom_point_in_polygon(p[i], p, 4));
        /* middle of every edge, including the closing one */
        assert_true(geom_point_in_polygon(v(5, 0), p, 4));
        assert_true(geom_point_in_polygon(v(10, 5), p, 4));
        assert_true(geom_point_in_polygon(v(5, 10), p, 4));
        assert_true(geom_point_in_polygon(v(0, 5), p, 4));
    }
    /* On a slanted edge with non-integer coordinates. */
    const Vec2 tri[] = {{0, 0}, {10, 0}, {0, 10}};
    assert_true(geom_point_in_polygon(v(2.5, 7.5), tri, 3));
    assert_true(geom_point_in_polygon(v(0.1 * 3, 10 - 0.1 * 3), tri, 3));
    assert_false(geom_point_in_polygon(v(5.01, 5.01), tri, 3));
    /* On the extension of an edge but beyond its end: outside. */
    assert_false(geom_point_in_polygon(v(11, 0), SQUARE, 4));
    assert_false(geom_point_in_polygon(v(0, -1), SQUARE, 4));
}

static void test_point_in_concave(void **state)
{
    (void)state;
    assert_false(geom_point_in_polygon(v(5, 3), U_SHAPE, N(U_SHAPE))); /* in the notch */
    assert_false(geom_point_in_polygon(v(5, 0), U_SHAPE, N(U_SHAPE))); /* notch mouth */
    assert_true(geom_point_in_polygon(v(2, 3), U_SHAPE, N(U_SHAPE)));  /* left arm */
    assert_true(geom_point_in_polygon(v(8, 3), U_SHAPE, N(U_SHAPE)));  /* right arm */
    assert_true(geom_point_in_polygon(v(5, 8), U_SHAPE, N(U_SHAPE)));  /* base */
    assert_true(geom_point_in_polygon(v(5, 6), U_SHAPE, N(U_SHAPE)));  /* notch floor */
    assert_true(geom_point_in_polygon(v(4, 3), U_SHAPE, N(U_SHAPE)));  /* notch wall */
    /* A horizontal ray from (2,3) crosses the notch's walls: the rule must
     * not be fooled by the extra crossings. */
    assert_true(geom_point_in_polygon(v(0.5, 3), U_SHAPE, N(U_SHAPE)));
    /* Ray passing exactly through vertices (y = 6 hits (4,6) and (6,6)). */
    assert_true(geom_point_in_polygon(v(1, 6), U_SHAPE, N(U_SHAPE)));
    assert_false(geom_point_in_polygon(v(-1, 6), U_SHAPE, N(U_SHAPE)));
    assert_false(geom_point_in_polygon(v(-1, 0), U_SHAPE, N(U_SHAPE)));
}

static void test_point_in_degenerate(void **state)
{
    (void)state;
    assert_false(geom_point_in_polygon(v(0, 0), NULL, 0));
    assert_false(geom_point_in_polygon(v(0, 0), SQUARE, 0));
    const Vec2 seg[] = {{0, 0}, {10, 0}};
    assert_true(geom_point_in_polygon(v(5, 0), seg, 2));
    assert_false(geom_point_in_polygon(v(5, 1), seg, 2));
}

static void test_area(void **state)
{
    (void)state;
    assert_near(geom_polygon_area(SQUARE, 4), 100.0, 1e-12);
    assert_near(geom_polygon_area(SQUARE_CW, 4), 100.0, 1e-12);
    assert_near(geom_polygon_area(U_SHAPE, N(U_SHAPE)), 100.0 - 12.0, 1e-12);
    const Vec2 tri[] = {{0, 0}, {4, 0}, {0, 3}};
    assert_near(geom_polygon_area(tri, 3), 6.0, 1e-12);
    const Vec2 line[] = {{0, 0}, {1, 1}, {2, 2}};
    assert_near(geom_polygon_area(line, 3), 0.0, 1e-12);
    assert_near(geom_polygon_area(SQUARE, 2), 0.0, 0);
}

static void test_edge_distance(void **state)
{
    (void)state;
    assert_near(geom_polygon_edge_distance(v(5, 5), SQUARE, 4), 5.0, 1e-12);
    assert_near(geom_polygon_edge_distance(v(5, 0), SQUARE, 4), 0.0, 1e-12);
    assert_near(geom_polygon_edge_distance(v(2, 5), SQUARE, 4), 2.0, 1e-12);
    /* Outside, nearest to a corner: distance to the vertex. */
    assert_near(geom_polygon_edge_distance(v(13, 14), SQUARE, 4), 5.0, 1e-12);
    /* Closing edge (0,10)-(0,0) is used. */
    assert_near(geom_polygon_edge_distance(v(-3, 5), SQUARE, 4), 3.0, 1e-12);
    /* Inside the notch of the U: nearest is a notch wall. */
    assert_near(geom_polygon_edge_distance(v(5, 2), U_SHAPE, N(U_SHAPE)), 1.0, 1e-12);
    assert_true(isinf(geom_polygon_edge_distance(v(0, 0), NULL, 0)));
}

static void test_centroid(void **state)
{
    (void)state;
    Vec2 c = geom_polygon_centroid(SQUARE, 4);
    assert_near(c.x, 5, 1e-12);
    assert_near(c.y, 5, 1e-12);
    c = geom_polygon_centroid(SQUARE_CW, 4);
    assert_near(c.x, 5, 1e-12);
    assert_near(c.y, 5, 1e-12);
    /* An area centroid, not the vertex mean: a square with an extra vertex
     * on one edge keeps its centre. */
    const Vec2 sq5[] = {{0, 0}, {2, 0}, {10, 0}, {10, 10}, {0, 10}};
    c = geom_polygon_centroid(sq5, 5);
    assert_near(c.x, 5, 1e-12);
    assert_near(c.y, 5, 1e-12);
    /* Far from the origin (numerical care). */
    const Vec2 far[] = {{1e6, 1e6}, {1e6 + 4, 1e6}, {1e6 + 4, 1e6 + 2}, {1e6, 1e6 + 2}};
    c = geom_polygon_centroid(far, 4);
    assert_near(c.x, 1e6 + 2, 1e-6);
    assert_near(c.y, 1e6 + 1, 1e-6);
    /* Triangle: mean of the vertices. */
    const Vec2 tri[] = {{0, 0}, {6, 0}, {0, 3}};
    c = geom_polygon_centroid(tri, 3);
    assert_near(c.x, 2, 1e-12);
    assert_near(c.y, 1, 1e-12);
    /* Zero area: vertex mean. */
    const Vec2 line[] = {{0, 0}, {3, 3}, {6, 6}};
    c = geom_polygon_centroid(line, 3);
    assert_near(c.x, 3, 1e-12);
    assert_near(c.y, 3, 1e-12);
}

static void test_bounds(void **state)
{
    (void)state;
    const Vec2 p[] = {{3, -2}, {7, 5}, {-1, 4}};
    RectD r = geom_polygon_bounds(p, 3);
    assert_near(r.x, -1, 0);
    assert_near(r.y, -2, 0);
    assert_near(r.w, 8, 0);
    assert_near(r.h, 7, 0);
    r = geom_polygon_bounds(NULL, 0);
    assert_near(r.w, 0, 0);
}

static void test_simple_polygons_do_not_self_intersect(void **state)
{
    (void)state;
    int a = -7, b = -7;
    assert_false(geom_polygon_self_intersects(SQUARE, 4, &a, &b));
    assert_int_equal(a, -7); /* untouched on false */
    assert_false(geom_polygon_self_intersects(SQUARE_CW, 4, NULL, NULL));
    assert_false(geom_polygon_self_intersects(U_SHAPE, N(U_SHAPE), NULL, NULL));
    const Vec2 tri[] = {{0, 0}, {10, 0}, {0, 10}};
    assert_false(geom_polygon_self_intersects(tri, 3, NULL, NULL));
    /* Collinear consecutive vertices going on in the same direction are fine. */
    const Vec2 sq5[] = {{0, 0}, {2, 0}, {10, 0}, {10, 10}, {0, 10}};
    assert_false(geom_polygon_self_intersects(sq5, 5, NULL, NULL));
}

static void test_bow_tie_crosses(void **state)
{
    (void)state;
    const Vec2 bow[] = {{0, 0}, {10, 10}, {10, 0}, {0, 10}};
    int a = -1, b = -1;
    assert_true(geom_polygon_self_intersects(bow, 4, &a, &b));
    assert_int_equal(a, 0); /* (0,0)-(10,10) */
    assert_int_equal(b, 2); /* (10,0)-(0,10) */
}

static void test_touching_counts(void **state)
{
    (void)state;
    /* Vertex 3 at (5,0) touches edge 0 (0,0)-(10,0) from above: two lobes
     * joined at a point. */
    const Vec2 touch[] = {{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10}};
    int a = -1, b = -1;
    assert_true(geom_polygon_self_intersects(touch, 5, &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 2); /* edge 2 ends at (5,0) on edge 0 */
    /* Near miss: the vertex stays just above the edge. */
    const Vec2 miss[] = {{0, 0}, {10, 0}, {10, 10}, {5, 0.01}, {0, 10}};
    assert_false(geom_polygon_self_intersects(miss, 5, NULL, NULL));
    /* Two non-adjacent vertices at the same point. */
    const Vec2 dup[] = {{0, 0}, {5, 5}, {10, 0}, {10, 10}, {5, 5}, {0, 10}};
    assert_true(geom_polygon_self_intersects(dup, 6, NULL, NULL));
}

static void test_collinear_overlap_counts(void **state)
{
    (void)state;
    /* Edges 0 (0,0)-(10,0) and 4 (8,0)-(2,0) overlap along y = 0. */
    const Vec2 p[] = {{0, 0}, {10, 0}, {10, 5}, {8, 5}, {8, 0}, {2, 0}, {2, 5}, {0, 5}};
    int a = -1, b = -1;
    assert_true(geom_polygon_self_intersects(p, N(p), &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 3); /* (8,5)-(8,0) ends on edge 0 before edge 4 overlaps it */

    /* Edge 3 (10,0)-(0,0) contains edge 0 (2,0)-(8,0): they share no end
     * point and do not cross, only overlap; the pair is found first. */
    const Vec2 q[] = {{2, 0}, {8, 0}, {8, 5}, {10, 0}, {0, 0}, {0, 5}};
    a = b = -1;
    assert_true(geom_polygon_self_intersects(q, N(q), &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 3);
}

static void test_spike_folds_back(void **state)
{
    (void)state;
    /* Edges 1 (10,0)-(10,10) and 2 (10,10)-(10,4) are adjacent but overlap. */
    const Vec2 p[] = {{0, 0}, {10, 0}, {10, 10}, {10, 4}, {0, 10}};
    int a = -1, b = -1;
    assert_true(geom_polygon_self_intersects(p, N(p), &a, &b));
    assert_int_equal(a, 1);
    assert_int_equal(b, 2);
    /* Fold-back through the closing edge: edges 3 and 0. */
    const Vec2 q[] = {{0, 5}, {0, 0}, {10, 0}, {0, 0}};
    assert_true(geom_polygon_self_intersects(q, 4, &a, &b));
    /* Degenerate triangle lying on one line. */
    const Vec2 flat[] = {{0, 0}, {10, 0}, {5, 0}};
    assert_true(geom_polygon_self_intersects(flat, 3, NULL, NULL));
}

#define TWO_PI 6.283185307179586

/* The plain double loop the sweep must agree with, pair for pair. */
static double ref_cross(Vec2 a, Vec2 b, Vec2 c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}
static int ref_sign(double v) { return (v > 0) - (v < 0); }
static bool ref_within(Vec2 a, Vec2 b, Vec2 q)
{
    return fmin(a.x, b.x) <= q.x && q.x <= fmax(a.x, b.x) && fmin(a.y, b.y) <= q.y && q.y <= fmax(a.y, b.y);
}
static bool ref_meet(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    int d1 = ref_sign(ref_cross(c, d, a)), d2 = ref_sign(ref_cross(c, d, b));
    int d3 = ref_sign(ref_cross(a, b, c)), d4 = ref_sign(ref_cross(a, b, d));
    if (d1 * d2 < 0 && d3 * d4 < 0)
        return true;
    return (d1 == 0 && ref_within(c, d, a)) || (d2 == 0 && ref_within(c, d, b)) ||
           (d3 == 0 && ref_within(a, b, c)) || (d4 == 0 && ref_within(a, b, d));
}
static bool ref_self_intersects(const Vec2 *p, int n, int *ea, int *eb)
{
    for (int i = 0; i < n; i++) {
        Vec2 a = p[i], b = p[(i + 1) % n], c = p[(i + 2) % n];
        if (ref_cross(a, b, c) == 0 && (a.x - b.x) * (c.x - b.x) + (a.y - b.y) * (c.y - b.y) > 0) {
            int next = (i + 1) % n;
            *ea = i < next ? i : next;
            *eb = i < next ? next : i;
            return true;
        }
        for (int j = i + 2; j < n; j++) {
            if (i == 0 && j == n - 1)
                continue;
            if (ref_meet(a, b, p[j], p[(j + 1) % n])) {
                *ea = i;
                *eb = j;
                return true;
            }
        }
    }
    return false;
}

static void test_self_intersects_matches_the_double_loop(void **state)
{
    (void)state;
    /* Random polygons on a small integer grid: many crossings, shared
     * points, collinear overlaps and folds. The sweep must name the same
     * pair of edges as the plain loop every time. */
    unsigned seed = 12345;
    Vec2 p[40];
    int crossing = 0;
    for (int round = 0; round < 20000; round++) {
        int n = 3 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
        int span = round % 3 == 0 ? 4 : 40;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            p[i].x = (double)((seed >> 16) % (unsigned)span);
            seed = seed * 1103515245u + 12345u;
            p[i].y = (double)((seed >> 16) % (unsigned)span);
        }
        int a = -1, b = -1, ra = -1, rb = -1;
        bool got = geom_polygon_self_intersects(p, n, &a, &b);
        bool want = ref_self_intersects(p, n, &ra, &rb);
        assert_int_equal(got, want);
        if (want) {
            crossing++;
            assert_int_equal(a, ra);
            assert_int_equal(b, rb);
        }
    }
    assert_true(crossing > 1000 && crossing < 20000); /* both kinds were tried */
    /* A simple polygon at the point cap: a 1000-point circle. */
    Vec2 circle[1000];
    for (int i = 0; i < 1000; i++)
        circle[i] = (Vec2){300 + 100 * cos(i * TWO_PI / 1000), 300 + 100 * sin(i * TWO_PI / 1000)};
    assert_false(geom_polygon_self_intersects(circle, 1000, NULL, NULL));
    circle[500] = (Vec2){450, 300}; /* pull a point out across the far side */
    int a = -1, b = -1, ra = -1, rb = -1;
    assert_true(geom_polygon_self_intersects(circle, 1000, &a, &b));
    assert_true(ref_self_intersects(circle, 1000, &ra, &rb));
    assert_int_equal(a, ra);
    assert_int_equal(b, rb);
}

/* The row-by-row rasteriser marks exactly the cells whose centre
 * geom_point_in_polygon calls inside: random polygons (self-crossing ones
 * too) with vertices on cell centres, cell edges and anywhere, horizontal
 * edges along rows of centres, grids with odd origins. */
static void test_rasterise_matches_point_in_polygon(void **state)
{
    (void)state;
    unsigned seed = 777;
    Vec2 p[24];
    unsigned char fast[40 * 30], slow[40 * 30];
    for (int round = 0; round < 3000; round++) {
        seed = seed * 1103515245u + 12345u;
        int n = 3 + (int)((seed >> 16) % 20);
        Grid g = {{round % 3 == 0 ? 0.0 : -3.25, round % 5 == 0 ? 0.0 : 1.5}, round % 2 ? 1.0 : 0.5, 40, 30};
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            int kind = (int)((seed >> 8) % 3);
            double x = (double)((seed >> 16) % 44) - 2, y = (double)((seed >> 20) % 34) - 2;
            if (kind == 0) { /* a cell centre */
                x = g.origin.x + (x + 0.5) * g.cell;
                y = g.origin.y + (y + 0.5) * g.cell;
            } else if (kind == 1) { /* a cell corner */
                x = g.origin.x + x * g.cell;
                y = g.origin.y + y * g.cell;
            } else {
                x = g.origin.x + x * g.cell * 0.73;
                y = g.origin.y + y * g.cell * 0.91;
            }
            p[i] = (Vec2){x, y};
            if (i > 0 && round % 4 == 0)
                p[i].y = p[i - 1].y; /* horizontal edges */
        }
        memset(fast, 0, sizeof fast);
        geom_rasterise_polygon(&g, p, n, fast);
        for (int r = 0; r < g.rows; r++)
            for (int c = 0; c < g.cols; c++) {
                Vec2 centre = {g.origin.x + (c + 0.5) * g.cell, g.origin.y + (r + 0.5) * g.cell};
                slow[r * g.cols + c] = geom_point_in_polygon(centre, p, n) ? 1 : 0;
            }
        assert_memory_equal(fast, slow, sizeof fast);
    }
}

static int count(const unsigned char *g, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += g[i];
    return k;
}

static void test_rasterise(void **state)
{
    (void)state;
    /* 10 x 10 grid of unit cells from (0,0); the square (2,2)-(6,5) covers
     * the cells whose centres x in {2.5..5.5}, y in {2.5..4.5}: 4 x 3. */
    Grid g = {{0, 0}, 1.0, 10, 10};
    unsigned char cells[100];
    memset(cells, 0, sizeof cells);
    const Vec2 box[] = {{2, 2}, {6, 2}, {6, 5}, {2, 5}};
    geom_rasterise_polygon(&g, box, 4, cells);
    assert_int_equal(count(cells, 100), 12);
    assert_int_equal(cells[2 * 10 + 2], 1);
    assert_int_equal(cells[4 * 10 + 5], 1);
    assert_int_equal(cells[5 * 10 + 5], 0); /* row 5 centre y = 5.5 */
    assert_int_equal(cells[2 * 10 + 6], 0);
    assert_int_equal(cells[1 * 10 + 2], 0);

    /* OR-ing: a second polygon adds cells; earlier ones stay. */
    const Vec2 corner[] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    geom_rasterise_polygon(&g, corner, 4, cells);
    assert_int_equal(count(cells, 100), 13);
    assert_int_equal(cells[0], 1);

    /* Cells outside are untouched, not cleared. */
    memset(cells, 7, sizeof cells);
    geom_rasterise_polygon(&g, box, 4, cells);
    assert_int_equal(cells[0], 7);
    assert_int_equal(cells[2 * 10 + 2], 1);
}

static void test_rasterise_offset_grid_and_clipping(void **state)
{
    (void)state;
    /* Grid with origin (100, 50), 5-unit cells, 4 x 3. A polygon larger than
     * the grid fills every cell and writes nothing out of range. */
    Grid g = {{100, 50}, 5.0, 4, 3};
    unsigned char cells[12 + 4];
    memset(cells, 0, sizeof cells);
    const Vec2 big[] = {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}};
    geom_rasterise_polygon(&g, big, 4, cells);
    assert_int_equal(count(cells, 12), 12);
    assert_int_equal(count(cells + 12, 4), 0);

    /* The concave U on a 10 x 10 grid of unit cells: the notch (cells with
     * centre x 4.5, 5.5 and y 0.5..5.5) stays empty. */
    Grid u = {{0, 0}, 1.0, 10, 10};
    unsigned char c2[100];
    memset(c2, 0, sizeof c2);
    geom_rasterise_polygon(&u, U_SHAPE, N(U_SHAPE), c2);
    assert_int_equal(count(c2, 100), 100 - 12);
    assert_int_equal(c2[3 * 10 + 4], 0);
    assert_int_equal(c2[6 * 10 + 4], 1);

    /* A polygon entirely off the grid marks nothing. */
    memset(cells, 0, sizeof cells);
    const Vec2 away[] = {{-50, -50}, {-40, -50}, {-40, -40}};
    geom_rasterise_polygon(&g, away, 3, cells);
    assert_int_equal(count(cells, 16), 0);
}

/* geom_point_near_polygon is a faster geom_point_in_polygon(p) ||
 * geom_polygon_edge_distance(p) <= tol: both must agree everywhere, on
 * points inside, outside, on edges and vertices, and just beyond tol. */
static void test_point_near_matches_in_or_edge_distance(void **state)
{
    (void)state;
    const Vec2 *shapes[] = {SQUARE, SQUARE_CW, U_SHAPE};
    const int sizes[] = {N(SQUARE), N(SQUARE_CW), N(U_SHAPE)};
    const double tols[] = {-1, 0, 0.5, 1, 3};
    uint32_t seed = 12345;
    for (int s = 0; s < 3; s++)
        for (int t = 0; t < N(tols); t++)
            for (int k = 0; k < 4000; k++) {
                /* On a quarter-unit lattice from -5 to 15, so many points
                 * fall exactly on edges, vertices and at distance tol. */
                seed = seed * 1664525u + 1013904223u;
                Vec2 p = v((double)(seed >> 24) / 256.0 * 20.0 - 5.0, 0);
                seed = seed * 1664525u + 1013904223u;
                p.y = (double)(seed >> 24) / 256.0 * 20.0 - 5.0;
                bool want = geom_point_in_polygon(p, shapes[s], sizes[s]) ||
                            geom_polygon_edge_distance(p, shapes[s], sizes[s]) <= tols[t];
                if (geom_point_near_polygon(p, shapes[s], sizes[s], tols[t]) != want) {
                    print_error("shape %d, tol %g, point %g,%g: expected %d\n", s, tols[t], p.x, p.y, want);
                    fail();
                }
            }
    assert_true(geom_point_near_polygon(v(11, 5), SQUARE, 4, 1));
    assert_false(geom_point_near_polygon(v(11.01, 5), SQUARE, 4, 1));
    assert_true(geom_point_near_polygon(v(5, 3), U_SHAPE, 8, 1));   /* in the notch, 1 from its sides */
    assert_false(geom_point_near_polygon(v(5, 3), U_SHAPE, 8, 0.5));
    assert_false(geom_point_near_polygon(v(5, 5), NULL, 0, 3));
}

/* The banded test gives geom_point_near_polygon's answer: the fixed
 * shapes, a flat one (every point at one height), and random polygons of
 * 3 to 400 points (crossing ones too) on a quarter-unit lattice so that
 * points fall on vertices, on edges and exactly on band boundaries, at
 * tolerances from none to larger than the polygon. */
static void test_point_near_bands_matches(void **state)
{
    (void)state;
    static const Vec2 FLAT[] = {{0, 5}, {4, 5}, {9, 5}};
    const double tols[] = {-1, 0, 0.25, 1, 3, 40};
    uint32_t seed = 777;
    Vec2 pts[400];
    for (int shape = 0; shape < 64; shape++) {
        const Vec2 *poly = pts;
        int n;
        if (shape == 0) {
            poly = U_SHAPE;
            n = N(U_SHAPE);
        } else if (shape == 1) {
            poly = FLAT;
            n = N(FLAT);
        } else {
            seed = seed * 1664525u + 1013904223u;
            n = 3 + (int)(seed >> 8) % 398;
            for (int i = 0; i < n; i++) {
                seed = seed * 1664525u + 1013904223u;
                pts[i].x = (double)(seed >> 24) / 256.0 * 20.0 - 5.0;
                seed = seed * 1664525u + 1013904223u;
                pts[i].y = (double)(seed >> 24) / 256.0 * 20.0 - 5.0;
            }
        }
        PolygonBands b;
        assert_true(geom_bands_build(&b, poly, n));
        for (int t = 0; t < N(tols); t++)
            for (int k = 0; k < 600; k++) {
                seed = seed * 1664525u + 1013904223u;
                Vec2 p = v((double)(seed >> 24) / 256.0 * 30.0 - 10.0, 0);
                seed = seed * 1664525u + 1013904223u;
                p.y = (double)(seed >> 24) / 256.0 * 30.0 - 10.0;
                if (k % 5 == 0)
                    p = poly[k % n]; /* a vertex */
                bool want = geom_point_near_polygon(p, poly, n, tols[t]);
                if (geom_point_near_bands(p, &b, tols[t]) != want) {
                    print_error("shape %d (%d points), tol %g, point %g,%g: expected %d\n", shape, n, tols[t],
                                p.x, p.y, want);
                    fail();
                }
            }
        geom_bands_free(&b);
        assert_null(b.first);
    }
    PolygonBands none;
    assert_false(geom_bands_build(&none, NULL, 0));
    assert_false(geom_point_near_bands(v(0, 0), &none, 3));
    geom_bands_free(&none);
}

/* ---- geom_smooth_closed: the closed centripetal Catmull-Rom ---- */

static void test_smooth_passes_through_authored_points(void **state)
{
    (void)state;
    int n = 0, *seg = NULL;
    Vec2 *c = geom_smooth_closed(U_SHAPE, 8, 6, &n, &seg);
    assert_non_null(c);
    assert_non_null(seg);
    assert_int_equal(n, 8 * 6);
    for (int i = 0; i < 8; i++) {
        /* every sixth sample is the authored point, exactly, in order */
        assert_true(c[i * 6].x == U_SHAPE[i].x && c[i * 6].y == U_SHAPE[i].y);
        for (int s = 0; s < 6; s++)
            assert_int_equal(seg[i * 6 + s], i);
    }
    free(c);
    free(seg);
}

static void test_smooth_is_closed_and_continuous(void **state)
{
    (void)state;
    int n = 0;
    Vec2 *c = geom_smooth_closed(SQUARE, 4, 16, &n, NULL);
    assert_int_equal(n, 64);
    /* no gap anywhere, the closing edge (last sample to the first point)
     * included: each step is a small part of a 10-unit side */
    for (int i = 0; i < n; i++)
        assert_true(geom_distance(c[i], c[(i + 1) % n]) < 1.5);
    /* smooth, not the square: the middle of a side bulges out a little,
     * and the curve is a simple polygon */
    assert_true(c[8].y < 0 && c[8].y > -2.5);
    assert_false(geom_polygon_self_intersects(c, n, NULL, NULL));
    free(c);
}

static void test_smooth_is_bounded(void **state)
{
    (void)state;
    /* An uneven outline: long and short sides, a sharp corner. */
    static const Vec2 P[] = {{0, 0}, {40, 2}, {41, 3}, {42, 30}, {20, 31}, {3, 12}};
    int n = 0;
    Vec2 *c = geom_smooth_closed(P, 6, 12, &n, NULL);
    assert_int_equal(n, 72);
    RectD b = geom_polygon_bounds(P, 6);
    /* The curve may swing out a little past its points, never far: a sixth
     * of the longest side at most. */
    double m = 42.0 / 6;
    for (int i = 0; i < n; i++) {
        assert_true(c[i].x >= b.x - m && c[i].x <= b.x + b.w + m);
        assert_true(c[i].y >= b.y - m && c[i].y <= b.y + b.h + m);
    }
    assert_false(geom_polygon_self_intersects(c, n, NULL, NULL));
    /* Its area is close to the polygon's. */
    double a = geom_polygon_area(c, n), ap = geom_polygon_area(P, 6);
    assert_true(a > ap * 0.8 && a < ap * 1.25);
    free(c);
}

static void test_smooth_is_deterministic(void **state)
{
    (void)state;
    int n1 = 0, n2 = 0;
    Vec2 *a = geom_smooth_closed(U_SHAPE, 8, 8, &n1, NULL);
    Vec2 *b = geom_smooth_closed(U_SHAPE, 8, 8, &n2, NULL);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, sizeof *a * (size_t)n1);
    free(a);
    free(b);
}

static void test_smooth_degenerate_inputs(void **state)
{
    (void)state;
    int n = 0, *seg = NULL;
    /* three points: a smooth closed blob through them */
    static const Vec2 TRI[] = {{0, 0}, {10, 0}, {5, 8}};
    Vec2 *c = geom_smooth_closed(TRI, 3, 8, &n, NULL);
    assert_int_equal(n, 24);
    assert_false(geom_polygon_self_intersects(c, n, NULL, NULL));
    assert_true(geom_point_in_polygon(v(5, 3), c, n));
    free(c);
    /* duplicates, also first = last: merged, the authored indices kept */
    static const Vec2 DUP[] = {{0, 0}, {0, 0}, {10, 0}, {10, 10}, {10, 10}, {0, 10}, {0, 0}};
    c = geom_smooth_closed(DUP, 7, 4, &n, &seg);
    assert_int_equal(n, 16);
    for (int i = 0; i < n; i++)
        assert_true(isfinite(c[i].x) && isfinite(c[i].y));
    assert_int_equal(seg[0], 0);
    assert_int_equal(seg[4], 2);
    assert_int_equal(seg[8], 3);
    assert_int_equal(seg[12], 5);
    free(c);
    free(seg);
    /* all the same point, two points, nothing: no curve to draw, no crash */
    static const Vec2 SAME[] = {{3, 3}, {3, 3}, {3, 3}};
    c = geom_smooth_closed(SAME, 3, 8, &n, NULL);
    assert_int_equal(n, 1);
    free(c);
    c = geom_smooth_closed(TRI, 2, 8, &n, NULL);
    assert_int_equal(n, 2);
    assert_true(c[1].x == 10 && c[1].y == 0);
    free(c);
    assert_null(geom_smooth_closed(NULL, 0, 8, &n, NULL));
    assert_int_equal(n, 0);
    assert_null(geom_smooth_closed(TRI, 3, 0, &n, NULL));
    /* collinear points: finite, no crash */
    static const Vec2 LINE[] = {{0, 0}, {5, 0}, {10, 0}};
    c = geom_smooth_closed(LINE, 3, 8, &n, NULL);
    for (int i = 0; i < n; i++)
        assert_true(isfinite(c[i].x) && isfinite(c[i].y));
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_point_in_square),
        cmocka_unit_test(test_point_on_edges_and_vertices_is_inside),
        cmocka_unit_test(test_point_in_concave),
        cmocka_unit_test(test_point_in_degenerate),
        cmocka_unit_test(test_area),
        cmocka_unit_test(test_edge_distance),
        cmocka_unit_test(test_point_near_matches_in_or_edge_distance),
        cmocka_unit_test(test_point_near_bands_matches),
        cmocka_unit_test(test_centroid),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_simple_polygons_do_not_self_intersect),
        cmocka_unit_test(test_bow_tie_crosses),
        cmocka_unit_test(test_touching_counts),
        cmocka_unit_test(test_collinear_overlap_counts),
        cmocka_unit_test(test_spike_folds_back),
        cmocka_unit_test(test_self_intersects_matches_the_double_loop),
        cmocka_unit_test(test_rasterise),
        cmocka_unit_test(test_rasterise_matches_point_in_polygon),
        cmocka_unit_test(test_rasterise_offset_grid_and_clipping),
        cmocka_unit_test(test_smooth_passes_through_authored_points),
        cmocka_unit_test(test_smooth_is_closed_and_continuous),
        cmocka_unit_test(test_smooth_is_bounded),
        cmocka_unit_test(test_smooth_is_deterministic),
        cmocka_unit_test(test_smooth_degenerate_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
