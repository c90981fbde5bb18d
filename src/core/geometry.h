/* geometry: points and polygons in image units (a view's SVG user units). */
#ifndef TPQUIZ_GEOMETRY_H
#define TPQUIZ_GEOMETRY_H

#include <stdbool.h>

typedef struct {
    double x, y;
} Vec2;

typedef struct {
    double x, y, w, h;
} RectD;

/* A polygon is an array of n points; the closing edge is implied. */
typedef struct {
    Vec2 *pts;
    int n;
} Polygon;

double geom_distance(Vec2 a, Vec2 b);

/* Winding-number test; points on an edge count as inside. */
bool geom_point_in_polygon(Vec2 p, const Vec2 *pts, int n);

/* geom_point_in_polygon(p) || geom_polygon_edge_distance(p) <= tol, in one
 * pass that looks only at edges within tol of p's height (the on-body
 * checks of a course load make thousands of these against outlines of
 * hundreds of points). */
bool geom_point_near_polygon(Vec2 p, const Vec2 *pts, int n, double tol);

/* A polygon's edges sorted into horizontal bands, so that a point tests
 * only the edges near its height: for outlines of hundreds of points
 * tested thousands of times (the on-body check of every point of every
 * zone at course load). Borrows pts, which must outlive it. */
typedef struct {
    const Vec2 *pts;
    int n;
    double y0, y1, band; /* the polygon's height range, cut into n_bands bands of this height */
    int n_bands;
    int *first; /* edges of band k: edge[first[k]] .. edge[first[k + 1] - 1] */
    int *edge;  /* edge i runs from point i to point i + 1 (the last back to 0) */
} PolygonBands;

/* Builds the bands of pts; false (b empty) if out of memory or n < 1. */
bool geom_bands_build(PolygonBands *b, const Vec2 *pts, int n);
void geom_bands_free(PolygonBands *b);

/* The same answer as geom_point_near_polygon(p, b->pts, b->n, tol), from
 * the edges of the bands p's tolerance band meets. */
bool geom_point_near_bands(Vec2 p, const PolygonBands *b, double tol);

/* Absolute area (shoelace). */
double geom_polygon_area(const Vec2 *pts, int n);

/* Shortest distance from p to the polygon's boundary (0 on the edge). */
double geom_polygon_edge_distance(Vec2 p, const Vec2 *pts, int n);

/* Centroid of the polygon's area (vertex mean if the area is zero). */
Vec2 geom_polygon_centroid(const Vec2 *pts, int n);

RectD geom_polygon_bounds(const Vec2 *pts, int n);

/* Squared distance from p to the rectangle r (0 inside it or on its edge):
 * no point of a polygon within r is nearer, so a polygon whose bounds are
 * farther than a distance already found can be passed over. */
double geom_rect_gap2(Vec2 p, RectD r);

/* Bounds that a caller filled in (a zone's, set at load), not all zero. */
bool geom_rect_known(RectD r);

/* True if two non-adjacent edges cross or touch (collinear overlaps
 * included), or two adjacent edges fold back over each other (a zero-width
 * spike). On true, *edge_a and *edge_b (if non-NULL) get the 0-based indices
 * of the first such pair, edge_a < edge_b (edge i runs from point i to point
 * i+1). */
bool geom_polygon_self_intersects(const Vec2 *pts, int n, int *edge_a, int *edge_b);

/* A closed centripetal Catmull-Rom curve through pts, sampled into a
 * polygon: per_segment points for each authored segment, the first of which
 * is the authored point itself (so the curve passes exactly through every
 * authored point, in order). Consecutive duplicate points (also the last and
 * the first) are merged first; with fewer than 3 distinct points the distinct
 * points are returned as they are. Returns a malloc'd array of *n_out points
 * (NULL with *n_out = 0 when pts is empty, per_segment < 1 or out of memory).
 * If seg_of is non-NULL it gets a malloc'd array of *n_out entries: the index
 * in pts of the authored point that starts each sample's segment, for
 * messages that name the author's points. The centripetal form (alpha 1/2)
 * makes no cusps or loops inside a segment, so a sane outline (no crossing,
 * no hairpin between close points) gives a simple polygon; callers check. */
Vec2 *geom_smooth_closed(const Vec2 *pts, int n, int per_segment, int *n_out, int **seg_of);

/* A grid laid over an image: cols x rows square cells of side cell, with its
 * top-left at origin. Cell (c, r) covers [origin.x + c*cell, ...+cell). */
typedef struct {
    Vec2 origin;
    double cell;
    int cols, rows;
} Grid;

/* Marks cells whose centre lies inside the polygon: out[r*cols + c] = 1.
 * Cells outside are left untouched, so several polygons can be OR-ed in. */
void geom_rasterise_polygon(const Grid *g, const Vec2 *pts, int n, unsigned char *out);

#endif
