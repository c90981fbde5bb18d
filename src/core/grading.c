/* grading: credit for one response. The rules and their reasons are in
 * docs/GRADING.md; keep the two in step. */
#include "grading.h"

#include <math.h>
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

ZoneClickResult grade_zone_click(Vec2 click, const Module *m, int tp, const char *view)
{
    ZoneClickResult r = {0.0, -1, ZONE_ESSENTIAL, -1.0};
    if (!m || !view)
        return r;
    for (int i = 0; i < m->n_zones; i++) {
        const Zone *z = &m->zones[i];
        if (z->tp != tp || !z->view || strcmp(z->view, view) != 0)
            continue;
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
